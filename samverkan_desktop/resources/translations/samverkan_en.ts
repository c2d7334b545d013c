<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="67"/>
        <source>Kopiera</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="68"/>
        <source>Kopiera uppgifterna till urklipp</source>
        <translation>Copy these details to the clipboard</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="79"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="80"/>
        <source>Licens</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="81"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="82"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="83"/>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="84"/>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="95"/>
        <source>Kopierat</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <location filename="../../ui/appearance.py" line="113"/>
        <source>Hög kontrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../../ui/appearance.py" line="116"/>
        <source>Större</source>
        <translation>Larger</translation>
    </message>
    <message>
        <location filename="../../ui/appearance.py" line="119"/>
        <source>Mindre</source>
        <translation>Smaller</translation>
    </message>
    <message>
        <location filename="../../ui/appearance.py" line="122"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/appearance.py" line="157"/>
        <source>Textstorlek</source>
        <translation>Text size</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/read_only.py" line="61"/>
        <source>kl. {time}</source>
        <translation>{time}</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="63"/>
        <source>i går kl. {time}</source>
        <translation>yesterday at {time}</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="65"/>
        <source>{date} kl. {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="71"/>
        <source>någon okänd</source>
        <translation>someone unknown</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="72"/>
        <source>{user} på datorn {host}</source>
        <translation>{user} on the computer {host}</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="80"/>
        <source>Förbindelsen med servern {server} är bruten. Tavlan är skrivskyddad tills den är tillbaka; allt du gjort hittills är sparat på servern.</source>
        <translation>The connection to the server {server} is lost. The board is read-only until it is back; everything you did so far is saved on the server.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="84"/>
        <source>Du har bara läsrätt till den här workshoppen på servern.</source>
        <translation>You may only read this workshop on the server.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="87"/>
        <source>Mappen som workshoppen ligger i går inte att skriva i ({reason}).</source>
        <translation>The folder the workshop is in cannot be written to ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="91"/>
        <source>Workshopfilen är skrivskyddad (markerad som skrivskyddad, eller så saknas rätt att ändra den).</source>
        <translation>The workshop file is read-only (marked as read-only, or you may not change it).</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="96"/>
        <source>Den här datorn har inte längre workshoppen öppen för redigering.</source>
        <translation>This computer no longer has the workshop open for editing.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="99"/>
        <source>Workshoppen är öppen för redigering hos {who} sedan {since}; den togs över medan den här datorn inte svarade.</source>
        <translation>{who} has had the workshop open for editing since {since}; it was taken over while this computer was not responding.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="104"/>
        <source>Du ({who}) har redan workshoppen öppen för redigering i ett annat fönster sedan {since}.</source>
        <translation>You ({who}) have had the workshop open for editing in another window since {since}.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="109"/>
        <source>Workshoppen är öppen för redigering hos {who} sedan {since}.</source>
        <translation>{who} has had the workshop open for editing since {since}.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="112"/>
        <source>Här kan du titta, söka och exportera, men inte spara ändringar.</source>
        <translation>Here you can look, search and export, but not save changes.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="114"/>
        <source>Du ser workshoppen som den var när du öppnade den.</source>
        <translation>You see the workshop as it was when you opened it.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="116"/>
        <source>Dina ändringar fram till dess finns kvar i filen.</source>
        <translation>Your changes up to then are kept in the file.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="123"/>
        <source>Skrivskyddad: servern går inte att nå, så ändringen sparades inte.</source>
        <translation>Read-only: the server cannot be reached, so the change was not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="125"/>
        <source>Skrivskyddad: du har bara läsrätt, så ändringen sparades inte.</source>
        <translation>Read-only: you may only read, so the change was not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="127"/>
        <source>Skrivskyddad: mappen går inte att skriva i, så ändringen sparades inte.</source>
        <translation>Read-only: the folder cannot be written to, so the change was not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="129"/>
        <source>Skrivskyddad: filen går inte att skriva i, så ändringen sparades inte.</source>
        <translation>Read-only: the file cannot be written to, so the change was not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="132"/>
        <source>Skrivskyddad: ändringen sparades inte.</source>
        <translation>Read-only: the change was not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="134"/>
        <source>Skrivskyddad: {who} redigerar workshoppen, så ändringen sparades inte.</source>
        <translation>Read-only: {who} is editing the workshop, so the change was not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="152"/>
        <source>Skrivskyddad</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="161"/>
        <source>Spara en kopia…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="163"/>
        <source>Spara workshoppen som en ny fil och fortsätt arbeta i den.</source>
        <translation>Save the workshop as a new file and go on working in it.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="165"/>
        <source>Försök igen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="166"/>
        <source>Öppna workshoppen för redigering om den är ledig nu.</source>
        <translation>Open the workshop for editing if it is free now.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="275"/>
        <source>{name} är fortfarande öppen hos {who}.</source>
        <translation>{name} is still open for editing by {who}.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="287"/>
        <source>{name} är öppen för redigering.</source>
        <translation>{name} is open for editing.</translation>
    </message>
    <message>
        <location filename="../../ui/read_only.py" line="289"/>
        <source>{name} går fortfarande inte att spara här.</source>
        <translation>{name} still cannot be saved here.</translation>
    </message>
</context>
<context>
    <name>BoardAccessible</name>
    <message>
        <location filename="../../ui/board/accessible.py" line="35"/>
        <source>namnlöst kluster</source>
        <translation>untitled cluster</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="40"/>
        <source>Tavla</source>
        <translation>Board</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="45"/>
        <source>Tabb och piltangenterna går mellan lapparna och klustren; Mellanslag markerar, Enter redigerar, Ctrl+Skift+M flyttar till ett kluster.</source>
        <translation>Tab and the arrow keys move between the notes and clusters; Space selects, Enter edits, Ctrl+Shift+M moves to a cluster.</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="52"/>
        <source>tom</source>
        <translation>empty</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="53"/>
        <source>Lapp: {text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="55"/>
        <location filename="../../ui/board/accessible.py" line="87"/>
        <source>grupp {label}</source>
        <translation>group {label}</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="57"/>
        <source>i kluster {path}</source>
        <translation>in cluster {path}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/accessible.py" line="59"/>
        <source>%n röster</source>
        <translation>
            <numerusform>%n vote</numerusform>
            <numerusform>%n votes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="61"/>
        <source>markerad</source>
        <translation>selected</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="70"/>
        <source>Färg: {name}</source>
        <translation>Colour: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="72"/>
        <source>Osäker läsning av originalet</source>
        <translation>Uncertain reading of the original</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="74"/>
        <source>Innehåller personuppgifter</source>
        <translation>Contains personal data</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="76"/>
        <source>Kommentar: {text}</source>
        <translation>Comment: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="82"/>
        <source>Kluster: {path}</source>
        <translation>Cluster: {path}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/accessible.py" line="83"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/accessible.py" line="85"/>
        <source>%n underkluster</source>
        <translation>
            <numerusform>%n subcluster</numerusform>
            <numerusform>%n subclusters</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/board/accessible.py" line="89"/>
        <source>markerat</source>
        <translation>selected</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <location filename="../../ui/board/actions.py" line="112"/>
        <source>Färg</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="121"/>
        <source>Ingen (gruppens färg)</source>
        <translation>None (the group&apos;s colour)</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="84"/>
        <source>Gruppera som kluster</source>
        <translation>Group as cluster</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="86"/>
        <source>Flytta till kluster…</source>
        <translation>Move to Cluster…</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="88"/>
        <source>Byt namn på kluster</source>
        <translation>Rename cluster</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="89"/>
        <source>Ordna klustret</source>
        <translation>Tidy cluster</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="91"/>
        <source>Slå ihop kluster</source>
        <translation>Merge clusters</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="94"/>
        <source>Ta bort kluster (behåll lapparna)</source>
        <translation>Delete cluster (keep the notes)</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="96"/>
        <source>Ny lapp</source>
        <translation>New note</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="97"/>
        <source>Redigera lapp</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="98"/>
        <source>Dela lapp i två</source>
        <translation>Split note in two</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="99"/>
        <source>Slå ihop lappar</source>
        <translation>Merge notes</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="101"/>
        <source>Lägg till prickröst</source>
        <translation>Add dot vote</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="104"/>
        <source>Ta bort prickröst</source>
        <translation>Remove dot vote</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="106"/>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="107"/>
        <source>Markera allt</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="108"/>
        <source>Visa hela tavlan</source>
        <translation>Show the whole board</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="109"/>
        <source>Verklig storlek (100 %)</source>
        <translation>Actual size (100 %)</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="110"/>
        <source>Zooma in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="111"/>
        <source>Zooma ut</source>
        <translation>Zoom out</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/actions.py" line="234"/>
        <source>Ordna %n kluster</source>
        <translation>
            <numerusform>Tidy %n cluster</numerusform>
            <numerusform>Tidy %n clusters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../ui/board/actions.py" line="57"/>
        <source>Ny lapp</source>
        <translation>New note</translation>
    </message>
    <message>
        <location filename="../../ui/board/actions.py" line="58"/>
        <source>Vilken grupp kommer lappen från?</source>
        <translation>Which group is the note from?</translation>
    </message>
</context>
<context>
    <name>ClustersPanel</name>
    <message>
        <location filename="../../ui/panels/clusters_panel.py" line="77"/>
        <location filename="../../ui/panels/clusters_panel.py" line="79"/>
        <source>Kluster</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <location filename="../../ui/panels/clusters_panel.py" line="79"/>
        <source>Lappar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/panels/clusters_panel.py" line="99"/>
        <source>Inga kluster ännu.
Markera lappar på tavlan och tryck {keys}.</source>
        <translation>No clusters yet.
Select notes on the board and press {keys}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/clusters_panel.py" line="370"/>
        <location filename="../../ui/panels/clusters_panel.py" line="427"/>
        <source>(namnlöst)</source>
        <translation>(unnamed)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/clusters_panel.py" line="373"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/clusters_panel.py" line="375"/>
        <source> (%n direkt i klustret)</source>
        <translation>
            <numerusform> (%n directly in the cluster)</numerusform>
            <numerusform> (%n directly in the cluster)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/clusters_panel.py" line="377"/>
        <source>Gruppens eget kluster: {group}</source>
        <translation>The group&apos;s own cluster: {group}</translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message numerus="yes">
        <location filename="../../ui/commands/conflicts.py" line="199"/>
        <source>”{action}” gjordes inte: någon annan ändrade %n av lapparna just nu. De visas nu som de är.</source>
        <translation>
            <numerusform>“{action}” was not done: someone else changed %n of the notes just now. It is now shown as it is.</numerusform>
            <numerusform>“{action}” was not done: someone else changed %n of the notes just now. They are now shown as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/conflicts.py" line="206"/>
        <source>”{action}” gjordes inte: någon annan ändrade %n av klustren just nu. De visas nu som de är.</source>
        <translation>
            <numerusform>“{action}” was not done: someone else changed %n of the clusters just now. It is now shown as it is.</numerusform>
            <numerusform>“{action}” was not done: someone else changed %n of the clusters just now. They are now shown as they are.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/commands/conflicts.py" line="215"/>
        <source>”{action}” gjordes inte: någon annan tog bort lappen just nu.</source>
        <translation>“{action}” was not done: someone else deleted the note just now.</translation>
    </message>
    <message>
        <location filename="../../ui/commands/conflicts.py" line="217"/>
        <source>”{action}” gjordes inte: någon annan tog bort klustret just nu.</source>
        <translation>“{action}” was not done: someone else deleted the cluster just now.</translation>
    </message>
    <message>
        <location filename="../../ui/commands/conflicts.py" line="222"/>
        <source>”{action}” gjordes inte: någon annan ändrade lappen ”{label}” just nu. Lappen visas nu som den är.</source>
        <translation>“{action}” was not done: someone else changed the note “{label}” just now. The note is now shown as it is.</translation>
    </message>
    <message>
        <location filename="../../ui/commands/conflicts.py" line="227"/>
        <source>”{action}” gjordes inte: någon annan ändrade klustret ”{label}” just nu. Klustret visas nu som det är.</source>
        <translation>“{action}” was not done: someone else changed the cluster “{label}” just now. The cluster is now shown as it is.</translation>
    </message>
</context>
<context>
    <name>DocumentModel</name>
    <message>
        <location filename="../../ui/document.py" line="163"/>
        <source>Workshoppen är skrivskyddad; ändringen sparades inte.</source>
        <translation>The workshop is read-only; the change was not saved.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="62"/>
        <location filename="../../ui/dialogs/export_report.py" line="162"/>
        <location filename="../../ui/dialogs/export_report.py" line="175"/>
        <location filename="../../ui/dialogs/export_report.py" line="191"/>
        <source>Exportera rapport</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="73"/>
        <source>Ta bort personuppgifter (namn, e-post, telefonnummer)</source>
        <translation>Remove personal data (names, e-mail, phone numbers)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="76"/>
        <source>t.ex. Kalle Ek, Stina Berg</source>
        <translation>e.g. Kalle Ek, Stina Berg</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="79"/>
        <source>Samtalsledarna tas alltid bort. Skriv här andra personer som kan nämnas på lapparna; namnen sparas i workshopfilen till nästa gång.</source>
        <translation>The facilitators are always removed. Type other people who may be named on the notes here; the names are kept in the workshop file for next time.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="83"/>
        <source>PDF/A för långtidsarkivering (diariet)</source>
        <translation>PDF/A for long-term archiving</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="85"/>
        <source>Komma (,)</source>
        <translation>Comma (,)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="86"/>
        <source>Semikolon (;) – för Excel på svenska</source>
        <translation>Semicolon (;) – for Excel in Swedish</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="93"/>
        <source>Fil att skriva</source>
        <translation>File to write</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="95"/>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="102"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="104"/>
        <source>Fler namn att ta bort:</source>
        <translation>More names to remove:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="106"/>
        <source>Avgränsare:</source>
        <translation>Separator:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="107"/>
        <source>Språk:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="108"/>
        <source>Spara som:</source>
        <translation>Save as:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="112"/>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="113"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_report.py" line="175"/>
        <source>Ange en fil att skriva.</source>
        <translation>Enter a file to write.</translation>
    </message>
</context>
<context>
    <name>ExportFormats</name>
    <message>
        <location filename="../../ui/export_labels.py" line="20"/>
        <source>JSON (utbytesformat)</source>
        <translation>JSON (exchange format)</translation>
    </message>
    <message>
        <location filename="../../ui/export_labels.py" line="21"/>
        <source>CSV (en rad per lapp, för kalkylblad)</source>
        <translation>CSV (one row per note, for spreadsheets)</translation>
    </message>
    <message>
        <location filename="../../ui/export_labels.py" line="22"/>
        <source>Markdown (klusterrapport)</source>
        <translation>Markdown (cluster report)</translation>
    </message>
    <message>
        <location filename="../../ui/export_labels.py" line="23"/>
        <source>Word (klusterrapport)</source>
        <translation>Word (cluster report)</translation>
    </message>
    <message>
        <location filename="../../ui/export_labels.py" line="24"/>
        <source>GraphML (temagraf för yEd, Gephi)</source>
        <translation>GraphML (theme graph for yEd, Gephi)</translation>
    </message>
    <message>
        <location filename="../../ui/export_labels.py" line="25"/>
        <source>GEXF (temagraf för Gephi)</source>
        <translation>GEXF (theme graph for Gephi)</translation>
    </message>
    <message>
        <location filename="../../ui/export_labels.py" line="26"/>
        <source>PDF (klusterrapport för utskrift och diariet)</source>
        <translation>PDF (cluster report for printing and the archive)</translation>
    </message>
    <message>
        <location filename="../../ui/export_labels.py" line="27"/>
        <source>PNG (bild av tavlan)</source>
        <translation>PNG (picture of the board)</translation>
    </message>
    <message>
        <location filename="../../ui/export_labels.py" line="28"/>
        <source>SVG (tavlan som vektorbild)</source>
        <translation>SVG (the board as a vector image)</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/file_actions.py" line="67"/>
        <source>&amp;Ny workshop…</source>
        <translation>&amp;New workshop…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="68"/>
        <source>&amp;Öppna…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="69"/>
        <source>Öppna &amp;senaste</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="71"/>
        <source>Öppna e&amp;xempelworkshopen</source>
        <translation>Open the sa&amp;mple workshop</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="72"/>
        <source>&amp;Importera anteckningar…</source>
        <translation>&amp;Import notes…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="79"/>
        <source>Spara en &amp;kopia som…</source>
        <translation>Save a &amp;copy as…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="84"/>
        <source>Exportera &amp;rapport…</source>
        <translation>Export &amp;report…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="86"/>
        <source>Exportera &amp;data</source>
        <translation>Export &amp;data</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="95"/>
        <source>S&amp;täng workshoppen</source>
        <translation>&amp;Close workshop</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="96"/>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="132"/>
        <source>Samverkan-workshoppar (*%s)</source>
        <translation>Samverkan workshops (*%s)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="132"/>
        <source>Alla filer (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="143"/>
        <location filename="../../ui/file_actions.py" line="146"/>
        <source>Ny workshop</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="154"/>
        <source>Kan inte skapa workshoppen</source>
        <translation>Cannot create the workshop</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="161"/>
        <source>Öppna workshop</source>
        <translation>Open workshop</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="171"/>
        <source>Kan inte skapa exempelworkshopen</source>
        <translation>Cannot create the sample workshop</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="187"/>
        <source>(inga ännu)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="190"/>
        <source>Rensa listan</source>
        <translation>Clear the list</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="198"/>
        <source>Importera anteckningar</source>
        <translation>Import notes</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="200"/>
        <source>Anteckningar (%s);;Alla filer (*)</source>
        <translation>Notes (%s);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="238"/>
        <location filename="../../ui/file_actions.py" line="357"/>
        <source>Importera {name}</source>
        <translation>Import {name}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="215"/>
        <location filename="../../ui/file_actions.py" line="281"/>
        <location filename="../../ui/file_actions.py" line="360"/>
        <location filename="../../ui/file_actions.py" line="405"/>
        <location filename="../../ui/file_actions.py" line="422"/>
        <source>Kan inte importera</source>
        <translation>Cannot import</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="285"/>
        <location filename="../../ui/file_actions.py" line="363"/>
        <source>%n lappar importerade från {name}</source>
        <translation>
            <numerusform>%n note imported from {name}</numerusform>
            <numerusform>%n notes imported from {name}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="380"/>
        <source>workshoppen har redan lappar från {files}</source>
        <translation>the workshop already has notes from {files}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="394"/>
        <source>{name} ser ut att redan vara importerad: {reasons}. Importera ändå?</source>
        <translation>{name} looks as if it has already been imported: {reasons}. Import anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="396"/>
        <source>Importera igen?</source>
        <translation>Import again?</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="398"/>
        <source>Importera ändå</source>
        <translation>Import anyway</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="409"/>
        <source>Ingen workshop är öppen. Skapa workshopfilen {target} bredvid {source} med de %n lapparna?</source>
        <translation>
            <numerusform>No workshop is open. Create the workshop file {target} next to {source} with its %n note?</numerusform>
            <numerusform>No workshop is open. Create the workshop file {target} next to {source} with its %n notes?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="414"/>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="414"/>
        <source>Skapa</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="433"/>
        <source> (kopia)</source>
        <translation> (copy)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="435"/>
        <source>Spara en kopia som</source>
        <translation>Save a copy as</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="442"/>
        <location filename="../../ui/file_actions.py" line="454"/>
        <source>Kan inte spara kopian</source>
        <translation>Cannot save the copy</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="444"/>
        <source>{name} är den öppna filen; välj ett annat namn.</source>
        <translation>{name} is the open file; choose another name.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="457"/>
        <source>En kopia är sparad som {name}</source>
        <translation>A copy was saved as {name}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="466"/>
        <source>Rapporten är sparad som {name}</source>
        <translation>The report was saved as {name}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="477"/>
        <location filename="../../ui/file_actions.py" line="485"/>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="478"/>
        <source>%n lappar är markerade som personuppgifter.</source>
        <translation>
            <numerusform>%n note is marked as personal data.</numerusform>
            <numerusform>%n notes are marked as personal data.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="479"/>
        <source>Dölj personuppgifterna</source>
        <translation>Leave out personal data</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="479"/>
        <source>Ta med allt</source>
        <translation>Include everything</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="496"/>
        <source>Kan inte exportera</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="499"/>
        <source>Exporterat till {name}</source>
        <translation>Exported to {name}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="80"/>
        <source>Återställ &amp;från säkerhetskopia…</source>
        <translation>Restore from &amp;backup…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="374"/>
        <source>{same} av %n lappar finns redan</source>
        <translation>
            <numerusform>{same} of %n note is already there</numerusform>
            <numerusform>{same} of %n notes are already there</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="520"/>
        <source>{name} (återställd {time})</source>
        <translation>{name} (restored {time})</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="525"/>
        <location filename="../../ui/file_actions.py" line="592"/>
        <source>Återställ som ny fil</source>
        <translation>Restore as a new file</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="535"/>
        <location filename="../../ui/file_actions.py" line="553"/>
        <location filename="../../ui/file_actions.py" line="590"/>
        <location filename="../../ui/file_actions.py" line="602"/>
        <source>Kan inte återställa säkerhetskopian</source>
        <translation>Cannot restore the backup</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="542"/>
        <source>Ersätta {name} med säkerhetskopian från {time} ({notes} lappar)? Filen som den är nu sparas först som en säkerhetskopia, så att du kan återställa den härifrån.</source>
        <translation>Replace {name} with the backup from {time} ({notes} notes)? The file as it is now is first kept as a backup, so you can restore it from here.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="546"/>
        <source>Ersätt den öppna filen</source>
        <translation>Replace the open file</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="546"/>
        <source>Ersätt</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="558"/>
        <source>{name} är återställd från säkerhetskopian från {time}</source>
        <translation>{name} is restored from the backup from {time}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="571"/>
        <source>Kan inte öppna workshoppen</source>
        <translation>Cannot open the workshop</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="572"/>
        <source>Det finns ingen säkerhetskopia av den.</source>
        <translation>There is no backup of it.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="577"/>
        <source>{problem}

Den senaste säkerhetskopian är från {time} ({notes} lappar). Öppna den som en ny fil, {target}? Den skadade filen lämnas som den är.</source>
        <translation>{problem}

The newest backup is from {time} ({notes} notes). Open it as a new file, {target}? The damaged file is left as it is.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="583"/>
        <source>Workshopfilen är skadad</source>
        <translation>The workshop file is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="583"/>
        <source>Öppna säkerhetskopian</source>
        <translation>Open the backup</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="75"/>
        <source>&amp;Klistra in som lappar…</source>
        <translation>&amp;Paste as notes…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="265"/>
        <source>{name}: det formatet kan inte läsas här.</source>
        <translation>{name}: this format cannot be read here.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="269"/>
        <source>{name}: hittade inga lappar; är det rätt fil?</source>
        <translation>{name}: found no notes; is it the right file?</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="296"/>
        <source>Ingen workshop är öppen: lapparna blir en ny workshopfil, {target}, bredvid {source}.</source>
        <translation>No workshop is open: the notes become a new workshop file, {target}, next to {source}.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="304"/>
        <source>Skapa workshoppen</source>
        <translation>Create the workshop</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="317"/>
        <source>Klistra in som lappar</source>
        <translation>Paste as notes</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="319"/>
        <source>Urklippet har ingen text att klistra in.</source>
        <translation>The clipboard holds no text to paste.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="329"/>
        <source>Inklistring kan inte läsas här ännu.</source>
        <translation>Pasted text cannot be read here yet.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="332"/>
        <source>Hittade inga lappar i urklippet.</source>
        <translation>Found no notes on the clipboard.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="334"/>
        <source>urklipp</source>
        <translation>clipboard</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="388"/>
        <source>{name} ser ut att redan vara importerad: {reasons}.</source>
        <translation>{name} looks as if it has already been imported: {reasons}.</translation>
    </message>
</context>
<context>
    <name>Frame</name>
    <message numerus="yes">
        <location filename="../../render/board_paint.py" line="38"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../render/board_paint.py" line="40"/>
        <source>%n kluster</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../render/board_paint.py" line="45"/>
        <location filename="../../ui/board/cluster_item.py" line="212"/>
        <source>Namnlöst kluster</source>
        <translation>Untitled cluster</translation>
    </message>
    <message>
        <location filename="../../ui/board/cluster_item.py" line="104"/>
        <source>Färg:</source>
        <translation>Colour:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>Zoom ({ctrl}hjul; {fit} visar hela tavlan)</source>
        <translation>Zoom ({ctrl}wheel; {fit} shows the whole board)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>Sök och filtrera</source>
        <translation>Search and filter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>Kluster</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>Disposition</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>Utgångsläge</source>
        <translation>Starting point</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>Historik</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <location filename="../../ui/main_window.py" line="255"/>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Gör om</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>&amp;Sök bland lapparna</source>
        <translation>&amp;Find in notes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>&amp;Sortera</source>
        <translation>&amp;Sort</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <location filename="../../ui/main_window.py" line="631"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>Som datorn ({language})</source>
        <translation>System language ({language})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>&amp;Användarhandbok</source>
        <translation>&amp;User Guide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <location filename="../../ui/main_window.py" line="615"/>
        <source>Om Samverkan Desktop</source>
        <translation>About Samverkan Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>Verktygsfält</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306"/>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>Kan inte öppna workshoppen</source>
        <translation>Cannot open the workshop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>Öppnade {name}: {notes} lappar från {groups} grupper</source>
        <translation>Opened {name}: {notes} notes from {groups} groups</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>Öppnade {name}, som också är öppen för redigering i ett annat fönster på den här datorn: ni ser varandras ändringar direkt.</source>
        <translation>Opened {name}, which is also open for editing in another window on this computer: you see each other&apos;s changes as they happen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349"/>
        <source>Öppnade {name} på {server}: {notes} lappar från {groups} grupper</source>
        <translation>Opened {name} on {server}: {notes} notes from {groups} groups</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="452"/>
        <source>Temakarta</source>
        <translation>Theme map</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="584"/>
        <source>Användarhandbok</source>
        <translation>User Guide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="585"/>
        <source>Användarhandboken finns inte med i den här installationen.</source>
        <translation>The user guide is not included in this installation.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="610"/>
        <source>Samverkan Desktop {version}

Samverkan Desktop sorterar workshoppars lappar i teman.
Allt sparas direkt i workshopfilen (.samverkan) på den här datorn; inget skickas över nätet.</source>
        <translation>Samverkan Desktop {version}

Samverkan Desktop sorts workshop notes into themes.
Everything is saved at once in the workshop file (.samverkan) on this computer; nothing is sent over the network.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="631"/>
        <source>Språket byts nästa gång du startar programmet.</source>
        <translation>The language changes the next time you start the program.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="549"/>
        <source>(skrivskyddad)</source>
        <translation>(read-only)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>&amp;Kortkommandon</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>MoveToClusterDialog</name>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="48"/>
        <source>Flytta till kluster</source>
        <translation>Move to Cluster</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="56"/>
        <source>Flytta {what} till:</source>
        <translation>Move {what} to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="58"/>
        <source>Skriv en del av klustrets namn</source>
        <translation>Type part of the cluster’s name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="59"/>
        <source>Sök kluster</source>
        <translation>Find cluster</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="63"/>
        <source>Kluster</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="73"/>
        <source>Namn på det nya klustret:</source>
        <translation>Name of the new cluster:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="75"/>
        <source>Namn på det nya klustret</source>
        <translation>Name of the new cluster</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="90"/>
        <source>Flytta</source>
        <translation>Move</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/move_to_cluster.py" line="109"/>
        <source>%n lappar och kluster</source>
        <translation>
            <numerusform>%n note or cluster</numerusform>
            <numerusform>%n notes and clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/move_to_cluster.py" line="111"/>
        <source>%n kluster</source>
        <comment>de valda klustren</comment>
        <translation>
            <numerusform>the cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/move_to_cluster.py" line="112"/>
        <source>%n lappar</source>
        <comment>de valda lapparna</comment>
        <translation>
            <numerusform>the note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="125"/>
        <source>Nytt kluster »{name}«</source>
        <translation>New cluster “{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="127"/>
        <source>Nytt kluster…</source>
        <translation>New cluster…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="150"/>
        <source>Skriv ett namn på klustret.</source>
        <translation>Type a name for the cluster.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/move_to_cluster.py" line="169"/>
        <source>Skapa</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>NoteTip</name>
    <message>
        <location filename="../../ui/board/note_item.py" line="98"/>
        <source>Färg:</source>
        <translation>Colour:</translation>
    </message>
    <message>
        <location filename="../../ui/board/note_item.py" line="101"/>
        <source>Kommentar:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <location filename="../../ui/board/note_item.py" line="104"/>
        <source>Osäker läsning av originalet</source>
        <translation>Uncertain reading of the original</translation>
    </message>
    <message>
        <location filename="../../ui/board/note_item.py" line="107"/>
        <source>Innehåller personuppgifter</source>
        <translation>Contains personal data</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../ui/panels/outline.py" line="171"/>
        <source>Disposition</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="174"/>
        <source>Kluster med sina lappar, sedan lappar utan kluster per grupp. F2 byter namn på ett kluster; Ctrl+X och sedan Ctrl+V på ett kluster flyttar lappar dit.</source>
        <translation>Clusters with their notes, then notes without a cluster by group. F2 renames a cluster; Ctrl+X and then Ctrl+V on a cluster moves notes there.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="185"/>
        <source>Klipp ut</source>
        <translation>Cut</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="186"/>
        <source>Klistra in här</source>
        <translation>Paste Here</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="188"/>
        <source>Byt namn på kluster</source>
        <translation>Rename cluster</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="191"/>
        <source>Flytta till kluster…</source>
        <translation>Move to Cluster…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="196"/>
        <source>Dra lappar till ett kluster, eller Ctrl+X och Ctrl+V. F2 byter namn.</source>
        <translation>Drag notes to a cluster, or use Ctrl+X and Ctrl+V. F2 renames.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="442"/>
        <source>{what} klipptes ut: välj ett kluster eller Ej sorterade och tryck {keys}.</source>
        <translation>{what} cut: choose a cluster or Not sorted and press {keys}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="451"/>
        <source>Inget är utklippt: markera lappar och tryck {keys} först.</source>
        <translation>Nothing has been cut: select notes and press {keys} first.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="466"/>
        <source>Ett kluster kan inte läggas i sig självt.</source>
        <translation>A cluster cannot be put inside itself.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="479"/>
        <source>Utklippningen avbröts.</source>
        <translation>Cut cancelled.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/outline.py" line="516"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/outline.py" line="518"/>
        <source>%n kluster</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline.py" line="519"/>
        <source> och </source>
        <translation> and </translation>
    </message>
</context>
<context>
    <name>OutlineText</name>
    <message>
        <location filename="../../ui/panels/outline_model.py" line="553"/>
        <source>Kluster och lappar</source>
        <translation>Clusters and notes</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_model.py" line="554"/>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_rows.py" line="69"/>
        <source>(namnlöst)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_rows.py" line="72"/>
        <source>Ej sorterade</source>
        <translation>Not sorted</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_rows.py" line="77"/>
        <source>Utan grupp</source>
        <translation>No group</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_rows.py" line="91"/>
        <source>Grupp: {group}</source>
        <translation>Group: {group}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_rows.py" line="96"/>
        <source>{group}: {count} utan kluster</source>
        <translation>{group}: {count} without a cluster</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_rows.py" line="99"/>
        <source>Lappar som inte ligger i något kluster, per grupp</source>
        <translation>Notes not in any cluster, by group</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/outline_rows.py" line="102"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_rows.py" line="110"/>
        <source>Lapp: {text}, grupp {group}</source>
        <translation>Note: {text}, group {group}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_rows.py" line="115"/>
        <source>Kluster: {name}, {count}</source>
        <translation>Cluster: {name}, {count}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_rows.py" line="119"/>
        <source>Grupp: {name}, {count} utan kluster</source>
        <translation>Group: {name}, {count} without a cluster</translation>
    </message>
    <message>
        <location filename="../../ui/panels/outline_rows.py" line="122"/>
        <source>Ej sorterade: {count}</source>
        <translation>Not sorted: {count}</translation>
    </message>
</context>
<context>
    <name>Placing</name>
    <message>
        <location filename="../../ui/commands/suggestions.py" line="74"/>
        <source>Placera lappen i {name}</source>
        <translation>Place the note in {name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/suggestions.py" line="78"/>
        <source>Placera %n lappar</source>
        <translation>
            <numerusform>Place %n note</numerusform>
            <numerusform>Place %n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/commands/suggestions.py" line="100"/>
        <source>Avvisa förslaget {name}</source>
        <translation>Reject the suggestion {name}</translation>
    </message>
    <message>
        <location filename="../../ui/placements.py" line="228"/>
        <source>Visa lappen på tavlan</source>
        <translation>Show the note on the board</translation>
    </message>
    <message>
        <location filename="../../ui/placements.py" line="231"/>
        <source>Under gränsen: lappen ligger kvar.</source>
        <translation>Below the threshold: the note stays where it is.</translation>
    </message>
    <message>
        <location filename="../../ui/placements.py" line="237"/>
        <source>inga gemensamma ord</source>
        <translation>no words in common</translation>
    </message>
    <message>
        <location filename="../../ui/placements.py" line="244"/>
        <source>Placera lappen här · delar: {words}</source>
        <translation>Place the note here · shares: {words}</translation>
    </message>
    <message>
        <location filename="../../ui/placements.py" line="247"/>
        <source>Avvisa</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/placements.py" line="249"/>
        <source>Föreslå inte lappen för det första klustret igen</source>
        <translation>Do not suggest the first cluster for this note again</translation>
    </message>
    <message>
        <location filename="../../ui/placements.py" line="258"/>
        <source>Dölj</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../ui/placements.py" line="263"/>
        <source>Säkerhet minst</source>
        <translation>Confidence at least</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/placements.py" line="408"/>
        <source>Placera resten (%n lappar)</source>
        <translation>
            <numerusform>Place the rest (%n note)</numerusform>
            <numerusform>Place the rest (%n notes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/placements.py" line="409"/>
        <source>Godta alla över gränsen (%n)</source>
        <translation>
            <numerusform>Accept all above the threshold (%n)</numerusform>
            <numerusform>Accept all above the threshold (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Popups</name>
    <message numerus="yes">
        <location filename="../../ui/commands/suggestions.py" line="42"/>
        <source>Länka %n par lappar</source>
        <translation>
            <numerusform>Link %n pair of notes</numerusform>
            <numerusform>Link %n pairs of notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="62"/>
        <source>Flytta lappen till {name}</source>
        <translation>Move the note to {name}</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="82"/>
        <source>Var hör lappen hemma?</source>
        <translation>Where does the note belong?</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="95"/>
        <location filename="../../ui/suggest_popups.py" line="161"/>
        <source>delar: {words}</source>
        <translation>shares: {words}</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="102"/>
        <source>Inget kluster delar ord med lappen.</source>
        <translation>No cluster shares any words with this note.</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="124"/>
        <source>Liknande lappar i olika grupper</source>
        <translation>Similar notes in different groups</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="130"/>
        <source>Bocka för de par som ska länkas. Länkarna går att ångra.</source>
        <translation>Tick the pairs to link. Links can be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="132"/>
        <source>Hittade inga lappar i olika grupper som säger nästan samma sak.</source>
        <translation>Found no notes in different groups that say almost the same thing.</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="149"/>
        <source>Länka markerade</source>
        <translation>Link ticked pairs</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="151"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="159"/>
        <source>dubblett</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="159"/>
        <source>hör ihop</source>
        <translation>related</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_popups.py" line="170"/>
        <location filename="../../ui/suggest_popups.py" line="172"/>
        <source>ingen grupp</source>
        <translation>no group</translation>
    </message>
</context>
<context>
    <name>PresenceTexts</name>
    <message>
        <location filename="../../ui/presence.py" line="283"/>
        <location filename="../../ui/presence.py" line="375"/>
        <source>Också här:</source>
        <translation>Also here:</translation>
    </message>
    <message>
        <location filename="../../ui/presence.py" line="310"/>
        <source>Enter visar vad personen har markerat.</source>
        <translation>Enter shows what that person has selected.</translation>
    </message>
    <message>
        <location filename="../../ui/presence.py" line="413"/>
        <source>Också här: {names}</source>
        <translation>Also here: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/presence.py" line="414"/>
        <source>Klicka på initialerna för att se vad personen har markerat.</source>
        <translation>Click the initials to see what that person has selected.</translation>
    </message>
    <message>
        <location filename="../../ui/presence_marks.py" line="70"/>
        <source>{name} i ett annat fönster på den här datorn</source>
        <translation>{name} in another window on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/presence_marks.py" line="75"/>
        <source>{name}, läser</source>
        <translation>{name}, reading</translation>
    </message>
    <message>
        <location filename="../../ui/presence_marks.py" line="105"/>
        <source>{who} flyttar den</source>
        <translation>{who} is moving it</translation>
    </message>
    <message>
        <location filename="../../ui/presence_marks.py" line="106"/>
        <source>{who} har markerat den</source>
        <translation>{who} has selected it</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="82"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="83"/>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="84"/>
        <location filename="../../ui/dialogs/import_preview.py" line="228"/>
        <source>Avsnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="85"/>
        <location filename="../../ui/dialogs/import_preview.py" line="229"/>
        <source>Kluster</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="86"/>
        <source>Taggar</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="87"/>
        <source>Röster</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="88"/>
        <source>Skribent</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="89"/>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="90"/>
        <source>Osäker</source>
        <translation>Uncertain</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="162"/>
        <source>Förhandsgranska importen – {name}</source>
        <translation>Preview the import – {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="164"/>
        <source>Förhandsgranska importen</source>
        <translation>Preview the import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="189"/>
        <source>Inget sparas förrän du importerar. Bocka ur lappar som inte ska med; markera två lappar för att slå ihop dem, en för att redigera eller dela den.</source>
        <translation>Nothing is saved until you import. Untick notes that should stay out; select two notes to merge them, one to edit or split it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="197"/>
        <source>Kolumner i tabellen</source>
        <translation>Columns of the table</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="227"/>
        <source>Lapp</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="230"/>
        <source>Rad</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="231"/>
        <source>Anmärkning</source>
        <translation>Remark</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="255"/>
        <source>Slå ihop markerade</source>
        <translation>Merge selected</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="256"/>
        <source>Lapparna blir en; texterna läggs efter varandra.</source>
        <translation>The notes become one; their texts follow each other.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="258"/>
        <source>Dela lappen</source>
        <translation>Split the note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="260"/>
        <source>Delar vid markören i texten nedan, annars vid meningen närmast mitten.</source>
        <translation>Splits at the cursor in the text below, otherwise at the sentence nearest the middle.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="263"/>
        <source>Flytta markerade till:</source>
        <translation>Move selected to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="268"/>
        <source>Flytta</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="270"/>
        <source>Ta med dubbletterna</source>
        <translation>Include the duplicates</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="272"/>
        <source>Bocka i alla lappar som är markerade som möjliga dubbletter.</source>
        <translation>Tick every note marked as a possible duplicate.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="288"/>
        <source>Den markerade lappens text</source>
        <translation>The selected note&apos;s text</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="290"/>
        <source>Markera en lapp för att se och ändra dess text.</source>
        <translation>Select a note to see and change its text.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="294"/>
        <source>Markerad lapp</source>
        <translation>Selected note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="324"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="359"/>
        <source>Möjlig dubblett: finns redan i workshoppen</source>
        <translation>Possible duplicate: already in the workshop</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="361"/>
        <source>Möjlig dubblett: står två gånger i importen</source>
        <translation>Possible duplicate: twice in the import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="373"/>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="375"/>
        <source>kolumn {n}</source>
        <translation>column {n}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="384"/>
        <source>rad {line}: {message}</source>
        <translation>line {line}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="392"/>
        <source>Varningar ({n})</source>
        <translation>Warnings ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="392"/>
        <source>Varningar</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="395"/>
        <source>Inga varningar.</source>
        <translation>No warnings.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="400"/>
        <location filename="../../ui/dialogs/import_preview.py" line="405"/>
        <source>Grupp {n}</source>
        <translation>Group {n}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="407"/>
        <source>samtalsledare: {names}</source>
        <translation>facilitators: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="411"/>
        <source>Utan grupp</source>
        <translation>No group</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_preview.py" line="413"/>
        <source>({taken} av %n lappar med)</source>
        <translation>
            <numerusform>({taken} of %n note included)</numerusform>
            <numerusform>({taken} of %n notes included)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="491"/>
        <source>osäker tolkning</source>
        <translation>uncertain reading</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="493"/>
        <source>personuppgifter</source>
        <translation>personal data</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="495"/>
        <source>röster: {n}</source>
        <translation>votes: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="497"/>
        <source>av {name}</source>
        <translation>by {name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_preview.py" line="511"/>
        <source>{taken} av %n lappar importeras, i {used} av {all} grupper.</source>
        <translation>
            <numerusform>{taken} of %n note will be imported, in {used} of {all} groups.</numerusform>
            <numerusform>{taken} of %n notes will be imported, in {used} of {all} groups.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="516"/>
        <source>Möjliga dubbletter som lämnas utanför: {n}. Bocka i dem om de ska med.</source>
        <translation>Possible duplicates left out: {n}. Tick them if they should come in.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="521"/>
        <source>Importera {taken} av {total}</source>
        <translation>Import {taken} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="629"/>
        <source>Kolumnerna gick inte att läsa så.</source>
        <translation>The columns could not be read that way.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="647"/>
        <source>Flytta till</source>
        <translation>Move to</translation>
    </message>
</context>
<context>
    <name>ProgressIndicator</name>
    <message numerus="yes">
        <location filename="../../ui/panels/progress.py" line="68"/>
        <source>{done} av %n lappar klustrade</source>
        <translation>
            <numerusform>{done} of %n note clustered</numerusform>
            <numerusform>{done} of %n notes clustered</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/progress.py" line="73"/>
        <source>{percent} % av lapparna ligger i ett kluster</source>
        <translation>{percent} % of the notes are in a cluster</translation>
    </message>
</context>
<context>
    <name>ProgressOverlay</name>
    <message>
        <location filename="../../ui/suggestions.py" line="135"/>
        <source>Letar efter lappar som hör ihop …</source>
        <translation>Looking for notes that belong together …</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="139"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Refused</name>
    <message>
        <location filename="../../ui/versions.py" line="91"/>
        <source>Kan inte ångra ”{action}”: {what}.</source>
        <translation>Cannot undo “{action}”: {what}.</translation>
    </message>
    <message>
        <location filename="../../ui/versions.py" line="92"/>
        <source>Kan inte göra om ”{action}”: {what}.</source>
        <translation>Cannot redo “{action}”: {what}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/versions.py" line="100"/>
        <source>någon annan har ändrat %n av lapparna sedan dess</source>
        <translation>
            <numerusform>someone else has changed %n of the notes since</numerusform>
            <numerusform>someone else has changed %n of the notes since</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/versions.py" line="101"/>
        <source>någon annan har ändrat %n av klustren sedan dess</source>
        <translation>
            <numerusform>someone else has changed %n of the clusters since</numerusform>
            <numerusform>someone else has changed %n of the clusters since</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/versions.py" line="107"/>
        <source>någon annan har tagit bort lappen sedan dess</source>
        <translation>someone else has removed the note since</translation>
    </message>
    <message>
        <location filename="../../ui/versions.py" line="108"/>
        <source>någon annan har tagit bort klustret sedan dess</source>
        <translation>someone else has removed the cluster since</translation>
    </message>
    <message>
        <location filename="../../ui/versions.py" line="112"/>
        <source>någon annan har ändrat lappen ”{label}” sedan dess</source>
        <translation>someone else has changed the note “{label}” since</translation>
    </message>
    <message>
        <location filename="../../ui/versions.py" line="113"/>
        <source>någon annan har ändrat klustret ”{label}” sedan dess</source>
        <translation>someone else has changed the cluster “{label}” since</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="46"/>
        <source>i dag {time}</source>
        <translation>today {time}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="48"/>
        <source>i går {time}</source>
        <translation>yesterday {time}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="54"/>
        <source>{n} kB</source>
        <translation>{n} kB</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="55"/>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="67"/>
        <source>Återställ från säkerhetskopia</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="73"/>
        <source>Säkerhetskopior av {name}, den senaste först. En tas när workshoppen öppnas och var tionde minut medan du arbetar.</source>
        <translation>Backups of {name}, newest first. One is taken when the workshop opens and every ten minutes while you work.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="88"/>
        <source>Sparad</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="89"/>
        <source>Lappar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="90"/>
        <source>Kluster</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="91"/>
        <source>Storlek</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="116"/>
        <source>Det finns inga säkerhetskopior av den här workshoppen ännu.</source>
        <translation>There are no backups of this workshop yet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="122"/>
        <source>De sparas i {folder}</source>
        <translation>They are kept in {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="128"/>
        <source>En säkerhetskopia är en vanlig workshopfil: kopiera den vart du vill och öppna den.</source>
        <translation>A backup is an ordinary workshop file: copy it anywhere and open it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="134"/>
        <source>Återställ som ny fil…</source>
        <translation>Restore as a new file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="137"/>
        <source>Öppna säkerhetskopian som en ny workshopfil; den öppna filen lämnas som den är.</source>
        <translation>Open the backup as a new workshop file; the open file is left as it is.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="140"/>
        <source>Ersätt den öppna filen</source>
        <translation>Replace the open file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_backup.py" line="143"/>
        <source>Den öppna filen sparas först som en säkerhetskopia, så att du kan gå tillbaka till den härifrån.</source>
        <translation>The open file is first kept as a backup, so that you can go back to it from here.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../ui/panels/search_panel.py" line="83"/>
        <source>Nästa</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/panels/search_panel.py" line="84"/>
        <source>Visa nästa träff (Enter)</source>
        <translation>Show the next hit (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/search_panel.py" line="90"/>
        <location filename="../../ui/panels/search_panel.py" line="93"/>
        <source>Visa grupper</source>
        <translation>Show groups</translation>
    </message>
    <message>
        <location filename="../../ui/panels/search_panel.py" line="68"/>
        <source>Sök i lapparna ({keys})</source>
        <translation>Search the notes ({keys})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/search_panel.py" line="74"/>
        <source>Sök i lapparna</source>
        <translation>Search the notes</translation>
    </message>
    <message>
        <location filename="../../ui/panels/search_panel.py" line="258"/>
        <source>Inga träffar</source>
        <translation>No hits</translation>
    </message>
    <message>
        <location filename="../../ui/panels/search_panel.py" line="261"/>
        <source>Träff {n} av {total}</source>
        <translation>Hit {n} of {total}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/search_panel.py" line="264"/>
        <source>%n träffar</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/search_panel.py" line="320"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/search_panel.py" line="322"/>
        <source>Samtalsledare: {names}</source>
        <translation>Facilitators: {names}</translation>
    </message>
</context>
<context>
    <name>Shared</name>
    <message>
        <location filename="../../ui/shared_workshop.py" line="70"/>
        <source>Publicera på server</source>
        <translation>Publish on a server</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="70"/>
        <source>Öppna delad workshop</source>
        <translation>Open shared workshop</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="75"/>
        <source>Serverns adress</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="78"/>
        <source>&amp;Visa workshoppar</source>
        <translation>Show &amp;workshops</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="89"/>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="92"/>
        <source>&amp;Kom ihåg lösenordet</source>
        <translation>&amp;Remember the password</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="95"/>
        <source>Lösenordet sparas i datorns nyckelring, aldrig i programmets filer.</source>
        <translation>The password is kept in the computer&apos;s keyring, never in the program&apos;s files.</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="97"/>
        <source>&amp;Lösenord:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="108"/>
        <source>&amp;Serverns adress:</source>
        <translation>&amp;Server address:</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="112"/>
        <source>Till exempel postgresql://samverkan.kommun.se/workshoppar?sslmode=require. Lösenordet hämtas från ~/.pgpass (pgpass.conf i Windows), datorns inloggning eller datorns nyckelring; vill servern ha ett som inte finns där frågar programmet efter det. Programmet skriver aldrig lösenord i sina egna filer.</source>
        <translation>For example postgresql://samverkan.kommun.se/workshoppar?sslmode=require. The password comes from ~/.pgpass (pgpass.conf on Windows), the computer&apos;s login or the computer&apos;s keyring; if the server wants one that is not there, the program asks for it. The program never writes passwords into its own files.</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="122"/>
        <source>Workshoppar på servern</source>
        <translation>Workshops on the server</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="135"/>
        <source>&amp;Publicera</source>
        <translation>&amp;Publish</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="135"/>
        <source>&amp;Öppna</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="145"/>
        <source>Redan på servern:</source>
        <translation>Already on the server:</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="186"/>
        <source>Skriv serverns adress, till exempel postgresql://server/databas.</source>
        <translation>Type the server&apos;s address, for example postgresql://server/database.</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="209"/>
        <source>Det finns inga workshoppar på servern än.</source>
        <translation>There are no workshops on the server yet.</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="256"/>
        <source>Öppna de&amp;lad workshop…</source>
        <translation>Open &amp;shared workshop…</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="258"/>
        <source>&amp;Publicera på server…</source>
        <translation>P&amp;ublish on a server…</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="284"/>
        <source>Lösenordet kunde inte sparas: datorn har ingen nyckelring.</source>
        <translation>The password could not be kept: the computer has no keyring.</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="296"/>
        <location filename="../../ui/shared_workshop.py" line="309"/>
        <location filename="../../ui/shared_workshop.py" line="329"/>
        <source>Kan inte öppna den delade workshoppen</source>
        <translation>Cannot open the shared workshop</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="350"/>
        <source>Kan inte publicera workshoppen</source>
        <translation>Cannot publish the workshop</translation>
    </message>
    <message>
        <location filename="../../ui/shared_workshop.py" line="360"/>
        <source>Publicerad på {server} som {key}; fönstret visar nu den delade workshoppen ({name} är kvar som den var).</source>
        <translation>Published on {server} as {key}; the window now shows the shared workshop ({name} is left as it was).</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/dialogs/shortcut_sheet.py" line="87"/>
        <source>Kortkommandon</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcut_sheet.py" line="91"/>
        <source>Kommando</source>
        <translation>Command</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcut_sheet.py" line="91"/>
        <source>Kortkommando</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/panels/start_page.py" line="33"/>
        <source>Samverkan Desktop</source>
        <translation>Samverkan Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start_page.py" line="41"/>
        <source>Sortera workshoppens lappar i teman och ta fram underlaget till rapporten.
Allt sparas direkt i workshopfilen.</source>
        <translation>Sort the workshop&apos;s notes into themes and prepare the report.
Everything is saved at once in the workshop file.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start_page.py" line="51"/>
        <source>Öppna exempelworkshopen</source>
        <translation>Open the sample workshop</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start_page.py" line="52"/>
        <source>Fördjupningsdag om samverkan, Örebro 2021-11-10: lappar från sex grupper.</source>
        <translation>Fördjupningsdag om samverkan, Örebro 2021-11-10: notes from six groups.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start_page.py" line="55"/>
        <source>Importera anteckningar…</source>
        <translation>Import notes…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start_page.py" line="56"/>
        <source>En utskrift av workshoppen (.txt) eller en JSON-fil blir en ny workshopfil.</source>
        <translation>A typed-up workshop (.txt) or a JSON file becomes a new workshop file.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start_page.py" line="59"/>
        <source>Öppna…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start_page.py" line="59"/>
        <source>En workshopfil (.samverkan) som du redan arbetar med.</source>
        <translation>A workshop file (.samverkan) you are already working on.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start_page.py" line="61"/>
        <source>Ny…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start_page.py" line="61"/>
        <source>En tom workshop för egna lappar.</source>
        <translation>An empty workshop for your own notes.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start_page.py" line="73"/>
        <source>Senast öppnade</source>
        <translation>Recently opened</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../../ui/suggestions.py" line="188"/>
        <source>Förslagen misslyckades: {0}</source>
        <translation>The suggestions failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="190"/>
        <source>Avbrutet.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="311"/>
        <source>Inga förslag: för få lappar utan kluster, eller inga som hör ihop.</source>
        <translation>No suggestions: too few notes outside clusters, or none that belong together.</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="193"/>
        <source>Föreslå kluster</source>
        <translation>Suggest clusters</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="196"/>
        <source>Föreslå kluster för lapparna som inte ligger i något kluster</source>
        <translation>Suggest clusters for the notes that are in no cluster</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="199"/>
        <source>Föreslå kluster för alla lappar</source>
        <translation>Suggest clusters for all notes</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="201"/>
        <source>Placera resten</source>
        <translation>Place the rest</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="203"/>
        <source>Föreslå ett av gruppens egna kluster för varje lapp utan kluster</source>
        <translation>Suggest one of the group’s own clusters for each note without a cluster</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="205"/>
        <source>Dölj förslagen</source>
        <translation>Hide the suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="207"/>
        <source>Var hör lappen hemma?</source>
        <translation>Where does the note belong?</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="210"/>
        <source>Liknande lappar i olika grupper …</source>
        <translation>Similar notes in different groups …</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="213"/>
        <source>Temakarta</source>
        <translation>Theme map</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/suggestions.py" line="300"/>
        <source>%n förslag bland lapparna från {group} (de markerade lapparnas grupp). Godta, byt namn eller avvisa vart och ett.</source>
        <translation>
            <numerusform>%n suggestion among the notes from {group} (the selected notes’ group). Accept, rename or reject it.</numerusform>
            <numerusform>%n suggestions among the notes from {group} (the selected notes’ group). Accept, rename or reject each one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/suggestions.py" line="308"/>
        <source>%n förslag. Godta, byt namn eller avvisa vart och ett.</source>
        <translation>
            <numerusform>%n suggestion. Accept, rename or reject it.</numerusform>
            <numerusform>%n suggestions. Accept, rename or reject each one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/suggestions.py" line="333"/>
        <source>%n lappar har ett förslag; {above} når gränsen. Godta alla, en i taget eller avvisa.</source>
        <translation>
            <numerusform>%n note has a suggestion; {above} of them reach the threshold. Accept all, one at a time, or reject.</numerusform>
            <numerusform>%n notes have a suggestion; {above} of them reach the threshold. Accept all, one at a time, or reject.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="341"/>
        <source>Inget att placera: inga lappar utan kluster i en grupp med egna kluster.</source>
        <translation>Nothing to place: no notes without a cluster in a group that has clusters of its own.</translation>
    </message>
</context>
<context>
    <name>SuggestionCard</name>
    <message numerus="yes">
        <location filename="../../ui/suggest_items.py" line="148"/>
        <source>%n lappar · {terms}</source>
        <translation>
            <numerusform>%n note · {terms}</numerusform>
            <numerusform>%n notes · {terms}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/suggest_items.py" line="154"/>
        <source>Godta</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_items.py" line="156"/>
        <source>Byt namn</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_items.py" line="157"/>
        <source>Avvisa</source>
        <translation>Reject</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../ui/suggest_items.py" line="224"/>
        <source>Dölj alla</source>
        <translation>Hide all</translation>
    </message>
    <message>
        <location filename="../../ui/suggest_items.py" line="230"/>
        <source>Förslag på kluster ({n})</source>
        <translation>Suggested clusters ({n})</translation>
    </message>
</context>
<context>
    <name>ThemeMapDock</name>
    <message>
        <location filename="../../ui/panels/theme_map.py" line="251"/>
        <source>Temakarta</source>
        <translation>Theme map</translation>
    </message>
    <message>
        <location filename="../../ui/panels/theme_map.py" line="325"/>
        <source>Temakartan kunde inte ritas för det här dokumentet.</source>
        <translation>The theme map could not be drawn for this document.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/theme_map.py" line="329"/>
        <source>%n lappar utan kluster</source>
        <translation>
            <numerusform>%n note in no cluster</numerusform>
            <numerusform>%n notes in no cluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/theme_map.py" line="331"/>
        <source>, %n av dem utan någon koppling</source>
        <translation>
            <numerusform>, %n of them linked to nothing</numerusform>
            <numerusform>, %n of them linked to nothing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/theme_map.py" line="332"/>
        <source>%n lappar knyter ihop teman.</source>
        <translation>
            <numerusform>%n note joins themes.</numerusform>
            <numerusform>%n notes join themes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/theme_map.py" line="336"/>
        <source>Heldragen linje: länkade lappar. Streckad: minst {n} grupper tog upp båda.</source>
        <translation>Solid line: linked notes. Dashed: at least {n} groups raised both.</translation>
    </message>
</context>
<context>
    <name>ThemeScene</name>
    <message numerus="yes">
        <location filename="../../ui/panels/theme_map.py" line="182"/>
        <source>%n länkar</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/theme_map.py" line="184"/>
        <source>%n grupper tog upp båda</source>
        <translation>
            <numerusform>%n group raised both</numerusform>
            <numerusform>%n groups raised both</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message numerus="yes">
        <location filename="../../ui/commands/base.py" line="37"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/base.py" line="41"/>
        <source>%n kluster</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/commands/base.py" line="46"/>
        <source>»{name}«</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/commands/base.py" line="46"/>
        <source>namnlöst</source>
        <translation>untitled</translation>
    </message>
    <message>
        <location filename="../../ui/commands/moves.py" line="152"/>
        <source>Ta ut {name} ur {other}</source>
        <translation>Take {name} out of {other}</translation>
    </message>
    <message>
        <location filename="../../ui/commands/moves.py" line="156"/>
        <source>klustret</source>
        <translation>the cluster</translation>
    </message>
    <message>
        <location filename="../../ui/commands/moves.py" line="158"/>
        <source>Lägg {name} i {other}</source>
        <translation>Put {name} in {other}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/moves.py" line="166"/>
        <source>Ta ut %n lappar ur klustret</source>
        <translation>
            <numerusform>Take %n note out of the cluster</numerusform>
            <numerusform>Take %n notes out of the cluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/moves.py" line="167"/>
        <source>Lägg %n lappar i {name}</source>
        <translation>
            <numerusform>Put %n note in {name}</numerusform>
            <numerusform>Put %n notes in {name}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/commands/moves.py" line="173"/>
        <source>Flytta {name}</source>
        <translation>Move {name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/moves.py" line="174"/>
        <source>Flytta %n kluster</source>
        <translation>
            <numerusform>Move %n cluster</numerusform>
            <numerusform>Move %n clusters</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/commands/moves.py" line="176"/>
        <source>Flytta {notes} och {clusters}</source>
        <translation>Move {notes} and {clusters}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/moves.py" line="179"/>
        <source>Flytta %n lappar</source>
        <translation>
            <numerusform>Move %n note</numerusform>
            <numerusform>Move %n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/commands/edits.py" line="26"/>
        <source>Byt namn till {name}</source>
        <translation>Rename to {name}</translation>
    </message>
    <message>
        <location filename="../../ui/commands/edits.py" line="37"/>
        <source>Ändra storlek på {name}</source>
        <translation>Resize {name}</translation>
    </message>
    <message>
        <location filename="../../ui/commands/edits.py" line="50"/>
        <source>Ordna {name}</source>
        <translation>Tidy {name}</translation>
    </message>
    <message>
        <location filename="../../ui/commands/board.py" line="85"/>
        <location filename="../../ui/commands/edits.py" line="69"/>
        <source> och </source>
        <translation> and </translation>
    </message>
    <message>
        <location filename="../../ui/commands/edits.py" line="70"/>
        <source>Färglägg {what}</source>
        <translation>Colour {what}</translation>
    </message>
    <message>
        <location filename="../../ui/commands/edits.py" line="70"/>
        <source>Ta bort färgen på {what}</source>
        <translation>Remove the colour from {what}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/edits.py" line="86"/>
        <source>Ändra prickröster på %n lappar</source>
        <translation>
            <numerusform>Change dot votes on %n note</numerusform>
            <numerusform>Change dot votes on %n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/commands/edits.py" line="110"/>
        <source>Ändra lappens text</source>
        <translation>Edit note text</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/board.py" line="46"/>
        <source>Gruppera %n lappar som kluster</source>
        <translation>
            <numerusform>Group %n note as a cluster</numerusform>
            <numerusform>Group %n notes as a cluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/board.py" line="48"/>
        <source>Gruppera %n kluster i ett kluster</source>
        <translation>
            <numerusform>Group %n cluster into a cluster</numerusform>
            <numerusform>Group %n clusters into a cluster</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/commands/board.py" line="50"/>
        <source>Nytt kluster</source>
        <translation>New cluster</translation>
    </message>
    <message>
        <location filename="../../ui/commands/board.py" line="82"/>
        <source>klustret {name}</source>
        <translation>the cluster {name}</translation>
    </message>
    <message>
        <location filename="../../ui/commands/board.py" line="85"/>
        <source>Ta bort {what}</source>
        <translation>Delete {what}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/board.py" line="115"/>
        <source>Slå ihop %n kluster till {name}</source>
        <translation>
            <numerusform>Merge %n cluster into {name}</numerusform>
            <numerusform>Merge %n clusters into {name}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/commands/board.py" line="145"/>
        <source>Ny lapp</source>
        <translation>New note</translation>
    </message>
    <message>
        <location filename="../../ui/commands/board.py" line="180"/>
        <source>Dela lappen i två</source>
        <translation>Split the note in two</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/board.py" line="209"/>
        <source>Slå ihop %n lappar</source>
        <translation>
            <numerusform>Merge %n note</numerusform>
            <numerusform>Merge %n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../../ui/dialogs/user_guide.py" line="58"/>
        <location filename="../../ui/dialogs/user_guide.py" line="61"/>
        <source>Användarhandbok</source>
        <translation>User Guide</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="77"/>
        <source>Något gick fel</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="71"/>
        <source>Ett oväntat fel: {error}</source>
        <translation>An unexpected error: {error}</translation>
    </message>
</context>
<context>
    <name>workshop_files</name>
    <message>
        <location filename="../../ui/workshop_files.py" line="101"/>
        <source>Kan inte skapa mappen {folder}: {reason}</source>
        <translation>Cannot create the folder {folder}: {reason}</translation>
    </message>
</context>
</TS>
