<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Commands</name>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="18"/>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="30"/>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="82"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="113"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="129"/>
        <source>Both ends of a connection must be nodes of this workflow.</source>
        <translation>连接的两端都必须是本工作流中的节点。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="131"/>
        <source>A node cannot be connected to itself.</source>
        <translation>节点不能连接到自身。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="134"/>
        <source>These nodes are already connected.</source>
        <translation>这两个节点已经连接。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="137"/>
        <source>This connection would make a loop; workflows run from start to end.</source>
        <translation>这条连接会形成环路；工作流只能从开始运行到结束。</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="143"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="162"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="241"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../widgets/document/commands.cpp" line="343"/>
        <source>Arrange</source>
        <translation>自动排列</translation>
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
    <name>QObject</name>
    <message>
        <location filename="../../app/mainwindow.cpp" line="62"/>
        <source>Untitled workflow</source>
        <translation>未命名工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="72"/>
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
        <location filename="../../widgets/plugins/catalogpage.cpp" line="48"/>
        <source>Search plugins (English or 中文)</source>
        <translation>搜索插件（中文或英文）</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="63"/>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="234"/>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="322"/>
        <source>&amp;Install</source>
        <translation>安装(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="64"/>
        <source>Download the server from npm now, so it starts at once and works offline</source>
        <translation>现在从 npm 下载该服务器，之后可立即启动并离线使用</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="65"/>
        <source>&amp;Add to Workflow</source>
        <translation>添加到工作流(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="170"/>
        <source>&lt;i&gt;No plugin matches.&lt;/i&gt;</source>
        <translation>&lt;i&gt;没有匹配的插件。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="184"/>
        <source>The name nodes use for this plugin in the workflow</source>
        <translation>工作流中的节点引用此插件时使用的名称</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="185"/>
        <source>Name in workflow *</source>
        <translation>工作流中的名称 *</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="192"/>
        <source>kept in the keychain, never in the workflow</source>
        <translation>保存在系统钥匙串中，绝不写入工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="194"/>
        <source>several: separate with ;</source>
        <translation>多个值请用 ; 分隔</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="196"/>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="218"/>
        <source>A remote server at %1</source>
        <translation>远程服务器：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="220"/>
        <source>npm package %1, installed</source>
        <translation>npm 包 %1，已安装</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="222"/>
        <source>npm package %1; downloaded by npx when first used, or install it now</source>
        <translation>npm 包 %1；首次使用时由 npx 下载，也可以现在安装</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="225"/>
        <source>Runs %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="232"/>
        <source>homepage</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="234"/>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="322"/>
        <source>Re&amp;install</source>
        <translation>重新安装(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="251"/>
        <source>The name must start with a letter and use only letters, digits, _ and -.</source>
        <translation>名称必须以字母开头，只能包含字母、数字、_ 和 -。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="253"/>
        <source>The workflow already has a plugin named &apos;%1&apos;; choose another name.</source>
        <translation>工作流中已有名为“%1”的插件，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="260"/>
        <source>Fill in %1: %2</source>
        <translation>请填写 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="291"/>
        <source>Add plugin %1</source>
        <translation>添加插件 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="292"/>
        <source>Added as &apos;%1&apos;. Its tools appear in the palette once its server has started.</source>
        <translation>已添加为“%1”。服务器启动后，它的工具会出现在节点面板中。</translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="294"/>
        <source>If %1 is not in the keychain yet, the server cannot start until you enter it.</source>
        <translation>如果钥匙串中还没有 %1，在你填写之前服务器无法启动。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plugins/catalogpage.cpp" line="313"/>
        <source>Installing… %n package(s) fetched, %1 s</source>
        <translation>
            <numerusform>正在安装… 已获取 %n 个包，%1 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/plugins/catalogpage.cpp" line="338"/>
        <source>&amp;Cancel Install</source>
        <translation>取消安装(&amp;C)</translation>
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
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="99"/>
        <source>If (%1)</source>
        <translation>如果（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="100"/>
        <source>Else if (%1)</source>
        <translation>否则如果（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="106"/>
        <source>Port label (shown on the canvas)</source>
        <translation>端口名称（显示在画布上）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="112"/>
        <source>all of these hold</source>
        <translation>以下条件全部成立</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="113"/>
        <source>any of these holds</source>
        <translation>以下任一条件成立</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="121"/>
        <source>Remove this case and the connections from its port</source>
        <translation>删除此分支及其端口上的连接</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="130"/>
        <source>+ Condition</source>
        <translation>+ 条件</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="152"/>
        <source>a value, e.g. {{llm_1.text}}</source>
        <translation>一个值，例如 {{llm_1.text}}</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="161"/>
        <source>compared with</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/conditionbuilder.cpp" line="196"/>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::DeployDialog</name>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="58"/>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="63"/>
        <source>This computer — a runtime the studio runs for you (no set-up)</source>
        <translation>本机 — 由工作室为你运行的运行时（无需配置）</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="64"/>
        <source>A remote runtime</source>
        <translation>远程运行时</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="65"/>
        <source>Kubernetes — write the manifests to a folder</source>
        <translation>Kubernetes — 把清单写入文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="76"/>
        <source>the runtime&apos;s admin token</source>
        <translation>运行时的管理令牌</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="79"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="83"/>
        <source>Anyone may call it without an API key</source>
        <translation>任何人无需 API 密钥即可调用</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="85"/>
        <source>App name</source>
        <translation>应用名称</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="86"/>
        <source>Deploy to</source>
        <translation>部署到</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="88"/>
        <source>Runtime URL</source>
        <translation>运行时地址</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="89"/>
        <source>Admin token</source>
        <translation>管理令牌</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="91"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="95"/>
        <source>Validate the workflow</source>
        <translation>校验工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="95"/>
        <source>Bundle it with its profiles, plugins and secrets</source>
        <translation>连同模型配置、插件和密钥一起打包</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="96"/>
        <source>Upload to the runtime</source>
        <translation>上传到运行时</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="96"/>
        <source>Smoke check: plugins start, keys are present</source>
        <translation>冒烟检查：插件能启动，密钥齐全</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="96"/>
        <source>Live</source>
        <translation>上线</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="105"/>
        <source>&amp;Deploy</source>
        <translation>部署(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="107"/>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="140"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="130"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="132"/>
        <source>API key (shown only now):</source>
        <translation>API 密钥（仅此一次显示）：</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="138"/>
        <source>Open &amp;Chat</source>
        <translation>打开对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="139"/>
        <source>Deploy &amp;Again</source>
        <translation>再次部署(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="169"/>
        <source>Folder for the manifests</source>
        <translation>存放清单的文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="226"/>
        <source>Give the app a name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64, beginning with a letter or digit).</source>
        <translation>请为应用起一个由字母、数字、“.”、“_”或“-”组成的名称（最多 64 个字符，以字母或数字开头）。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="228"/>
        <source>Give the remote runtime&apos;s URL and its admin token.</source>
        <translation>请填写远程运行时的地址和管理令牌。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="231"/>
        <source>This workflow comes from outside your projects and is not trusted: trust it first.</source>
        <translation>此工作流来自你的项目之外且未被信任：请先信任它。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="241"/>
        <source>The workflow has problems; fix them and deploy again:
%1</source>
        <translation>工作流有问题，请修正后重新部署：
%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="249"/>
        <source>The app cannot be bundled:
%1</source>
        <translation>无法打包该应用：
%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="250"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="258"/>
        <source>writing the manifests</source>
        <translation>正在写入清单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/deploy/deploydialog.cpp" line="263"/>
        <source>%n file(s) written</source>
        <translation>
            <numerusform>已写入 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="264"/>
        <source>runs in the cluster</source>
        <translation>在集群中进行</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="265"/>
        <source>after kubectl apply -k</source>
        <translation>执行 kubectl apply -k 之后</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="268"/>
        <source>The manifests are in %1. Apply them with:
  kubectl apply -k %1
README.md there lists every step.</source>
        <translation>清单已写入 %1。用以下命令应用：
  kubectl apply -k %1
其中的 README.md 列出了全部步骤。</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="302"/>
        <source>Could not reach the runtime at %1: %2</source>
        <translation>无法连接到 %1 的运行时：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="304"/>
        <source>The runtime refused the admin token: %1</source>
        <translation>运行时拒绝了管理令牌：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="306"/>
        <source>The smoke check failed, so the version already running (if any) goes on serving:
%1</source>
        <translation>冒烟检查未通过，正在运行的版本（如有）继续提供服务：
%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="309"/>
        <source>The runtime refused the app (HTTP %1): %2</source>
        <translation>运行时拒绝了该应用（HTTP %1）：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="318"/>
        <source>starting the runtime on this computer</source>
        <translation>正在本机启动运行时</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="339"/>
        <source>The app is live, but no API key could be made: %1</source>
        <translation>应用已上线，但无法创建 API 密钥：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="340"/>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="355"/>
        <source>&lt;h3&gt;&apos;%1&apos; is live (version %2)&lt;/h3&gt;&lt;p&gt;Chat page: %3&lt;br&gt;OpenAI-compatible: %4 (model &lt;code&gt;%1&lt;/code&gt;)&lt;br&gt;Run API: %5&lt;br&gt;MCP server: %6&lt;/p&gt;</source>
        <translation>&lt;h3&gt;“%1”已上线（版本 %2）&lt;/h3&gt;&lt;p&gt;对话页面：%3&lt;br&gt;OpenAI 兼容接口：%4（模型 &lt;code&gt;%1&lt;/code&gt;）&lt;br&gt;运行 API：%5&lt;br&gt;MCP 服务器：%6&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/deploy/deploydialog.cpp" line="386"/>
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
        <location filename="../../widgets/gallery/gallerybridge.cpp" line="50"/>
        <source>No project was made: the template was not trusted.</source>
        <translation>未创建项目：该模板未被信任。</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/gallerybridge.cpp" line="56"/>
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
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="92"/>
        <source>&lt;i&gt;Select a node to see its settings.&lt;/i&gt;</source>
        <translation>&lt;i&gt;选择一个节点以查看其设置。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="184"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="252"/>
        <source>Choose tool %1</source>
        <translation>选择工具 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/inspectorwidget.cpp" line="273"/>
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
        <location filename="../../app/mainwindow.cpp" line="91"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="95"/>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="120"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="126"/>
        <source>Before You Run</source>
        <translation>运行前检查</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="147"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/mainwindow.cpp" line="149"/>
        <source>%n problem(s); hover over a red node to read it.</source>
        <translation>
            <numerusform>%n 个问题；将鼠标悬停在红色节点上查看详情。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="162"/>
        <source>A plugin</source>
        <translation>一个插件</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="176"/>
        <source>Drag a node from the palette; drag from a port to connect.</source>
        <translation>从节点面板拖入节点；从端口拖出即可连接。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="194"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="195"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="199"/>
        <source>New from &amp;Template…</source>
        <translation>从模板新建(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="200"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="201"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="202"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="204"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="205"/>
        <source>P&amp;lugins…</source>
        <translation>插件(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="207"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="209"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="210"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="212"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="217"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="218"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="219"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="220"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="222"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="227"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="228"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="229"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="230"/>
        <source>Zoom to &amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="231"/>
        <source>&amp;Arrange</source>
        <translation>自动排列(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="235"/>
        <location filename="../../app/mainwindow.cpp" line="236"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="237"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="239"/>
        <source>&amp;Deploy…</source>
        <translation>部署(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="241"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="247"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="250"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="257"/>
        <source>The language changes the next time Flowdeck starts.</source>
        <translation>语言将在下次启动 Flowdeck 时生效。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="260"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="263"/>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="263"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="263"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="273"/>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="325"/>
        <source>The template gallery could not be shown; File → Open… and File → New still work.</source>
        <translation>无法显示模板库；“文件 → 打开…”和“文件 → 新建”仍可使用。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="365"/>
        <source>Project created in %1. Check “Before You Run”, then press Run (Ctrl+R).</source>
        <translation>项目已创建于 %1。请查看“运行前检查”，然后按“运行”（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="425"/>
        <source>The clipboard holds no Flowdeck nodes.</source>
        <translation>剪贴板中没有 Flowdeck 节点。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="453"/>
        <source>Open workflow</source>
        <translation>打开工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="453"/>
        <location filename="../../app/mainwindow.cpp" line="502"/>
        <source>Flowdeck workflows (*.flow.json)</source>
        <translation>Flowdeck 工作流 (*.flow.json)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="463"/>
        <location filename="../../app/mainwindow.cpp" line="470"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="463"/>
        <location filename="../../app/mainwindow.cpp" line="470"/>
        <source>%1 could not be opened:

%2</source>
        <translation>无法打开 %1：

%2</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="486"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="494"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="502"/>
        <source>Save workflow</source>
        <translation>保存工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="514"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="515"/>
        <source>The workflow has changes that are not saved. Save them?</source>
        <translation>工作流有尚未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="532"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="552"/>
        <source>an unsaved workflow</source>
        <translation>一个未保存的工作流</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="553"/>
        <location filename="../../app/mainwindow.cpp" line="567"/>
        <source>Recover work</source>
        <translation>恢复工作</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.cpp" line="554"/>
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
        <location filename="../../widgets/panels/palettewidget.cpp" line="28"/>
        <source>Basics</source>
        <translation>基础</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="30"/>
        <source>Models and agents</source>
        <translation>模型与智能体</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="32"/>
        <source>Logic</source>
        <translation>逻辑</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="34"/>
        <source>Transform</source>
        <translation>转换</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="36"/>
        <source>MCP tools</source>
        <translation>MCP 工具</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="38"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="40"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="64"/>
        <source>Search nodes…</source>
        <translation>搜索节点…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="125"/>
        <source>Plugin: %1</source>
        <translation>插件：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/palettewidget.cpp" line="140"/>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
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
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="123"/>
        <source>Model provider “%1” is not set up</source>
        <translation>模型服务“%1”尚未设置</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="123"/>
        <source>Set Up…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="128"/>
        <source>Model: %1 (%2)</source>
        <translation>模型：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="131"/>
        <source>no key needed</source>
        <translation>无需密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="134"/>
        <source>Add Key…</source>
        <translation>添加密钥…</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="144"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="150"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="152"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="154"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="156"/>
        <source>Plugin: %1</source>
        <translation>插件：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="145"/>
        <source>not in the catalog</source>
        <translation>不在插件目录中</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="150"/>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="152"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="245"/>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="154"/>
        <source>online service</source>
        <translation>在线服务</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="156"/>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="166"/>
        <source>Key: %1</source>
        <translation>密钥：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="166"/>
        <source>Set…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="176"/>
        <source>This workflow needs no model, plugin or key.</source>
        <translation>此工作流不需要模型、插件或密钥。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="178"/>
        <source>%n thing(s) to set up before the first run.</source>
        <translation>
            <numerusform>首次运行前还有 %n 项需要设置。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="179"/>
        <source>Everything this workflow needs is ready. Press Run (Ctrl+R).</source>
        <translation>此工作流所需的一切均已就绪。请按“运行”（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="187"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="190"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="194"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="214"/>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="201"/>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="202"/>
        <source>The value of %1 (kept in the keychain, never in the workflow):</source>
        <translation>%1 的值（保存在系统钥匙串中，绝不写入工作流）：</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="210"/>
        <source>%1 could not be saved: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="158"/>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="228"/>
        <source>installing…</source>
        <translation>正在安装…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="231"/>
        <source>installing… %n package(s), %1 s</source>
        <translation>
            <numerusform>正在安装… 已获取 %n 个包，%1 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="240"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/gallery/projectchecklist.cpp" line="242"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ProviderProbe</name>
    <message>
        <location filename="../../widgets/settings/providerprobe.cpp" line="53"/>
        <source>Connected: the model %1 answered.</source>
        <translation>已连接：模型 %1 已回应。</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunConsole</name>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="36"/>
        <source>As the workflow says</source>
        <translation>按工作流设置</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="39"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="40"/>
        <source>Run the workflow (F5)</source>
        <translation>运行工作流 (F5)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="41"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="42"/>
        <source>Stop the run (Shift+F5)</source>
        <translation>停止运行 (Shift+F5)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="45"/>
        <source>Model profile:</source>
        <translation>模型配置：</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="56"/>
        <source>The answer appears here as it streams.</source>
        <translation>回答会以流式方式显示在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="61"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="61"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="61"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="66"/>
        <source>Click a row to see that event&apos;s inputs and outputs as JSON.</source>
        <translation>点击一行，以 JSON 查看该事件的输入和输出。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="71"/>
        <source>What the nodes log during a run — tool progress, retries, errors — appears here.</source>
        <translation>运行期间节点记录的信息（工具进度、重试、错误）显示在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="73"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="74"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="129"/>
        <source>**Outputs**</source>
        <translation>**输出**</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="119"/>
        <location filename="../../widgets/panels/runconsole.cpp" line="131"/>
        <source>(run)</source>
        <translation>（运行）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="134"/>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="150"/>
        <source>Type a message and press Enter</source>
        <translation>输入消息后按回车</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="152"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="161"/>
        <source>, required</source>
        <translation>，必填</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="204"/>
        <source>Not run: this workflow comes from outside your projects and you have not trusted it. Nothing was started and no key was read.</source>
        <translation>未运行：此工作流来自你的项目之外，而你尚未信任它。没有启动任何内容，也没有读取任何密钥。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/runconsole.cpp" line="211"/>
        <source>The workflow cannot run yet:

%1</source>
        <translation>工作流还不能运行：

%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::RunController</name>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="148"/>
        <source>A run is already going; stop it first.</source>
        <translation>已有运行正在进行；请先停止它。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/run/runcontroller.cpp" line="176"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/run/runcontroller.cpp" line="191"/>
        <source>retrying (attempt %1) in %2 ms: %3</source>
        <translation>%2 毫秒后重试（第 %1 次）：%3</translation>
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
        <location filename="../../widgets/settings/settingsdialog.cpp" line="146"/>
        <source>Fill in the provider&apos;s OpenAI-compatible base URL and model, then Save.</source>
        <translation>填写服务商的 OpenAI 兼容接口地址和模型，然后保存。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="165"/>
        <source>%1 is not valid JSON; fix or remove it first.</source>
        <translation>%1 不是有效的 JSON；请先修正或删除它。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="175"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="186"/>
        <source>The profile name may use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>配置名称只能使用字母、数字、“-”、“_”和“.”。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="188"/>
        <source>The base URL must start with http:// or https://.</source>
        <translation>接口地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="206"/>
        <source>Saved the profile “%1”.</source>
        <translation>已保存配置“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="213"/>
        <source>Saved the profile “%1”; its key is in the system keychain.</source>
        <translation>已保存配置“%1”；密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/settingsdialog.cpp" line="227"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>flowdeck::studio::ToolPicker</name>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="116"/>
        <source>Choose a plugin first.</source>
        <translation>请先选择插件。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="118"/>
        <source>The workflow has no plugin &apos;%1&apos;.</source>
        <translation>工作流中没有插件“%1”。</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="120"/>
        <source>Starting the plugin server to list its tools…</source>
        <translation>正在启动插件服务器以列出其工具…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="122"/>
        <source>The plugin server is not available: %1</source>
        <translation>插件服务器不可用：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/panels/toolpicker.cpp" line="124"/>
        <source>The plugin has no tool &apos;%1&apos;; choose one of its %n tool(s).</source>
        <translation>
            <numerusform>该插件没有工具“%1”；请从它的 %n 个工具中选择。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="161"/>
        <source>Arguments (JSON)</source>
        <translation>参数（JSON）</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/toolpicker.cpp" line="168"/>
        <source>&lt;i&gt;This tool takes no arguments.&lt;/i&gt;</source>
        <translation>&lt;i&gt;此工具不需要参数。&lt;/i&gt;</translation>
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
        <location filename="../../widgets/run/trustgate.cpp" line="93"/>
        <source>The template “%1” (from %2)</source>
        <translation>模板“%1”（来自 %2）</translation>
    </message>
    <message>
        <location filename="../../widgets/run/trustgate.cpp" line="101"/>
        <source>This workflow</source>
        <translation>此工作流</translation>
    </message>
</context>
</TS>
