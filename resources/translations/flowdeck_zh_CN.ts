<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssignerEditor</name>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="87"/>
        <source>(choose a variable)</source>
        <translation>（选择一个变量）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="87"/>
        <source>%1 (not declared)</source>
        <translation>%1（未声明）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="117"/>
        <source>a list, e.g. {{llm_1.json}} or [&quot;a&quot;, &quot;b&quot;]</source>
        <translation>一个列表，例如 {{llm_1.json}} 或 [&quot;a&quot;, &quot;b&quot;]</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="118"/>
        <source>a value, e.g. {{llm_1.text}}</source>
        <translation>一个值，例如 {{llm_1.text}}</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="123"/>
        <source>Declare a conversation variable first (Conversation variables…).</source>
        <translation>请先声明一个会话变量（会话变量…）。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="124"/>
        <source>Choose the variable to write.</source>
        <translation>请选择要写入的变量。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="176"/>
        <source>set to</source>
        <translation>设为</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="176"/>
        <source>overwrite with</source>
        <translation>覆盖为</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="176"/>
        <source>clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="179"/>
        <source>append</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="180"/>
        <source>extend with a list</source>
        <translation>用列表扩展</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="181"/>
        <source>remove the first item</source>
        <translation>删除第一项</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="182"/>
        <source>remove the last item</source>
        <translation>删除最后一项</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="184"/>
        <source>add</source>
        <translation>加上</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="185"/>
        <source>subtract</source>
        <translation>减去</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="186"/>
        <source>multiply by</source>
        <translation>乘以</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="187"/>
        <source>divide by</source>
        <translation>除以</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="205"/>
        <source>+ Assignment</source>
        <translation>+ 赋值</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="205"/>
        <source>Write another variable</source>
        <translation>再写入一个变量</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="210"/>
        <source>Conversation variables…</source>
        <translation>会话变量…</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/assignereditor.cpp" line="213"/>
        <source>Declare, rename or remove the workflow&apos;s conversation variables (Workflow → Conversation Variables…)</source>
        <translation>声明、重命名或删除工作流的会话变量（工作流 → 会话变量…）</translation>
    </message>
</context>
<context>
    <name>ChangeText</name>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="57"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="58"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="59"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="60"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="61"/>
        <source>Instructions</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="62"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="63"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="64"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="65"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="66"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="67"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="68"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="69"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="70"/>
        <source>Conversation variables</source>
        <translation>会话变量</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="71"/>
        <source>Content safety</source>
        <translation>内容安全</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="72"/>
        <source>Notes</source>
        <translation>便签</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="73"/>
        <source>Environment variables</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="96"/>
        <source>Added %1</source>
        <translation>新增 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="98"/>
        <source>Removed %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="100"/>
        <source>Moved %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="102"/>
        <source>%1: %2 changed</source>
        <translation>%1：%2 已更改</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="105"/>
        <source>%1: %2 set to %3</source>
        <translation>%1：%2 设为 %3</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="107"/>
        <source>%1: %2 removed (was %3)</source>
        <translation>%1：%2 已移除（原为 %3）</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="108"/>
        <source>%1: %2 changed from %3 to %4</source>
        <translation>%1：%2 从 %3 改为 %4</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="110"/>
        <source>Connected %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="112"/>
        <source>Disconnected %1</source>
        <translation>断开 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="115"/>
        <source>Workflow: %1 set to %2</source>
        <translation>工作流：%1 设为 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="117"/>
        <source>Workflow: %1 removed (was %2)</source>
        <translation>工作流：%1 已移除（原为 %2）</translation>
    </message>
    <message>
        <location filename="../../widgets/history/changetext.cpp" line="118"/>
        <source>Workflow: %1 changed from %2 to %3</source>
        <translation>工作流：%1 从 %2 改为 %3</translation>
    </message>
</context>
<context>
    <name>ClassEditor</name>
    <message>
        <location filename="../../widgets/editors/classeditor.cpp" line="56"/>
        <source>Class name, e.g. Refund request</source>
        <translation>类别名称，例如 退款申请</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/classeditor.cpp" line="59"/>
        <source>The class&apos;s port id: connections and {{node.class_id}} use it</source>
        <translation>类别的端口 ID：连线和 {{node.class_id}} 用它</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/classeditor.cpp" line="63"/>
        <source>What belongs in this class (the model reads it)</source>
        <translation>哪些内容属于这个类别（大模型会读到）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/classeditor.cpp" line="66"/>
        <source>Examples, one a line (optional)</source>
        <translation>示例，每行一个（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/classeditor.cpp" line="93"/>
        <source>&lt;b&gt;Other&lt;/b&gt; — anything that fits none of the classes above goes to the &lt;i&gt;other&lt;/i&gt; port.</source>
        <translation>&lt;b&gt;其他&lt;/b&gt;——不属于以上任何类别的内容走 &lt;i&gt;other&lt;/i&gt; 端口。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/classeditor.cpp" line="128"/>
        <source>Remove class %1</source>
        <translation>删除类别 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/classeditor.cpp" line="135"/>
        <source>+ Class</source>
        <translation>+ 类别</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/classeditor.cpp" line="136"/>
        <source>Add a class: another output port, before Other</source>
        <translation>添加类别：在“其他”之前多一个输出端口</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/classeditor.cpp" line="140"/>
        <source>Class %1</source>
        <translation>类别 %1</translation>
    </message>
</context>
<context>
    <name>CodeFields</name>
    <message>
        <location filename="../../widgets/editors/codefields.cpp" line="40"/>
        <source>{{node.output}}</source>
        <translation>{{节点.输出}}</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codefields.cpp" line="50"/>
        <source>Name in the code</source>
        <translation>代码中的名称</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codefields.cpp" line="51"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codefields.cpp" line="52"/>
        <source>+ Input</source>
        <translation>+ 输入</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codefields.cpp" line="53"/>
        <source>Add an argument of main(), bound to a value or a reference</source>
        <translation>为 main() 添加一个参数，绑定到一个值或引用</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codefields.cpp" line="77"/>
        <source>Key of the returned object</source>
        <translation>返回对象的键</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codefields.cpp" line="78"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codefields.cpp" line="79"/>
        <source>+ Output</source>
        <translation>+ 输出</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codefields.cpp" line="80"/>
        <source>Declare a key of the object main() returns, with its type</source>
        <translation>声明 main() 返回对象中的一个键及其类型</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codefields.cpp" line="110"/>
        <source>default %1</source>
        <translation>默认 %1</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="19"/>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="31"/>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="83"/>
        <location filename="../../widgets/document/containercommands.cpp" line="155"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="114"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="130"/>
        <source>Both ends of a connection must be nodes of this workflow.</source>
        <translation>连接的两端都必须是本工作流中的节点。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="132"/>
        <source>A node cannot be connected to itself.</source>
        <translation>节点不能连接到自身。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="135"/>
        <source>These nodes are already connected.</source>
        <translation>这两个节点已经连接。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="138"/>
        <source>Nodes inside an iteration or loop connect only to each other; connect the container itself instead.</source>
        <translation>迭代或循环里的节点只能彼此相连；请改为连接容器本身。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="141"/>
        <source>This connection would make a loop; workflows run from start to end.</source>
        <translation>这条连接会形成环路；工作流只能从开始运行到结束。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="147"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="166"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="259"/>
        <source>Rename %1</source>
        <translation>重命名 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/document/commands.cpp" line="287"/>
        <source>Disable %n node(s)</source>
        <translation>
            <numerusform>停用 %n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/document/commands.cpp" line="288"/>
        <source>Enable %n node(s)</source>
        <translation>
            <numerusform>启用 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="362"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="445"/>
        <source>Arrange</source>
        <translation>自动排列</translation>
    </message>
    <message>
        <location filename="../../widgets/document/containercommands.cpp" line="68"/>
        <source>A “%1” node only works directly inside a loop; drop it into one.</source>
        <translation>“%1”节点只能直接放在循环里；请把它拖进一个循环。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/containercommands.cpp" line="72"/>
        <source>Nodes can only be placed inside an iteration or a loop.</source>
        <translation>节点只能放进迭代或循环里。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/containercommands.cpp" line="74"/>
        <source>A “%1” node cannot run inside an iteration or loop; keep it outside.</source>
        <translation>“%1”节点不能在迭代或循环里运行；请把它放在外面。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/containercommands.cpp" line="77"/>
        <source>A “%1” node only works directly inside a loop, not inside “%2”.</source>
        <translation>“%1”节点只能直接放在循环里，不能放在“%2”里。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/containercommands.cpp" line="89"/>
        <source>An iteration or loop cannot go inside itself or inside a node it holds.</source>
        <translation>迭代或循环不能放进它自己，也不能放进它包含的节点里。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/containercommands.cpp" line="98"/>
        <source>The node &apos;%1&apos; is not in this workflow.</source>
        <translation>节点“%1”不在这个工作流里。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/containercommands.cpp" line="153"/>
        <source>Move into %1</source>
        <translation>移入 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/document/containercommands.cpp" line="154"/>
        <source>Move out of %1</source>
        <translation>移出 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/pincommand.cpp" line="14"/>
        <source>Unpin %1</source>
        <translation>取消固定 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/pincommand.cpp" line="14"/>
        <source>Pin Output of %1</source>
        <translation>固定 %1 的输出</translation>
    </message>
</context>
<context>
    <name>DeployVersion</name>
    <message>
        <location filename="../../widgets/history/deployversion.cpp" line="33"/>
        <source>not kept as a version: the workflow has unsaved changes</source>
        <translation>未记为版本：工作流有未保存的更改</translation>
    </message>
    <message>
        <location filename="../../widgets/history/deployversion.cpp" line="36"/>
        <source>Deployed %1 to %2</source>
        <translation>已将 %1 部署到 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/history/deployversion.cpp" line="41"/>
        <source>not kept as a version: %1</source>
        <translation>未记为版本：%1</translation>
    </message>
</context>
<context>
    <name>DeployedRun</name>
    <message>
        <location filename="../../widgets/debug/deployedrun.cpp" line="12"/>
        <source>%1 — run %2</source>
        <translation>%1 — 运行 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/deployedrun.cpp" line="23"/>
        <source>The runtime&apos;s answer about run %1 is not a JSON object.</source>
        <translation>运行时关于运行 %1 的回答不是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/deployedrun.cpp" line="27"/>
        <source>The runtime did not send the workflow that run %1 ran, so it cannot be opened. Update the runtime (flowdeck serve) to this version of Flowdeck.</source>
        <translation>运行时没有发送运行 %1 所用的工作流，因此无法打开。请把运行时（flowdeck serve）更新到此版本的 Flowdeck。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/deployedrun.cpp" line="35"/>
        <source>The workflow of run %1 could not be read: %2</source>
        <translation>无法读取运行 %1 的工作流：%2</translation>
    </message>
</context>
<context>
    <name>DifyImportFlow</name>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="38"/>
        <source> (line %1, column %2)</source>
        <translation>（第 %1 行，第 %2 列）</translation>
    </message>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="46"/>
        <source>Cannot Import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="46"/>
        <source>%1 could not be imported:

%2</source>
        <translation>无法导入 %1：

%2</translation>
    </message>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="65"/>
        <source>Import a Dify App</source>
        <translation>导入 Dify 应用</translation>
    </message>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="67"/>
        <source>Dify DSL files (*.yml *.yaml);;All files (*)</source>
        <translation>Dify DSL 文件 (*.yml *.yaml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="75"/>
        <source>The file is larger than %1 MB, more than any Dify app export.</source>
        <translation>文件超过 %1 MB，比任何 Dify 应用导出文件都大。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="86"/>
        <source>Folder for the Imported Project</source>
        <translation>导入项目的文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="101"/>
        <source>Imported from Dify: %1</source>
        <translation>从 Dify 导入：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="102"/>
        <source>Kept as version %1 of the project&apos;s history.</source>
        <translation>已记为项目历史的版本 %1。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="103"/>
        <source>History is off: %1</source>
        <translation>版本历史未开启：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/difyimportflow.cpp" line="111"/>
        <source>%1 could not be kept in the keychain (%2); runs have it until Flowdeck quits.</source>
        <translation>%1 无法存入钥匙串（%2）；在 Flowdeck 退出前运行仍可使用它。</translation>
    </message>
</context>
<context>
    <name>EnvironmentVariablesEditor</name>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="53"/>
        <source>&apos;%1&apos; is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
</context>
<context>
    <name>FieldName</name>
    <message>
        <location filename="../../widgets/editors/namedrows.cpp" line="45"/>
        <source>A name is needed.</source>
        <translation>需要填写名称。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/namedrows.cpp" line="47"/>
        <source>&quot;%1&quot; is not a name: use letters, digits and _, not starting with a digit.</source>
        <translation>“%1”不是有效名称：只能用字母、数字和 _，且不能以数字开头。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/namedrows.cpp" line="50"/>
        <source>&quot;%1&quot; is kept for the node&apos;s own output.</source>
        <translation>“%1”留给节点自己的输出使用。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/namedrows.cpp" line="52"/>
        <source>Names starting with __ are kept for the node&apos;s own outputs.</source>
        <translation>以 __ 开头的名称留给节点自己的输出使用。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/namedrows.cpp" line="54"/>
        <source>&quot;%1&quot; is used twice.</source>
        <translation>“%1”重复使用了。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/namedrows.cpp" line="98"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>GuardNames</name>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="24"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="55"/>
        <source>A security category of its own (no GB/T 45654-2025 risk type)</source>
        <translation>独立的安全类别（不对应 GB/T 45654-2025 风险类型）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="61"/>
        <source>GB/T 45654-2025: %1</source>
        <translation>GB/T 45654-2025：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="84"/>
        <source>personal information check</source>
        <translation>个人信息检查</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="85"/>
        <source>secrets check</source>
        <translation>密钥检查</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="86"/>
        <source>keyword list</source>
        <translation>敏感词表</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="87"/>
        <source>injection check</source>
        <translation>注入检查</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="88"/>
        <source>link allow-list</source>
        <translation>链接白名单</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="89"/>
        <source>moderation endpoint</source>
        <translation>审核接口</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="90"/>
        <source>guard model</source>
        <translation>安全护栏模型</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="91"/>
        <source>model judge</source>
        <translation>模型评审</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="104"/>
        <source>ID card</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="105"/>
        <source>mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="106"/>
        <source>bank card</source>
        <translation>银行卡号</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="107"/>
        <source>unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="108"/>
        <source>passport</source>
        <translation>护照号</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="109"/>
        <source>e-mail address</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="110"/>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="119"/>
        <source>“%1”</source>
        <comment>a term of a keyword list</comment>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="121"/>
        <source>API key or token</source>
        <translation>API 密钥或令牌</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="124"/>
        <source>%1, score %2</source>
        <translation>%1，分数 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="132"/>
        <location filename="../../widgets/editors/guardnames.cpp" line="149"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="134"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="151"/>
        <location filename="../../widgets/editors/guardnames.cpp" line="165"/>
        <source>; </source>
        <comment>between the categories of a list</comment>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="174"/>
        <source>Output “%1” blocked: %2</source>
        <translation>输出“%1”被拦截：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="174"/>
        <source>Output blocked: %1</source>
        <translation>输出被拦截：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="175"/>
        <source>Input “%1” blocked: %2</source>
        <translation>输入“%1”被拦截：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="175"/>
        <source>Input blocked: %1</source>
        <translation>输入被拦截：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="177"/>
        <source>Output “%1” masked: %2</source>
        <translation>输出“%1”已脱敏：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="177"/>
        <source>Output masked: %1</source>
        <translation>输出已脱敏：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="178"/>
        <source>Input “%1” masked: %2</source>
        <translation>输入“%1”已脱敏：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="178"/>
        <source>Input masked: %1</source>
        <translation>输入已脱敏：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="180"/>
        <source>Output “%1” flagged: %2</source>
        <translation>输出“%1”已标记：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="180"/>
        <source>Output flagged: %1</source>
        <translation>输出已标记：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="181"/>
        <source>Input “%1” flagged: %2</source>
        <translation>输入“%1”已标记：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnames.cpp" line="181"/>
        <source>Input flagged: %1</source>
        <translation>输入已标记：%1</translation>
    </message>
</context>
<context>
    <name>GuardNodeEditor</name>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="31"/>
        <source>Replaces personal information and secrets with placeholders such as [ID_CARD]; the text goes on.</source>
        <translation>将个人信息和密钥替换为 [ID_CARD] 等占位符，文本继续向下传递。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="33"/>
        <source>Only records what it finds (findings, categories); the text goes on unchanged.</source>
        <translation>只记录发现的问题（检出项、类别），文本原样继续。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="34"/>
        <source>Sends the text on through “pass”, or through “blocked” when a check finds something.</source>
        <translation>文本从“通过”端口继续；任一检查有发现时改走“拦截”端口。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="40"/>
        <source>A tool&apos;s or MCP server&apos;s result: instructions to the assistant in it count as injection.</source>
        <translation>工具或 MCP 服务器返回的结果：其中对助手下达的指令视为注入。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="42"/>
        <source>A retrieved passage: instructions to the assistant in it count as injection.</source>
        <translation>检索到的段落：其中对助手下达的指令视为注入。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="44"/>
        <source>A model&apos;s answer.</source>
        <translation>模型的回答。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="45"/>
        <source>What a user typed.</source>
        <translation>用户输入的内容。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="61"/>
        <source>Guard mode: %1</source>
        <translation>内容安全模式：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="98"/>
        <source>Text to check</source>
        <translation>要检查的文本</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="102"/>
        <source>The text, e.g. {{start.query}} or {{llm_1.text}}</source>
        <translation>文本，例如 {{start.query}} 或 {{llm_1.text}}</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="111"/>
        <source>Check</source>
        <translation>拦截</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="111"/>
        <source>Mask</source>
        <translation>脱敏</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="111"/>
        <source>Flag</source>
        <translation>仅标记</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="118"/>
        <source>User input</source>
        <translation>用户输入</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="118"/>
        <source>Model output</source>
        <translation>模型输出</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="119"/>
        <source>Tool result</source>
        <translation>工具结果</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="119"/>
        <source>Retrieved passage</source>
        <translation>检索段落</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="126"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="128"/>
        <source>Text from</source>
        <translation>文本来源</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardnodeeditor.cpp" line="132"/>
        <source>Checks</source>
        <translation>检查项</translation>
    </message>
</context>
<context>
    <name>GuardTermsFile</name>
    <message>
        <location filename="../../widgets/editors/guardtermsfile.cpp" line="88"/>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardtermsfile.cpp" line="96"/>
        <source>%1 is not UTF-16 text throughout.</source>
        <translation>%1 不是完整的 UTF-16 文本。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardtermsfile.cpp" line="105"/>
        <source>%1 is neither UTF-8 nor GB18030 text: save it as UTF-8 and import it again.</source>
        <translation>%1 既不是 UTF-8 也不是 GB18030 文本：请另存为 UTF-8 后重新导入。</translation>
    </message>
</context>
<context>
    <name>HumanFormEditor</name>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="75"/>
        <source>Line of text</source>
        <translation>单行文字</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="76"/>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="77"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="78"/>
        <source>Choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="79"/>
        <source>Yes or no</source>
        <translation>是/否</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="104"/>
        <source>Label shown on the form</source>
        <translation>表单上显示的标签</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="105"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="109"/>
        <source>Choices, comma-separated</source>
        <translation>选项，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="115"/>
        <source>Default (optional), e.g. {{llm_1.text}}</source>
        <translation>默认值（可选），例如 {{llm_1.text}}</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="138"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="138"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="139"/>
        <source>+ Field</source>
        <translation>+ 字段</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="139"/>
        <source>Add a field for the person to fill in: another output of the node</source>
        <translation>添加一个让人填写的字段：节点多一个输出</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="163"/>
        <source>id</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="164"/>
        <source>The button&apos;s port, and the node&apos;s {{%1.action}} when it is pressed</source>
        <translation>按钮的端口；按下后也是节点的 {{%1.action}}</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="166"/>
        <source>Text on the button</source>
        <translation>按钮上的文字</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="169"/>
        <source>Primary</source>
        <translation>主要</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="170"/>
        <source>Plain</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="171"/>
        <source>Danger</source>
        <translation>危险</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="172"/>
        <source>Enter presses the first primary button</source>
        <translation>按回车键即按下第一个主要按钮</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="193"/>
        <source>Rename button %1</source>
        <translation>重命名按钮 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="215"/>
        <source>Remove button %1</source>
        <translation>删除按钮 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="220"/>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="220"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="221"/>
        <source>+ Button</source>
        <translation>+ 按钮</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="221"/>
        <source>Add a button: another output port</source>
        <translation>添加一个按钮：多一个输出端口</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="226"/>
        <source>Button %1</source>
        <translation>按钮 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="237"/>
        <source>A button needs an id.</source>
        <translation>按钮需要一个标识。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="239"/>
        <source>&quot;%1&quot; is not an id: use letters, digits, _ and -, starting with a letter or _.</source>
        <translation>“%1”不是有效的标识：请使用字母、数字、_ 和 -，并以字母或 _ 开头。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="241"/>
        <source>&quot;%1&quot; is the node&apos;s own port; choose another id.</source>
        <translation>“%1”是节点自带的端口，请换一个标识。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="243"/>
        <source>Another button already has the id &quot;%1&quot;.</source>
        <translation>已有按钮使用标识“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="254"/>
        <source>Text shown (markdown)</source>
        <translation>显示的文字（Markdown）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="258"/>
        <source>What the person reads before answering, e.g. Approve this refund of {{start.amount}}?</source>
        <translation>回答之前要读的内容，例如：是否批准这笔 {{start.amount}} 的退款？</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="263"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="265"/>
        <source>Buttons</source>
        <translation>按钮</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="271"/>
        <source>no limit</source>
        <translation>不限时</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="272"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="274"/>
        <source>Without an answer in this time the run goes on through the timeout port, with the fields&apos; defaults.</source>
        <translation>在这段时间内无人回应时，运行会从“超时”端口继续，字段取默认值。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="279"/>
        <source>Remove the time limit</source>
        <translation>取消时间限制</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/humanformeditor.cpp" line="282"/>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
</context>
<context>
    <name>InspectorWidget</name>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="93"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="93"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="94"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="94"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="95"/>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="95"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="96"/>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="96"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="97"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="97"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="98"/>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="98"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="99"/>
        <source>Operations</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>IterationEditor</name>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="57"/>
        <source>e.g. {{llm_1.json}}: a list, or JSON text of one</source>
        <translation>例如 {{llm_1.json}}：一个列表，或表示列表的 JSON 文字</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="58"/>
        <source>The list to go over. The nodes inside read the current item as {{%1.item}} and its position as {{%1.index}}.</source>
        <translation>要逐项处理的列表。其中的节点用 {{%1.item}} 读取当前项，用 {{%1.index}} 读取它的位置。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="66"/>
        <source>e.g. {{llm_2.text}}; empty: each result is empty</source>
        <translation>例如 {{llm_2.text}}；留空则每项结果为空</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="67"/>
        <source>What each item gives; the node&apos;s results list holds one per item, in order.</source>
        <translation>每一项给出的结果；节点的 results 列表按顺序每项一个。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="73"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="74"/>
        <source>Result of each item</source>
        <translation>每一项的结果</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="76"/>
        <source>In parallel, up to</source>
        <translation>并行，最多</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="90"/>
        <source>Run items</source>
        <translation>运行方式</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="105"/>
        <source>none</source>
        <translation>不重试</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="109"/>
        <source>The wait before the first retry; it doubles with each try.</source>
        <translation>第一次重试前的等待时间；每重试一次加倍。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="116"/>
        <source>Retries of a failed item</source>
        <translation>失败项的重试次数</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="117"/>
        <source>Wait before retrying</source>
        <translation>重试前等待</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="119"/>
        <source>Flatten the items&apos; lists into one</source>
        <translation>把各项的列表合并成一个</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="94"/>
        <source>Stop: the iteration fails</source>
        <translation>停止：迭代失败</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="95"/>
        <source>Go on: its result is empty</source>
        <translation>继续：这一项的结果为空</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="96"/>
        <source>Go on: leave its result out</source>
        <translation>继续：去掉这一项的结果</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="101"/>
        <source>When an item fails</source>
        <translation>某一项失败时</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/iterationeditor.cpp" line="108"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
</context>
<context>
    <name>KubernetesExport</name>
    <message>
        <location filename="../../widgets/deploy/kubernetesexport.cpp" line="23"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/kubernetesexport.cpp" line="49"/>
        <source>The app name &apos;%1&apos; is not valid: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, beginning with a letter or digit.</source>
        <translation>应用名称“%1”无效：请使用 1 到 64 个字母、数字、“.”、“_”或“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/kubernetesexport.cpp" line="57"/>
        <source>The runtime&apos;s Kubernetes manifests were not found in %1.</source>
        <translation>在 %1 中找不到运行时的 Kubernetes 清单。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/kubernetesexport.cpp" line="62"/>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>LoopEditor</name>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="73"/>
        <source>Starting value (empty: the type&apos;s empty value)</source>
        <translation>初始值（留空则为该类型的空值）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="95"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="95"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="96"/>
        <source>+ Variable</source>
        <translation>+ 变量</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="96"/>
        <source>Add a loop variable: the nodes inside read and change it from round to round</source>
        <translation>添加一个循环变量：其中的节点逐轮读取和修改它</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="114"/>
        <source>Loop variables</source>
        <translation>循环变量</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="116"/>
        <source>The nodes inside read them as {{%1.&lt;i&gt;name&lt;/i&gt;}}; a Variable assigner inside the loop changes them for the next round.</source>
        <translation>其中的节点用 {{%1.&lt;i&gt;名称&lt;/i&gt;}} 读取它们；循环里的“变量赋值”节点会为下一轮修改它们。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="127"/>
        <source>The loop stops after this many rounds even if its condition never holds.</source>
        <translation>即使条件一直不成立，循环也会在这么多轮后停止。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="130"/>
        <source>At most this many rounds</source>
        <translation>最多轮数</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="133"/>
        <source>Stop when</source>
        <translation>停止条件</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/loopeditor.cpp" line="135"/>
        <source>Checked after each round; with no condition the loop runs until a Break node or its last round.</source>
        <translation>每轮结束后检查；没有条件时，循环一直运行到“跳出循环”节点或最后一轮。</translation>
    </message>
</context>
<context>
    <name>NodeFields</name>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="12"/>
        <source>Added before</source>
        <translation>添加早于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="13"/>
        <source>Added on or after</source>
        <translation>添加不早于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="14"/>
        <source>File names</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="15"/>
        <source>File types</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="16"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="17"/>
        <source>Knowledge bases</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="18"/>
        <source>Passages</source>
        <translation>段落数</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="19"/>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="20"/>
        <source>Rerank</source>
        <translation>重排序</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="21"/>
        <source>Rerank model</source>
        <translation>重排序模型</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="22"/>
        <source>Rerank profile</source>
        <translation>重排序配置</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="23"/>
        <source>Rerank the passages</source>
        <translation>对段落重排序</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="24"/>
        <source>Score threshold</source>
        <translation>分数阈值</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="25"/>
        <source>Search mode</source>
        <translation>检索方式</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="26"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="27"/>
        <source>Append sources</source>
        <translation>附加来源</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="28"/>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="29"/>
        <source>Body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="30"/>
        <source>Fail on 4xx/5xx</source>
        <translation>4xx/5xx 时失败</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="31"/>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="32"/>
        <source>History turns</source>
        <translation>历史轮数</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="33"/>
        <source>Instructions</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="34"/>
        <source>JSON Schema</source>
        <translation>JSON 结构定义</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="35"/>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="36"/>
        <source>Method</source>
        <translation>请求方法</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="37"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="38"/>
        <source>Most rounds of tool calls</source>
        <translation>工具调用最多轮数</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="39"/>
        <source>Output format</source>
        <translation>输出格式</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="40"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="41"/>
        <source>Plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="42"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="43"/>
        <source>Query parameters</source>
        <translation>查询参数</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="44"/>
        <source>Reply</source>
        <translation>回复内容</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="45"/>
        <source>Stream</source>
        <translation>流式输出</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="46"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="47"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="48"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="49"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="50"/>
        <source>Timeout (ms)</source>
        <translation>超时（毫秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="51"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="52"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="53"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="54"/>
        <source>Values, in order of preference</source>
        <translation>候选值（按优先顺序）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="55"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="56"/>
        <source>Input variables</source>
        <translation>输入变量</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="57"/>
        <source>Output variables</source>
        <translation>输出变量</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="58"/>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="59"/>
        <source>CPU time (ms)</source>
        <translation>CPU 时间（毫秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="60"/>
        <source>Time limit (ms)</source>
        <translation>时间限制（毫秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="61"/>
        <source>Memory (MiB)</source>
        <translation>内存（MiB）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="62"/>
        <source>Result size (KiB)</source>
        <translation>结果大小（KiB）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="63"/>
        <source>Printed text (KiB)</source>
        <translation>打印文本（KiB）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="64"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="65"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
</context>
<context>
    <name>NoteCommands</name>
    <message>
        <location filename="../../widgets/document/notecommands.cpp" line="12"/>
        <source>Add note</source>
        <translation>添加便签</translation>
    </message>
    <message>
        <location filename="../../widgets/document/notecommands.cpp" line="21"/>
        <source>Delete note</source>
        <translation>删除便签</translation>
    </message>
    <message>
        <location filename="../../widgets/document/notecommands.cpp" line="22"/>
        <source>Delete notes</source>
        <translation>删除便签</translation>
    </message>
    <message>
        <location filename="../../widgets/document/notecommands.cpp" line="61"/>
        <source>Move note</source>
        <translation>移动便签</translation>
    </message>
    <message>
        <location filename="../../widgets/document/notecommands.cpp" line="62"/>
        <source>Move notes</source>
        <translation>移动便签</translation>
    </message>
</context>
<context>
    <name>ParameterTable</name>
    <message>
        <location filename="../../widgets/editors/parametertable.cpp" line="98"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/parametertable.cpp" line="100"/>
        <source>The extraction fails (__is_success false) when the model cannot fill it</source>
        <translation>大模型填不出它时，提取失败（__is_success 为 false）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/parametertable.cpp" line="104"/>
        <source>What to extract (the model reads it)</source>
        <translation>要提取什么（大模型会读到）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/parametertable.cpp" line="107"/>
        <source>Allowed values, comma-separated (optional)</source>
        <translation>允许的取值，用逗号分隔（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/parametertable.cpp" line="133"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/parametertable.cpp" line="133"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/parametertable.cpp" line="134"/>
        <source>+ Parameter</source>
        <translation>+ 参数</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/parametertable.cpp" line="134"/>
        <source>Add a parameter for the model to fill: another output of the node</source>
        <translation>添加一个由大模型填写的参数：节点多一个输出</translation>
    </message>
</context>
<context>
    <name>PluginTools</name>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="70"/>
        <source>Describe a table</source>
        <translation>描述表格</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="71"/>
        <source>Group and total</source>
        <translation>分组汇总</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="72"/>
        <source>Chart a grouping</source>
        <translation>分组图表</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="73"/>
        <source>Lists a CSV table&apos;s columns with their kind (number, date, text) and figures: row count, sum/mean/min/max of numbers, first and last dates, the most common texts.</source>
        <translation>列出 CSV 表格的各列及其类型（数字、日期、文本）和概况：行数，数字的合计/平均/最小/最大值，最早和最晚日期，最常见的文本。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="75"/>
        <source>Groups a CSV table&apos;s rows by a column (a date column by day, month, quarter or year) and sums, averages, counts or takes the min/max of a numeric column per group, with the overall figure.</source>
        <translation>按某一列对 CSV 表格的行分组（日期列可按日、月、季度或年），对数值列按组求和、平均、计数或取最小/最大值，并给出总计。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fieldtitles.cpp" line="77"/>
        <source>Groups and totals like aggregate and returns an ECharts option (bar, line or pie) as JSON, to put in a ```chart block of an answer.</source>
        <translation>像“分组汇总”一样分组计算，并以 JSON 返回 ECharts 图表配置（柱状图、折线图或饼图），可放进回答的 ```chart 代码块。</translation>
    </message>
</context>
<context>
    <name>ProjectVersions</name>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="50"/>
        <source>the workflow is not saved in a project folder yet</source>
        <translation>工作流尚未保存到项目文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="55"/>
        <source>%1 is not a project folder of its own; save the workflow in a folder for this project to keep its versions</source>
        <translation>%1 不是单独的项目文件夹；请把工作流保存到该项目自己的文件夹，才能保留版本</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="59"/>
        <source>the folder is inside the Git repository %1, which keeps its history</source>
        <translation>该文件夹位于 Git 仓库 %1 中，由该仓库保存其历史</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="73"/>
        <source>the project has no history yet; it begins with the next save</source>
        <translation>项目还没有历史；下次保存时开始记录</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="103"/>
        <source>Saved</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="105"/>
        <source>Deployed</source>
        <translation>部署</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="107"/>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="109"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="110"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="120"/>
        <source>an unknown problem</source>
        <translation>未知问题</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="126"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="132"/>
        <source>History is off: %1.</source>
        <translation>版本历史未开启：%1。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/projectversions.cpp" line="134"/>
        <source>Version %1.</source>
        <translation>版本 %1。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/mainwindow.cpp" line="87"/>
        <source>Untitled workflow</source>
        <translation>未命名工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="97"/>
        <source>You are a helpful assistant.</source>
        <translation>你是一个乐于助人的助手。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/documentfile.cpp" line="23"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/document/documentfile.cpp" line="28"/>
        <source>Saving %1 failed (%2); the file on disk was not changed.</source>
        <translation>保存 %1 失败（%2）；磁盘上的文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/bundlebuilder.cpp" line="33"/>
        <source>Save the workflow in its project folder first: its knowledge bases live there.</source>
        <translation>请先将工作流保存到它的项目文件夹：它的知识库存放在那里。</translation>
    </message>
</context>
<context>
    <name>VariableTypes</name>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="20"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="21"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="22"/>
        <source>Yes or no</source>
        <translation>是/否</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="23"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="24"/>
        <source>List of texts</source>
        <translation>文字列表</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="25"/>
        <source>List of numbers</source>
        <translation>数字列表</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="26"/>
        <source>List of objects</source>
        <translation>对象列表</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="35"/>
        <source>A number is needed here, such as 3 or 2.5.</source>
        <translation>这里需要一个数字，例如 3 或 2.5。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="37"/>
        <source>Write true or false here.</source>
        <translation>这里请填写 true 或 false。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="39"/>
        <source>An object in JSON is needed here, such as {&quot;name&quot;: &quot;Ada&quot;}.</source>
        <translation>这里需要一个 JSON 对象，例如 {&quot;name&quot;: &quot;Ada&quot;}。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="51"/>
        <source>A list of texts in JSON is needed here, such as [&quot;a&quot;, &quot;b&quot;].</source>
        <translation>这里需要一个 JSON 文字列表，例如 [&quot;a&quot;, &quot;b&quot;]。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="53"/>
        <source>A list of numbers in JSON is needed here, such as [1, 2].</source>
        <translation>这里需要一个 JSON 数字列表，例如 [1, 2]。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/variabletypes.cpp" line="54"/>
        <source>A list of objects in JSON is needed here, such as [{&quot;id&quot;: 1}].</source>
        <translation>这里需要一个 JSON 对象列表，例如 [{&quot;id&quot;: 1}]。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::AnswerCharts</name>
    <message>
        <location filename="../../widgets/panels/answercharts.cpp" line="51"/>
        <source>*(chart %1, drawn below)*</source>
        <translation>*（图表 %1，见下方）*</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/answercharts.cpp" line="77"/>
        <source>&lt;p&gt;The chart view is missing (%1); run scripts/setup.sh to build it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;缺少图表视图（%1）；请运行 scripts/setup.sh 构建。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::AppsDialog</name>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="57"/>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="59"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="61"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="69"/>
        <source>Deployed Apps</source>
        <translation>已部署的应用</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="70"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="71"/>
        <source>A remote runtime:</source>
        <translation>远程运行时：</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="82"/>
        <source>admin token</source>
        <translation>管理令牌</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="83"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="84"/>
        <source>Load the apps again (F5)</source>
        <translation>重新加载应用（F5）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="92"/>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="92"/>
        <source>Live version</source>
        <translation>在线版本</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="92"/>
        <source>Deployed</source>
        <translation>部署时间</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="92"/>
        <source>From project</source>
        <translation>来源项目</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="101"/>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="102"/>
        <source>API &amp;Keys</source>
        <translation>API 密钥(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="103"/>
        <source>Recent R&amp;uns</source>
        <translation>最近运行(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="104"/>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="201"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="104"/>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="104"/>
        <source>Last message</source>
        <translation>最后一条消息</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="104"/>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="201"/>
        <source>Tokens (in + out)</source>
        <translation>Token（输入 + 输出）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="105"/>
        <source>&amp;Conversations</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="115"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="158"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="158"/>
        <source>Starts with</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="158"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="158"/>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="201"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="161"/>
        <source>Name of the new key, e.g. “website”</source>
        <translation>新密钥的名称，例如“网站”</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="162"/>
        <source>Create &amp;Key</source>
        <translation>创建密钥(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="163"/>
        <source>Re&amp;voke…</source>
        <translation>吊销(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="164"/>
        <source>Revoke the selected key (Delete)</source>
        <translation>吊销所选密钥（Delete）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="170"/>
        <source>The new key, shown only now: copy it and keep it somewhere safe.</source>
        <translation>新密钥只显示这一次：请复制并妥善保管。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="174"/>
        <source>Cop&amp;y</source>
        <translation>复制(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="201"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="201"/>
        <source>Called by</source>
        <translation>调用方</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="202"/>
        <source>Took</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="202"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="203"/>
        <source>Open Run in Studio…</source>
        <translation>在工作室中打开运行…</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="205"/>
        <source>Open a run (the selected one, or any by its id) with its inputs and node outputs, to replay and fix it</source>
        <translation>打开一次运行（选中的，或按 ID 指定任意一次），连同其输入和节点输出，以便重放和修复</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="240"/>
        <source>Run %1 could not be fetched: %2</source>
        <translation>无法获取运行 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="282"/>
        <source>Give the remote runtime&apos;s URL and its admin token, then press Refresh.</source>
        <translation>填写远程运行时的网址和管理令牌，然后点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="286"/>
        <source>Starting the runtime on this computer…</source>
        <translation>正在启动本机的运行时…</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="299"/>
        <source>Loading the apps from %1…</source>
        <translation>正在从 %1 加载应用…</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="318"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="324"/>
        <source>No app is deployed on %1 yet. Deploy one with Run → Deploy….</source>
        <translation>%1 上还没有部署应用。请用“运行 → 部署…”部署一个。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/deploy/appsdialog.cpp" line="325"/>
        <source>%n app(s) on %1.</source>
        <translation>
            <numerusform>%1 上有 %n 个应用。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="355"/>
        <source>not recorded (deployed with flowdeck deploy or an older studio)</source>
        <translation>未记录（用 flowdeck deploy 或旧版工作室部署）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="357"/>
        <source>“%1” — %2 on %3</source>
        <translation>“%1” — %2，位于 %3</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="362"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="363"/>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Live version:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Kept versions:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;From project:&lt;/b&gt; %5&lt;br&gt;&lt;b&gt;Callable without a key:&lt;/b&gt; %6&lt;/p&gt;&lt;p&gt;&lt;b&gt;Chat page:&lt;/b&gt; %7&lt;br&gt;&lt;b&gt;OpenAI-compatible:&lt;/b&gt; %8 (model &lt;code&gt;%9&lt;/code&gt;)&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;&lt;b&gt;在线版本：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;保留的版本：&lt;/b&gt;%4&lt;br&gt;&lt;b&gt;来源项目：&lt;/b&gt;%5&lt;br&gt;&lt;b&gt;无需密钥即可调用：&lt;/b&gt;%6&lt;/p&gt;&lt;p&gt;&lt;b&gt;聊天页面：&lt;/b&gt;%7&lt;br&gt;&lt;b&gt;OpenAI 兼容接口：&lt;/b&gt;%8（模型 &lt;code&gt;%9&lt;/code&gt;）&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="368"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="368"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="388"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="391"/>
        <source>revoked %1</source>
        <translation>已于 %1 吊销</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="391"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="428"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="457"/>
        <source>made in the studio</source>
        <translation>在工作室中创建</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="464"/>
        <source>No key was made: %1</source>
        <translation>未能创建密钥：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="471"/>
        <source>A new key for &apos;%1&apos; was made.</source>
        <translation>已为“%1”创建新密钥。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="482"/>
        <source>Revoke the Key?</source>
        <translation>吊销这个密钥？</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="483"/>
        <source>Revoke the key “%1” (%2) of &apos;%3&apos;? Every program that uses it gets “401 Unauthorized” from now on. This cannot be undone; you can make a new key.</source>
        <translation>吊销“%3”的密钥“%1”（%2）？从现在起，所有使用它的程序都会收到“401 Unauthorized”。此操作无法撤销；你可以另建一个新密钥。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="489"/>
        <source>&amp;Revoke</source>
        <translation>吊销(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="507"/>
        <source>The key was not revoked: %1</source>
        <translation>密钥未被吊销：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/appsdialog.cpp" line="508"/>
        <source>The key was revoked: it no longer opens &apos;%1&apos;.</source>
        <translation>密钥已吊销：它不能再访问“%1”。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::BaseSettingsPage</name>
    <message>
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="29"/>
        <source>Read scanned PDF pages with OCR (tesseract)</source>
        <translation>用 OCR（tesseract）识别扫描的 PDF 页面</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="30"/>
        <source>Save Settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="46"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="48"/>
        <source>Embedding profile</source>
        <translation>嵌入服务配置</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="49"/>
        <source>Embedding model</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="120"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="138"/>
        <source>The embedding model changed: %n passage(s) must be embedded again before vector and hybrid search find them. Keyword search works meanwhile.</source>
        <translation>
            <numerusform>嵌入模型已更改：%n 个段落需要重新嵌入，向量检索和混合检索才能找到它们。在此期间关键词检索照常可用。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="140"/>
        <source>Re-embed Now</source>
        <translation>立即重新嵌入</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="142"/>
        <source>The chunking changed: every document must be cut again (%n passage(s) now). Searches use the old passages until then.</source>
        <translation>
            <numerusform>分段方式已更改：每个文档都需要重新切分（目前 %n 个段落）。在此之前检索仍使用旧段落。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basesettingspage.cpp" line="144"/>
        <source>Reindex Now</source>
        <translation>立即重建索引</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::BasesPicker</name>
    <message>
        <location filename="../../widgets/knowledge/basespicker.cpp" line="40"/>
        <source>%1 (not in this project)</source>
        <translation>%1（不在本项目中）</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basespicker.cpp" line="57"/>
        <source>Save the workflow, then create knowledge bases beside it with Manage….</source>
        <translation>请先保存工作流，再通过“管理…”在其旁边创建知识库。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basespicker.cpp" line="58"/>
        <source>This project has no knowledge base yet: create one with Manage….</source>
        <translation>本项目还没有知识库：通过“管理…”创建一个。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basespicker.cpp" line="62"/>
        <source>Manage…</source>
        <translation>管理…</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/basespicker.cpp" line="64"/>
        <source>Create bases, add documents and try searches (Workflow → Knowledge Bases…)</source>
        <translation>创建知识库、添加文档并试用检索（工作流 → 知识库…）</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::CanvasMenu</name>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="73"/>
        <source>Rename Node</source>
        <translation>重命名节点</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="130"/>
        <source>Add Node Here</source>
        <translation>在此处添加节点</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="153"/>
        <source>Add Note Here</source>
        <translation>在此添加便签</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="156"/>
        <source>Paste Here</source>
        <translation>粘贴到此处</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="160"/>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="165"/>
        <source>Zoom to Fit</source>
        <translation>缩放以适应</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="173"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="175"/>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="241"/>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="177"/>
        <source>Copy Node ID</source>
        <translation>复制节点 ID</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="188"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="188"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/canvasmenu.cpp" line="197"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::CatalogPage</name>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="49"/>
        <source>Search plugins (English or 中文)</source>
        <translation>搜索插件（中文或英文）</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="64"/>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="239"/>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="335"/>
        <source>&amp;Install</source>
        <translation>安装(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="65"/>
        <source>Download the server from npm now, so it starts at once and works offline</source>
        <translation>现在从 npm 下载该服务器，之后可立即启动并离线使用</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="66"/>
        <source>&amp;Add to Workflow</source>
        <translation>添加到工作流(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="175"/>
        <source>&lt;i&gt;No plugin matches.&lt;/i&gt;</source>
        <translation>&lt;i&gt;没有匹配的插件。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="189"/>
        <source>The name nodes use for this plugin in the workflow</source>
        <translation>工作流中的节点引用此插件时使用的名称</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="190"/>
        <source>Name in workflow *</source>
        <translation>工作流中的名称 *</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="197"/>
        <source>kept in the keychain, never in the workflow</source>
        <translation>保存在系统钥匙串中，绝不写入工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="199"/>
        <source>several: separate with ;</source>
        <translation>多个值请用 ; 分隔</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="201"/>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="223"/>
        <source>A remote server at %1</source>
        <translation>远程服务器：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="225"/>
        <source>npm package %1, installed</source>
        <translation>npm 包 %1，已安装</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="227"/>
        <source>npm package %1; downloaded by npx when first used, or install it now</source>
        <translation>npm 包 %1；首次使用时由 npx 下载，也可以现在安装</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="230"/>
        <source>Runs %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="237"/>
        <source>homepage</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="239"/>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="335"/>
        <source>Re&amp;install</source>
        <translation>重新安装(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="258"/>
        <source>The name must start with a letter and use only letters, digits, _ and -.</source>
        <translation>名称必须以字母开头，只能包含字母、数字、_ 和 -。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="260"/>
        <source>The workflow already has a plugin named &apos;%1&apos;; choose another name.</source>
        <translation>工作流中已有名为“%1”的插件，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="267"/>
        <source>Fill in %1: %2</source>
        <translation>请填写 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="298"/>
        <source>Add plugin %1</source>
        <translation>添加插件 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="299"/>
        <source>Added as &apos;%1&apos;. Its tools appear in the palette once its server has started.</source>
        <translation>已添加为“%1”。服务器启动后，它的工具会出现在节点面板中。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="301"/>
        <source>If %1 is not in the keychain yet, the server cannot start until you enter it.</source>
        <translation>如果钥匙串中还没有 %1，在你填写之前服务器无法启动。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/catalogpage.cpp" line="320"/>
        <source>Installing… %n package(s) fetched, %1 s</source>
        <translation>
            <numerusform>正在安装… 已获取 %n 个包，%1 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="351"/>
        <source>&amp;Cancel Install</source>
        <translation>取消安装(&amp;C)</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ChunkingForm</name>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="17"/>
        <source> characters</source>
        <translation> 字符</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="27"/>
        <source>By heading (sections kept together)</source>
        <translation>按标题（保持章节完整）</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="28"/>
        <source>By size</source>
        <translation>按长度</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="29"/>
        <source>Parent–child (match small, return large)</source>
        <translation>父子段落（小段匹配，返回大段）</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="31"/>
        <source>The longest passage. Chinese and English passages of one size hold similar amounts of meaning.</source>
        <translation>段落的最大长度。同样长度的中文段落和英文段落包含的信息量相近。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="33"/>
        <source>Characters repeated from the previous passage when one is split, so no sentence is cut off.</source>
        <translation>切分时与上一段落重复的字符数，避免句子被截断。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="38"/>
        <source>Chunking</source>
        <translation>分段方式</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="39"/>
        <source>Passage size</source>
        <translation>段落长度</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="40"/>
        <source>Overlap</source>
        <translation>重叠</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="41"/>
        <source>Parent passage</source>
        <translation>父段落</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/chunkingform.cpp" line="42"/>
        <source>Child passage</source>
        <translation>子段落</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::CitationsView</name>
    <message>
        <location filename="../../widgets/knowledge/citationsview.cpp" line="15"/>
        <source>Click a source to read the passage</source>
        <translation>点击出处阅读原文段落</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/citationsview.cpp" line="57"/>
        <source>Sources: %1</source>
        <translation>出处：%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::CodeBodyEditor</name>
    <message>
        <location filename="../../widgets/editors/codebodyeditor.cpp" line="44"/>
        <source>function main({inputs}) returns an object</source>
        <translation>function main({输入}) 返回一个对象</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codebodyeditor.cpp" line="44"/>
        <source>def main(inputs) -&gt; dict</source>
        <translation>def main(输入) -&gt; dict</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codebodyeditor.cpp" line="55"/>
        <source>Python 3</source>
        <translation>Python 3</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codebodyeditor.cpp" line="56"/>
        <source>JavaScript</source>
        <translation>JavaScript</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codebodyeditor.cpp" line="62"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codebodyeditor.cpp" line="72"/>
        <source>Tab indents by four spaces; Ctrl+Enter runs the code with the sample input</source>
        <translation>Tab 缩进四个空格；Ctrl+Enter 用示例输入运行代码</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codebodyeditor.cpp" line="101"/>
        <source>Switch to %1</source>
        <translation>切换到 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codebodyeditor.cpp" line="110"/>
        <source>The code is kept as it is: rewrite it in %1 before running.</source>
        <translation>代码保持原样：运行前请用 %1 改写。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::CodeTryPanel</name>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="81"/>
        <source>Try it</source>
        <translation>试运行</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="88"/>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="263"/>
        <source>Run with sample input</source>
        <translation>用示例输入运行</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="90"/>
        <source>Runs the code once in the sandbox with these values (Ctrl+Enter in the code)</source>
        <translation>用这些值在沙箱中运行一次代码（在代码中按 Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="97"/>
        <source>The outputs appear here</source>
        <translation>输出显示在这里</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="98"/>
        <source>What the code prints appears here</source>
        <translation>代码打印的内容显示在这里</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="138"/>
        <source>sample value</source>
        <translation>示例值</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="213"/>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="214"/>
        <source>Running in the sandbox…</source>
        <translation>正在沙箱中运行…</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="269"/>
        <source>Stopped after %1 ms: %2</source>
        <translation>%1 毫秒后被停止：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="271"/>
        <source>Failed after %1 ms: %2</source>
        <translation>%1 毫秒后失败：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/codetrypanel.cpp" line="273"/>
        <source>Done in %1 ms</source>
        <translation>完成，用时 %1 毫秒</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ConditionBuilder</name>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="37"/>
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="38"/>
        <source>is not</source>
        <translation>不等于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="39"/>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="40"/>
        <source>does not contain</source>
        <translation>不包含</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="41"/>
        <source>starts with</source>
        <translation>开头是</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="42"/>
        <source>ends with</source>
        <translation>结尾是</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="43"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="44"/>
        <source>is not empty</source>
        <translation>不为空</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="45"/>
        <source>is greater than</source>
        <translation>大于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="46"/>
        <source>is at least</source>
        <translation>大于等于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="47"/>
        <source>is less than</source>
        <translation>小于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="48"/>
        <source>is at most</source>
        <translation>小于等于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="49"/>
        <source>matches the pattern</source>
        <translation>匹配正则表达式</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="63"/>
        <source>+ Case</source>
        <translation>+ 分支</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="65"/>
        <source>Add a case: another output port, tried after the ones above</source>
        <translation>添加一个分支：新的输出端口，在上面的分支都不成立时再判断</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="71"/>
        <source>Otherwise the &lt;b&gt;Else&lt;/b&gt; port is taken.</source>
        <translation>都不成立时走 &lt;b&gt;否则&lt;/b&gt; 端口。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="112"/>
        <source>If (%1)</source>
        <translation>如果（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="113"/>
        <source>Else if (%1)</source>
        <translation>否则如果（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="120"/>
        <source>Port label (shown on the canvas)</source>
        <translation>端口名称（显示在画布上）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="128"/>
        <source>all of these hold</source>
        <translation>以下条件全部成立</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="129"/>
        <source>any of these holds</source>
        <translation>以下任一条件成立</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="138"/>
        <source>Remove this case and the connections from its port</source>
        <translation>删除此分支及其端口上的连接</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="147"/>
        <source>+ Condition</source>
        <translation>+ 条件</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="169"/>
        <source>a value, e.g. {{llm_1.text}}</source>
        <translation>一个值，例如 {{llm_1.text}}</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="178"/>
        <source>compared with</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="213"/>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ContainerItem</name>
    <message>
        <location filename="../../widgets/canvas/containeritem.cpp" line="23"/>
        <source>Drop nodes here</source>
        <translation>把节点拖到这里</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ConversationVariablesEditor</name>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="41"/>
        <source>Values kept for the length of a conversation: each turn reads them as &lt;code&gt;{{conversation.&lt;i&gt;name&lt;/i&gt;}}&lt;/code&gt;, and Variable assigner nodes change them. A new conversation starts from the defaults.</source>
        <translation>在整个会话期间保留的值：每一轮用 &lt;code&gt;{{conversation.&lt;i&gt;名称&lt;/i&gt;}}&lt;/code&gt; 读取它们，“变量赋值”节点修改它们。新会话从默认值开始。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="48"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="48"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="48"/>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="48"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="65"/>
        <source>+ Variable</source>
        <translation>+ 变量</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="67"/>
        <source>Add a conversation variable</source>
        <translation>添加一个会话变量</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="95"/>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="183"/>
        <source>Read as {{conversation.%1}}</source>
        <translation>用 {{conversation.%1}} 读取</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="115"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="116"/>
        <source>The value a new conversation starts with (%1)</source>
        <translation>新会话开始时的值（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="119"/>
        <source>What it keeps (optional)</source>
        <translation>它保存什么（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="126"/>
        <source>Remove the variable %1</source>
        <translation>删除变量 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="150"/>
        <source>Edit conversation variable %1</source>
        <translation>编辑会话变量 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="161"/>
        <source>A conversation variable needs a name.</source>
        <translation>会话变量需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="163"/>
        <source>A name may hold letters, digits and _ only, and starts with a letter or _.</source>
        <translation>名称只能包含字母、数字和 _，并以字母或 _ 开头。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="167"/>
        <source>Another conversation variable is already named &apos;%1&apos;.</source>
        <translation>已有会话变量名为“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="196"/>
        <source>The default of &apos;%1&apos;: %2</source>
        <translation>“%1”的默认值：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="209"/>
        <source>Add conversation variable %1</source>
        <translation>添加会话变量 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conversationvariableseditor.cpp" line="232"/>
        <source>Remove conversation variable %1</source>
        <translation>删除会话变量 %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::DebugSession</name>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="21"/>
        <source>Give an object: each node before this one by its id, with its outputs.</source>
        <translation>请给出一个对象：以节点 ID 为键，列出此节点之前每个节点的输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="24"/>
        <source>There is no node “%1” in this workflow.</source>
        <translation>此工作流中没有节点“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="26"/>
        <source>The outputs of “%1” must be an object, like {&quot;text&quot;: &quot;…&quot;}.</source>
        <translation>“%1”的输出必须是一个对象，例如 {&quot;text&quot;: &quot;…&quot;}。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="31"/>
        <source>Run This Node</source>
        <translation>只运行此节点</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="32"/>
        <source>Runs only “%1”. The outputs below stand in for the nodes before it, as they were in the last run; edit them to try other inputs. Nothing else runs: no other model, tool or web call is made.</source>
        <translation>只运行“%1”。下面的输出代替它之前的节点，内容取自上次运行；可以编辑它们来尝试其他输入。其他节点都不会运行：不会调用其他模型、工具或网络请求。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="35"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="37"/>
        <source>What it reads — the outputs of the nodes before it, by node id:</source>
        <translation>它读取的内容——之前各节点的输出（以节点 ID 为键）：</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="41"/>
        <source>What it was given in the last run (its settings with the values filled in):</source>
        <translation>上次运行时它收到的内容（填入值后的设置）：</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="62"/>
        <source>Give an object with the node&apos;s &quot;outputs&quot; (an object) and the &quot;port&quot; it leaves by.</source>
        <translation>请给出一个对象，包含节点的 &quot;outputs&quot;（一个对象）和它离开时经过的 &quot;port&quot;。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="65"/>
        <source>&quot;port&quot; must be a text: one of %1.</source>
        <translation>&quot;port&quot; 必须是文本：%1 之一。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="67"/>
        <source>This node has no port “%1”; its ports are %2.</source>
        <translation>此节点没有端口“%1”；它的端口是 %2。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="74"/>
        <source>Pin Output</source>
        <translation>固定输出</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="75"/>
        <source>Pins these outputs of “%1” as test data: runs in the studio use them instead of running the node, and the node is marked on the canvas. They start as the last run&apos;s outputs; edit them as you like. Deploys leave pins out.</source>
        <translation>把“%1”的这些输出固定为测试数据：工作室中的运行会直接使用它们，而不运行该节点，并在画布上标出该节点。初始内容为上次运行的输出，可随意编辑。部署时不包含固定的输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="79"/>
        <source>&amp;Pin</source>
        <translation>固定(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugdialogs.cpp" line="81"/>
        <source>The pinned outputs, and the port the node leaves by:</source>
        <translation>固定的输出，以及节点离开时经过的端口：</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="37"/>
        <source>Run This &amp;Node…</source>
        <translation>只运行此节点(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="40"/>
        <source>Run &amp;From Here</source>
        <translation>从此处运行(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="43"/>
        <location filename="../../widgets/debug/debugsession.cpp" line="320"/>
        <location filename="../../widgets/debug/debugsession.cpp" line="339"/>
        <source>&amp;Pin Output…</source>
        <translation>固定输出(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="77"/>
        <source>Pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="77"/>
        <source>Replayed</source>
        <translation>已重放</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="78"/>
        <source>Not run: its pinned output was used.</source>
        <translation>未运行：使用了它的固定输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="79"/>
        <source>Not run: its output from the last run was used.</source>
        <translation>未运行：使用了它在上次运行中的输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="167"/>
        <location filename="../../widgets/debug/debugsession.cpp" line="218"/>
        <source>Select one node on the canvas first.</source>
        <translation>请先在画布上选中一个节点。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="169"/>
        <source>This node runs inside an iteration or loop: debug the iteration or loop as a whole.</source>
        <translation>此节点在迭代或循环内运行：请对整个迭代或循环进行调试。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="171"/>
        <source>A run is going: wait for it to end, or stop it (Shift+F5).</source>
        <translation>正在运行：请等待运行结束，或停止它（Shift+F5）。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="173"/>
        <source>The start node begins every run: use Run (F5).</source>
        <translation>开始节点是每次运行的起点：请使用“运行”（F5）。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="191"/>
        <source>There is no run to reuse yet: run the workflow once (F5), then run from here.</source>
        <translation>还没有可复用的运行：先运行一次工作流（F5），再从此处运行。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="195"/>
        <source>The last run finished none of the nodes before this one: run the workflow (F5).</source>
        <translation>上次运行没有完成此节点之前的任何节点：请运行工作流（F5）。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="199"/>
        <source>Runs this node and what follows it; the nodes before it give their outputs from the last run (those changed since run again).</source>
        <translation>运行此节点及其后的节点；之前的节点直接使用上次运行的输出（此后改动过的节点会重新运行）。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="206"/>
        <source>Run the workflow once (F5) first: this node then runs with what it read in that run.</source>
        <translation>请先运行一次工作流（F5）：之后此节点将使用那次运行中读取到的内容运行。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="209"/>
        <source>Runs only this node, with what it read in the last run (which you can edit).</source>
        <translation>只运行此节点，使用它在上次运行中读取到的内容（可以编辑）。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="220"/>
        <source>Only nodes outside iterations and loops can be pinned.</source>
        <translation>只有迭代和循环之外的节点可以固定输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="222"/>
        <source>Start, answer and end nodes always run; pin the node before them instead.</source>
        <translation>开始、回复和结束节点总会运行；请改为固定它们之前的节点。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="225"/>
        <source>Freezes this node&apos;s output as test data: runs in the studio use it instead of running the node. Deploys leave pins out.</source>
        <translation>把此节点的输出冻结为测试数据：工作室中的运行会直接使用它，而不运行该节点。部署时不包含固定的输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="227"/>
        <source>Runs the node again instead of using its pinned output.</source>
        <translation>重新运行此节点，而不再使用它的固定输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="278"/>
        <source>Running from “%1”; reused from the last run: %2.</source>
        <translation>从“%1”开始运行；复用了上次运行的：%2。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="298"/>
        <source>Running “%1” alone.</source>
        <translation>单独运行“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="320"/>
        <location filename="../../widgets/debug/debugsession.cpp" line="339"/>
        <source>Un&amp;pin Output</source>
        <translation>取消固定输出(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="379"/>
        <source>Run %1 of %2: %3.</source>
        <translation>%2 的运行 %1：%3。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="380"/>
        <source>Run %1 of %2 failed: %3</source>
        <translation>%2 的运行 %1 失败：%3</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="386"/>
        <source>what its nodes took and gave was too large for the runtime to keep</source>
        <translation>各节点的输入和输出太大，运行时没有保留</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="387"/>
        <source>the runtime no longer keeps what its nodes gave (older runs lose it first)</source>
        <translation>运行时已不再保留各节点的输出（较早的运行最先失去）</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="388"/>
        <source> It failed at “%1”.</source>
        <translation>它在“%1”失败。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="389"/>
        <source>Opened run %1 of %2 (%3) with its inputs; %4.%5 Run (F5) runs it again.</source>
        <translation>已打开 %2 的运行 %1（%3）及其输入；%4。%5按“运行”（F5）可再次运行。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="393"/>
        <source>Opened run %1 of %2 (%3).</source>
        <translation>已打开 %2 的运行 %1（%3）。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/debugsession.cpp" line="394"/>
        <source>Opened run %1 of %2: it failed at “%3”. Fix it, then Run From Here (Ctrl+F5) on it.</source>
        <translation>已打开 %2 的运行 %1：它在“%3”处失败。修复后，在该节点上“从此处运行”（Ctrl+F5）。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::DeployDialog</name>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="75"/>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="80"/>
        <source>This computer — a runtime the studio runs for you (no set-up)</source>
        <translation>本机 — 由工作室为你运行的运行时（无需配置）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="81"/>
        <source>A remote runtime</source>
        <translation>远程运行时</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="82"/>
        <source>Kubernetes — write the manifests to a folder</source>
        <translation>Kubernetes — 把清单写入文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="93"/>
        <source>the runtime&apos;s admin token</source>
        <translation>运行时的管理令牌</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="96"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="100"/>
        <source>Anyone may call it without an API key</source>
        <translation>任何人无需 API 密钥即可调用</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="101"/>
        <source>Skip the model check (no short test call to the model)</source>
        <translation>跳过模型检查（不向模型发送简短的测试调用）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="103"/>
        <source>The smoke check normally asks each model for one word, so a key the provider refuses is found before the app goes live. The call costs a few tokens.</source>
        <translation>冒烟检查通常会请每个模型回答一个词，这样在应用上线前就能发现服务商拒绝的密钥。这次调用会消耗少量 Token。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="106"/>
        <source>App name</source>
        <translation>应用名称</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="107"/>
        <source>Deploy to</source>
        <translation>部署到</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="109"/>
        <source>Runtime URL</source>
        <translation>运行时地址</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="110"/>
        <source>Admin token</source>
        <translation>管理令牌</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="112"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="117"/>
        <source>Validate the workflow</source>
        <translation>校验工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="117"/>
        <source>Bundle it with its profiles, plugins and secrets</source>
        <translation>连同模型配置、插件和密钥一起打包</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="118"/>
        <source>Upload to the runtime</source>
        <translation>上传到运行时</translation>
    </message>
    <message>
        <source>Smoke check: plugins start, keys are present</source>
        <translation type="vanished">冒烟检查：插件能启动，密钥齐全</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="119"/>
        <source>Live</source>
        <translation>上线</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="128"/>
        <source>&amp;Deploy</source>
        <translation>部署(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="130"/>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="166"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="155"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="157"/>
        <source>API key (shown only now):</source>
        <translation>API 密钥（仅此一次显示）：</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="163"/>
        <source>Open &amp;Chat</source>
        <translation>打开对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="164"/>
        <source>Deploy &amp;Again</source>
        <translation>再次部署(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="198"/>
        <source>Folder for the manifests</source>
        <translation>存放清单的文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="264"/>
        <source>Give the app a name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64, beginning with a letter or digit).</source>
        <translation>请为应用起一个由字母、数字、“.”、“_”或“-”组成的名称（最多 64 个字符，以字母或数字开头）。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="266"/>
        <source>Give the remote runtime&apos;s URL and its admin token.</source>
        <translation>请填写远程运行时的地址和管理令牌。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="269"/>
        <source>This workflow comes from outside your projects and is not trusted: trust it first.</source>
        <translation>此工作流来自你的项目之外且未被信任：请先信任它。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="279"/>
        <source>The workflow has problems; fix them and deploy again:
%1</source>
        <translation>工作流有问题，请修正后重新部署：
%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="288"/>
        <source>The app cannot be bundled:
%1</source>
        <translation>无法打包该应用：
%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="293"/>
        <source>project version %1</source>
        <translation>项目版本 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="299"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/deploy/deploydialog.cpp" line="300"/>
        <source>%1 KiB, and %n knowledge base(s) of %2 KiB</source>
        <translation>
            <numerusform>%1 KiB，另有 %n 个知识库，共 %2 KiB</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="311"/>
        <source>The Kubernetes manifests cannot carry knowledge bases yet. Deploy to a runtime instead: this computer, or a remote one (the runtime in the cluster, by its URL and admin token).</source>
        <translation>Kubernetes 清单暂时无法携带知识库。请改为部署到运行时：本机，或远程运行时（集群中的运行时，通过其 URL 和管理令牌）。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="314"/>
        <source>writing the manifests</source>
        <translation>正在写入清单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/deploy/deploydialog.cpp" line="319"/>
        <source>%n file(s) written</source>
        <translation>
            <numerusform>已写入 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="320"/>
        <source>runs in the cluster</source>
        <translation>在集群中进行</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="321"/>
        <source>after kubectl apply -k</source>
        <translation>执行 kubectl apply -k 之后</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="324"/>
        <source>The manifests are in %1. Apply them with:
  kubectl apply -k %1
README.md there lists every step.</source>
        <translation>清单已写入 %1。用以下命令应用：
  kubectl apply -k %1
其中的 README.md 列出了全部步骤。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="381"/>
        <source>The manifests are written to a folder: there is no live version to compare with.</source>
        <translation>清单写入文件夹：没有可比较的线上版本。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="383"/>
        <source>Give the app a name to compare with its live version.</source>
        <translation>请填写应用名称，以便与其线上版本比较。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="386"/>
        <source>Give the runtime&apos;s URL and admin token to compare with the live version.</source>
        <translation>请填写运行时的 URL 和管理令牌，以便与线上版本比较。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="389"/>
        <source>Starting the runtime on this computer to compare with the live version…</source>
        <translation>正在启动本机运行时，以便与线上版本比较…</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="394"/>
        <source>The live version could not be checked: %1</source>
        <translation>无法检查线上版本：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="418"/>
        <source>somewhere else (no project was recorded; it was deployed with flowdeck deploy or an older studio)</source>
        <translation>其他地方（没有记录项目；它是用 flowdeck deploy 或旧版工作室部署的）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="421"/>
        <source> (%1 on %2)</source>
        <translation>（%1，位于 %2）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="424"/>
        <source>Replace Another Project&apos;s App?</source>
        <translation>替换其他项目的应用？</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="425"/>
        <source>An app named &apos;%1&apos; is already live on %2. It was deployed from %3.

Deploying %4 under the same name would replace it for everyone who uses it.</source>
        <translation>名为“%1”的应用已在 %2 上线，它部署自 %3。

以相同名称部署 %4 会为所有使用者替换掉它。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="431"/>
        <source>&amp;Replace It</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="433"/>
        <source>Deploy as a &amp;New App Name</source>
        <translation>以新的应用名称部署(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="446"/>
        <source>Nothing was deployed: the app &apos;%1&apos; already on the runtime goes on serving.</source>
        <translation>没有部署任何内容：运行时上已有的应用“%1”继续提供服务。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="447"/>
        <source>Nothing was deployed: &apos;%1&apos; from “%2” goes on serving.</source>
        <translation>没有部署任何内容：来自“%2”的“%1”继续提供服务。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="464"/>
        <source>Choose a new name for this project&apos;s app (“%1” is free) and press Deploy. The app &apos;%2&apos; goes on serving as it is.</source>
        <translation>请为本项目的应用另取一个名称（“%1”可用），然后点击“部署”。应用“%2”保持原样继续提供服务。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="496"/>
        <source>A knowledge base could not be uploaded, so the version already running (if any) goes on serving: %1</source>
        <translation>有知识库未能上传，因此正在运行的版本（如有）继续提供服务：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="528"/>
        <source>Could not reach the runtime at %1: %2</source>
        <translation>无法连接到 %1 的运行时：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="530"/>
        <source>The runtime refused the admin token: %1</source>
        <translation>运行时拒绝了管理令牌：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="538"/>
        <source>The smoke check failed, so the version already running (if any) goes on serving:
%1</source>
        <translation>冒烟检查未通过，正在运行的版本（如有）继续提供服务：
%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="542"/>
        <source>The runtime refused the app (HTTP %1): %2</source>
        <translation>运行时拒绝了该应用（HTTP %1）：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="342"/>
        <source>starting the runtime on this computer</source>
        <translation>正在本机启动运行时</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="118"/>
        <source>Smoke check: plugins start, each model answers a short call</source>
        <translation>冒烟检查：插件能启动，每个模型能回答一次简短调用</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="546"/>
        <source>the model answered</source>
        <translation>模型已回答</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="547"/>
        <source>model check skipped</source>
        <translation>已跳过模型检查</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="563"/>
        <source>The app is live, but no API key could be made: %1</source>
        <translation>应用已上线，但无法创建 API 密钥：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="564"/>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="580"/>
        <source>&lt;h3&gt;&apos;%1&apos; is live (version %2)&lt;/h3&gt;&lt;p&gt;Chat page: %3&lt;br&gt;OpenAI-compatible: %4 (model &lt;code&gt;%1&lt;/code&gt;)&lt;br&gt;Run API: %5&lt;br&gt;MCP server: %6&lt;/p&gt;</source>
        <translation>&lt;h3&gt;“%1”已上线（版本 %2）&lt;/h3&gt;&lt;p&gt;对话页面：%3&lt;br&gt;OpenAI 兼容接口：%4（模型 &lt;code&gt;%1&lt;/code&gt;）&lt;br&gt;运行 API：%5&lt;br&gt;MCP 服务器：%6&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="611"/>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::DetailsBox</name>
    <message>
        <location filename="../../widgets/panels/detailsbox.cpp" line="25"/>
        <source>Show details</source>
        <translation>显示详情</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/detailsbox.cpp" line="26"/>
        <source>Read the whole message</source>
        <translation>阅读完整信息</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/detailsbox.cpp" line="74"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/detailsbox.cpp" line="79"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::DocumentsPage</name>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="34"/>
        <source>indexed</source>
        <translation>已索引</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="35"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="38"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="59"/>
        <source>Add Files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="61"/>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="63"/>
        <source>Add Web Page…</source>
        <translation>添加网页…</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="65"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="67"/>
        <source>Remove the selected documents, their passages and their stored copies</source>
        <translation>移除所选文档及其段落和存储的副本</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="70"/>
        <source>Stop after the document being read; what is stored stays, and adding again goes on from there</source>
        <translation>读完当前文档后停止；已存储的内容保留，再次添加时从中断处继续</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="76"/>
        <source>Drop files or folders here, or add them with the buttons: text, Markdown, HTML, PDF, Word, Excel, CSV and PowerPoint.</source>
        <translation>将文件或文件夹拖放到这里，或用按钮添加：文本、Markdown、HTML、PDF、Word、Excel、CSV 和 PowerPoint。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="82"/>
        <source>All: %v of %m</source>
        <translation>全部：%v / %m</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="85"/>
        <source>This file: %p%</source>
        <translation>当前文件：%p%</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="90"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="90"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="90"/>
        <source>Passages</source>
        <translation>段落数</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="90"/>
        <source>Reason and notes</source>
        <translation>原因与备注</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="92"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="92"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="97"/>
        <source>Select a passage to read it whole.</source>
        <translation>选择一个段落以阅读全文。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="225"/>
        <source>passage %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="257"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="267"/>
        <source>Stopping after the current step…</source>
        <translation>当前步骤完成后停止…</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="274"/>
        <source>Embedding passages: %1 of %2</source>
        <translation>正在嵌入段落：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="282"/>
        <source>Reading %1 (%2 of %3)</source>
        <translation>正在读取 %1（%2 / %3）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/documentspage.cpp" line="298"/>
        <source>%1 indexed, %2 unchanged, %3 failed; %n passage(s) stored.</source>
        <translation>
            <numerusform>已索引 %1 个，未变化 %2 个，失败 %3 个；已存储 %n 个段落。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/documentspage.cpp" line="303"/>
        <source>%n passage(s) embedded.</source>
        <translation>
            <numerusform>已嵌入 %n 个段落。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="305"/>
        <source>Embedding stopped: %1 The passages can be searched by keyword now.</source>
        <translation>嵌入已停止：%1 这些段落现在可以用关键词检索。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="307"/>
        <source>Cancelled: what was stored stays; add the same files again to go on.</source>
        <translation>已取消：已存储的内容保留；再次添加相同文件即可继续。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="323"/>
        <source>Add files to the knowledge base</source>
        <translation>向知识库添加文件</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="324"/>
        <source>Documents (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.xlsx *.csv *.pptx);;All files (*)</source>
        <translation>文档 (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.xlsx *.csv *.pptx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="331"/>
        <source>Add a folder to the knowledge base</source>
        <translation>向知识库添加文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="339"/>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="346"/>
        <source>Add Web Page</source>
        <translation>添加网页</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="339"/>
        <source>The page&apos;s address (http or https):</source>
        <translation>网页地址（http 或 https）：</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/documentspage.cpp" line="346"/>
        <source>“%1” is not a web address: it must start with http:// or https://.</source>
        <translation>“%1”不是网址：必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/documentspage.cpp" line="363"/>
        <source>Removed %n document(s).</source>
        <translation>
            <numerusform>已移除 %n 个文档。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::EmbeddingProfileBox</name>
    <message>
        <location filename="../../widgets/knowledge/embeddingprofilebox.cpp" line="24"/>
        <source>None: keyword search only</source>
        <translation>无：仅关键词检索</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/embeddingprofilebox.cpp" line="39"/>
        <source>“%1” (not set up here)</source>
        <translation>“%1”（本机未配置）</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::EnvironmentVariablesEditor</name>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="71"/>
        <source>Settings of this workflow that prompts and fields read as &lt;code&gt;{{env.&lt;i&gt;NAME&lt;/i&gt;}}&lt;/code&gt;. The value here is the default: where the app runs, a setting of the same name (the deployed app&apos;s environment) takes its place.</source>
        <translation>本工作流的设置，提示词和字段以 &lt;code&gt;{{env.&lt;i&gt;NAME&lt;/i&gt;}}&lt;/code&gt; 读取。这里的值是默认值：应用运行时，同名设置（已部署应用的环境）会取代它。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="76"/>
        <source>&lt;b&gt;No secrets here.&lt;/b&gt; These values are saved in the workflow file as plain text. Keep API keys, tokens and passwords in the keychain and write &lt;code&gt;{{secret.&lt;i&gt;NAME&lt;/i&gt;}}&lt;/code&gt; instead.</source>
        <translation>&lt;b&gt;不要在此存放机密。&lt;/b&gt;这些值以明文保存在工作流文件中。请把 API 密钥、令牌和密码保存在钥匙串中，并改写为 &lt;code&gt;{{secret.&lt;i&gt;NAME&lt;/i&gt;}}&lt;/code&gt;。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="84"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="84"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="84"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="84"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="101"/>
        <source>+ Environment variable</source>
        <translation>+ 环境变量</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="103"/>
        <source>Add an environment variable</source>
        <translation>添加环境变量</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="131"/>
        <location filename="../../widgets/panels/enveditor.cpp" line="210"/>
        <source>Read as {{env.%1}}</source>
        <translation>以 {{env.%1}} 读取</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="137"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="138"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="142"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="143"/>
        <source>The default value, a number</source>
        <translation>默认值，数字</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="143"/>
        <source>The default value, text</source>
        <translation>默认值，文本</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="146"/>
        <source>What it sets (optional)</source>
        <translation>它设置什么（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="153"/>
        <source>Remove the environment variable %1</source>
        <translation>移除环境变量 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="177"/>
        <source>Edit environment variable %1</source>
        <translation>编辑环境变量 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="188"/>
        <source>An environment variable needs a name.</source>
        <translation>环境变量需要名称。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="190"/>
        <source>A name may hold letters, digits and _ only, starts with a letter or _, and has at most 64 characters.</source>
        <translation>名称只能包含字母、数字和 _，以字母或 _ 开头，最多 64 个字符。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="193"/>
        <source>Another environment variable is already named &apos;%1&apos;.</source>
        <translation>已有另一个环境变量名为“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="211"/>
        <source>&apos;%1&apos; sounds like a secret. If it is one, remove it here, keep it in the keychain and write {{secret.%1}}.</source>
        <translation>“%1”听起来像机密。如果是，请在此移除，保存到钥匙串中，并写作 {{secret.%1}}。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="226"/>
        <source>The value of %1: %2</source>
        <translation>%1 的值：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="250"/>
        <source>Add environment variable %1</source>
        <translation>添加环境变量 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/enveditor.cpp" line="273"/>
        <source>Remove environment variable %1</source>
        <translation>移除环境变量 %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::FileInputField</name>
    <message>
        <location filename="../../widgets/panels/fileinputfield.cpp" line="38"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fileinputfield.cpp" line="40"/>
        <source>Choose the file for this input, or drop one here</source>
        <translation>为这个输入选择文件，或把文件拖到这里</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fileinputfield.cpp" line="45"/>
        <source>No file</source>
        <translation>不要文件</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fileinputfield.cpp" line="74"/>
        <location filename="../../widgets/panels/fileinputfield.cpp" line="90"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fileinputfield.cpp" line="90"/>
        <source>Accepted files (%1)</source>
        <translation>可接受的文件 (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fileinputfield.cpp" line="95"/>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fileinputfield.cpp" line="104"/>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 不是可以读取的文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fileinputfield.cpp" line="112"/>
        <source>%1 is not one of the accepted types (%2).</source>
        <translation>%1 不是可接受的类型（%2）。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/fileinputfield.cpp" line="130"/>
        <source>No file chosen — choose one or drop it here</source>
        <translation>还没有选择文件——请选择一个或拖到这里</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GalleryBridge</name>
    <message>
        <location filename="../../widgets/gallery/gallerybridge.cpp" line="44"/>
        <source>There is no template &quot;%1&quot;.</source>
        <translation>没有名为“%1”的模板。</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/gallerybridge.cpp" line="50"/>
        <source>No project was made: the template was not trusted.</source>
        <translation>未创建项目：该模板未被信任。</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/gallerybridge.cpp" line="57"/>
        <source>No project was made: no model provider was chosen.</source>
        <translation>未创建项目：没有选择模型服务商。</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/gallerybridge.cpp" line="64"/>
        <source>The project could not be created: %1</source>
        <translation>无法创建项目：%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GalleryWindow</name>
    <message>
        <location filename="../../widgets/gallery/gallerywindow.cpp" line="44"/>
        <source>Flowdeck — Start</source>
        <translation>Flowdeck — 开始</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GeneralPage</name>
    <message>
        <location filename="../../widgets/settings/generalpage.cpp" line="14"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/generalpage.cpp" line="19"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/generalpage.cpp" line="20"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/generalpage.cpp" line="21"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/generalpage.cpp" line="25"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/generalpage.cpp" line="26"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/generalpage.cpp" line="31"/>
        <source>The language changes the next time Flowdeck starts.</source>
        <translation>语言将在下次启动 Flowdeck 时生效。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GoldenPage</name>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="35"/>
        <source>keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="36"/>
        <source>vector</source>
        <translation>向量</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="39"/>
        <source>hybrid</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="49"/>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="80"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="49"/>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="81"/>
        <source>Expected document</source>
        <translation>预期文档</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="49"/>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="82"/>
        <source>Snippet</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="49"/>
        <source>Last test</source>
        <translation>上次测试</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="57"/>
        <source>A question users ask</source>
        <translation>用户会问的问题</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="62"/>
        <source>Words the answer passage contains</source>
        <translation>答案段落中包含的文字</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="63"/>
        <source>Add Question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="65"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="71"/>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="72"/>
        <source>Run Test</source>
        <translation>运行测试</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="74"/>
        <source>Search every question and score where its expected passage comes: hit@k and MRR</source>
        <translation>检索每个问题并按预期段落的名次评分：hit@k 和 MRR</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="75"/>
        <source>Add questions whose answers you know, then run the test after each change of settings.</source>
        <translation>添加你知道答案的问题，每次修改设置后运行测试。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="150"/>
        <source>A golden question needs the question, the document that answers it and a snippet of the answer.</source>
        <translation>标准问题需要问题本身、回答它的文档以及答案中的一段文字。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="181"/>
        <source>The base has no golden questions yet: add one above.</source>
        <translation>该知识库还没有标准问题：请在上方添加。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="183"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="221"/>
        <source>%1: hit@%2 %3, MRR %4 over %n question(s)</source>
        <translation>
            <numerusform>%1：hit@%2 %3，MRR %4，共 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="227"/>
        <source>%1 #%2</source>
        <translation>%1 第 %2 名</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="228"/>
        <source>%1 missed</source>
        <translation>%1 未命中</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/goldenpage.cpp" line="229"/>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GraphScene</name>
    <message>
        <location filename="../../widgets/canvas/graphscene.cpp" line="446"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/canvas/graphscene.cpp" line="508"/>
        <source>%n connection(s) crossed the container&apos;s edge and were removed; Undo brings them back.</source>
        <translation>
            <numerusform>%n 条连接跨越了容器的边界，已被删除；撤销可以恢复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GuardChecksEditor</name>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="40"/>
        <source>Personal information</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="41"/>
        <source>ID card numbers (checksum verified), mobile numbers, bank cards (Luhn), unified social credit codes, passports, e-mail and IP addresses.</source>
        <translation>身份证号（验证校验码）、手机号、银行卡号（Luhn 校验）、统一社会信用代码、护照号、电子邮箱和 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="44"/>
        <source>Secrets</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="45"/>
        <source>API keys and tokens by their known prefixes (sk-, ghp_, AKIA…) and long random values given to a key, token or password.</source>
        <translation>按已知前缀（sk-、ghp_、AKIA…）识别 API 密钥和令牌，以及赋给 key、token 或 password 的长随机值。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="48"/>
        <source>Prompt injection and jailbreaks</source>
        <translation>提示词注入与越狱</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="49"/>
        <source>Attempts to override the assistant&apos;s instructions, in Chinese and English; stricter for text from tools and retrieved passages.</source>
        <translation>试图推翻助手指令的内容，中英文均可识别；对来自工具和检索段落的文本更严格。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="55"/>
        <source>Keyword lists</source>
        <translation>敏感词表</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="56"/>
        <source>Your own words and phrases, found in simplified and traditional forms, in any case, in full-width letters and with spaces or symbols put between their characters.</source>
        <translation>自定义的词语和短语：简体、繁体、任意大小写、全角字母，以及字间插入空格或符号的写法都能识别。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="59"/>
        <source>Links (allow-list)</source>
        <translation>链接（白名单）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="59"/>
        <source>Every link or host name that is not on the list below is a finding.</source>
        <translation>不在下方列表中的链接或主机名都会被检出。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="61"/>
        <source>Provider check</source>
        <translation>模型检查</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="62"/>
        <source>A model checks the text as well: one more model call each time.</source>
        <translation>再由模型检查一遍文本：每次多一次模型调用。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="66"/>
        <source>Try the checks</source>
        <translation>试一试</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardcheckseditor.cpp" line="173"/>
        <source>One host a line: example.com (also www.example.com), *.example.com (its subdomains)</source>
        <translation>每行一个主机：example.com（也匹配 www.example.com），*.example.com（匹配其子域名）</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GuardKeywordLists</name>
    <message>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="42"/>
        <source>The risk category a match of this list is reported as</source>
        <translation>命中此词表时报告的风险类别</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="57"/>
        <source>+ Keyword list</source>
        <translation>+ 词表</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="57"/>
        <source>Add a list of words and phrases to look for</source>
        <translation>添加一个要查找的词语和短语列表</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="72"/>
        <source>List name, e.g. banned</source>
        <translation>词表名称，例如 banned</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="73"/>
        <source>Reported with each match, so you can tell the lists apart</source>
        <translation>随每次命中一起报告，便于区分各个词表</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="77"/>
        <source>One word or phrase a line. Traditional forms, full-width letters and spaced-out spellings are found too.</source>
        <translation>每行一个词语或短语。繁体、全角字母和字间夹空格的写法也能识别。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="85"/>
        <source>Import from file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="87"/>
        <source>Add the terms of a .txt or .csv file, one a line (UTF-8 or GB18030, any size)</source>
        <translation>添加 .txt 或 .csv 文件中的词条，每行一个（UTF-8 或 GB18030，不限大小）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="101"/>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="165"/>
        <source>%Ln term(s)</source>
        <translation>
            <numerusform>%Ln 个词条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="126"/>
        <source>Import a keyword list</source>
        <translation>导入词表</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="127"/>
        <source>Word lists (*.txt *.csv);;All files (*)</source>
        <translation>词表 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="166"/>
        <source>%Ln new term(s) from %1</source>
        <translation>
            <numerusform>从 %1 新增 %Ln 个词条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/editors/guardkeywordlists.cpp" line="168"/>
        <source>; %Ln line(s) already in the list or repeated</source>
        <translation>
            <numerusform>；%Ln 行已在词表中或重复</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GuardPolicyEditor</name>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="29"/>
        <source>Personal information and secrets are replaced by placeholders such as [MOBILE] and the run goes on; other findings are recorded.</source>
        <translation>个人信息和密钥替换为 [MOBILE] 等占位符，运行继续；其他发现只作记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="32"/>
        <source>Findings are recorded in the run history and metrics; nothing is changed.</source>
        <translation>发现记入运行历史和指标，内容不做改动。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="33"/>
        <source>The held-back text is dropped, the reply below is sent in its place and the run stops.</source>
        <translation>丢弃暂存的文本，改发下方的回复，并停止运行。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="34"/>
        <source>No node runs: the user gets the reply below.</source>
        <translation>不运行任何节点：用户收到下方的回复。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="71"/>
        <source>Edit content safety</source>
        <translation>编辑内容安全</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="82"/>
        <source>Applied to every request and answer of the deployed app, and to runs in the run console: the input is checked before any node runs; the streamed answer is held back a little and checked sentence by sentence, so a blocked sentence is never sent. A stage with no check on is not checked.</source>
        <translation>对已部署应用的每个请求和回答生效，也对运行控制台中的运行生效：输入在任何节点运行前检查；流式回答稍作暂存、逐句检查，被拦截的句子不会发出。没有开启任何检查项的环节不做检查。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="90"/>
        <source>When blocked</source>
        <translation>被拦截时</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="101"/>
        <source>What the user sees instead (empty: the text shown in grey)</source>
        <translation>用户看到的替代内容（留空则使用灰色显示的文字）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="105"/>
        <source>AI-generated content label</source>
        <translation>AI 生成内容标识</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="116"/>
        <source>Show “AI-generated” under each answer on the chat page</source>
        <translation>在聊天页面的每条回答下显示“内容由 AI 生成”</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="117"/>
        <source>In the user&apos;s language; required for public generative-AI services in China since September 2025</source>
        <translation>以用户的语言显示；自 2025 年 9 月起，中国境内面向公众的生成式 AI 服务须作此标识</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="118"/>
        <source>Mark API answers as AI-generated</source>
        <translation>在 API 回答中标明由 AI 生成</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="119"/>
        <source>The X-AI-Generated: true header and an &quot;ai_generated&quot;: true field in JSON answers</source>
        <translation>X-AI-Generated: true 响应头，以及 JSON 回答中的 &quot;ai_generated&quot;: true 字段</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="131"/>
        <source>Output: the answer and the end node&apos;s outputs</source>
        <translation>输出：回答和结束节点的输出</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="131"/>
        <source>Input: the message and every start input</source>
        <translation>输入：消息和所有开始节点输入</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="137"/>
        <source>Block</source>
        <translation>拦截</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="138"/>
        <source>Mask and go on</source>
        <translation>脱敏后继续</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="139"/>
        <source>Record only</source>
        <translation>仅记录</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="143"/>
        <source>On a finding</source>
        <translation>有发现时</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="149"/>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="151"/>
        <source>How much of the streamed answer waits to be checked before it is sent (whole sentences are released once checked). More catches longer phrases; less streams sooner.</source>
        <translation>流式回答中先经检查再发出的文字量（检查过的整句随即放行）。越多越能拦住较长的短语，越少发出越快。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardpolicyeditor.cpp" line="154"/>
        <source>Hold back</source>
        <translation>暂存</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GuardProviderForm</name>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="21"/>
        <source>Sends the text to the model&apos;s OpenAI-compatible /moderations endpoint; a flagged category, or a score at the threshold or over, is a finding.</source>
        <translation>将文本发送到模型的 OpenAI 兼容 /moderations 接口；被标记的类别，或分数达到阈值的类别，即为发现。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="24"/>
        <source>Asks a guard model (Qwen3Guard, Llama Guard) behind any chat endpoint; an &quot;unsafe&quot; answer is a finding in the categories it names. Finds names and addresses too.</source>
        <translation>询问任一聊天接口背后的安全护栏模型（Qwen3Guard、Llama Guard）；回答 &quot;unsafe&quot; 即为发现，类别按其所列。也能识别姓名和地址。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="26"/>
        <source>Asks any chat model whether the text breaks your policy; a score at the threshold or over is a finding.</source>
        <translation>请任一聊天模型判断文本是否违反你的策略；分数达到阈值即为发现。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="41"/>
        <source>Model as judge</source>
        <translation>模型评审</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="42"/>
        <source>Guard model</source>
        <translation>安全护栏模型</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="43"/>
        <source>Moderation endpoint</source>
        <translation>审核接口</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="48"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="64"/>
        <source>One of the workflow&apos;s models (Workflow → Models…), as llm nodes name them</source>
        <translation>工作流中的某个模型（“工作流 → 模型…”），与 LLM 节点的写法相同</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="65"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="69"/>
        <source>What is not allowed, in plain words, e.g. No medical diagnoses; no talk of competitors&apos; prices.</source>
        <translation>用平实的话写明不允许的内容，例如：不提供医疗诊断；不谈论竞争对手的价格。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="72"/>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="80"/>
        <source>A score from 0 to 1 at or over this is a finding</source>
        <translation>0 到 1 之间的分数，达到或超过此值即为发现</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="81"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="86"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="88"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="91"/>
        <source>Let the text through (fail open)</source>
        <translation>放行文本（失败时放行）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="92"/>
        <source>Treat the text as unsafe (fail closed)</source>
        <translation>视为不安全（失败时拦截）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="94"/>
        <source>When the check cannot answer: a timeout, a refused key, an answer it cannot read</source>
        <translation>检查无法给出结果时：超时、密钥被拒、无法读懂的回答</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardproviderform.cpp" line="95"/>
        <source>If it fails</source>
        <translation>检查失败时</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GuardTestBox</name>
    <message>
        <location filename="../../widgets/editors/guardtestbox.cpp" line="50"/>
        <source>Type or paste a text here to see what the checks find in it</source>
        <translation>在此输入或粘贴文本，看看检查会发现什么</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardtestbox.cpp" line="55"/>
        <source>The provider check is not called here: it runs when the workflow runs. What is marked comes from the local checks.</source>
        <translation>这里不会调用模型检查：它在工作流运行时执行。标出的内容来自本地检查。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardtestbox.cpp" line="69"/>
        <source>Masked text (what the next node gets):</source>
        <translation>脱敏后的文本（下一个节点收到的内容）：</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardtestbox.cpp" line="129"/>
        <source>The checks cannot be used as they are.</source>
        <translation>这些检查项目前无法使用。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardtestbox.cpp" line="153"/>
        <source>Nothing to check yet.</source>
        <translation>还没有要检查的文本。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardtestbox.cpp" line="155"/>
        <source>The checks cannot run: %1</source>
        <translation>检查无法运行：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/guardtestbox.cpp" line="157"/>
        <source>The local checks find nothing in this text.</source>
        <translation>本地检查在这段文本中没有发现问题。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/editors/guardtestbox.cpp" line="159"/>
        <source>%n finding(s): %1</source>
        <translation>
            <numerusform>发现 %n 处：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::HistoryDialog</name>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="49"/>
        <source>History — %1</source>
        <translation>版本历史 — %1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="52"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="52"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="52"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="52"/>
        <source>Deployed to</source>
        <translation>部署到</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="52"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="69"/>
        <source>&amp;Restore This Version…</source>
        <translation>恢复此版本(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="94"/>
        <source>No versions: %1.</source>
        <translation>没有版本：%1。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="100"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="100"/>
        <source>The files as they are now</source>
        <translation>文件的当前状态</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="136"/>
        <source>This version has no %1.</source>
        <translation>此版本中没有 %1。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="143"/>
        <source>Select at most two versions to compare them.</source>
        <translation>最多选择两个版本进行比较。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="144"/>
        <source>Select a version to see what changed since it, or two (Ctrl+click) to compare them.</source>
        <translation>选择一个版本查看此后的更改，或选择两个版本（Ctrl+单击）进行比较。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="164"/>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="166"/>
        <source>No differences between %1 and %2.</source>
        <translation>%1 与 %2 之间没有差异。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="167"/>
        <source>The files are the same.</source>
        <translation>文件相同。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/history/historydialog.cpp" line="170"/>
        <source>Changes from %1 to %2: %n file(s).</source>
        <translation>
            <numerusform>从 %1 到 %2 的更改：%n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="179"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="179"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="179"/>
        <source>changed</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="187"/>
        <source>Only its formatting changed.</source>
        <translation>只有格式有变化。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="209"/>
        <source>removed (it is not in that version)</source>
        <translation>删除（该版本中没有它）</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="210"/>
        <source>brought back</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="211"/>
        <source>put back as it was</source>
        <translation>还原为当时的内容</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/history/historydialog.cpp" line="214"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="215"/>
        <source>Restore This Version?</source>
        <translation>恢复此版本？</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="216"/>
        <source>Restore the project to version %1 (%2, “%3”)?</source>
        <translation>将项目恢复到版本 %1（%2，“%3”）？</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="222"/>
        <source>The files are the same as now.</source>
        <translation>文件与当前相同。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="223"/>
        <source>The current files are kept in the history first, so you can come back to them. The restored workflow replaces the one on the canvas; Edit → Undo does not undo a restore.</source>
        <translation>当前文件会先保存在历史中，之后可以回到它们。恢复的工作流会替换画布上的工作流；“编辑 → 撤销”不能撤销恢复。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="225"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="248"/>
        <source>Before restoring version %1</source>
        <translation>恢复版本 %1 之前</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="249"/>
        <location filename="../../widgets/history/historydialog.cpp" line="256"/>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="250"/>
        <source>The current files could not be kept in the history, so nothing was restored: %1</source>
        <translation>当前文件无法保存到历史中，因此未做任何恢复：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="256"/>
        <source>Version %1 could not be restored; the files were not changed: %2</source>
        <translation>无法恢复版本 %1，文件未改动：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/history/historydialog.cpp" line="262"/>
        <source>Restored version %1 as version %2.</source>
        <translation>已恢复版本 %1，记为版本 %2。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::HumanInputForm</name>
    <message>
        <location filename="../../widgets/panels/humaninputform.cpp" line="50"/>
        <source>%1 (item %2)</source>
        <translation>%1（第 %2 项）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/humaninputform.cpp" line="51"/>
        <source>the run waits for your answer</source>
        <translation>运行正在等待你的回应</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/humaninputform.cpp" line="130"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/humaninputform.cpp" line="143"/>
        <source>a number</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/humaninputform.cpp" line="210"/>
        <source>Time left: %1</source>
        <translation>剩余时间：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/humaninputform.cpp" line="213"/>
        <source>Time is up: the run goes on without an answer.</source>
        <translation>时间已到：运行将在没有回应的情况下继续。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ImportReportDialog</name>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="34"/>
        <source>Import Report — %1</source>
        <translation>导入报告 — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/history/importreportdialog.cpp" line="40"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (Dify DSL %2, %3 app) was imported from %4 into %5: %n node(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;（Dify DSL %2，%3 应用）已从 %4 导入到 %5：%n 个节点。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="46"/>
        <source>Everything was carried over.</source>
        <translation>所有内容均已迁移。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/history/importreportdialog.cpp" line="47"/>
        <source>%n item(s) could not be carried over; the workflow works without them or marks where they were.</source>
        <translation>
            <numerusform>有 %n 项无法迁移；工作流不依赖它们即可运行，或已标出它们原来的位置。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="57"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="57"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="57"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="62"/>
        <source>Not carried over</source>
        <translation>未迁移</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="63"/>
        <source>Needs you</source>
        <translation>需要你处理</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="64"/>
        <source>Carried over differently</source>
        <translation>以不同方式迁移</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="78"/>
        <source>Knowledge bases to fill</source>
        <translation>待填充的知识库</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="80"/>
        <source>knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="81"/>
        <source>Created empty: add its documents in Workflow → Knowledge Bases… before you run.</source>
        <translation>已创建为空知识库：运行前请在“工作流 → 知识库…”中添加文档。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="82"/>
        <location filename="../../widgets/history/importreportdialog.cpp" line="149"/>
        <source>Secrets moved to the keychain</source>
        <translation>已移入钥匙串的密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="85"/>
        <source>Kept in the keychain and given to runs as {{secret.%1}}; never written into the workflow.</source>
        <translation>保存在钥匙串中，运行时以 {{secret.%1}} 提供；绝不写入工作流。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/importreportdialog.cpp" line="97"/>
        <source>&amp;Copy Report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::InspectorWidget</name>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="54"/>
        <source>%1 — no provider chosen yet</source>
        <translation>%1 — 尚未选择服务商</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="206"/>
        <source>&lt;i&gt;Select a node to see its settings.&lt;/i&gt;</source>
        <translation>&lt;i&gt;选择一个节点以查看其设置。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="267"/>
        <source>The name shown on the canvas and in run results (F2 on the canvas).</source>
        <translation>显示在画布和运行结果中的名称（在画布上按 F2 可修改）。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="278"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="286"/>
        <source>Other nodes use this node&apos;s outputs as {{%1.output}}; the id never changes.</source>
        <translation>其他节点通过 {{%1.output}} 使用此节点的输出；ID 永远不变。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="289"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="290"/>
        <source>Copy the node&apos;s id</source>
        <translation>复制节点 ID</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="294"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="298"/>
        <source>Run this node</source>
        <translation>运行此节点</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="300"/>
        <source>When off, the node is skipped over: the nodes after it still run and its outputs are empty.</source>
        <translation>关闭后将跳过此节点：其后的节点照常运行，它的输出为空。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="319"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="320"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="321"/>
        <source>JSON following a schema</source>
        <translation>符合结构定义的 JSON</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="324"/>
        <source>{&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</source>
        <translation>{&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="407"/>
        <source>Provider…</source>
        <translation>服务商…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="409"/>
        <source>Choose the provider and model of the workflow&apos;s models (Workflow → Models…)</source>
        <translation>为工作流中的模型选择服务商和模型（“工作流 → 模型…”）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="430"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="535"/>
        <source>Choose tool %1</source>
        <translation>选择工具 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="556"/>
        <source>Remove case %1</source>
        <translation>删除分支 %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::JsonEditDialog</name>
    <message>
        <location filename="../../widgets/debug/jsoneditdialog.cpp" line="106"/>
        <source>This is not valid JSON (line %1, column %2).</source>
        <translation>这不是有效的 JSON（第 %1 行，第 %2 列）。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::KeyStore</name>
    <message>
        <location filename="../../widgets/settings/keystore.cpp" line="50"/>
        <location filename="../../widgets/settings/keystore.cpp" line="56"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/keystore.cpp" line="69"/>
        <source>No system keychain is available (%1), so the key was saved in %2, readable only by you.</source>
        <translation>没有可用的系统钥匙串（%1），因此密钥保存在 %2 中，只有你能读取。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/keystore.cpp" line="73"/>
        <source>turned off</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::KnowledgePanel</name>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="33"/>
        <source>Knowledge Bases</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="42"/>
        <source>New Base…</source>
        <translation>新建知识库…</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="50"/>
        <source>Bases</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="59"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="60"/>
        <source>Test Search</source>
        <translation>检索测试</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="61"/>
        <source>Golden Questions</source>
        <translation>标准问题</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="62"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="94"/>
        <source>Save the workflow first: its knowledge bases live in a folder beside it.</source>
        <translation>请先保存工作流：它的知识库存放在工作流旁边的文件夹中。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="95"/>
        <source>Bases of this project, in %1</source>
        <translation>本项目的知识库，位于 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="141"/>
        <source>No base yet: create one, then drop documents on it.</source>
        <translation>还没有知识库：先创建一个，再把文档拖放进来。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="149"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 个文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="150"/>
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n 个段落</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="151"/>
        <source>%n vector(s)</source>
        <translation>
            <numerusform>%n 个向量</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="154"/>
        <source>Keyword search only</source>
        <translation>仅关键词检索</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="155"/>
        <source>Embeddings: %1</source>
        <translation>嵌入：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/knowledgepanel.cpp" line="157"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::KnowledgeUpload</name>
    <message>
        <location filename="../../widgets/deploy/knowledgeupload.cpp" line="20"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/knowledgeupload.cpp" line="46"/>
        <source>Could not reach the runtime at %1: %2</source>
        <translation>无法连接位于 %1 的运行时：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/knowledgeupload.cpp" line="56"/>
        <location filename="../../widgets/deploy/knowledgeupload.cpp" line="83"/>
        <source>knowledge base “%1”</source>
        <translation>知识库“%1”</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/knowledgeupload.cpp" line="73"/>
        <source>The packed knowledge base “%1” cannot be read: %2</source>
        <translation>打包的知识库“%1”无法读取：%2</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ListOpsEditor</name>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="62"/>
        <source>field of each item, e.g. price (empty: the item)</source>
        <translation>每一项的字段，例如 price（留空：整项）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="74"/>
        <source>is one of</source>
        <translation>是以下之一</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="74"/>
        <source>is none of</source>
        <translation>不是以下任何一个</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="89"/>
        <source>Applied in this order, each to what the one before left.</source>
        <translation>按此顺序执行，每一步作用于上一步留下的结果。</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="94"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="96"/>
        <source>Remove duplicates</source>
        <translation>去重</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="98"/>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="100"/>
        <source>Keep the first or last items</source>
        <translation>保留前几项或后几项</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="125"/>
        <source>Keep items matching all of these</source>
        <translation>保留满足以下全部条件的项</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="125"/>
        <source>Keep items matching any of these</source>
        <translation>保留满足以下任一条件的项</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="136"/>
        <source>+ Condition</source>
        <translation>+ 条件</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="136"/>
        <source>Add a condition on a field of each item</source>
        <translation>添加一个针对每项某字段的条件</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="154"/>
        <source>compared with (a value or {{reference}})</source>
        <translation>比较对象（一个值或 {{引用}}）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="190"/>
        <source>empty: whole items</source>
        <translation>留空：按整项</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="194"/>
        <location filename="../../widgets/editors/listopseditor.cpp" line="209"/>
        <source>By field</source>
        <translation>按字段</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="204"/>
        <source>Ascending (A→Z, 1→9)</source>
        <translation>升序（A→Z，1→9）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="204"/>
        <source>Descending (Z→A, 9→1)</source>
        <translation>降序（Z→A，9→1）</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="210"/>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="216"/>
        <source>The first</source>
        <translation>前</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="216"/>
        <source>The last</source>
        <translation>后</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="221"/>
        <source> items</source>
        <translation> 项</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="226"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/listopseditor.cpp" line="227"/>
        <source>How many</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::LiveChanges</name>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="24"/>
        <source>Changes since the live version</source>
        <translation>自线上版本以来的更改</translation>
    </message>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="35"/>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="42"/>
        <source>Asking the runtime for the live version of &apos;%1&apos;…</source>
        <translation>正在向运行时查询“%1”的线上版本…</translation>
    </message>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="56"/>
        <source>First deploy: &apos;%1&apos; is not on the runtime yet.</source>
        <translation>首次部署：运行时上还没有“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="58"/>
        <source>The live version could not be checked: %1</source>
        <translation>无法检查线上版本：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="62"/>
        <source>The live version of &apos;%1&apos; carries no project version (it was deployed without a history, or by an older Flowdeck), so its changes cannot be listed.</source>
        <translation>“%1”的线上版本没有项目版本号（部署时没有版本历史，或由旧版 Flowdeck 部署），因此无法列出更改。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="70"/>
        <source>This project keeps no version history (%1), so the changes since the live version (%2) cannot be listed.</source>
        <translation>此项目没有版本历史（%1），因此无法列出自线上版本（%2）以来的更改。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="75"/>
        <source>The live version (%1) is not in this project&apos;s history: it was deployed from another copy of the project, or from another project.</source>
        <translation>线上版本（%1）不在此项目的历史中：它是从项目的另一份副本或另一个项目部署的。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="80"/>
        <source>The live version (%1) has no readable %2.</source>
        <translation>线上版本（%1）中没有可读取的 %2。</translation>
    </message>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="87"/>
        <source>%1, %2, “%3”</source>
        <translation>%1，%2，“%3”</translation>
    </message>
    <message>
        <location filename="../../widgets/history/livechanges.cpp" line="90"/>
        <source>No changes since the live version (%1).</source>
        <translation>自线上版本（%1）以来没有更改。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/history/livechanges.cpp" line="91"/>
        <source>%n change(s) since the live version (%1):</source>
        <translation>
            <numerusform>自线上版本（%1）以来有 %n 处更改：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/history/livechanges.cpp" line="110"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::LocalRuntime</name>
    <message>
        <location filename="../../widgets/deploy/localruntime.cpp" line="29"/>
        <source>The runtime (%1) could not be started: %2</source>
        <translation>无法启动运行时（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/localruntime.cpp" line="93"/>
        <source>The runtime stopped before it was ready: %1</source>
        <translation>运行时在就绪前停止了：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/localruntime.cpp" line="113"/>
        <source>The runtime on this computer was stopped before it was ready.</source>
        <translation>本机运行时在就绪前已被停止。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::MainWindow</name>
    <message>
        <location filename="../../app/mainwindow.cpp" line="116"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="120"/>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="164"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="169"/>
        <source>Before You Run</source>
        <translation>运行前检查</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="191"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/mainwindow.cpp" line="193"/>
        <source>%n problem(s); hover over a red node to read it.</source>
        <translation>
            <numerusform>%n 个问题；将鼠标悬停在红色节点上查看详情。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="206"/>
        <source>A plugin</source>
        <translation>一个插件</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="225"/>
        <source>Drag a node from the palette; drag from a port to connect.</source>
        <translation>从节点面板拖入节点；从端口拖出即可连接。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="252"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="253"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="257"/>
        <source>New from &amp;Template…</source>
        <translation>从模板新建(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="258"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="259"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="263"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="264"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="268"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="271"/>
        <source>P&amp;lugins…</source>
        <translation>插件(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="273"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="275"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="276"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="278"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="283"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="284"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="285"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="286"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="288"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="293"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="294"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="296"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="297"/>
        <source>Zoom to &amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="298"/>
        <source>&amp;Arrange</source>
        <translation>自动排列(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="302"/>
        <source>&amp;Workflow</source>
        <translation>工作流(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="303"/>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="306"/>
        <source>Conversation &amp;Variables…</source>
        <translation>会话变量(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="309"/>
        <source>&amp;Environment Variables…</source>
        <translation>环境变量(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="312"/>
        <source>&amp;Opening Statement…</source>
        <translation>开场白(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="315"/>
        <source>Content &amp;Safety…</source>
        <translation>内容安全(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="318"/>
        <source>&amp;Knowledge Bases…</source>
        <translation>知识库(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="321"/>
        <location filename="../../app/mainwindow.cpp" line="322"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="323"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="327"/>
        <source>&amp;Deploy…</source>
        <translation>部署(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="328"/>
        <source>Deployed &amp;Apps…</source>
        <translation>已部署的应用(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="334"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="341"/>
        <source>&amp;Overview Map</source>
        <translation>概览图(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="359"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="377"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="380"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="387"/>
        <source>The language changes the next time Flowdeck starts.</source>
        <translation>语言将在下次启动 Flowdeck 时生效。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="390"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="393"/>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="393"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="393"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="403"/>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="448"/>
        <source>The template gallery could not be shown; File → Open… and File → New still work.</source>
        <translation>无法显示模板库；“文件 → 打开…”和“文件 → 新建”仍可使用。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="489"/>
        <source>Project created in %1. Check “Before You Run”, then press Run (F5).</source>
        <translation>项目已创建在 %1。请查看“运行前检查”，然后点击“运行”（F5）。</translation>
    </message>
    <message>
        <source>Project created in %1. Check “Before You Run”, then press Run (Ctrl+R).</source>
        <translation type="vanished">项目已创建于 %1。请查看“运行前检查”，然后按“运行”（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="550"/>
        <source>The clipboard holds no Flowdeck nodes.</source>
        <translation>剪贴板中没有 Flowdeck 节点。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="582"/>
        <source>Open workflow</source>
        <translation>打开工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="582"/>
        <location filename="../../app/mainwindow.cpp" line="632"/>
        <source>Flowdeck workflows (*.flow.json)</source>
        <translation>Flowdeck 工作流 (*.flow.json)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="592"/>
        <location filename="../../app/mainwindow.cpp" line="600"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="592"/>
        <location filename="../../app/mainwindow.cpp" line="600"/>
        <source>%1 could not be opened:

%2</source>
        <translation>无法打开 %1：

%2</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="616"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="624"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="632"/>
        <source>Save workflow</source>
        <translation>保存工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="644"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="645"/>
        <source>The workflow has changes that are not saved. Save them?</source>
        <translation>工作流有尚未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="684"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="42"/>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="46"/>
        <source>&amp;Clear List</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="60"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="61"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="64"/>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="67"/>
        <source>Documentation</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="68"/>
        <source>The guide is not installed with this copy of Flowdeck. Read docs/studio.md in the Flowdeck sources, or the README.</source>
        <translation>这份 Flowdeck 没有安装使用指南。请阅读 Flowdeck 源码中的 docs/studio.md 或 README。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="70"/>
        <source>No program is set up to open %1. Open it in a text editor or a Markdown viewer.</source>
        <translation>没有设置用来打开 %1 的程序。请用文本编辑器或 Markdown 查看器打开它。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="77"/>
        <source>&amp;About Flowdeck</source>
        <translation>关于 Flowdeck(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="79"/>
        <source>About Flowdeck</source>
        <translation>关于 Flowdeck</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="82"/>
        <source>&lt;h3&gt;Flowdeck %1&lt;/h3&gt;&lt;p&gt;Build AI apps on a canvas, run them on this computer and deploy them with one click.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Flowdeck %1&lt;/h3&gt;&lt;p&gt;在画布上搭建 AI 应用，在本机运行，一键部署。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowmenus.cpp" line="88"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="725"/>
        <source>an unsaved workflow</source>
        <translation>一个未保存的工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="726"/>
        <location filename="../../app/mainwindow.cpp" line="740"/>
        <source>Recover work</source>
        <translation>恢复工作</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="727"/>
        <source>Flowdeck did not close properly. Recover the changes to %1 from %2?</source>
        <translation>Flowdeck 上次没有正常关闭。要恢复 %2 时对 %1 所做的更改吗？</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowdebug.cpp" line="24"/>
        <source>Cannot open the run</source>
        <translation>无法打开运行</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowhistory.cpp" line="24"/>
        <source>Save &amp;Version…</source>
        <translation>保存版本(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowhistory.cpp" line="26"/>
        <source>Save Version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowhistory.cpp" line="26"/>
        <source>What changed (one line, for the history):</source>
        <translation>改了什么（一行，记入历史）：</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowhistory.cpp" line="33"/>
        <source>&amp;History…</source>
        <translation>版本历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowhistory.cpp" line="36"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowhistory.cpp" line="38"/>
        <source>&amp;Dify App…</source>
        <translation>Dify 应用(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowhistory.cpp" line="39"/>
        <source>Last Import &amp;Report</source>
        <translation>上次导入报告(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowhistory.cpp" line="52"/>
        <source>Save the workflow in a project folder first: its versions are kept there.</source>
        <translation>请先把工作流保存到项目文件夹：版本保存在那里。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowhistory.cpp" line="66"/>
        <source>Restored version %1 of %2.</source>
        <translation>已恢复 %2 的版本 %1。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindowhistory.cpp" line="104"/>
        <source>Imported into %1.</source>
        <translation>已导入到 %1。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::MiniMap</name>
    <message>
        <location filename="../../widgets/canvas/minimap.cpp" line="17"/>
        <source>Overview: click or drag to move the canvas</source>
        <translation>概览：点击或拖动以移动画布</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ModelChoice</name>
    <message>
        <location filename="../../widgets/settings/modelchoice.cpp" line="82"/>
        <source>Workflow Settings</source>
        <translation>工作流设置</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelchoice.cpp" line="98"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelchoice.cpp" line="99"/>
        <source>Conversation Variables</source>
        <translation>会话变量</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelchoice.cpp" line="100"/>
        <source>Opening</source>
        <translation>开场白</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelchoice.cpp" line="101"/>
        <source>Environment Variables</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelchoice.cpp" line="102"/>
        <source>Content Safety</source>
        <translation>内容安全</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelchoice.cpp" line="87"/>
        <source>Which provider and model each model of this workflow uses, for runs and deploys. Keys stay in the system keychain.</source>
        <translation>此工作流中的每个模型在运行和部署时使用哪个服务商和模型。密钥始终保存在系统钥匙串中。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ModelsPanel</name>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="27"/>
        <source>reasoning model</source>
        <translation>推理模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="29"/>
        <source>model with tool calling</source>
        <translation>支持工具调用的模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="31"/>
        <source>embedding model</source>
        <translation>向量模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="32"/>
        <source>chat model</source>
        <translation>对话模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="54"/>
        <source>%1 — ✓ key set</source>
        <translation>%1 — ✓ 已设置密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="55"/>
        <source>%1 — no key yet</source>
        <translation>%1 — 尚未设置密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="41"/>
        <source>“%1” (not set up here)</source>
        <translation>“%1”（本机未设置）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="71"/>
        <source>This workflow declares no model.</source>
        <translation>这个工作流没有声明模型。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="119"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="122"/>
        <source>Provider for model %1</source>
        <translation>模型 %1 的服务商</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="123"/>
        <location filename="../../widgets/settings/modelspanel.cpp" line="214"/>
        <source>Choose a provider…</source>
        <translation>选择服务商…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="126"/>
        <source>Model id for model %1</source>
        <translation>模型 %1 的模型 ID</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="144"/>
        <source>the provider&apos;s model for this kind</source>
        <translation>服务商为此类模型提供的默认模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="149"/>
        <source>Add Key…</source>
        <translation>添加密钥…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="176"/>
        <source>Use %1 for model “%2”</source>
        <translation>模型“%2”使用 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="194"/>
        <source>Use the model “%1” for “%2”</source>
        <translation>“%2”使用模型“%1”</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="200"/>
        <source>The provider of this workflow&apos;s models, for runs and deploys alike. Workflow → Models… chooses per model.</source>
        <translation>这个工作流的模型服务商，运行和部署都使用它。在“工作流 → 模型…”中可逐个模型选择。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="214"/>
        <source>Several — see Workflow → Models…</source>
        <translation>多个 — 见“工作流 → 模型…”</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/modelspanel.cpp" line="233"/>
        <source>Use %1 for every model</source>
        <translation>所有模型都使用 %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::NewBaseDialog</name>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="24"/>
        <source>New Knowledge Base</source>
        <translation>新建知识库</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="27"/>
        <source>e.g. handbook</source>
        <translation>例如 handbook</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="28"/>
        <source>The base&apos;s folder name, which workflows use: letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;.</source>
        <translation>知识库的文件夹名，工作流通过它引用：字母、数字、“-”、“_”或“.”。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="31"/>
        <source>e.g. Employee handbook</source>
        <translation>例如 员工手册</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="42"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="43"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="45"/>
        <source>Embedding profile</source>
        <translation>嵌入服务配置</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="46"/>
        <source>Embedding model</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="47"/>
        <source>Without an embedding profile the base is searched by keyword. Vector and hybrid search need one; its passages are embedded as documents are added.</source>
        <translation>没有嵌入服务配置时，知识库按关键词检索。向量检索和混合检索需要嵌入服务；添加文档时会为其段落生成向量。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="51"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="73"/>
        <source>Give the base a name.</source>
        <translation>请为知识库命名。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="75"/>
        <source>“%1” cannot name a base: use letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, not starting with &apos;.&apos;, at most 64 bytes.</source>
        <translation>“%1”不能作为知识库名：请使用字母、数字、“-”、“_”或“.”，不能以“.”开头，最多 64 字节。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/newbasedialog.cpp" line="78"/>
        <source>There is a base named “%1” already.</source>
        <translation>已有名为“%1”的知识库。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::NodeDebugBar</name>
    <message>
        <location filename="../../widgets/debug/nodedebugbar.cpp" line="54"/>
        <source>Not in the last run</source>
        <translation>未出现在上次运行中</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/nodedebugbar.cpp" line="54"/>
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/nodedebugbar.cpp" line="57"/>
        <source>Last run: %1</source>
        <translation>上次运行：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/nodedebugbar.cpp" line="59"/>
        <source>The last run is %1.</source>
        <translation>上次运行是 %1。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/nodedebugbar.cpp" line="61"/>
        <source>replayed</source>
        <translation>已重放</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/nodedebugbar.cpp" line="62"/>
        <source>Replayed: it did not run; its saved output was used.</source>
        <translation>已重放：它没有运行，使用的是保存的输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/nodedebugbar.cpp" line="66"/>
        <source>stale</source>
        <translation>已过时</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/nodedebugbar.cpp" line="67"/>
        <source>Stale: it or a node before it changed since the last run.</source>
        <translation>已过时：自上次运行后，它或它之前的节点有改动。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/nodedebugbar.cpp" line="70"/>
        <source>pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/nodedebugbar.cpp" line="71"/>
        <source>Pinned: runs in the studio use its pinned output instead of running it.</source>
        <translation>已固定：工作室中的运行使用它的固定输出，而不运行它。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::NodeItem</name>
    <message>
        <location filename="../../widgets/canvas/nodeitem.cpp" line="92"/>
        <source>pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/nodeitem.cpp" line="93"/>
        <source>stale</source>
        <translation>已过时</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/nodeitem.cpp" line="94"/>
        <source>replayed</source>
        <translation>已重放</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::NodeStatusView</name>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="35"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="35"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="35"/>
        <source>Time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="35"/>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="49"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="51"/>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="53"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="55"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="57"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="59"/>
        <source>Retrying…</source>
        <translation>重试中…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="61"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="63"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="139"/>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="154"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/nodestatusview.cpp" line="147"/>
        <source>Whole run</source>
        <translation>整次运行</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::NoteItem</name>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="81"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="83"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="85"/>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="87"/>
        <source>Violet</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="88"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="111"/>
        <source>Note: double-click to write in it</source>
        <translation>便签：双击即可书写</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="163"/>
        <source>Double-click to write a note</source>
        <translation>双击书写便签</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="281"/>
        <source>Resize note</source>
        <translation>调整便签大小</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="333"/>
        <source>Write a note… (Ctrl+Enter keeps it, Esc cancels)</source>
        <translation>书写便签…（Ctrl+Enter 保存，Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="334"/>
        <source>Ctrl+Enter or clicking elsewhere keeps the text; Esc leaves it as it was</source>
        <translation>按 Ctrl+Enter 或点击别处保存文字；按 Esc 保持原样</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="369"/>
        <source>Edit note</source>
        <translation>编辑便签</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="374"/>
        <source>Edit Note…</source>
        <translation>编辑便签…</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="375"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="388"/>
        <source>Change note colour</source>
        <translation>更改便签颜色</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="392"/>
        <source>Delete Note</source>
        <translation>删除便签</translation>
    </message>
    <message>
        <location filename="../../widgets/canvas/noteitem.cpp" line="424"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::NpmInstaller</name>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="17"/>
        <source>npm could not be started: %1</source>
        <translation>无法启动 npm：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="34"/>
        <source>%1 is not installed from npm; there is nothing to install.</source>
        <translation>%1 不是通过 npm 安装的，无需安装。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="37"/>
        <source>npm was not found. Install Node.js and npm (on Debian: sudo apt install nodejs npm), then try again.</source>
        <translation>未找到 npm。请先安装 Node.js 和 npm（Debian 上：sudo apt install nodejs npm），然后重试。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="40"/>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="48"/>
        <source>npm install %1</source>
        <translation>npm install %1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="84"/>
        <source>The installation was cancelled; nothing was changed.</source>
        <translation>安装已取消，没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="89"/>
        <source>npm could not install %1 (exit code %2):
%3</source>
        <translation>npm 无法安装 %1（退出码 %2）：
%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/npminstaller.cpp" line="99"/>
        <source>Installed %1 (%n package(s) fetched, %2 s).</source>
        <translation>
            <numerusform>已安装 %1（获取了 %n 个包，用时 %2 秒）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ObjectFieldsEditor</name>
    <message>
        <location filename="../../widgets/panels/objectfieldseditor.cpp" line="65"/>
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/objectfieldseditor.cpp" line="67"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::OpenRunDialog</name>
    <message>
        <location filename="../../widgets/debug/openrundialog.cpp" line="17"/>
        <source>Open Run in Studio</source>
        <translation>在工作室中打开运行</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/openrundialog.cpp" line="18"/>
        <source>Opens the workflow version that ran, with the run&apos;s inputs and every node&apos;s inputs and outputs, as a new unsaved document. Fix the node that failed, then Run From Here: the nodes before it reuse the outputs from “%1” instead of running again.</source>
        <translation>把运行时的工作流版本连同该次运行的输入、每个节点的输入和输出，作为一个未保存的新文档打开。修复失败的节点后“从此处运行”：它之前的节点复用“%1”中的输出，不会重新运行。</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/openrundialog.cpp" line="27"/>
        <source>a run id, or pick a recent run</source>
        <translation>运行 ID，或选择一次最近的运行</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/openrundialog.cpp" line="37"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/openrundialog.cpp" line="38"/>
        <source>%1 — %2, %3: %4</source>
        <translation>%1 — %2，%3：%4</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/openrundialog.cpp" line="52"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../widgets/debug/openrundialog.cpp" line="66"/>
        <source>Type or paste a run id, or pick one of the recent runs.</source>
        <translation>请输入或粘贴运行 ID，或从最近的运行中选择一次。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::OpeningEditor</name>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="40"/>
        <source>Only chat apps greet their users: this app is a workflow, which runs once per request without a conversation, so it has no opening.</source>
        <translation>只有对话应用会向用户说开场白：此应用是工作流，每次请求运行一次，没有会话，因此没有开场白。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="49"/>
        <source>What the assistant says before the first message of a conversation, and questions the user can send with a click to begin. Both are shown as written, as plain text.</source>
        <translation>助手在会话第一条消息之前说的话，以及用户点击即可发送、用来开始对话的问题。两者都按原样以纯文本显示。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="53"/>
        <source>Opening statement</source>
        <translation>开场白</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="56"/>
        <source>Hello! I can help with your orders. What would you like to know?</source>
        <translation>你好！我可以帮你处理订单。你想了解什么？</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="60"/>
        <source>Suggested questions</source>
        <translation>推荐问题</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="82"/>
        <source>+ Suggested question</source>
        <translation>+ 推荐问题</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="84"/>
        <source>Add a question the user can send with a click</source>
        <translation>添加一个用户点击即可发送的问题</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="139"/>
        <source>A question, in one line</source>
        <translation>一个问题，写在一行内</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="145"/>
        <source>Remove this suggested question</source>
        <translation>移除此推荐问题</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="160"/>
        <source>The opening statement has at most %1 characters.</source>
        <translation>开场白最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="182"/>
        <source>Edit the opening statement</source>
        <translation>编辑开场白</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="199"/>
        <source>Add a suggested question</source>
        <translation>添加推荐问题</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="199"/>
        <source>Edit a suggested question</source>
        <translation>编辑推荐问题</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="235"/>
        <source>Remove a suggested question</source>
        <translation>移除推荐问题</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="250"/>
        <source>A suggested question has at most %1 characters.</source>
        <translation>每个推荐问题最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/openingeditor.cpp" line="255"/>
        <source>At most %1 suggested questions.</source>
        <translation>最多 %1 个推荐问题。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::PaletteWidget</name>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="90"/>
        <source>Basics</source>
        <translation>基础</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="92"/>
        <source>Models and agents</source>
        <translation>模型与智能体</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="94"/>
        <source>Logic</source>
        <translation>逻辑</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="96"/>
        <source>Transform</source>
        <translation>转换</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="98"/>
        <source>MCP tools</source>
        <translation>MCP 工具</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="100"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="102"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="126"/>
        <source>Search nodes…</source>
        <translation>搜索节点…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="135"/>
        <source>Drag a node onto the canvas to add it</source>
        <translation>把节点拖到画布上即可添加</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="171"/>
        <source>Drag onto the canvas to add it.</source>
        <translation>拖到画布上即可添加。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="195"/>
        <source>Plugin: %1</source>
        <translation>插件：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="210"/>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="230"/>
        <source>A tool of %1</source>
        <translation>%1 的工具</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::PassageDialog</name>
    <message>
        <location filename="../../widgets/knowledge/passagedialog.cpp" line="33"/>
        <source>Source Passage</source>
        <translation>出处段落</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/passagedialog.cpp" line="44"/>
        <source>Base %1 · document %2%3</source>
        <translation>知识库 %1 · 文档 %2%3</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::PluginsDialog</name>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="50"/>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="61"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="61"/>
        <source>What it does</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="64"/>
        <source>Re&amp;connect</source>
        <translation>重新连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="65"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="66"/>
        <source>&amp;Import mcpServers File…</source>
        <translation>导入 mcpServers 文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="67"/>
        <source>Add the servers of a Claude Desktop, Cursor or Cherry Studio configuration</source>
        <translation>添加 Claude Desktop、Cursor 或 Cherry Studio 配置中的服务器</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="90"/>
        <source>In This &amp;Workflow</source>
        <translation>本工作流(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="91"/>
        <source>&amp;Catalog</source>
        <translation>插件目录(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="110"/>
        <source>&apos;%1&apos; was added to the workflow (Ctrl+Z undoes it).</source>
        <translation>“%1”已添加到工作流（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="148"/>
        <source>%1 — starting…</source>
        <translation>%1 — 正在启动…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="151"/>
        <source>%1 — %n tool(s)</source>
        <translation>
            <numerusform>%1 — %n 个工具</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="154"/>
        <source>%1 — not available</source>
        <translation>%1 — 不可用</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="177"/>
        <source>The workflow has no plugins yet. Add one from the Catalog tab, or import an mcpServers file.</source>
        <translation>工作流还没有插件。可从“插件目录”标签页添加，或导入 mcpServers 文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="185"/>
        <source>From the catalog: %1</source>
        <translation>来自插件目录：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="188"/>
        <source>Remote server: %1</source>
        <translation>远程服务器：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="193"/>
        <source>Command: %1</source>
        <translation>命令：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="212"/>
        <source>Remove plugin %1</source>
        <translation>移除插件 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="213"/>
        <source>&apos;%1&apos; was removed (Ctrl+Z brings it back).</source>
        <translation>“%1”已移除（按 Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="224"/>
        <source>Import mcpServers file</source>
        <translation>导入 mcpServers 文件</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="224"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="233"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="241"/>
        <source>%1 was not imported: %2</source>
        <translation>未导入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="263"/>
        <source>%1 has no servers to import.</source>
        <translation>%1 中没有可导入的服务器。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="266"/>
        <source>Import %n plugin(s)</source>
        <translation>
            <numerusform>导入 %n 个插件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="267"/>
        <source>Imported %1; %n secret(s) went to the keychain.</source>
        <translation>
            <numerusform>已导入 %1；%n 个密钥已存入钥匙串。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ProjectChecklist</name>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="141"/>
        <source>Model provider “%1” is not set up</source>
        <translation>模型服务“%1”尚未设置</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="141"/>
        <source>Set Up…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation type="vanished">模型：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="149"/>
        <source>no key needed</source>
        <translation>无需密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="156"/>
        <source>Add Key…</source>
        <translation>添加密钥…</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="165"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="171"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="173"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="175"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="177"/>
        <source>Plugin: %1</source>
        <translation>插件：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="166"/>
        <source>not in the catalog</source>
        <translation>不在插件目录中</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="171"/>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="173"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="278"/>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="175"/>
        <source>online service</source>
        <translation>在线服务</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="177"/>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="187"/>
        <source>Key: %1</source>
        <translation>密钥：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="187"/>
        <source>Set…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="197"/>
        <source>This workflow needs no model, plugin or key.</source>
        <translation>此工作流不需要模型、插件或密钥。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="199"/>
        <source>%n thing(s) to set up before the first run.</source>
        <translation>
            <numerusform>首次运行前还有 %n 项需要设置。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="265"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Everything this workflow needs is ready. Press Run (Ctrl+R).</source>
        <translation type="vanished">此工作流所需的一切均已就绪。请按“运行”（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="153"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="208"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="211"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="215"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="235"/>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="222"/>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="223"/>
        <source>The value of %1 (kept in the keychain, never in the workflow):</source>
        <translation>%1 的值（保存在系统钥匙串中，绝不写入工作流）：</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="231"/>
        <source>%1 could not be saved: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="179"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="249"/>
        <source>installing…</source>
        <translation>正在安装…</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="133"/>
        <source>Model “%1”: choose a provider above</source>
        <translation>模型“%1”：请在上方选择服务商</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="147"/>
        <source>Key for %1</source>
        <translation>%1 的密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="200"/>
        <source>Everything this workflow needs is ready. Press Run (F5).</source>
        <translation>这个工作流需要的一切都已就绪。请点击“运行”（F5）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="252"/>
        <source>installing… %n package(s), %1 s</source>
        <translation>
            <numerusform>正在安装… 已获取 %n 个包，%1 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="vanished">失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="273"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ProviderDialog</name>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="23"/>
        <source>Choose a Model Provider</source>
        <translation>选择模型服务商</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="25"/>
        <source>Which model provider should your workflows use? You can change it for each workflow later in Workflow → Models….</source>
        <translation>你的工作流要使用哪家模型服务商？之后可以在“工作流 → 模型…”中为每个工作流更改。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="38"/>
        <source>%1 — ✓ key set</source>
        <translation>%1 — ✓ 已设置密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="40"/>
        <source>%1 — no key needed</source>
        <translation>%1 — 无需密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="44"/>
        <source>Offline demo (no key) — example answers, no model is called</source>
        <translation>离线演示（无需密钥）— 示例回答，不调用任何模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="65"/>
        <source>Use This Provider</source>
        <translation>使用此服务商</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="91"/>
        <source>The offline demo answers every template&apos;s sample question with a marked example answer, so you can try the studio without an account. Choose a real provider to get real answers.</source>
        <translation>离线演示会用带标记的示例回答每个模板的示例问题，让你无需账号即可试用工作室。要得到真实的回答，请选择一个真正的服务商。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="100"/>
        <source>Get an API key from the provider&apos;s console.</source>
        <translation>请在服务商的控制台获取 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="101"/>
        <source>Where to get a key: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>获取密钥：&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="103"/>
        <source>This provider runs on your computer and needs no key.</source>
        <translation>这个服务商在你的电脑上运行，无需密钥。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="104"/>
        <source>This provider runs on your computer and needs no key. Get it at &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;.</source>
        <translation>这个服务商在你的电脑上运行，无需密钥。下载地址：&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="107"/>
        <source>A key is already set; type a new one only to replace it (%1):</source>
        <translation>已经设置了密钥；只有要替换时才需输入新密钥（%1）：</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="109"/>
        <source>API key (%1), kept in the system keychain, never in a workflow:</source>
        <translation>API 密钥（%1），保存在系统钥匙串中，绝不写入工作流：</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="131"/>
        <source>Saving the key…</source>
        <translation>正在保存密钥…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providerdialog.cpp" line="137"/>
        <source>The key could not be saved: %1</source>
        <translation>密钥无法保存：%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ProviderProbe</name>
    <message>
        <location filename="../../widgets/settings/providerprobe.cpp" line="56"/>
        <source>Connected: the model %1 answered.</source>
        <translation>已连接：模型 %1 已回应。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ReparentCommand</name>
    <message>
        <source>Move</source>
        <translation type="obsolete">移动</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RowList</name>
    <message>
        <location filename="../../widgets/editors/rowlist.cpp" line="39"/>
        <source>+ Add</source>
        <translation>+ 添加</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/rowlist.cpp" line="108"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/rowlist.cpp" line="109"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../widgets/editors/rowlist.cpp" line="110"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunConsole</name>
    <message>
        <source>As the workflow says</source>
        <translation type="vanished">按工作流设置</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="65"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="66"/>
        <source>Run the workflow (F5)</source>
        <translation>运行工作流 (F5)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="67"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="68"/>
        <source>Stop the run (Shift+F5)</source>
        <translation>停止运行 (Shift+F5)</translation>
    </message>
    <message>
        <source>Model profile:</source>
        <translation type="vanished">模型配置：</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="106"/>
        <source>The answer appears here as it streams.</source>
        <translation>回答会以流式方式显示在这里。</translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="vanished">节点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">状态</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="vanished">详情</translation>
    </message>
    <message>
        <source>Click a row to see that event&apos;s inputs and outputs as JSON.</source>
        <translation type="vanished">点击一行，以 JSON 查看该事件的输入和输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="148"/>
        <source>What the nodes log during a run — tool progress, retries, errors — appears here.</source>
        <translation>运行期间节点记录的信息（工具进度、重试、错误）显示在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="152"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="153"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="252"/>
        <source>**Outputs**</source>
        <translation>**输出**</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="237"/>
        <source>(run)</source>
        <translation>（运行）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="70"/>
        <source>New Conversation</source>
        <translation>新会话</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="72"/>
        <source>Start the chat afresh: conversation variables go back to their defaults</source>
        <translation>重新开始对话：会话变量恢复为默认值</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="75"/>
        <source>Model provider:</source>
        <translation>模型服务商：</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="143"/>
        <source>Click a node&apos;s row to see its latest event — inputs, outputs, timing — as JSON.</source>
        <translation>点击某个节点所在的行，以 JSON 查看它最新的事件——输入、输出和耗时。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="154"/>
        <source>Retrieval</source>
        <translation>检索</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="160"/>
        <location filename="../../widgets/panels/runconsole.cpp" line="166"/>
        <source>Show Event and Log</source>
        <translation>显示事件和日志</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="161"/>
        <source>The selected node&apos;s event as JSON, and what the nodes logged</source>
        <translation>所选节点的事件（JSON）以及各节点的日志</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="166"/>
        <source>Hide Event and Log</source>
        <translation>隐藏事件和日志</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="257"/>
        <location filename="../../widgets/panels/runconsole.cpp" line="259"/>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="306"/>
        <source>Send “%1”</source>
        <translation>发送“%1”</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="326"/>
        <source>Type a message and press Enter</source>
        <translation>输入消息后按回车</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="328"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="343"/>
        <source>, required</source>
        <translation>，必填</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="396"/>
        <source>Not run: this workflow comes from outside your projects and you have not trusted it. Nothing was started and no key was read.</source>
        <translation>未运行：此工作流来自你的项目之外，而你尚未信任它。没有启动任何内容，也没有读取任何密钥。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="403"/>
        <source>The workflow cannot run yet:

%1</source>
        <translation>工作流还不能运行：

%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="404"/>
        <source>The workflow cannot run yet: %1</source>
        <translation>工作流还不能运行：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="441"/>
        <source>Waiting for you</source>
        <translation>等待你的回应</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="472"/>
        <source>Round %1 of at most %2</source>
        <translation>第 %1 轮（最多 %2 轮）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="472"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/panels/runconsole.cpp" line="474"/>
        <source>, %n failed</source>
        <translation>
            <numerusform>，%n 项失败</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunController</name>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="263"/>
        <source>A run is already going; stop it first.</source>
        <translation>已有运行正在进行；请先停止它。</translation>
    </message>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="270"/>
        <source>Choose a provider for model “%1”: use the Model provider box beside Run, or Workflow → Models….</source>
        <translation>请为模型“%1”选择服务商：使用“运行”旁边的“模型服务商”框，或“工作流 → 模型…”。</translation>
    </message>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="318"/>
        <source>pinned output</source>
        <translation>固定输出</translation>
    </message>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="318"/>
        <source>replayed</source>
        <translation>已重放</translation>
    </message>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="319"/>
        <source>not run: its pinned output was used</source>
        <translation>未运行：使用了它的固定输出</translation>
    </message>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="319"/>
        <source>not run: its output from the last run was used</source>
        <translation>未运行：使用了它在上次运行中的输出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/run/runcontroller.cpp" line="338"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="353"/>
        <source>retrying (attempt %1) in %2 ms: %3</source>
        <translation>%2 毫秒后重试（第 %1 次）：%3</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunGuardNotes</name>
    <message>
        <location filename="../../widgets/panels/runconsoleguard.cpp" line="35"/>
        <source>What the workflow&apos;s content-safety policy found in this run (Workflow Settings → Content Safety)</source>
        <translation>本次运行中工作流内容安全策略的发现（工作流设置 → 内容安全）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsoleguard.cpp" line="117"/>
        <source>Blocked by content safety</source>
        <translation>已被内容安全拦截</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RuntimeAdmin</name>
    <message>
        <location filename="../../widgets/deploy/runtimeadmin.cpp" line="60"/>
        <source>Could not reach the runtime at %1: %2</source>
        <translation>无法连接到 %1 的运行时：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/runtimeadmin.cpp" line="62"/>
        <source>The runtime refused the admin token. Check the token and try again. (%1)</source>
        <translation>运行时拒绝了管理令牌。请检查令牌后重试。（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/runtimeadmin.cpp" line="64"/>
        <source>The runtime answered HTTP %1.</source>
        <translation>运行时返回了 HTTP %1。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::SearchPage</name>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="39"/>
        <source>Ask what a workflow would ask, e.g. How many days of annual leave?</source>
        <translation>输入工作流会提的问题，例如：年假有几天？</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="42"/>
        <source>Hybrid</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="43"/>
        <source>Keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="44"/>
        <source>Vector</source>
        <translation>向量</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="49"/>
        <source>top </source>
        <translation>前 </translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="54"/>
        <source>score ≥ </source>
        <translation>分数 ≥ </translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="55"/>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="69"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="69"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="69"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="69"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="69"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="109"/>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="152"/>
        <source>Nothing found. The trace below says why each candidate was dropped.</source>
        <translation>没有找到。下方的追踪说明了每个候选段落被舍弃的原因。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/searchpage.cpp" line="153"/>
        <source>%n passage(s) found.</source>
        <translation>
            <numerusform>找到 %n 个段落。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/searchpage.cpp" line="155"/>
        <source>This base has no embedding profile, so it was searched by keyword.</source>
        <translation>该知识库没有嵌入服务配置，因此按关键词检索。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ServerDirectory</name>
    <message>
        <location filename="../../widgets/run/serverdirectory.cpp" line="81"/>
        <source>Not started: this workflow comes from outside your projects. Trust it (Run, or “Restricted” in the status bar) to start its plugins.</source>
        <translation>未启动：此工作流来自你的项目之外。信任它（点击运行，或状态栏中的“受限模式”）后才会启动它的插件。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ServerRequestDialog</name>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="26"/>
        <source>System: %1</source>
        <translation>系统：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="45"/>
        <source>%1 asks for a model answer</source>
        <translation>%1 请求模型回答</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="46"/>
        <source>The plugin &lt;b&gt;%1&lt;/b&gt; wants a model to answer the messages below. Write the answer it should get, or decline.</source>
        <translation>插件 &lt;b&gt;%1&lt;/b&gt; 希望由模型回答下面的消息。请写下要返回给它的回答，或拒绝。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="54"/>
        <source>The answer to send back</source>
        <translation>要返回的回答</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="56"/>
        <source>Send answer</source>
        <translation>发送回答</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="58"/>
        <source>%1 asks you</source>
        <translation>%1 向你询问</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="101"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="103"/>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="114"/>
        <source>the user closed the request</source>
        <translation>用户关闭了请求</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="162"/>
        <source>the user declined the request</source>
        <translation>用户拒绝了请求</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::SettingsDialog</name>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="31"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="44"/>
        <source>e.g. DEEPSEEK_API_KEY</source>
        <translation>例如 DEEPSEEK_API_KEY</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="48"/>
        <source>Leave empty to keep the stored key</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="49"/>
        <source>Needs an API key</source>
        <translation>需要 API 密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="51"/>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="52"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="53"/>
        <source>Base URL</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="54"/>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="56"/>
        <source>Key name</source>
        <translation>密钥名称</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="57"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="58"/>
        <source>New profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="59"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="60"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="69"/>
        <source>Looking for Ollama and LM Studio on this computer…</source>
        <translation>正在查找本机上的 Ollama 和 LM Studio…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="83"/>
        <source>Model &amp;Providers</source>
        <translation>模型服务商(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="84"/>
        <source>&amp;Appearance and Language</source>
        <translation>外观与语言(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="103"/>
        <source>%1 is running at %2: use the profile “%3”.</source>
        <translation>%1 正在 %2 运行：请使用配置“%3”。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="108"/>
        <source>Neither Ollama nor LM Studio is running on this computer. Start one and reopen Settings to use a local model, or choose a hosted provider.</source>
        <translation>这台电脑上没有运行 Ollama 或 LM Studio。要使用本地模型，请启动其中一个后重新打开“设置”；或者选择一家云端服务商。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="151"/>
        <source>Fill in the provider&apos;s OpenAI-compatible base URL and model, then Save.</source>
        <translation>填写服务商的 OpenAI 兼容接口地址和模型，然后保存。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="170"/>
        <source>%1 is not valid JSON; fix or remove it first.</source>
        <translation>%1 不是有效的 JSON；请先修正或删除它。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="180"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="191"/>
        <source>The profile name may use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>配置名称只能使用字母、数字、“-”、“_”和“.”。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="193"/>
        <source>The base URL must start with http:// or https://.</source>
        <translation>接口地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="211"/>
        <source>Saved the profile “%1”.</source>
        <translation>已保存配置“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="218"/>
        <source>Saved the profile “%1”; its key is in the system keychain.</source>
        <translation>已保存配置“%1”；密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="232"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ShortcutsDialog</name>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="54"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="56"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="56"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="64"/>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="69"/>
        <source>Zoom in and out</source>
        <translation>放大和缩小</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="69"/>
        <source>Mouse wheel</source>
        <translation>鼠标滚轮</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="70"/>
        <source>Select several nodes</source>
        <translation>选择多个节点</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="70"/>
        <source>Drag on an empty spot</source>
        <translation>在空白处拖动</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="71"/>
        <source>Connect two nodes</source>
        <translation>连接两个节点</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="71"/>
        <source>Drag from a port to the other node</source>
        <translation>从端口拖到另一个节点</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="72"/>
        <source>Add a node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="72"/>
        <source>Drag it from the Nodes panel</source>
        <translation>从“节点”面板拖出</translation>
    </message>
    <message>
        <location filename="../../app/shortcutsdialog.cpp" line="76"/>
        <source>Find a shortcut…</source>
        <translation>查找快捷键…</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::StartInputsEditor</name>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="29"/>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="31"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="33"/>
        <source>Yes or no</source>
        <translation>是/否</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="35"/>
        <source>Choice from a list</source>
        <translation>从列表中选择</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="37"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="39"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="40"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="97"/>
        <source>What a person fills in before a run. Use an input in a prompt as &lt;code&gt;{{start.&lt;i&gt;name&lt;/i&gt;}}&lt;/code&gt;.</source>
        <translation>运行前由用户填写的内容。在提示词中用 &lt;code&gt;{{start.&lt;i&gt;名称&lt;/i&gt;}}&lt;/code&gt; 引用输入项。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="115"/>
        <source>Add Input</source>
        <translation>添加输入项</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="115"/>
        <source>Add an input to the form</source>
        <translation>向表单添加一个输入项</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="117"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="117"/>
        <source>Remove the chosen input</source>
        <translation>移除所选输入项</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="118"/>
        <source>Move the chosen input up</source>
        <translation>上移所选输入项</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="119"/>
        <source>Move the chosen input down</source>
        <translation>下移所选输入项</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="129"/>
        <source>Letters, digits and _, starting with a letter; prompts refer to the input by this name.</source>
        <translation>由字母、数字和 _ 组成，以字母开头；提示词通过此名称引用该输入项。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="131"/>
        <source>Shown on the form, e.g. Your question</source>
        <translation>显示在表单上，例如“你的问题”</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="133"/>
        <source>Shown when the form is in Chinese</source>
        <translation>表单为中文时显示</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="137"/>
        <source>A value must be given</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="140"/>
        <source>One choice per line</source>
        <translation>每行一个选项</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="144"/>
        <source>The same choices in Chinese, line by line (optional)</source>
        <translation>与上面逐行对应的中文选项（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="148"/>
        <source>e.g. .csv, .xlsx, image/* (empty: any file)</source>
        <translation>例如 .csv, .xlsx, image/*（留空表示任意文件）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="158"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="160"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="161"/>
        <source>Label (Chinese)</source>
        <translation>标签（中文）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="162"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="164"/>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="165"/>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="166"/>
        <source>Choices (Chinese)</source>
        <translation>选项（中文）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="167"/>
        <source>File types</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="285"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="285"/>
        <source>a number</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="285"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="312"/>
        <source>Edit input %1</source>
        <translation>编辑输入项 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="324"/>
        <source>An input needs a name.</source>
        <translation>输入项需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="326"/>
        <source>A name may hold letters, digits and _ only, and starts with a letter.</source>
        <translation>名称只能包含字母、数字和 _，并且以字母开头。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="328"/>
        <source>&apos;query&apos; is the chat message&apos;s own name; choose another name.</source>
        <translation>“query”是对话消息自身使用的名称，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="332"/>
        <source>Another input is already named &apos;%1&apos;.</source>
        <translation>已有另一个输入项名为“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="370"/>
        <source>The default of a number input must be a number, such as 3 or 2.5.</source>
        <translation>数字类型输入项的默认值必须是数字，例如 3 或 2.5。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="375"/>
        <source>The default of a yes-or-no input is true or false.</source>
        <translation>是/否类型输入项的默认值只能是 true 或 false。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="379"/>
        <source>The default is not valid JSON.</source>
        <translation>默认值不是有效的 JSON。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="400"/>
        <source>Add input %1</source>
        <translation>添加输入项 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="419"/>
        <source>Remove input %1</source>
        <translation>移除输入项 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/startinputseditor.cpp" line="431"/>
        <source>Move input %1</source>
        <translation>移动输入项 %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ToolPicker</name>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="117"/>
        <source>Choose a plugin first.</source>
        <translation>请先选择插件。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="119"/>
        <source>The workflow has no plugin &apos;%1&apos;.</source>
        <translation>工作流中没有插件“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="121"/>
        <source>Starting the plugin server to list its tools…</source>
        <translation>正在启动插件服务器以列出其工具…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="123"/>
        <source>The plugin server is not available: %1</source>
        <translation>插件服务器不可用：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/panels/toolpicker.cpp" line="125"/>
        <source>The plugin has no tool &apos;%1&apos;; choose one of its %n tool(s).</source>
        <translation>
            <numerusform>该插件没有工具“%1”；请从它的 %n 个工具中选择。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="162"/>
        <source>Arguments (JSON)</source>
        <translation>参数（JSON）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="169"/>
        <source>&lt;i&gt;This tool takes no arguments.&lt;/i&gt;</source>
        <translation>&lt;i&gt;此工具不需要参数。&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::TraceView</name>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="27"/>
        <source>below threshold %1</source>
        <translation>低于阈值 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="28"/>
        <source>beyond top %1</source>
        <translation>排在前 %1 名之外</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="29"/>
        <source>same parent passage as passage %1</source>
        <translation>与段落 %1 属于同一父段落</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="30"/>
        <source>no longer in the base%1</source>
        <translation>已不在知识库中%1</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="31"/>
        <source>filtered out: %1</source>
        <translation>被筛选条件排除：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="33"/>
        <source>left out words found in more than 5% of the passages: %1</source>
        <translation>已略去出现在 5% 以上段落中的常见词：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="35"/>
        <source>no embedding of the question was given: keyword results only%1</source>
        <translation>没有问题的向量：只有关键词结果%1</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="37"/>
        <source>the question has no words to search by keyword%1</source>
        <translation>问题里没有可按关键词检索的词%1</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="39"/>
        <source>no passage holds any word of the question%1</source>
        <translation>没有任何段落包含问题中的词%1</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="41"/>
        <source>the base has no vectors yet: keyword results only%1</source>
        <translation>知识库还没有向量：只有关键词结果%1</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="62"/>
        <source>hybrid</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="64"/>
        <source>filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="66"/>
        <source>keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="68"/>
        <source>vector</source>
        <translation>向量</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="70"/>
        <source>fuse</source>
        <translation>融合</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="84"/>
        <source>Base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="84"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="84"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="84"/>
        <source>Keyword rank · BM25</source>
        <translation>关键词名次 · BM25</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="85"/>
        <source>Vector rank · cosine</source>
        <translation>向量名次 · 余弦</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="85"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="85"/>
        <source>Kept, or why dropped</source>
        <translation>保留，或舍弃原因</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="101"/>
        <source>The trace of a search shows here: every candidate passage, its ranks and scores, and why it was kept or dropped.</source>
        <translation>检索追踪显示在这里：每个候选段落、它的名次和分数，以及保留或舍弃的原因。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="114"/>
        <source>Reranked by profile %1.</source>
        <translation>已由配置 %1 重排序。</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="127"/>
        <source>%1: %2 in %3 ms</source>
        <translation>%1：%2 个，用时 %3 毫秒</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="131"/>
        <source>%1 search, %2 ms</source>
        <translation>%1检索，%2 毫秒</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="138"/>
        <source>Keyword query: %1</source>
        <translation>关键词查询：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="141"/>
        <source>Note: %1</source>
        <translation>注：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/knowledge/traceview.cpp" line="143"/>
        <source>%n document(s) left out by the filters.</source>
        <translation>
            <numerusform>%n 个文档被筛选条件排除。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/knowledge/traceview.cpp" line="158"/>
        <source>kept</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::TrustDialog</name>
    <message>
        <location filename="../../widgets/panels/trustdialog.cpp" line="30"/>
        <source>Trust this workflow?</source>
        <translation>信任此工作流？</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/trustdialog.cpp" line="38"/>
        <source>&lt;b&gt;%1&lt;/b&gt; comes from outside your projects. Until you trust it, Flowdeck shows and edits it but starts none of its plugins, runs nothing and reads none of your keys.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 来自你的项目之外。在你信任它之前，Flowdeck 可以显示和编辑它，但不会启动它的任何插件、不会运行、也不会读取你的任何密钥。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/trustdialog.cpp" line="45"/>
        <source>Commands it starts on this computer:</source>
        <translation>它会在本机启动的命令：</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/trustdialog.cpp" line="46"/>
        <source>Addresses it sends requests to:</source>
        <translation>它会发送请求的地址：</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/trustdialog.cpp" line="47"/>
        <source>Secrets (API keys, tokens) it reads and may send to them:</source>
        <translation>它会读取并可能发送给这些地址的密钥（API 密钥、令牌）：</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/trustdialog.cpp" line="49"/>
        <source>It starts no command, names no address and reads no secret; its model calls use your own provider profiles.</source>
        <translation>它不启动任何命令、不指定任何地址、不读取任何密钥；它的模型调用使用你自己的服务商配置。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/trustdialog.cpp" line="58"/>
        <source>Trust it only if you know where it comes from. Your choice is remembered for this exact file; if it changes outside Flowdeck you are asked again.</source>
        <translation>只有在你清楚它的来源时才信任它。你的选择只对这个文件的当前内容有效；如果它在 Flowdeck 之外被修改，会再次询问你。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/trustdialog.cpp" line="64"/>
        <source>&amp;Trust and Continue</source>
        <translation>信任并继续(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/trustdialog.cpp" line="66"/>
        <source>Keep &amp;Restricted</source>
        <translation>保持受限(&amp;R)</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::TrustGate</name>
    <message>
        <location filename="../../widgets/run/trustgate.cpp" line="21"/>
        <source>Restricted: review…</source>
        <translation>受限模式：查看…</translation>
    </message>
    <message>
        <location filename="../../widgets/run/trustgate.cpp" line="24"/>
        <source>This workflow comes from outside your projects: its plugins are not started and nothing runs until you trust it.</source>
        <translation>此工作流来自你的项目之外：在你信任它之前，不会启动它的插件，也不会运行任何内容。</translation>
    </message>
    <message>
        <location filename="../../widgets/run/trustgate.cpp" line="95"/>
        <source>The template “%1” (from %2)</source>
        <translation>模板“%1”（来自 %2）</translation>
    </message>
    <message>
        <location filename="../../widgets/run/trustgate.cpp" line="103"/>
        <source>This workflow</source>
        <translation>此工作流</translation>
    </message>
</context>
</TS>
