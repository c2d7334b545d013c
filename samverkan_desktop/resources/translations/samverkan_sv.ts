<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
  <context>
    <name>ClustersPanel</name>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/clusters_panel.py" line="157" />
      <source>%n lappar</source>
      <translation>
        <numerusform>%n lapp</numerusform>
        <numerusform>%n lappar</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/clusters_panel.py" line="159" />
      <source> (%n direkt i klustret)</source>
      <translation>
        <numerusform> (%n direkt i klustret)</numerusform>
        <numerusform> (%n direkt i klustret)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FileActions</name>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="175" />
      <source>%n lappar importerade från {name}</source>
      <translation>
        <numerusform>%n lapp importerad från {name}</numerusform>
        <numerusform>%n lappar importerade från {name}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/file_actions.py" line="248" />
      <source>%n lappar är markerade som personuppgifter.</source>
      <translation>
        <numerusform>%n lapp är markerad som personuppgift.</numerusform>
        <numerusform>%n lappar är markerade som personuppgifter.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="162" />
      <source>%n träffar</source>
      <translation>
        <numerusform>%n träff</numerusform>
        <numerusform>%n träffar</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/search_panel.py" line="187" />
      <source>%n lappar</source>
      <translation>
        <numerusform>%n lapp</numerusform>
        <numerusform>%n lappar</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ThemeMapDock</name>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/theme_map.py" line="237" />
      <source>%n lappar utan kluster</source>
      <translation>
        <numerusform>%n lapp utan kluster</numerusform>
        <numerusform>%n lappar utan kluster</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/theme_map.py" line="239" />
      <source>, %n av dem utan någon koppling</source>
      <translation>
        <numerusform>, %n av dem utan någon koppling</numerusform>
        <numerusform>, %n av dem utan någon koppling</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../samverkan_desktop/ui/panels/theme_map.py" line="240" />
      <source>%n lappar knyter ihop teman.</source>
      <translation>
        <numerusform>%n lapp knyter ihop teman.</numerusform>
        <numerusform>%n lappar knyter ihop teman.</numerusform>
      </translation>
    </message>
  </context>
</TS>