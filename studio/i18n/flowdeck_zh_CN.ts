<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Commands</name>
    <message>
        <location filename="../document/commands.cpp" line="17"/>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="29"/>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="81"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="112"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="128"/>
        <source>Both ends of a connection must be nodes of this workflow.</source>
        <translation>连接的两端都必须是本工作流中的节点。</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="130"/>
        <source>A node cannot be connected to itself.</source>
        <translation>节点不能连接到自身。</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="133"/>
        <source>These nodes are already connected.</source>
        <translation>这两个节点已经连接。</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="141"/>
        <source>This connection would make a loop; workflows run from start to end.</source>
        <translation>这条连接会形成环路；工作流只能从开始运行到结束。</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="153"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="171"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="218"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../document/commands.cpp" line="320"/>
        <source>Arrange</source>
        <translation>自动排列</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="43"/>
        <source>Untitled workflow</source>
        <translation>未命名工作流</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="53"/>
        <source>You are a helpful assistant.</source>
        <translation>你是一个乐于助人的助手。</translation>
    </message>
    <message>
        <location filename="../document/documentfile.cpp" line="23"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../document/documentfile.cpp" line="28"/>
        <source>Saving %1 failed (%2); the file on disk was not changed.</source>
        <translation>保存 %1 失败（%2）；磁盘上的文件没有被改动。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::InspectorWidget</name>
    <message>
        <location filename="../panels/inspectorwidget.cpp" line="65"/>
        <source>&lt;i&gt;Select a node to see its settings.&lt;/i&gt;</source>
        <translation>&lt;i&gt;选择一个节点以查看其设置。&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::KeyStore</name>
    <message>
        <location filename="../settings/keystore.cpp" line="50"/>
        <location filename="../settings/keystore.cpp" line="56"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../settings/keystore.cpp" line="69"/>
        <source>No system keychain is available (%1), so the key was saved in %2, readable only by you.</source>
        <translation>没有可用的系统钥匙串（%1），因此密钥保存在 %2 中，只有你能读取。</translation>
    </message>
    <message>
        <location filename="../settings/keystore.cpp" line="73"/>
        <source>turned off</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="72"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="76"/>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="92"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="107"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/mainwindow.cpp" line="109"/>
        <source>%n problem(s); hover over a red node to read it.</source>
        <translation>
            <numerusform>%n 个问题；将鼠标悬停在红色节点上查看详情。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="115"/>
        <source>A plugin</source>
        <translation>一个插件</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="133"/>
        <source>Drag a node from the palette; drag from a port to connect.</source>
        <translation>从节点面板拖入节点；从端口拖出即可连接。</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="151"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="152"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="156"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="157"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="158"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="160"/>
        <source>Model &amp;Providers…</source>
        <translation>模型服务商(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="162"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="164"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="165"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="167"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="172"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="173"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="174"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="175"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="177"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="182"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="183"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="184"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="185"/>
        <source>Zoom to &amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="186"/>
        <source>&amp;Arrange</source>
        <translation>自动排列(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="190"/>
        <location filename="../app/mainwindow.cpp" line="191"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="192"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="193"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="196"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="203"/>
        <source>The language changes the next time Flowdeck starts.</source>
        <translation>语言将在下次启动 Flowdeck 时生效。</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="206"/>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="252"/>
        <source>The clipboard holds no Flowdeck nodes.</source>
        <translation>剪贴板中没有 Flowdeck 节点。</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="279"/>
        <source>Open workflow</source>
        <translation>打开工作流</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="279"/>
        <location filename="../app/mainwindow.cpp" line="318"/>
        <source>Flowdeck workflows (*.flow.json)</source>
        <translation>Flowdeck 工作流 (*.flow.json)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="288"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="288"/>
        <source>%1 could not be opened:

%2</source>
        <translation>无法打开 %1：

%2</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="303"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="310"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="318"/>
        <source>Save workflow</source>
        <translation>保存工作流</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="330"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="331"/>
        <source>The workflow has changes that are not saved. Save them?</source>
        <translation>工作流有尚未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="348"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="368"/>
        <source>an unsaved workflow</source>
        <translation>一个未保存的工作流</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="369"/>
        <location filename="../app/mainwindow.cpp" line="376"/>
        <source>Recover work</source>
        <translation>恢复工作</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="370"/>
        <source>Flowdeck did not close properly. Recover the changes to %1 from %2?</source>
        <translation>Flowdeck 上次没有正常关闭。要恢复 %2 时对 %1 所做的更改吗？</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::MiniMap</name>
    <message>
        <location filename="../canvas/minimap.cpp" line="17"/>
        <source>Overview: click or drag to move the canvas</source>
        <translation>概览：点击或拖动以移动画布</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::PaletteWidget</name>
    <message>
        <location filename="../panels/palettewidget.cpp" line="26"/>
        <source>Basics</source>
        <translation>基础</translation>
    </message>
    <message>
        <location filename="../panels/palettewidget.cpp" line="28"/>
        <source>Models and agents</source>
        <translation>模型与智能体</translation>
    </message>
    <message>
        <location filename="../panels/palettewidget.cpp" line="30"/>
        <source>Logic</source>
        <translation>逻辑</translation>
    </message>
    <message>
        <location filename="../panels/palettewidget.cpp" line="32"/>
        <source>Transform</source>
        <translation>转换</translation>
    </message>
    <message>
        <location filename="../panels/palettewidget.cpp" line="34"/>
        <source>MCP tools</source>
        <translation>MCP 工具</translation>
    </message>
    <message>
        <location filename="../panels/palettewidget.cpp" line="36"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../panels/palettewidget.cpp" line="38"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../panels/palettewidget.cpp" line="62"/>
        <source>Search nodes…</source>
        <translation>搜索节点…</translation>
    </message>
    <message>
        <location filename="../panels/palettewidget.cpp" line="123"/>
        <source>Plugin: %1</source>
        <translation>插件：%1</translation>
    </message>
    <message>
        <location filename="../panels/palettewidget.cpp" line="138"/>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunConsole</name>
    <message>
        <location filename="../panels/runconsole.cpp" line="32"/>
        <source>As the workflow says</source>
        <translation>按工作流设置</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="35"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="36"/>
        <source>Run the workflow (F5)</source>
        <translation>运行工作流 (F5)</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="37"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="38"/>
        <source>Stop the run (Shift+F5)</source>
        <translation>停止运行 (Shift+F5)</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="41"/>
        <source>Model profile:</source>
        <translation>模型配置：</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="52"/>
        <source>The answer appears here as it streams.</source>
        <translation>回答会以流式方式显示在这里。</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="55"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="55"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="55"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="60"/>
        <source>Click a row to see that event&apos;s inputs and outputs as JSON.</source>
        <translation>点击一行，以 JSON 查看该事件的输入和输出。</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="111"/>
        <source>**Outputs**</source>
        <translation>**输出**</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="113"/>
        <source>(run)</source>
        <translation>（运行）</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="116"/>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="132"/>
        <source>Type a message and press Enter</source>
        <translation>输入消息后按回车</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="134"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="143"/>
        <source>, required</source>
        <translation>，必填</translation>
    </message>
    <message>
        <location filename="../panels/runconsole.cpp" line="184"/>
        <source>The workflow cannot run yet:

%1</source>
        <translation>工作流还不能运行：

%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunController</name>
    <message>
        <location filename="../run/runcontroller.cpp" line="126"/>
        <source>Connected: the model %1 answered.</source>
        <translation>已连接：模型 %1 已回应。</translation>
    </message>
    <message>
        <location filename="../run/runcontroller.cpp" line="198"/>
        <source>A run is already going; stop it first.</source>
        <translation>已有运行正在进行；请先停止它。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ServerRequestDialog</name>
    <message>
        <location filename="../panels/serverrequestdialog.cpp" line="23"/>
        <source>System: %1</source>
        <translation>系统：%1</translation>
    </message>
    <message>
        <location filename="../panels/serverrequestdialog.cpp" line="42"/>
        <source>%1 asks for a model answer</source>
        <translation>%1 请求模型回答</translation>
    </message>
    <message>
        <location filename="../panels/serverrequestdialog.cpp" line="43"/>
        <source>The plugin &lt;b&gt;%1&lt;/b&gt; wants a model to answer the messages below. Write the answer it should get, or decline.</source>
        <translation>插件 &lt;b&gt;%1&lt;/b&gt; 希望由模型回答下面的消息。请写下要返回给它的回答，或拒绝。</translation>
    </message>
    <message>
        <location filename="../panels/serverrequestdialog.cpp" line="51"/>
        <source>The answer to send back</source>
        <translation>要返回的回答</translation>
    </message>
    <message>
        <location filename="../panels/serverrequestdialog.cpp" line="53"/>
        <source>Send answer</source>
        <translation>发送回答</translation>
    </message>
    <message>
        <location filename="../panels/serverrequestdialog.cpp" line="55"/>
        <source>%1 asks you</source>
        <translation>%1 向你询问</translation>
    </message>
    <message>
        <location filename="../panels/serverrequestdialog.cpp" line="98"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../panels/serverrequestdialog.cpp" line="100"/>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../panels/serverrequestdialog.cpp" line="111"/>
        <source>the user closed the request</source>
        <translation>用户关闭了请求</translation>
    </message>
    <message>
        <location filename="../panels/serverrequestdialog.cpp" line="159"/>
        <source>the user declined the request</source>
        <translation>用户拒绝了请求</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::SettingsDialog</name>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="26"/>
        <source>Model providers</source>
        <translation>模型服务商</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="39"/>
        <source>e.g. DEEPSEEK_API_KEY</source>
        <translation>例如 DEEPSEEK_API_KEY</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="43"/>
        <source>Leave empty to keep the stored key</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="44"/>
        <source>Needs an API key</source>
        <translation>需要 API 密钥</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="46"/>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="47"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="48"/>
        <source>Base URL</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="49"/>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="51"/>
        <source>Key name</source>
        <translation>密钥名称</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="52"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="53"/>
        <source>New profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="54"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="55"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="64"/>
        <source>Looking for Ollama and LM Studio on this computer…</source>
        <translation>正在查找本机上的 Ollama 和 LM Studio…</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="92"/>
        <source>%1 is running at %2: use the profile “%3”.</source>
        <translation>%1 正在 %2 运行：请使用配置“%3”。</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="135"/>
        <source>Fill in the provider&apos;s OpenAI-compatible base URL and model, then Save.</source>
        <translation>填写服务商的 OpenAI 兼容接口地址和模型，然后保存。</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="154"/>
        <source>%1 is not valid JSON; fix or remove it first.</source>
        <translation>%1 不是有效的 JSON；请先修正或删除它。</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="164"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="175"/>
        <source>The profile name may use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>配置名称只能使用字母、数字、“-”、“_”和“.”。</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="177"/>
        <source>The base URL must start with http:// or https://.</source>
        <translation>接口地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="195"/>
        <source>Saved the profile “%1”.</source>
        <translation>已保存配置“%1”。</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="202"/>
        <source>Saved the profile “%1”; its key is in the system keychain.</source>
        <translation>已保存配置“%1”；密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="216"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
</TS>
