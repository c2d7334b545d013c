<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
  <context>
    <name>BoardActions</name>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="105" />
      <source>Färg</source>
      <translation>Colour</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="105" />
      <source>Orange</source>
      <translation>Orange</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="105" />
      <source>Himmelsblå</source>
      <translation>Sky blue</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="105" />
      <source>Grön</source>
      <translation>Green</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="105" />
      <source>Gul</source>
      <translation>Yellow</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="105" />
      <source>Blå</source>
      <translation>Blue</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="105" />
      <source>Vermiljon</source>
      <translation>Vermilion</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="105" />
      <source>Ingen (gruppens färg)</source>
      <translation>None (the group&apos;s colour)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="186" />
      <source>Ordna {n} kluster</source>
      <translation>Tidy {n} clusters</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="62" />
      <source>Gruppera som kluster</source>
      <translation>Group as cluster</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="63" />
      <source>Byt namn på kluster</source>
      <translation>Rename cluster</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="64" />
      <source>Ordna klustret</source>
      <translation>Tidy cluster</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="66" />
      <source>Slå ihop kluster</source>
      <translation>Merge clusters</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="69" />
      <source>Ta bort kluster (behåll lapparna)</source>
      <translation>Delete cluster (keep the notes)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="71" />
      <source>Ny lapp</source>
      <translation>New note</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="72" />
      <source>Redigera lapp</source>
      <translation>Edit note</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="73" />
      <source>Dela lapp i två</source>
      <translation>Split note in two</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="74" />
      <source>Slå ihop lappar</source>
      <translation>Merge notes</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="76" />
      <source>Lägg till prickröst</source>
      <translation>Add dot vote</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="79" />
      <source>Ta bort prickröst</source>
      <translation>Remove dot vote</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="81" />
      <source>Ta bort</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="82" />
      <source>Markera allt</source>
      <translation>Select all</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="83" />
      <source>Visa hela tavlan</source>
      <translation>Show the whole board</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="84" />
      <source>Verklig storlek (100 %)</source>
      <translation>Actual size (100 %)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="85" />
      <source>Zooma in</source>
      <translation>Zoom in</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="86" />
      <source>Zooma ut</source>
      <translation>Zoom out</translation>
    </message>
  </context>
  <context>
    <name>ClustersPanel</name>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/clusters_panel.py" line="41" />
      <source>Kluster</source>
      <translation>Clusters</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/clusters_panel.py" line="41" />
      <source>Lappar</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/clusters_panel.py" line="60" />
      <source>Inga kluster ännu.
Markera lappar på tavlan och tryck {keys}.</source>
      <translation>No clusters yet.
Select notes on the board and press {keys}.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/clusters_panel.py" line="152" />
      <location filename="../../samverkan_desktop/ui/panels/clusters_panel.py" line="186" />
      <source>(namnlöst)</source>
      <translation>(unnamed)</translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/clusters_panel.py" line="157" />
      <source>%n lappar</source>
      <translation>
        <numerusform>%n note</numerusform>
        <numerusform>%n notes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/clusters_panel.py" line="159" />
      <source> (%n direkt i klustret)</source>
      <translation>
        <numerusform> (%n directly in the cluster)</numerusform>
        <numerusform> (%n directly in the cluster)</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/clusters_panel.py" line="161" />
      <source>Gruppens eget kluster: {group}</source>
      <translation>The group's own cluster: {group}</translation>
    </message>
  </context>
  <context>
    <name>FileActions</name>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="43" />
      <source>&amp;Ny workshop…</source>
      <translation>&amp;New workshop…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="44" />
      <source>&amp;Öppna…</source>
      <translation>&amp;Open…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="45" />
      <source>Öppna &amp;senaste</source>
      <translation>Open &amp;Recent</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="47" />
      <source>Öppna e&amp;xempelworkshopen</source>
      <translation>Open the sa&amp;mple workshop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="48" />
      <source>&amp;Importera anteckningar…</source>
      <translation>&amp;Import notes…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="49" />
      <source>Spara en &amp;kopia som…</source>
      <translation>Save a &amp;copy as…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="52" />
      <source>Exportera &amp;rapport…</source>
      <translation>Export &amp;report…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="54" />
      <source>Exportera &amp;data</source>
      <translation>Export &amp;data</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="62" />
      <source>S&amp;täng workshoppen</source>
      <translation>&amp;Close workshop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="63" />
      <source>&amp;Avsluta</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="86" />
      <source>Samverkan-workshoppar (*%s)</source>
      <translation>Samverkan workshops (*%s)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="86" />
      <source>Alla filer (*)</source>
      <translation>All files (*)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="97" />
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="100" />
      <source>Ny workshop</source>
      <translation>New workshop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="108" />
      <source>Kan inte skapa workshoppen</source>
      <translation>Cannot create the workshop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="115" />
      <source>Öppna workshop</source>
      <translation>Open workshop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="125" />
      <source>Kan inte skapa exempelworkshopen</source>
      <translation>Cannot create the sample workshop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="140" />
      <source>(inga ännu)</source>
      <translation>(none yet)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="143" />
      <source>Rensa listan</source>
      <translation>Clear the list</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="151" />
      <source>Importera anteckningar</source>
      <translation>Import notes</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="153" />
      <source>Anteckningar (%s);;Alla filer (*)</source>
      <translation>Notes (%s);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="168" />
      <source>Importera {name}</source>
      <translation>Import {name}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="171" />
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="185" />
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="197" />
      <source>Kan inte importera</source>
      <translation>Cannot import</translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="175" />
      <source>%n lappar importerade från {name}</source>
      <translation>
        <numerusform>%n note imported from {name}</numerusform>
        <numerusform>%n notes imported from {name}</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="189" />
      <source>Ingen workshop är öppen. Skapa workshopfilen {target} bredvid {source} med de {count} lapparna?</source>
      <translation>No workshop is open. Create the workshop file {target} next to {source} with its {count} notes?</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="202" />
      <source>{same} av {total} lappar finns redan</source>
      <translation>{same} of {total} notes are already there</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="208" />
      <source>workshoppen har redan lappar från {files}</source>
      <translation>the workshop already has notes from {files}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="212" />
      <source>{name} ser ut att redan vara importerad: {reasons}. Importera ändå?</source>
      <translation>{name} looks as if it has already been imported: {reasons}. Import anyway?</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="214" />
      <source>Importera igen?</source>
      <translation>Import again?</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="216" />
      <source>Importera ändå</source>
      <translation>Import anyway</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="192" />
      <source>Importera</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="192" />
      <source>Skapa</source>
      <translation>Create</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="205" />
      <source> (kopia)</source>
      <translation> (copy)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="207" />
      <source>Spara en kopia som</source>
      <translation>Save a copy as</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="214" />
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="226" />
      <source>Kan inte spara kopian</source>
      <translation>Cannot save the copy</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="216" />
      <source>{name} är den öppna filen; välj ett annat namn.</source>
      <translation>{name} is the open file; choose another name.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="229" />
      <source>En kopia är sparad som {name}</source>
      <translation>A copy was saved as {name}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="236" />
      <source>Rapporten är sparad som {name}</source>
      <translation>The report was saved as {name}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="247" />
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="255" />
      <source>Exportera</source>
      <translation>Export</translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="248" />
      <source>%n lappar är markerade som personuppgifter.</source>
      <translation>
        <numerusform>%n note is marked as personal data.</numerusform>
        <numerusform>%n notes are marked as personal data.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="249" />
      <source>Dölj personuppgifterna</source>
      <translation>Leave out personal data</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="249" />
      <source>Ta med allt</source>
      <translation>Include everything</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="266" />
      <source>Kan inte exportera</source>
      <translation>Cannot export</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="269" />
      <source>Exporterat till {name}</source>
      <translation>Exported to {name}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="52" />
      <source>Återställ &amp;från säkerhetskopia…</source>
      <translation>Restore from &amp;backup…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="302" />
      <source>{name} (återställd {time})</source>
      <translation>{name} (restored {time})</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="307" />
      <source>Återställ som ny fil</source>
      <translation>Restore as a new file</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="317" />
      <source>Kan inte återställa säkerhetskopian</source>
      <translation>Cannot restore the backup</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="324" />
      <source>Ersätta {name} med säkerhetskopian från {time} ({notes} lappar)? Filen som den är nu sparas först som en säkerhetskopia, så att du kan återställa den härifrån.</source>
      <translation>Replace {name} with the backup from {time} ({notes} notes)? The file as it is now is first kept as a backup, so you can restore it from here.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="328" />
      <source>Ersätt den öppna filen</source>
      <translation>Replace the open file</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="324" />
      <source>Ersätt</source>
      <translation>Replace</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="340" />
      <source>{name} är återställd från säkerhetskopian från {time}</source>
      <translation>{name} is restored from the backup from {time}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="354" />
      <source>Det finns ingen säkerhetskopia av den.</source>
      <translation>There is no backup of it.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="359" />
      <source>{problem}

Den senaste säkerhetskopian är från {time} ({notes} lappar). Öppna den som en ny fil, {target}? Den skadade filen lämnas som den är.</source>
      <translation>{problem}

The newest backup is from {time} ({notes} notes). Open it as a new file, {target}? The damaged file is left as it is.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="364" />
      <source>Workshopfilen är skadad</source>
      <translation>The workshop file is damaged</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="364" />
      <source>Öppna säkerhetskopian</source>
      <translation>Open the backup</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>&amp;Klistra in som lappar…</source>
      <translation>&amp;Paste as notes…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>{name}: det formatet kan inte läsas här.</source>
      <translation>{name}: this format cannot be read here.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>{name}: hittade inga lappar; är det rätt fil?</source>
      <translation>{name}: found no notes; is it the right file?</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>Ingen workshop är öppen: lapparna blir en ny workshopfil, {target}, bredvid {source}.</source>
      <translation>No workshop is open: the notes become a new workshop file, {target}, next to {source}.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>Skapa workshoppen</source>
      <translation>Create the workshop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>Klistra in som lappar</source>
      <translation>Paste as notes</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>Urklippet har ingen text att klistra in.</source>
      <translation>The clipboard holds no text to paste.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>Inklistring kan inte läsas här ännu.</source>
      <translation>Pasted text cannot be read here yet.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>Hittade inga lappar i urklippet.</source>
      <translation>Found no notes on the clipboard.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>urklipp</source>
      <translation>clipboard</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/file_actions.py" />
      <source>{name} ser ut att redan vara importerad: {reasons}.</source>
      <translation>{name} looks as if it has already been imported: {reasons}.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="111" />
      <source>Zoom ({ctrl}hjul; {fit} visar hela tavlan)</source>
      <translation>Zoom ({ctrl}wheel; {fit} shows the whole board)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="108" />
      <source>Sök och filtrera</source>
      <translation>Search and filter</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="115" />
      <source>Kluster</source>
      <translation>Clusters</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="119" />
      <source>Utgångsläge</source>
      <translation>Starting point</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="122" />
      <source>Historik</source>
      <translation>History</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="132" />
      <source>&amp;Arkiv</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="135" />
      <source>&amp;Redigera</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="136" />
      <location filename="../../samverkan_desktop/ui/main_window.py" line="176" />
      <source>Ångra</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="138" />
      <location filename="../../samverkan_desktop/ui/main_window.py" line="179" />
      <source>Gör om</source>
      <translation>Redo</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="143" />
      <source>&amp;Sök bland lapparna</source>
      <translation>&amp;Find in notes</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="149" />
      <source>&amp;Sortera</source>
      <translation>&amp;Sort</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="152" />
      <source>&amp;Visa</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="157" />
      <location filename="../../samverkan_desktop/ui/main_window.py" line="416" />
      <source>Språk</source>
      <translation>Language</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="167" />
      <source>&amp;Hjälp</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="168" />
      <location filename="../../samverkan_desktop/ui/main_window.py" line="403" />
      <source>Om Samverkan Desktop</source>
      <translation>About Samverkan Desktop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="171" />
      <source>Verktygsfält</source>
      <translation>Toolbar</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="220" />
      <source>Kan inte öppna workshoppen</source>
      <translation>Cannot open the workshop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="233" />
      <source>Öppnade {name}: {notes} lappar från {groups} grupper</source>
      <translation>Opened {name}: {notes} notes from {groups} groups</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="497" />
      <source>Samverkan Desktop {version}

Samverkan Desktop sorterar workshoppars lappar i teman.
Allt sparas direkt i workshopfilen (.samverkan) på den här datorn; inget skickas över nätet.</source>
      <translation>Samverkan Desktop {version}

Samverkan Desktop sorts workshop notes into themes.
Everything is saved at once in the workshop file (.samverkan) on this computer; nothing is sent over the network.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="416" />
      <source>Språket byts nästa gång du startar programmet.</source>
      <translation>The language changes the next time you start the program.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="431" />
      <source>(skrivskyddad)</source>
      <translation>(read-only)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/main_window.py" line="202" />
      <source>&amp;Kortkommandon</source>
      <translation>&amp;Keyboard shortcuts</translation>
    </message>
  </context>
  <context>
    <name>ProgressIndicator</name>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/progress.py" line="47" />
      <source>{done} av {total} lappar klustrade</source>
      <translation>{done} of {total} notes clustered</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/progress.py" line="53" />
      <source>{percent} % av lapparna ligger i ett kluster</source>
      <translation>{percent} % of the notes are in a cluster</translation>
    </message>
  </context>
  <context>
    <name>ProgressOverlay</name>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="142" />
      <source>Letar efter lappar som hör ihop …</source>
      <translation>Looking for notes that belong together …</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="146" />
      <source>Avbryt</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="56" />
      <source>Nästa</source>
      <translation>Next</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="57" />
      <source>Visa nästa träff (Enter)</source>
      <translation>Show the next hit (Enter)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="63" />
      <source>Visa grupper</source>
      <translation>Show groups</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="46" />
      <source>Sök i lapparna ({keys})</source>
      <translation>Search the notes ({keys})</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="156" />
      <source>Inga träffar</source>
      <translation>No hits</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="159" />
      <source>Träff {n} av {total}</source>
      <translation>Hit {n} of {total}</translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="162" />
      <source>%n träffar</source>
      <translation>
        <numerusform>%n hit</numerusform>
        <numerusform>%n hits</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="187" />
      <source>%n lappar</source>
      <translation>
        <numerusform>%n note</numerusform>
        <numerusform>%n notes</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="189" />
      <source>Samtalsledare: {names}</source>
      <translation>Facilitators: {names}</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="31" />
      <source>Samverkan Desktop</source>
      <translation>Samverkan Desktop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="39" />
      <source>Sortera workshoppens lappar i teman och ta fram underlaget till rapporten.
Allt sparas direkt i workshopfilen.</source>
      <translation>Sort the workshop's notes into themes and prepare the report.
Everything is saved at once in the workshop file.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="49" />
      <source>Öppna exempelworkshopen</source>
      <translation>Open the sample workshop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="50" />
      <source>Fördjupningsdag om samverkan, Örebro 2021-11-10: lappar från sex grupper.</source>
      <translation>Fördjupningsdag om samverkan, Örebro 2021-11-10: notes from six groups.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="53" />
      <source>Importera anteckningar…</source>
      <translation>Import notes…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="54" />
      <source>En utskrift av workshoppen (.txt) eller en JSON-fil blir en ny workshopfil.</source>
      <translation>A typed-up workshop (.txt) or a JSON file becomes a new workshop file.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="57" />
      <source>Öppna…</source>
      <translation>Open…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="57" />
      <source>En workshopfil (.samverkan) som du redan arbetar med.</source>
      <translation>A workshop file (.samverkan) you are already working on.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="59" />
      <source>Ny…</source>
      <translation>New…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="59" />
      <source>En tom workshop för egna lappar.</source>
      <translation>An empty workshop for your own notes.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/start_page.py" line="71" />
      <source>Senast öppnade</source>
      <translation>Recently opened</translation>
    </message>
  </context>
  <context>
    <name>SuggestionActions</name>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="193" />
      <source>Förslagen misslyckades: {0}</source>
      <translation>The suggestions failed: {0}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="195" />
      <source>Avbrutet.</source>
      <translation>Cancelled.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="289" />
      <source>{n} förslag. Godta, byt namn eller avvisa vart och ett.</source>
      <translation>{n} suggestions. Accept, rename or reject each one.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="294" />
      <source>Inga förslag: för få lappar utan kluster, eller inga som hör ihop.</source>
      <translation>No suggestions: too few notes outside clusters, or none that belong together.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="198" />
      <source>Föreslå kluster</source>
      <translation>Suggest clusters</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="199" />
      <source>Föreslå kluster för lapparna som inte ligger i något kluster</source>
      <translation>Suggest clusters for the notes that are in no cluster</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="201" />
      <source>Föreslå kluster för alla lappar</source>
      <translation>Suggest clusters for all notes</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="203" />
      <source>Dölj förslagen</source>
      <translation>Hide the suggestions</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="204" />
      <source>Var hör lappen hemma?</source>
      <translation>Where does the note belong?</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="206" />
      <source>Liknande lappar i olika grupper …</source>
      <translation>Similar notes in different groups …</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/suggestions.py" line="209" />
      <source>Temakarta</source>
      <translation>Theme map</translation>
    </message>
  </context>
  <context>
    <name>ThemeMapDock</name>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/theme_map.py" line="1" />
      <source>Temakarta</source>
      <translation>Theme map</translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/theme_map.py" line="237" />
      <source>%n lappar utan kluster</source>
      <translation>
        <numerusform>%n note in no cluster</numerusform>
        <numerusform>%n notes in no cluster</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/theme_map.py" line="239" />
      <source>, %n av dem utan någon koppling</source>
      <translation>
        <numerusform>, %n of them linked to nothing</numerusform>
        <numerusform>, %n of them linked to nothing</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/theme_map.py" line="240" />
      <source>%n lappar knyter ihop teman.</source>
      <translation>
        <numerusform>%n note joins themes.</numerusform>
        <numerusform>%n notes join themes.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/theme_map.py" line="244" />
      <source>Heldragen linje: länkade lappar. Streckad: minst {n} grupper tog upp båda.</source>
      <translation>Solid line: linked notes. Dashed: at least {n} groups raised both.</translation>
    </message>
  </context>
  <context>
    <name>ThemeScene</name>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/theme_map.py" line="170" />
      <source>{n} länkar</source>
      <translation>{n} links</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/panels/theme_map.py" line="172" />
      <source>{n} grupper tog upp båda</source>
      <translation>{n} groups raised both</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <location filename="../../samverkan_desktop/ui/app.py" line="65" />
      <source>Något gick fel</source>
      <translation>Something went wrong</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/app.py" line="59" />
      <source>Ett oväntat fel: {error}</source>
      <translation>An unexpected error: {error}</translation>
    </message>
  </context>
  <context>
    <name>workshop_files</name>
    <message>
      <location filename="../../samverkan_desktop/ui/workshop_files.py" line="97" />
      <source>Kan inte skapa mappen {folder}: {reason}</source>
      <translation>Cannot create the folder {folder}: {reason}</translation>
    </message>
  </context>
  <context>
    <name>BoardView</name>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="34" />
      <source>Ny lapp</source>
      <translation>New note</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/board/actions.py" line="35" />
      <source>Vilken grupp kommer lappen från?</source>
      <translation>Which group is the note from?</translation>
    </message>
  </context>
  <context>
    <name>ExportReportDialog</name>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="60" />
      <source>Exportera rapport</source>
      <translation>Export report</translation>
    </message>
    <message>
      <source>PDF (klusterrapport för utskrift och diariet)</source>
      <translation>PDF (cluster report for printing and the archive)</translation>
    </message>
    <message>
      <source>Word (klusterrapport)</source>
      <translation>Word (cluster report)</translation>
    </message>
    <message>
      <source>Markdown (klusterrapport)</source>
      <translation>Markdown (cluster report)</translation>
    </message>
    <message>
      <source>CSV (en rad per lapp, för kalkylblad)</source>
      <translation>CSV (one row per note, for spreadsheets)</translation>
    </message>
    <message>
      <source>PNG (bild av tavlan)</source>
      <translation>PNG (picture of the board)</translation>
    </message>
    <message>
      <source>SVG (tavlan som vektorbild)</source>
      <translation>SVG (the board as a vector image)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="70" />
      <source>Ta bort personuppgifter (namn, e-post, telefonnummer)</source>
      <translation>Remove personal data (names, e-mail, phone numbers)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="72" />
      <source>t.ex. Kalle Ek, Stina Berg</source>
      <translation>e.g. Kalle Ek, Stina Berg</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="73" />
      <source>Samtalsledarna tas alltid bort. Skriv här andra personer som kan nämnas på lapparna; namnen sparas i workshopfilen till nästa gång.</source>
      <translation>The facilitators are always removed. Type other people who may be named on the notes here; the names are kept in the workshop file for next time.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="77" />
      <source>PDF/A för långtidsarkivering (diariet)</source>
      <translation>PDF/A for long-term archiving</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="79" />
      <source>Komma (,)</source>
      <translation>Comma (,)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="80" />
      <source>Semikolon (;) – för Excel på svenska</source>
      <translation>Semicolon (;) – for Excel in Swedish</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="87" />
      <source>Fil att skriva</source>
      <translation>File to write</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="89" />
      <source>Välj…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="96" />
      <source>Format:</source>
      <translation>Format:</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="98" />
      <source>Fler namn att ta bort:</source>
      <translation>More names to remove:</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="100" />
      <source>Avgränsare:</source>
      <translation>Separator:</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="101" />
      <source>Språk:</source>
      <translation>Language:</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="102" />
      <source>Spara som:</source>
      <translation>Save as:</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="106" />
      <source>Exportera</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="107" />
      <source>Avbryt</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/export_report.py" line="166" />
      <source>Ange en fil att skriva.</source>
      <translation>Enter a file to write.</translation>
    </message>
  </context>
  <context>
    <name>RestoreBackupDialog</name>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="45" />
      <source>i dag {time}</source>
      <translation>today {time}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="47" />
      <source>i går {time}</source>
      <translation>yesterday {time}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="53" />
      <source>{n} kB</source>
      <translation>{n} kB</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="54" />
      <source>{n} MB</source>
      <translation>{n} MB</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="1" />
      <source>Återställ från säkerhetskopia</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="72" />
      <source>Säkerhetskopior av {name}, den senaste först. En tas när workshoppen öppnas och var tionde minut medan du arbetar.</source>
      <translation>Backups of {name}, newest first. One is taken when the workshop opens and every ten minutes while you work.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="85" />
      <source>Sparad</source>
      <translation>Saved</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="85" />
      <source>Lappar</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="85" />
      <source>Kluster</source>
      <translation>Clusters</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="85" />
      <source>Storlek</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="107" />
      <source>Det finns inga säkerhetskopior av den här workshoppen ännu.</source>
      <translation>There are no backups of this workshop yet.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="112" />
      <source>De sparas i {folder}</source>
      <translation>They are kept in {folder}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="116" />
      <source>En säkerhetskopia är en vanlig workshopfil: kopiera den vart du vill och öppna den.</source>
      <translation>A backup is an ordinary workshop file: copy it anywhere and open it.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="120" />
      <source>Återställ som ny fil…</source>
      <translation>Restore as a new file…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="121" />
      <source>Öppna säkerhetskopian som en ny workshopfil; den öppna filen lämnas som den är.</source>
      <translation>Open the backup as a new workshop file; the open file is left as it is.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="123" />
      <source>Ersätt den öppna filen</source>
      <translation>Replace the open file</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/restore_backup.py" line="124" />
      <source>Den öppna filen sparas först som en säkerhetskopia, så att du kan gå tillbaka till den härifrån.</source>
      <translation>The open file is first kept as a backup, so that you can go back to it from here.</translation>
    </message>
  </context>
  <context>
    <name>ReadOnly</name>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="56" />
      <source>kl. {time}</source>
      <translation>{time}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="58" />
      <source>i går kl. {time}</source>
      <translation>yesterday at {time}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="60" />
      <source>{date} kl. {time}</source>
      <translation>{date} {time}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="66" />
      <source>någon okänd</source>
      <translation>someone unknown</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="67" />
      <source>{user} på datorn {host}</source>
      <translation>{user} on the computer {host}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="74" />
      <source>Mappen som workshoppen ligger i går inte att skriva i ({reason}).</source>
      <translation>The folder the workshop is in cannot be written to.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="79" />
      <source>Den här datorn har inte längre workshoppen öppen för redigering.</source>
      <translation>This computer no longer has the workshop open for editing.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="82" />
      <source>Workshoppen är öppen för redigering hos {who} sedan {since}; den togs över medan den här datorn inte svarade.</source>
      <translation>{who} has had the workshop open for editing since {since}; it was taken over while this computer was not responding.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="87" />
      <source>Du ({who}) har redan workshoppen öppen för redigering i ett annat fönster sedan {since}.</source>
      <translation>You ({who}) have had the workshop open for editing in another window since {since}.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="92" />
      <source>Workshoppen är öppen för redigering hos {who} sedan {since}.</source>
      <translation>{who} has had the workshop open for editing since {since}.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="95" />
      <source>Här kan du titta, söka och exportera, men inte spara ändringar.</source>
      <translation>Here you can look, search and export, but not save changes.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="97" />
      <source>Du ser workshoppen som den var när du öppnade den.</source>
      <translation>You see the workshop as it was when you opened it.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="99" />
      <source>Dina ändringar fram till dess finns kvar i filen.</source>
      <translation>Your changes up to then are kept in the file.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="106" />
      <source>Skrivskyddad: mappen går inte att skriva i, så ändringen sparades inte.</source>
      <translation>Read-only: the folder cannot be written to, so the change was not saved.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="110" />
      <source>Skrivskyddad: filen går inte att skriva i, så ändringen sparades inte.</source>
      <translation>Read-only: the file cannot be written to, so the change was not saved.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="80" />
      <source>Workshopfilen är skrivskyddad (markerad som skrivskyddad, eller så saknas rätt att ändra den).</source>
      <translation>The workshop file is read-only (marked as read-only, or you may not change it).</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="109" />
      <source>Skrivskyddad: ändringen sparades inte.</source>
      <translation>Read-only: the change was not saved.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="110" />
      <source>Skrivskyddad: {who} redigerar workshoppen, så ändringen sparades inte.</source>
      <translation>Read-only: {who} is editing the workshop, so the change was not saved.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="129" />
      <source>Skrivskyddad</source>
      <translation>Read-only</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="138" />
      <source>Spara en kopia…</source>
      <translation>Save a copy…</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="140" />
      <source>Spara workshoppen som en ny fil och fortsätt arbeta i den.</source>
      <translation>Save the workshop as a new file and go on working in it.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="142" />
      <source>Försök igen</source>
      <translation>Try again</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="143" />
      <source>Öppna workshoppen för redigering om den är ledig nu.</source>
      <translation>Open the workshop for editing if it is free now.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="246" />
      <source>{name} är fortfarande öppen hos {who}.</source>
      <translation>{name} is still open for editing by {who}.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="258" />
      <source>{name} är öppen för redigering.</source>
      <translation>{name} is open for editing.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/read_only.py" line="260" />
      <source>{name} går fortfarande inte att spara här.</source>
      <translation>{name} still cannot be saved here.</translation>
    </message>
  </context>
  <context>
    <name>DocumentModel</name>
    <message>
      <location filename="../../samverkan_desktop/ui/document.py" line="104" />
      <source>Workshoppen är skrivskyddad; ändringen sparades inte.</source>
      <translation>The workshop is read-only; the change was not saved.</translation>
    </message>
  </context>
  <context>
    <name>suggest_popups</name>
    <message>
      <location filename="../../samverkan_desktop/ui/suggest_popups.py" line="96" />
      <source>Flytta lappen till {name}</source>
      <translation>Move the note to {name}</translation>
    </message>
  </context>
  <context>
    <name>ShortcutSheet</name>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/shortcut_sheet.py" line="85" />
      <source>Kortkommandon</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/shortcut_sheet.py" line="89" />
      <source>Kommando</source>
      <translation>Command</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/shortcut_sheet.py" line="89" />
      <source>Kortkommando</source>
      <translation>Shortcut</translation>
    </message>
  </context>
  <context>
    <name>ImportPreviewDialog</name>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Text</source>
      <translation>Text</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Grupp</source>
      <translation>Group</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Avsnitt</source>
      <translation>Section</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Kluster</source>
      <translation>Cluster</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Taggar</source>
      <translation>Tags</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Röster</source>
      <translation>Votes</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Skribent</source>
      <translation>Author</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Kommentar</source>
      <translation>Comment</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Osäker</source>
      <translation>Uncertain</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Inget sparas förrän du importerar. Bocka ur lappar som inte ska med; markera två lappar för att slå ihop dem, en för att redigera eller dela den.</source>
      <translation>Nothing is saved until you import. Untick notes that should stay out; select two notes to merge them, one to edit or split it.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Kolumner i tabellen</source>
      <translation>Columns of the table</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Slå ihop markerade</source>
      <translation>Merge selected</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Lapparna blir en; texterna läggs efter varandra.</source>
      <translation>The notes become one; their texts follow each other.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Dela lappen</source>
      <translation>Split the note</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Delar vid markören i texten nedan, annars vid meningen närmast mitten.</source>
      <translation>Splits at the cursor in the text below, otherwise at the sentence nearest the middle.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Flytta markerade till:</source>
      <translation>Move selected to:</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Flytta</source>
      <translation>Move</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Ta med dubbletterna</source>
      <translation>Include the duplicates</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Bocka i alla lappar som är markerade som möjliga dubbletter.</source>
      <translation>Tick every note marked as a possible duplicate.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Den markerade lappens text</source>
      <translation>The selected note's text</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Markera en lapp för att se och ändra dess text.</source>
      <translation>Select a note to see and change its text.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Markerad lapp</source>
      <translation>Selected note</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Avbryt</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Utan grupp</source>
      <translation>No group</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Flytta till</source>
      <translation>Move to</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Förhandsgranska importen</source>
      <translation>Preview the import</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Förhandsgranska importen – {name}</source>
      <translation>Preview the import – {name}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Lapp</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Rad</source>
      <translation>Line</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Anmärkning</source>
      <translation>Remark</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Möjlig dubblett: finns redan i workshoppen</source>
      <translation>Possible duplicate: already in the workshop</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Möjlig dubblett: står två gånger i importen</source>
      <translation>Possible duplicate: twice in the import</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Varningar</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Varningar ({n})</source>
      <translation>Warnings ({n})</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Inga varningar.</source>
      <translation>No warnings.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>osäker tolkning</source>
      <translation>uncertain reading</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>personuppgifter</source>
      <translation>personal data</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>{taken} av {total} lappar importeras, i {used} av {all} grupper.</source>
      <translation>{taken} of {total} notes will be imported, in {used} of {all} groups.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Möjliga dubbletter som lämnas utanför: {n}. Bocka i dem om de ska med.</source>
      <translation>Possible duplicates left out: {n}. Tick them if they should come in.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Importera {taken} av {total}</source>
      <translation>Import {taken} of {total}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>(ingen)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>({taken} av {total} lappar med)</source>
      <translation>({taken} of {total} notes included)</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>rad {line}: {message}</source>
      <translation>line {line}: {message}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Grupp {n}</source>
      <translation>Group {n}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>röster: {n}</source>
      <translation>votes: {n}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>av {name}</source>
      <translation>by {name}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>Kolumnerna gick inte att läsa så.</source>
      <translation>The columns could not be read that way.</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>samtalsledare: {names}</source>
      <translation>facilitators: {names}</translation>
    </message>
    <message>
      <location filename="../../samverkan_desktop/ui/dialogs/import_preview.py" />
      <source>kolumn {n}</source>
      <translation>column {n}</translation>
    </message>
  </context>
</TS>
