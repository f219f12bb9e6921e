<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>flowdeck::studio::CatalogPage</name>
    <message numerus="yes">
        <location filename="../../widgets/plugins/catalogpage.cpp" line="312" />
        <source>Installing… %n package(s) fetched, %1 s</source>
        <translation>
            <numerusform>Installing… %n package fetched, %1 s</numerusform>
            <numerusform>Installing… %n packages fetched, %1 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::DeployDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/deploy/deploydialog.cpp" line="259" />
        <source>%n file(s) written</source>
        <translation>
            <numerusform>%n file written</numerusform>
            <numerusform>%n files written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/mainwindow.cpp" line="135" />
        <source>%n problem(s); hover over a red node to read it.</source>
        <translation>
            <numerusform>%n problem; hover over a red node to read it.</numerusform>
            <numerusform>%n problems; hover over a red node to read it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::NpmInstaller</name>
    <message numerus="yes">
        <location filename="../../widgets/plugins/npminstaller.cpp" line="98" />
        <source>Installed %1 (%n package(s) fetched, %2 s).</source>
        <translation>
            <numerusform>Installed %1 (%n package fetched, %2 s).</numerusform>
            <numerusform>Installed %1 (%n packages fetched, %2 s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::PluginsDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="150" />
        <source>%1 — %n tool(s)</source>
        <translation>
            <numerusform>%1 — %n tool</numerusform>
            <numerusform>%1 — %n tools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="265" />
        <source>Import %n plugin(s)</source>
        <translation>
            <numerusform>Import %n plugin</numerusform>
            <numerusform>Import %n plugins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="266" />
        <source>Imported %1; %n secret(s) went to the keychain.</source>
        <translation>
            <numerusform>Imported %1; %n secret went to the keychain.</numerusform>
            <numerusform>Imported %1; %n secrets went to the keychain.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ProjectChecklist</name>
    <message numerus="yes">
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="177" />
        <source>%n thing(s) to set up before the first run.</source>
        <translation>
            <numerusform>%n thing to set up before the first run.</numerusform>
            <numerusform>%n things to set up before the first run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="230" />
        <source>installing… %n package(s), %1 s</source>
        <translation>
            <numerusform>installing… %n package, %1 s</numerusform>
            <numerusform>installing… %n packages, %1 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunController</name>
    <message numerus="yes">
        <location filename="../../widgets/run/runcontroller.cpp" line="172" />
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ToolPicker</name>
    <message numerus="yes">
        <location filename="../../widgets/panels/toolpicker.cpp" line="122" />
        <source>The plugin has no tool '%1'; choose one of its %n tool(s).</source>
        <translation>
            <numerusform>The plugin has no tool '%1'; choose one of its %n tool.</numerusform>
            <numerusform>The plugin has no tool '%1'; choose one of its %n tools.</numerusform>
        </translation>
    </message>
</context>
</TS>