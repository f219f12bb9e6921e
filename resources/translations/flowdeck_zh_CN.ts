<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Commands</name>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="17"/>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="29"/>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="81"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="112"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="128"/>
        <source>Both ends of a connection must be nodes of this workflow.</source>
        <translation>连接的两端都必须是本工作流中的节点。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="130"/>
        <source>A node cannot be connected to itself.</source>
        <translation>节点不能连接到自身。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="133"/>
        <source>These nodes are already connected.</source>
        <translation>这两个节点已经连接。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="136"/>
        <source>This connection would make a loop; workflows run from start to end.</source>
        <translation>这条连接会形成环路；工作流只能从开始运行到结束。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="142"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="161"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="240"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="342"/>
        <source>Arrange</source>
        <translation>自动排列</translation>
    </message>
</context>
<context>
    <name>KubernetesExport</name>
    <message>
        <location filename="../../widgets/deploy/kubernetesexport.cpp" line="20"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/kubernetesexport.cpp" line="46"/>
        <source>The app name &apos;%1&apos; is not valid: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, beginning with a letter or digit.</source>
        <translation>应用名称“%1”无效：请使用 1 到 64 个字母、数字、“.”、“_”或“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/kubernetesexport.cpp" line="54"/>
        <source>The runtime&apos;s Kubernetes manifests were not found in %1.</source>
        <translation>在 %1 中找不到运行时的 Kubernetes 清单。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/kubernetesexport.cpp" line="59"/>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/mainwindow.cpp" line="54"/>
        <source>Untitled workflow</source>
        <translation>未命名工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="64"/>
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
</context>
<context>
    <name>flowdeck::studio::AnswerCharts</name>
    <message>
        <location filename="../../widgets/panels/answercharts.cpp" line="49"/>
        <source>*(chart %1, drawn below)*</source>
        <translation>*（图表 %1，见下方）*</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/answercharts.cpp" line="75"/>
        <source>&lt;p&gt;The chart view is missing (%1); run scripts/setup.sh to build it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;缺少图表视图（%1）；请运行 scripts/setup.sh 构建。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::CatalogPage</name>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="47"/>
        <source>Search plugins (English or 中文)</source>
        <translation>搜索插件（中文或英文）</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="62"/>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="233"/>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="321"/>
        <source>&amp;Install</source>
        <translation>安装(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="63"/>
        <source>Download the server from npm now, so it starts at once and works offline</source>
        <translation>现在从 npm 下载该服务器，之后可立即启动并离线使用</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="64"/>
        <source>&amp;Add to Workflow</source>
        <translation>添加到工作流(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="169"/>
        <source>&lt;i&gt;No plugin matches.&lt;/i&gt;</source>
        <translation>&lt;i&gt;没有匹配的插件。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="183"/>
        <source>The name nodes use for this plugin in the workflow</source>
        <translation>工作流中的节点引用此插件时使用的名称</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="184"/>
        <source>Name in workflow *</source>
        <translation>工作流中的名称 *</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="191"/>
        <source>kept in the keychain, never in the workflow</source>
        <translation>保存在系统钥匙串中，绝不写入工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="193"/>
        <source>several: separate with ;</source>
        <translation>多个值请用 ; 分隔</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="195"/>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="217"/>
        <source>A remote server at %1</source>
        <translation>远程服务器：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="219"/>
        <source>npm package %1, installed</source>
        <translation>npm 包 %1，已安装</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="221"/>
        <source>npm package %1; downloaded by npx when first used, or install it now</source>
        <translation>npm 包 %1；首次使用时由 npx 下载，也可以现在安装</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="224"/>
        <source>Runs %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="231"/>
        <source>homepage</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="233"/>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="321"/>
        <source>Re&amp;install</source>
        <translation>重新安装(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="250"/>
        <source>The name must start with a letter and use only letters, digits, _ and -.</source>
        <translation>名称必须以字母开头，只能包含字母、数字、_ 和 -。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="252"/>
        <source>The workflow already has a plugin named &apos;%1&apos;; choose another name.</source>
        <translation>工作流中已有名为“%1”的插件，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="259"/>
        <source>Fill in %1: %2</source>
        <translation>请填写 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="290"/>
        <source>Add plugin %1</source>
        <translation>添加插件 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="291"/>
        <source>Added as &apos;%1&apos;. Its tools appear in the palette once its server has started.</source>
        <translation>已添加为“%1”。服务器启动后，它的工具会出现在节点面板中。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="293"/>
        <source>If %1 is not in the keychain yet, the server cannot start until you enter it.</source>
        <translation>如果钥匙串中还没有 %1，在你填写之前服务器无法启动。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/catalogpage.cpp" line="312"/>
        <source>Installing… %n package(s) fetched, %1 s</source>
        <translation>
            <numerusform>正在安装… 已获取 %n 个包，%1 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="337"/>
        <source>&amp;Cancel Install</source>
        <translation>取消安装(&amp;C)</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ConditionBuilder</name>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="36"/>
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="37"/>
        <source>is not</source>
        <translation>不等于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="38"/>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="39"/>
        <source>does not contain</source>
        <translation>不包含</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="40"/>
        <source>starts with</source>
        <translation>开头是</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="41"/>
        <source>ends with</source>
        <translation>结尾是</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="42"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="43"/>
        <source>is not empty</source>
        <translation>不为空</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="44"/>
        <source>is greater than</source>
        <translation>大于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="45"/>
        <source>is at least</source>
        <translation>大于等于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="46"/>
        <source>is less than</source>
        <translation>小于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="47"/>
        <source>is at most</source>
        <translation>小于等于</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="48"/>
        <source>matches the pattern</source>
        <translation>匹配正则表达式</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="62"/>
        <source>+ Case</source>
        <translation>+ 分支</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="64"/>
        <source>Add a case: another output port, tried after the ones above</source>
        <translation>添加一个分支：新的输出端口，在上面的分支都不成立时再判断</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="70"/>
        <source>Otherwise the &lt;b&gt;Else&lt;/b&gt; port is taken.</source>
        <translation>都不成立时走 &lt;b&gt;否则&lt;/b&gt; 端口。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="98"/>
        <source>If (%1)</source>
        <translation>如果（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="99"/>
        <source>Else if (%1)</source>
        <translation>否则如果（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="105"/>
        <source>Port label (shown on the canvas)</source>
        <translation>端口名称（显示在画布上）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="111"/>
        <source>all of these hold</source>
        <translation>以下条件全部成立</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="112"/>
        <source>any of these holds</source>
        <translation>以下任一条件成立</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="120"/>
        <source>Remove this case and the connections from its port</source>
        <translation>删除此分支及其端口上的连接</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="129"/>
        <source>+ Condition</source>
        <translation>+ 条件</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="151"/>
        <source>a value, e.g. {{llm_1.text}}</source>
        <translation>一个值，例如 {{llm_1.text}}</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="160"/>
        <source>compared with</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="195"/>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::DeployDialog</name>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="57"/>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="62"/>
        <source>This computer — a runtime the studio runs for you (no set-up)</source>
        <translation>本机 — 由工作室为你运行的运行时（无需配置）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="63"/>
        <source>A remote runtime</source>
        <translation>远程运行时</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="64"/>
        <source>Kubernetes — write the manifests to a folder</source>
        <translation>Kubernetes — 把清单写入文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="75"/>
        <source>the runtime&apos;s admin token</source>
        <translation>运行时的管理令牌</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="78"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="82"/>
        <source>Anyone may call it without an API key</source>
        <translation>任何人无需 API 密钥即可调用</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="84"/>
        <source>App name</source>
        <translation>应用名称</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="85"/>
        <source>Deploy to</source>
        <translation>部署到</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="87"/>
        <source>Runtime URL</source>
        <translation>运行时地址</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="88"/>
        <source>Admin token</source>
        <translation>管理令牌</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="90"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="94"/>
        <source>Validate the workflow</source>
        <translation>校验工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="94"/>
        <source>Bundle it with its profiles, plugins and secrets</source>
        <translation>连同模型配置、插件和密钥一起打包</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="95"/>
        <source>Upload to the runtime</source>
        <translation>上传到运行时</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="95"/>
        <source>Smoke check: plugins start, keys are present</source>
        <translation>冒烟检查：插件能启动，密钥齐全</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="95"/>
        <source>Live</source>
        <translation>上线</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="104"/>
        <source>&amp;Deploy</source>
        <translation>部署(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="106"/>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="139"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="129"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="131"/>
        <source>API key (shown only now):</source>
        <translation>API 密钥（仅此一次显示）：</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="137"/>
        <source>Open &amp;Chat</source>
        <translation>打开对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="138"/>
        <source>Deploy &amp;Again</source>
        <translation>再次部署(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="168"/>
        <source>Folder for the manifests</source>
        <translation>存放清单的文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="225"/>
        <source>Give the app a name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64, beginning with a letter or digit).</source>
        <translation>请为应用起一个由字母、数字、“.”、“_”或“-”组成的名称（最多 64 个字符，以字母或数字开头）。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="227"/>
        <source>Give the remote runtime&apos;s URL and its admin token.</source>
        <translation>请填写远程运行时的地址和管理令牌。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="237"/>
        <source>The workflow has problems; fix them and deploy again:
%1</source>
        <translation>工作流有问题，请修正后重新部署：
%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="245"/>
        <source>The app cannot be bundled:
%1</source>
        <translation>无法打包该应用：
%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="246"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="254"/>
        <source>writing the manifests</source>
        <translation>正在写入清单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/deploy/deploydialog.cpp" line="259"/>
        <source>%n file(s) written</source>
        <translation>
            <numerusform>已写入 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="260"/>
        <source>runs in the cluster</source>
        <translation>在集群中进行</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="261"/>
        <source>after kubectl apply -k</source>
        <translation>执行 kubectl apply -k 之后</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="264"/>
        <source>The manifests are in %1. Apply them with:
  kubectl apply -k %1
README.md there lists every step.</source>
        <translation>清单已写入 %1。用以下命令应用：
  kubectl apply -k %1
其中的 README.md 列出了全部步骤。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="298"/>
        <source>Could not reach the runtime at %1: %2</source>
        <translation>无法连接到 %1 的运行时：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="300"/>
        <source>The runtime refused the admin token: %1</source>
        <translation>运行时拒绝了管理令牌：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="302"/>
        <source>The smoke check failed, so the version already running (if any) goes on serving:
%1</source>
        <translation>冒烟检查未通过，正在运行的版本（如有）继续提供服务：
%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="305"/>
        <source>The runtime refused the app (HTTP %1): %2</source>
        <translation>运行时拒绝了该应用（HTTP %1）：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="314"/>
        <source>starting the runtime on this computer</source>
        <translation>正在本机启动运行时</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="335"/>
        <source>The app is live, but no API key could be made: %1</source>
        <translation>应用已上线，但无法创建 API 密钥：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="336"/>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="351"/>
        <source>&lt;h3&gt;&apos;%1&apos; is live (version %2)&lt;/h3&gt;&lt;p&gt;Chat page: %3&lt;br&gt;OpenAI-compatible: %4 (model &lt;code&gt;%1&lt;/code&gt;)&lt;br&gt;Run API: %5&lt;br&gt;MCP server: %6&lt;/p&gt;</source>
        <translation>&lt;h3&gt;“%1”已上线（版本 %2）&lt;/h3&gt;&lt;p&gt;对话页面：%3&lt;br&gt;OpenAI 兼容接口：%4（模型 &lt;code&gt;%1&lt;/code&gt;）&lt;br&gt;运行 API：%5&lt;br&gt;MCP 服务器：%6&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="382"/>
        <source>← Back</source>
        <translation>← 返回</translation>
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
        <location filename="../../widgets/gallery/gallerybridge.cpp" line="52"/>
        <source>The project could not be created: %1</source>
        <translation>无法创建项目：%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::GalleryWindow</name>
    <message>
        <location filename="../../widgets/gallery/gallerywindow.cpp" line="43"/>
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
    <name>flowdeck::studio::InspectorWidget</name>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="90"/>
        <source>&lt;i&gt;Select a node to see its settings.&lt;/i&gt;</source>
        <translation>&lt;i&gt;选择一个节点以查看其设置。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="182"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="250"/>
        <source>Choose tool %1</source>
        <translation>选择工具 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="271"/>
        <source>Remove case %1</source>
        <translation>删除分支 %1</translation>
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
    <name>flowdeck::studio::LocalRuntime</name>
    <message>
        <location filename="../../widgets/deploy/localruntime.cpp" line="29"/>
        <source>The runtime (%1) could not be started: %2</source>
        <translation>无法启动运行时（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/localruntime.cpp" line="86"/>
        <source>The runtime stopped before it was ready: %1</source>
        <translation>运行时在就绪前停止了：%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::MainWindow</name>
    <message>
        <location filename="../../app/mainwindow.cpp" line="83"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="87"/>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="106"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="112"/>
        <source>Before You Run</source>
        <translation>运行前检查</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="133"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/mainwindow.cpp" line="135"/>
        <source>%n problem(s); hover over a red node to read it.</source>
        <translation>
            <numerusform>%n 个问题；将鼠标悬停在红色节点上查看详情。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="148"/>
        <source>A plugin</source>
        <translation>一个插件</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="162"/>
        <source>Drag a node from the palette; drag from a port to connect.</source>
        <translation>从节点面板拖入节点；从端口拖出即可连接。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="180"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="181"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="185"/>
        <source>New from &amp;Template…</source>
        <translation>从模板新建(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="186"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="187"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="188"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="190"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="191"/>
        <source>P&amp;lugins…</source>
        <translation>插件(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="193"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="195"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="196"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="198"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="203"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="204"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="205"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="206"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="208"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="213"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="214"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="215"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="216"/>
        <source>Zoom to &amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="217"/>
        <source>&amp;Arrange</source>
        <translation>自动排列(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="221"/>
        <location filename="../../app/mainwindow.cpp" line="222"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="223"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="225"/>
        <source>&amp;Deploy…</source>
        <translation>部署(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="227"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="233"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="236"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="243"/>
        <source>The language changes the next time Flowdeck starts.</source>
        <translation>语言将在下次启动 Flowdeck 时生效。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="246"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="249"/>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="249"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="249"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="259"/>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="301"/>
        <source>The template gallery could not be shown; File → Open… and File → New still work.</source>
        <translation>无法显示模板库；“文件 → 打开…”和“文件 → 新建”仍可使用。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="341"/>
        <source>Project created in %1. Check “Before You Run”, then press Run (Ctrl+R).</source>
        <translation>项目已创建于 %1。请查看“运行前检查”，然后按“运行”（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="401"/>
        <source>The clipboard holds no Flowdeck nodes.</source>
        <translation>剪贴板中没有 Flowdeck 节点。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="428"/>
        <source>Open workflow</source>
        <translation>打开工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="428"/>
        <location filename="../../app/mainwindow.cpp" line="467"/>
        <source>Flowdeck workflows (*.flow.json)</source>
        <translation>Flowdeck 工作流 (*.flow.json)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="437"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="437"/>
        <source>%1 could not be opened:

%2</source>
        <translation>无法打开 %1：

%2</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="452"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="459"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="467"/>
        <source>Save workflow</source>
        <translation>保存工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="479"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="480"/>
        <source>The workflow has changes that are not saved. Save them?</source>
        <translation>工作流有尚未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="497"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="517"/>
        <source>an unsaved workflow</source>
        <translation>一个未保存的工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="518"/>
        <location filename="../../app/mainwindow.cpp" line="525"/>
        <source>Recover work</source>
        <translation>恢复工作</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="519"/>
        <source>Flowdeck did not close properly. Recover the changes to %1 from %2?</source>
        <translation>Flowdeck 上次没有正常关闭。要恢复 %2 时对 %1 所做的更改吗？</translation>
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
    <name>flowdeck::studio::NpmInstaller</name>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="17"/>
        <source>npm could not be started: %1</source>
        <translation>无法启动 npm：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="33"/>
        <source>%1 is not installed from npm; there is nothing to install.</source>
        <translation>%1 不是通过 npm 安装的，无需安装。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="36"/>
        <source>npm was not found. Install Node.js and npm (on Debian: sudo apt install nodejs npm), then try again.</source>
        <translation>未找到 npm。请先安装 Node.js 和 npm（Debian 上：sudo apt install nodejs npm），然后重试。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="39"/>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="47"/>
        <source>npm install %1</source>
        <translation>npm install %1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="83"/>
        <source>The installation was cancelled; nothing was changed.</source>
        <translation>安装已取消，没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/npminstaller.cpp" line="88"/>
        <source>npm could not install %1 (exit code %2):
%3</source>
        <translation>npm 无法安装 %1（退出码 %2）：
%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/npminstaller.cpp" line="98"/>
        <source>Installed %1 (%n package(s) fetched, %2 s).</source>
        <translation>
            <numerusform>已安装 %1（获取了 %n 个包，用时 %2 秒）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::PaletteWidget</name>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="26"/>
        <source>Basics</source>
        <translation>基础</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="28"/>
        <source>Models and agents</source>
        <translation>模型与智能体</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="30"/>
        <source>Logic</source>
        <translation>逻辑</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="32"/>
        <source>Transform</source>
        <translation>转换</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="34"/>
        <source>MCP tools</source>
        <translation>MCP 工具</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="36"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="38"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="62"/>
        <source>Search nodes…</source>
        <translation>搜索节点…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="123"/>
        <source>Plugin: %1</source>
        <translation>插件：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="138"/>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::PluginsDialog</name>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="49"/>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="60"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="60"/>
        <source>What it does</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="63"/>
        <source>Re&amp;connect</source>
        <translation>重新连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="64"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="65"/>
        <source>&amp;Import mcpServers File…</source>
        <translation>导入 mcpServers 文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="66"/>
        <source>Add the servers of a Claude Desktop, Cursor or Cherry Studio configuration</source>
        <translation>添加 Claude Desktop、Cursor 或 Cherry Studio 配置中的服务器</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="89"/>
        <source>In This &amp;Workflow</source>
        <translation>本工作流(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="90"/>
        <source>&amp;Catalog</source>
        <translation>插件目录(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="109"/>
        <source>&apos;%1&apos; was added to the workflow (Ctrl+Z undoes it).</source>
        <translation>“%1”已添加到工作流（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="147"/>
        <source>%1 — starting…</source>
        <translation>%1 — 正在启动…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="150"/>
        <source>%1 — %n tool(s)</source>
        <translation>
            <numerusform>%1 — %n 个工具</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="153"/>
        <source>%1 — not available</source>
        <translation>%1 — 不可用</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="176"/>
        <source>The workflow has no plugins yet. Add one from the Catalog tab, or import an mcpServers file.</source>
        <translation>工作流还没有插件。可从“插件目录”标签页添加，或导入 mcpServers 文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="184"/>
        <source>From the catalog: %1</source>
        <translation>来自插件目录：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="187"/>
        <source>Remote server: %1</source>
        <translation>远程服务器：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="192"/>
        <source>Command: %1</source>
        <translation>命令：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="211"/>
        <source>Remove plugin %1</source>
        <translation>移除插件 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="212"/>
        <source>&apos;%1&apos; was removed (Ctrl+Z brings it back).</source>
        <translation>“%1”已移除（按 Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="223"/>
        <source>Import mcpServers file</source>
        <translation>导入 mcpServers 文件</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="223"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="232"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="240"/>
        <source>%1 was not imported: %2</source>
        <translation>未导入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="262"/>
        <source>%1 has no servers to import.</source>
        <translation>%1 中没有可导入的服务器。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="265"/>
        <source>Import %n plugin(s)</source>
        <translation>
            <numerusform>导入 %n 个插件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/pluginsdialog.cpp" line="266"/>
        <source>Imported %1; %n secret(s) went to the keychain.</source>
        <translation>
            <numerusform>已导入 %1；%n 个密钥已存入钥匙串。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ProjectChecklist</name>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="122"/>
        <source>Model provider “%1” is not set up</source>
        <translation>模型服务“%1”尚未设置</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="122"/>
        <source>Set Up…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="127"/>
        <source>Model: %1 (%2)</source>
        <translation>模型：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="130"/>
        <source>no key needed</source>
        <translation>无需密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="133"/>
        <source>Add Key…</source>
        <translation>添加密钥…</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="143"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="149"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="151"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="153"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="155"/>
        <source>Plugin: %1</source>
        <translation>插件：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="144"/>
        <source>not in the catalog</source>
        <translation>不在插件目录中</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="149"/>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="151"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="244"/>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="153"/>
        <source>online service</source>
        <translation>在线服务</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="155"/>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="165"/>
        <source>Key: %1</source>
        <translation>密钥：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="165"/>
        <source>Set…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="175"/>
        <source>This workflow needs no model, plugin or key.</source>
        <translation>此工作流不需要模型、插件或密钥。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="177"/>
        <source>%n thing(s) to set up before the first run.</source>
        <translation>
            <numerusform>首次运行前还有 %n 项需要设置。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="178"/>
        <source>Everything this workflow needs is ready. Press Run (Ctrl+R).</source>
        <translation>此工作流所需的一切均已就绪。请按“运行”（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="186"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="189"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="193"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="213"/>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="200"/>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="201"/>
        <source>The value of %1 (kept in the keychain, never in the workflow):</source>
        <translation>%1 的值（保存在系统钥匙串中，绝不写入工作流）：</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="209"/>
        <source>%1 could not be saved: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="157"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="227"/>
        <source>installing…</source>
        <translation>正在安装…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="230"/>
        <source>installing… %n package(s), %1 s</source>
        <translation>
            <numerusform>正在安装… 已获取 %n 个包，%1 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="239"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="241"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ProviderProbe</name>
    <message>
        <location filename="../../widgets/settings/providerprobe.cpp" line="52"/>
        <source>Connected: the model %1 answered.</source>
        <translation>已连接：模型 %1 已回应。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunConsole</name>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="35"/>
        <source>As the workflow says</source>
        <translation>按工作流设置</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="38"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="39"/>
        <source>Run the workflow (F5)</source>
        <translation>运行工作流 (F5)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="40"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="41"/>
        <source>Stop the run (Shift+F5)</source>
        <translation>停止运行 (Shift+F5)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="44"/>
        <source>Model profile:</source>
        <translation>模型配置：</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="55"/>
        <source>The answer appears here as it streams.</source>
        <translation>回答会以流式方式显示在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="60"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="60"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="60"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="65"/>
        <source>Click a row to see that event&apos;s inputs and outputs as JSON.</source>
        <translation>点击一行，以 JSON 查看该事件的输入和输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="70"/>
        <source>What the nodes log during a run — tool progress, retries, errors — appears here.</source>
        <translation>运行期间节点记录的信息（工具进度、重试、错误）显示在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="72"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="73"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="128"/>
        <source>**Outputs**</source>
        <translation>**输出**</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="118"/>
        <location filename="../../widgets/panels/runconsole.cpp" line="130"/>
        <source>(run)</source>
        <translation>（运行）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="133"/>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="149"/>
        <source>Type a message and press Enter</source>
        <translation>输入消息后按回车</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="151"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="160"/>
        <source>, required</source>
        <translation>，必填</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="203"/>
        <source>The workflow cannot run yet:

%1</source>
        <translation>工作流还不能运行：

%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunController</name>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="144"/>
        <source>A run is already going; stop it first.</source>
        <translation>已有运行正在进行；请先停止它。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/run/runcontroller.cpp" line="172"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="187"/>
        <source>retrying (attempt %1) in %2 ms: %3</source>
        <translation>%2 毫秒后重试（第 %1 次）：%3</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ServerRequestDialog</name>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="23"/>
        <source>System: %1</source>
        <translation>系统：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="42"/>
        <source>%1 asks for a model answer</source>
        <translation>%1 请求模型回答</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="43"/>
        <source>The plugin &lt;b&gt;%1&lt;/b&gt; wants a model to answer the messages below. Write the answer it should get, or decline.</source>
        <translation>插件 &lt;b&gt;%1&lt;/b&gt; 希望由模型回答下面的消息。请写下要返回给它的回答，或拒绝。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="51"/>
        <source>The answer to send back</source>
        <translation>要返回的回答</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="53"/>
        <source>Send answer</source>
        <translation>发送回答</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="55"/>
        <source>%1 asks you</source>
        <translation>%1 向你询问</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="98"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="100"/>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="111"/>
        <source>the user closed the request</source>
        <translation>用户关闭了请求</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/serverrequestdialog.cpp" line="159"/>
        <source>the user declined the request</source>
        <translation>用户拒绝了请求</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::SettingsDialog</name>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="29"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="42"/>
        <source>e.g. DEEPSEEK_API_KEY</source>
        <translation>例如 DEEPSEEK_API_KEY</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="46"/>
        <source>Leave empty to keep the stored key</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="47"/>
        <source>Needs an API key</source>
        <translation>需要 API 密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="49"/>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="50"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="51"/>
        <source>Base URL</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="52"/>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="54"/>
        <source>Key name</source>
        <translation>密钥名称</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="55"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="56"/>
        <source>New profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="57"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="58"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="67"/>
        <source>Looking for Ollama and LM Studio on this computer…</source>
        <translation>正在查找本机上的 Ollama 和 LM Studio…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="81"/>
        <source>Model &amp;Providers</source>
        <translation>模型服务商(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="82"/>
        <source>&amp;Appearance and Language</source>
        <translation>外观与语言(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="101"/>
        <source>%1 is running at %2: use the profile “%3”.</source>
        <translation>%1 正在 %2 运行：请使用配置“%3”。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="144"/>
        <source>Fill in the provider&apos;s OpenAI-compatible base URL and model, then Save.</source>
        <translation>填写服务商的 OpenAI 兼容接口地址和模型，然后保存。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="163"/>
        <source>%1 is not valid JSON; fix or remove it first.</source>
        <translation>%1 不是有效的 JSON；请先修正或删除它。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="173"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="184"/>
        <source>The profile name may use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>配置名称只能使用字母、数字、“-”、“_”和“.”。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="186"/>
        <source>The base URL must start with http:// or https://.</source>
        <translation>接口地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="204"/>
        <source>Saved the profile “%1”.</source>
        <translation>已保存配置“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="211"/>
        <source>Saved the profile “%1”; its key is in the system keychain.</source>
        <translation>已保存配置“%1”；密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="225"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ToolPicker</name>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="114"/>
        <source>Choose a plugin first.</source>
        <translation>请先选择插件。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="116"/>
        <source>The workflow has no plugin &apos;%1&apos;.</source>
        <translation>工作流中没有插件“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="118"/>
        <source>Starting the plugin server to list its tools…</source>
        <translation>正在启动插件服务器以列出其工具…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="120"/>
        <source>The plugin server is not available: %1</source>
        <translation>插件服务器不可用：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/panels/toolpicker.cpp" line="122"/>
        <source>The plugin has no tool &apos;%1&apos;; choose one of its %n tool(s).</source>
        <translation>
            <numerusform>该插件没有工具“%1”；请从它的 %n 个工具中选择。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="159"/>
        <source>Arguments (JSON)</source>
        <translation>参数（JSON）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="166"/>
        <source>&lt;i&gt;This tool takes no arguments.&lt;/i&gt;</source>
        <translation>&lt;i&gt;此工具不需要参数。&lt;/i&gt;</translation>
    </message>
</context>
</TS>
