<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name>BoardAccessible</name>
    <message numerus="yes">
        <location filename="../../ui/board/accessible.py" line="59"/>
        <source>%n röster</source>
        <translation>
            <numerusform>%n röst</numerusform>
            <numerusform>%n röster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/accessible.py" line="83"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n lapp</numerusform>
            <numerusform>%n lappar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/accessible.py" line="85"/>
        <source>%n underkluster</source>
        <translation>
            <numerusform>%n underkluster</numerusform>
            <numerusform>%n underkluster</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message numerus="yes">
        <location filename="../../ui/board/actions.py" line="234"/>
        <source>Ordna %n kluster</source>
        <translation>
            <numerusform>Ordna %n kluster</numerusform>
            <numerusform>Ordna %n kluster</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClustersPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/clusters_panel.py" line="373"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n lapp</numerusform>
            <numerusform>%n lappar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/clusters_panel.py" line="375"/>
        <source> (%n direkt i klustret)</source>
        <translation>
            <numerusform> (%n direkt i klustret)</numerusform>
            <numerusform> (%n direkt i klustret)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message numerus="yes">
        <location filename="../../ui/commands/conflicts.py" line="199"/>
        <source>”{action}” gjordes inte: någon annan ändrade %n av lapparna just nu. De visas nu som de är.</source>
        <translation>
            <numerusform>”{action}” gjordes inte: någon annan ändrade %n av lapparna just nu. Den visas nu som den är.</numerusform>
            <numerusform>”{action}” gjordes inte: någon annan ändrade %n av lapparna just nu. De visas nu som de är.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/conflicts.py" line="206"/>
        <source>”{action}” gjordes inte: någon annan ändrade %n av klustren just nu. De visas nu som de är.</source>
        <translation>
            <numerusform>”{action}” gjordes inte: någon annan ändrade %n av klustren just nu. Det visas nu som det är.</numerusform>
            <numerusform>”{action}” gjordes inte: någon annan ändrade %n av klustren just nu. De visas nu som de är.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="285"/>
        <location filename="../../ui/file_actions.py" line="363"/>
        <source>%n lappar importerade från {name}</source>
        <translation>
            <numerusform>%n lapp importerad från {name}</numerusform>
            <numerusform>%n lappar importerade från {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="374"/>
        <source>{same} av %n lappar finns redan</source>
        <translation>
            <numerusform>{same} av %n lapp finns redan</numerusform>
            <numerusform>{same} av %n lappar finns redan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="409"/>
        <source>Ingen workshop är öppen. Skapa workshopfilen {target} bredvid {source} med de %n lapparna?</source>
        <translation>
            <numerusform>Ingen workshop är öppen. Skapa workshopfilen {target} bredvid {source} med den %n lappen?</numerusform>
            <numerusform>Ingen workshop är öppen. Skapa workshopfilen {target} bredvid {source} med de %n lapparna?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="478"/>
        <source>%n lappar är markerade som personuppgifter.</source>
        <translation>
            <numerusform>%n lapp är markerad som personuppgift.</numerusform>
            <numerusform>%n lappar är markerade som personuppgifter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Frame</name>
    <message numerus="yes">
        <location filename="../../render/board_paint.py" line="38"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n lapp</numerusform>
            <numerusform>%n lappar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../render/board_paint.py" line="40"/>
        <source>%n kluster</source>
        <translation>
            <numerusform>%n kluster</numerusform>
            <numerusform>%n kluster</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveToClusterDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/move_to_cluster.py" line="109"/>
        <source>%n lappar och kluster</source>
        <translation>
            <numerusform>%n lapp eller kluster</numerusform>
            <numerusform>%n lappar och kluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/move_to_cluster.py" line="111"/>
        <source>%n kluster</source>
        <comment>de valda klustren</comment>
        <translation>
            <numerusform>klustret</numerusform>
            <numerusform>%n kluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/move_to_cluster.py" line="112"/>
        <source>%n lappar</source>
        <comment>de valda lapparna</comment>
        <translation>
            <numerusform>lappen</numerusform>
            <numerusform>%n lappar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/outline.py" line="516"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n lapp</numerusform>
            <numerusform>%n lappar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/outline.py" line="518"/>
        <source>%n kluster</source>
        <translation>
            <numerusform>%n kluster</numerusform>
            <numerusform>%n kluster</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlineText</name>
    <message numerus="yes">
        <location filename="../../ui/panels/outline_rows.py" line="102"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n lapp</numerusform>
            <numerusform>%n lappar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Placing</name>
    <message numerus="yes">
        <location filename="../../ui/commands/suggestions.py" line="78"/>
        <source>Placera %n lappar</source>
        <translation>
            <numerusform>Placera %n lapp</numerusform>
            <numerusform>Placera %n lappar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/placements.py" line="408"/>
        <source>Placera resten (%n lappar)</source>
        <translation>
            <numerusform>Placera resten (%n lapp)</numerusform>
            <numerusform>Placera resten (%n lappar)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/placements.py" line="409"/>
        <source>Godta alla över gränsen (%n)</source>
        <translation>
            <numerusform>Godta alla över gränsen (%n)</numerusform>
            <numerusform>Godta alla över gränsen (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Popups</name>
    <message numerus="yes">
        <location filename="../../ui/commands/suggestions.py" line="42"/>
        <source>Länka %n par lappar</source>
        <translation>
            <numerusform>Länka %n par lappar</numerusform>
            <numerusform>Länka %n par lappar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_preview.py" line="413"/>
        <source>({taken} av %n lappar med)</source>
        <translation>
            <numerusform>({taken} av %n lapp med)</numerusform>
            <numerusform>({taken} av %n lappar med)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_preview.py" line="511"/>
        <source>{taken} av %n lappar importeras, i {used} av {all} grupper.</source>
        <translation>
            <numerusform>{taken} av %n lapp importeras, i {used} av {all} grupper.</numerusform>
            <numerusform>{taken} av %n lappar importeras, i {used} av {all} grupper.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressIndicator</name>
    <message numerus="yes">
        <location filename="../../ui/panels/progress.py" line="68"/>
        <source>{done} av %n lappar klustrade</source>
        <translation>
            <numerusform>{done} av %n lapp klustrad</numerusform>
            <numerusform>{done} av %n lappar klustrade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Refused</name>
    <message numerus="yes">
        <location filename="../../ui/versions.py" line="100"/>
        <source>någon annan har ändrat %n av lapparna sedan dess</source>
        <translation>
            <numerusform>någon annan har ändrat %n av lapparna sedan dess</numerusform>
            <numerusform>någon annan har ändrat %n av lapparna sedan dess</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/versions.py" line="101"/>
        <source>någon annan har ändrat %n av klustren sedan dess</source>
        <translation>
            <numerusform>någon annan har ändrat %n av klustren sedan dess</numerusform>
            <numerusform>någon annan har ändrat %n av klustren sedan dess</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/search_panel.py" line="264"/>
        <source>%n träffar</source>
        <translation>
            <numerusform>%n träff</numerusform>
            <numerusform>%n träffar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/search_panel.py" line="320"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n lapp</numerusform>
            <numerusform>%n lappar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message numerus="yes">
        <location filename="../../ui/suggestions.py" line="300"/>
        <source>%n förslag bland lapparna från {group} (de markerade lapparnas grupp). Godta, byt namn eller avvisa vart och ett.</source>
        <translation>
            <numerusform>%n förslag bland lapparna från {group} (de markerade lapparnas grupp). Godta, byt namn eller avvisa det.</numerusform>
            <numerusform>%n förslag bland lapparna från {group} (de markerade lapparnas grupp). Godta, byt namn eller avvisa vart och ett.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/suggestions.py" line="308"/>
        <source>%n förslag. Godta, byt namn eller avvisa vart och ett.</source>
        <translation>
            <numerusform>%n förslag. Godta, byt namn eller avvisa det.</numerusform>
            <numerusform>%n förslag. Godta, byt namn eller avvisa vart och ett.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/suggestions.py" line="333"/>
        <source>%n lappar har ett förslag; {above} når gränsen. Godta alla, en i taget eller avvisa.</source>
        <translation>
            <numerusform>%n lapp har ett förslag; {above} når gränsen. Godta alla, en i taget eller avvisa.</numerusform>
            <numerusform>%n lappar har ett förslag; {above} når gränsen. Godta alla, en i taget eller avvisa.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionCard</name>
    <message numerus="yes">
        <location filename="../../ui/suggest_items.py" line="148"/>
        <source>%n lappar · {terms}</source>
        <translation>
            <numerusform>%n lapp · {terms}</numerusform>
            <numerusform>%n lappar · {terms}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemeMapDock</name>
    <message numerus="yes">
        <location filename="../../ui/panels/theme_map.py" line="329"/>
        <source>%n lappar utan kluster</source>
        <translation>
            <numerusform>%n lapp utan kluster</numerusform>
            <numerusform>%n lappar utan kluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/theme_map.py" line="331"/>
        <source>, %n av dem utan någon koppling</source>
        <translation>
            <numerusform>, %n av dem utan någon koppling</numerusform>
            <numerusform>, %n av dem utan någon koppling</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/theme_map.py" line="332"/>
        <source>%n lappar knyter ihop teman.</source>
        <translation>
            <numerusform>%n lapp knyter ihop teman.</numerusform>
            <numerusform>%n lappar knyter ihop teman.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemeScene</name>
    <message numerus="yes">
        <location filename="../../ui/panels/theme_map.py" line="182"/>
        <source>%n länkar</source>
        <translation>
            <numerusform>%n länk</numerusform>
            <numerusform>%n länkar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/theme_map.py" line="184"/>
        <source>%n grupper tog upp båda</source>
        <translation>
            <numerusform>%n grupp tog upp båda</numerusform>
            <numerusform>%n grupper tog upp båda</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message numerus="yes">
        <location filename="../../ui/commands/base.py" line="37"/>
        <source>%n lappar</source>
        <translation>
            <numerusform>%n lapp</numerusform>
            <numerusform>%n lappar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/base.py" line="41"/>
        <source>%n kluster</source>
        <translation>
            <numerusform>%n kluster</numerusform>
            <numerusform>%n kluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/moves.py" line="166"/>
        <source>Ta ut %n lappar ur klustret</source>
        <translation>
            <numerusform>Ta ut %n lapp ur klustret</numerusform>
            <numerusform>Ta ut %n lappar ur klustret</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/moves.py" line="167"/>
        <source>Lägg %n lappar i {name}</source>
        <translation>
            <numerusform>Lägg %n lapp i {name}</numerusform>
            <numerusform>Lägg %n lappar i {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/moves.py" line="174"/>
        <source>Flytta %n kluster</source>
        <translation>
            <numerusform>Flytta %n kluster</numerusform>
            <numerusform>Flytta %n kluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/moves.py" line="179"/>
        <source>Flytta %n lappar</source>
        <translation>
            <numerusform>Flytta %n lapp</numerusform>
            <numerusform>Flytta %n lappar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/edits.py" line="86"/>
        <source>Ändra prickröster på %n lappar</source>
        <translation>
            <numerusform>Ändra prickröster på %n lapp</numerusform>
            <numerusform>Ändra prickröster på %n lappar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/board.py" line="46"/>
        <source>Gruppera %n lappar som kluster</source>
        <translation>
            <numerusform>Gruppera %n lapp som kluster</numerusform>
            <numerusform>Gruppera %n lappar som kluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/board.py" line="48"/>
        <source>Gruppera %n kluster i ett kluster</source>
        <translation>
            <numerusform>Gruppera %n kluster i ett kluster</numerusform>
            <numerusform>Gruppera %n kluster i ett kluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/board.py" line="115"/>
        <source>Slå ihop %n kluster till {name}</source>
        <translation>
            <numerusform>Slå ihop %n kluster till {name}</numerusform>
            <numerusform>Slå ihop %n kluster till {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/commands/board.py" line="209"/>
        <source>Slå ihop %n lappar</source>
        <translation>
            <numerusform>Slå ihop %n lapp</numerusform>
            <numerusform>Slå ihop %n lappar</numerusform>
        </translation>
    </message>
</context>
</TS>
