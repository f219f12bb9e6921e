<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>Commands</name>
    <message numerus="yes">
        <location filename="../../widgets/document/commands.cpp" line="287" />
        <source>Disable %n node(s)</source>
        <translation>
            <numerusform>Disable %n node</numerusform>
            <numerusform>Disable %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/document/commands.cpp" line="288" />
        <source>Enable %n node(s)</source>
        <translation>
            <numerusform>Enable %n node</numerusform>
            <numerusform>Enable %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::AppsDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/deploy/appsdialog.cpp" line="325" />
        <source>%n app(s) on %1.</source>
        <translation>
            <numerusform>%n app on %1.</numerusform>
            <numerusform>%n apps on %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::BaseSettingsPage</name>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="138" />
        <source>The embedding model changed: %n passage(s) must be embedded again before vector and hybrid search find them. Keyword search works meanwhile.</source>
        <translation>
            <numerusform>The embedding model changed: %n passage must be embedded again before vector and hybrid search find them. Keyword search works meanwhile.</numerusform>
            <numerusform>The embedding model changed: %n passages must be embedded again before vector and hybrid search find them. Keyword search works meanwhile.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="142" />
        <source>The chunking changed: every document must be cut again (%n passage(s) now). Searches use the old passages until then.</source>
        <translation>
            <numerusform>The chunking changed: every document must be cut again (%n passage now). Searches use the old passages until then.</numerusform>
            <numerusform>The chunking changed: every document must be cut again (%n passages now). Searches use the old passages until then.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::CatalogPage</name>
    <message numerus="yes">
        <location filename="../../widgets/plugins/catalogpage.cpp" line="320" />
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
        <location filename="../../widgets/deploy/deploydialog.cpp" line="300" />
        <source>%1 KiB, and %n knowledge base(s) of %2 KiB</source>
        <translation>
            <numerusform>%1 KiB, and %n knowledge base of %2 KiB</numerusform>
            <numerusform>%1 KiB, and %n knowledge bases of %2 KiB</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/deploy/deploydialog.cpp" line="319" />
        <source>%n file(s) written</source>
        <translation>
            <numerusform>%n file written</numerusform>
            <numerusform>%n files written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::DocumentsPage</name>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/documentspage.cpp" line="298" />
        <source>%1 indexed, %2 unchanged, %3 failed; %n passage(s) stored.</source>
        <translation>
            <numerusform>%1 indexed, %2 unchanged, %3 failed; %n passage stored.</numerusform>
            <numerusform>%1 indexed, %2 unchanged, %3 failed; %n passages stored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/documentspage.cpp" line="303" />
        <source>%n passage(s) embedded.</source>
        <translation>
            <numerusform>%n passage embedded.</numerusform>
            <numerusform>%n passages embedded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/documentspage.cpp" line="363" />
        <source>Removed %n document(s).</source>
        <translation>
            <numerusform>Removed %n document.</numerusform>
            <numerusform>Removed %n documents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GoldenPage</name>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="221" />
        <source>%1: hit@%2 %3, MRR %4 over %n question(s)</source>
        <translation>
            <numerusform>%1: hit@%2 %3, MRR %4 over %n question</numerusform>
            <numerusform>%1: hit@%2 %3, MRR %4 over %n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GraphScene</name>
    <message numerus="yes">
        <location filename="../../widgets/canvas/graphscene.cpp" line="508" />
        <source>%n connection(s) crossed the container's edge and were removed; Undo brings them back.</source>
        <translation>
            <numerusform>%n connection crossed the container's edge and were removed; Undo brings them back.</numerusform>
            <numerusform>%n connections crossed the container's edge and were removed; Undo brings them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GuardKeywordLists</name>
    <message numerus="yes">
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="101" />
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="165" />
        <source>%Ln term(s)</source>
        <translation>
            <numerusform>%Ln term</numerusform>
            <numerusform>%Ln terms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="166" />
        <source>%Ln new term(s) from %1</source>
        <translation>
            <numerusform>%Ln new term from %1</numerusform>
            <numerusform>%Ln new terms from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="168" />
        <source>; %Ln line(s) already in the list or repeated</source>
        <translation>
            <numerusform>; %Ln line already in the list or repeated</numerusform>
            <numerusform>; %Ln lines already in the list or repeated</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GuardTestBox</name>
    <message numerus="yes">
        <location filename="../../widgets/editors/guardtestbox.cpp" line="159" />
        <source>%n finding(s): %1</source>
        <translation>
            <numerusform>%n finding: %1</numerusform>
            <numerusform>%n findings: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::HistoryDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/history/historydialog.cpp" line="170" />
        <source>Changes from %1 to %2: %n file(s).</source>
        <translation>
            <numerusform>Changes from %1 to %2: %n file.</numerusform>
            <numerusform>Changes from %1 to %2: %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/history/historydialog.cpp" line="214" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ImportReportDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/history/importreportdialog.cpp" line="40" />
        <source>&lt;b&gt;%1&lt;/b&gt; (Dify DSL %2, %3 app) was imported from %4 into %5: %n node(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (Dify DSL %2, %3 app) was imported from %4 into %5: %n node.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (Dify DSL %2, %3 app) was imported from %4 into %5: %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/history/importreportdialog.cpp" line="47" />
        <source>%n item(s) could not be carried over; the workflow works without them or marks where they were.</source>
        <translation>
            <numerusform>%n item could not be carried over; the workflow works without them or marks where they were.</numerusform>
            <numerusform>%n items could not be carried over; the workflow works without them or marks where they were.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::KnowledgePanel</name>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="149" />
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="150" />
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="151" />
        <source>%n vector(s)</source>
        <translation>
            <numerusform>%n vector</numerusform>
            <numerusform>%n vectors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="157" />
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::LiveChanges</name>
    <message numerus="yes">
        <location filename="../../widgets/history/livechanges.cpp" line="91" />
        <source>%n change(s) since the live version (%1):</source>
        <translation>
            <numerusform>%n change since the live version (%1):</numerusform>
            <numerusform>%n changes since the live version (%1):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/history/livechanges.cpp" line="110" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/mainwindow.cpp" line="193" />
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
        <location filename="../../widgets/plugins/npminstaller.cpp" line="99" />
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
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="151" />
        <source>%1 — %n tool(s)</source>
        <translation>
            <numerusform>%1 — %n tool</numerusform>
            <numerusform>%1 — %n tools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="266" />
        <source>Import %n plugin(s)</source>
        <translation>
            <numerusform>Import %n plugin</numerusform>
            <numerusform>Import %n plugins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="267" />
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
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="199" />
        <source>%n thing(s) to set up before the first run.</source>
        <translation>
            <numerusform>%n thing to set up before the first run.</numerusform>
            <numerusform>%n things to set up before the first run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="252" />
        <source>installing… %n package(s), %1 s</source>
        <translation>
            <numerusform>installing… %n package, %1 s</numerusform>
            <numerusform>installing… %n packages, %1 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunConsole</name>
    <message numerus="yes">
        <location filename="../../widgets/panels/runconsole.cpp" line="474" />
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n failed</numerusform>
            <numerusform>, %n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunController</name>
    <message numerus="yes">
        <location filename="../../widgets/run/runcontroller.cpp" line="338" />
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::SearchPage</name>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/searchpage.cpp" line="153" />
        <source>%n passage(s) found.</source>
        <translation>
            <numerusform>%n passage found.</numerusform>
            <numerusform>%n passages found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ToolPicker</name>
    <message numerus="yes">
        <location filename="../../widgets/panels/toolpicker.cpp" line="125" />
        <source>The plugin has no tool '%1'; choose one of its %n tool(s).</source>
        <translation>
            <numerusform>The plugin has no tool '%1'; choose one of its %n tool.</numerusform>
            <numerusform>The plugin has no tool '%1'; choose one of its %n tools.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::TraceView</name>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/traceview.cpp" line="143" />
        <source>%n document(s) left out by the filters.</source>
        <translation>
            <numerusform>%n document left out by the filters.</numerusform>
            <numerusform>%n documents left out by the filters.</numerusform>
        </translation>
    </message>
</context>
</TS>