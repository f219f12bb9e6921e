#include "engine/core/messages.h"

#include <array>
#include <string_view>
#include <utility>
#include <vector>

namespace flowdeck::engine {

namespace {

// A run error's English, with {1}..{9} for its variable parts, and its Chinese.
struct Sentence {
    std::string_view en;
    std::string_view zh;
};

// Fixed sentences, and the model providers' errors (engine/model/chatclient.cpp). A
// pattern's parts are matched in order; when a pattern ends in a {n}, that part takes
// the rest of the text.
constexpr std::array kSentences = {
    // Iteration, loop, assigner and human input (engine/nodes/*).
    Sentence{"The iteration's list {1} is empty.", "迭代的列表 {1} 是空的。"},
    Sentence{"The iteration's list {1} is not a list but {2}.", "迭代的列表 {1} 不是列表，而是 {2}。"},
    Sentence{"The list has {1} items, more than the limit of {2} for one iteration.", "列表有 {1} 项，超过了一次迭代 {2} 项的上限。"},
    Sentence{"Item {1} of {2} failed at '{3}': {4}", "第 {1} 项（共 {2} 项）在“{3}”失败：{4}"},
    Sentence{"Item {1} of {2} failed: {3}", "第 {1} 项（共 {2} 项）失败：{3}"},
    Sentence{"Round {1} failed at '{2}': {3}", "第 {1} 轮在“{2}”失败：{3}"},
    Sentence{"Round {1} failed: {2}", "第 {1} 轮失败：{2}"},
    Sentence{"The loop's break condition: {1}", "循环的跳出条件：{1}"},
    Sentence{"There is no variable '{1}' to write here.", "这里没有可写入的变量“{1}”。"},
    Sentence{"The variable '{1}' cannot be divided by zero.", "变量“{1}”不能除以零。"},
    Sentence{"The variable '{1}' is not a list, so '{2}' cannot change it.", "变量“{1}”不是列表，不能用“{2}”修改。"},
    Sentence{"The variable '{1}' is not a number, so '{2}' cannot change it.", "变量“{1}”不是数字，不能用“{2}”修改。"},
    Sentence{"The field '{1}' is required.", "字段“{1}”必须填写。"},
    Sentence{"The field '{1}' needs a number.", "字段“{1}”需要填一个数字。"},
    Sentence{"The field '{1}' needs yes or no.", "字段“{1}”需要选择是或否。"},
    Sentence{"The field '{1}' must be one of its options.", "字段“{1}”必须是给定的选项之一。"},
    Sentence{"The form has no action '{1}'.", "表单没有“{1}”这个按钮。"},
    Sentence{"The form's values must be an object of field names and values.", "表单的值必须是字段名与值组成的对象。"},
    Sentence{"The stored run is not one this Flowdeck can continue.", "这个已保存的运行无法由此版本的 Flowdeck 继续。"},
    Sentence{"The stored run belongs to another version of the workflow; it cannot be continued.",
             "这个已保存的运行属于工作流的另一个版本，无法继续。"},
    Sentence{"No HTTP client is set up for this run.", "这次运行没有可用的 HTTP 客户端。"},
    Sentence{"No MCP plugin servers are set up for this run.", "这次运行没有设置 MCP 插件服务器。"},
    Sentence{"No model services are set up for this run.", "这次运行没有设置模型服务。"},
    Sentence{"The model was asked for JSON but answered with text that is not JSON.",
             "要求模型输出 JSON，但它的回答不是 JSON。可以再运行一次，或在提示词里写明只输出 JSON。"},
    Sentence{"The offline demo model could not answer this request.", "离线演示模型无法回答这个请求。"},
    Sentence{"The plugin server was closed.", "插件服务器已关闭。"},
    // A deployed runtime's forms and file inputs (runtime/serve/formsapi.cpp, uploads.cpp).
    Sentence{"The answer must be a JSON object: {\"action\": \"<button id>\", \"values\": {...}}.",
             "回应必须是一个 JSON 对象：{\"action\": \"<按钮 ID>\", \"values\": {...}}。"},
    Sentence{"'timeout' is not a button of the form: it is taken when the form's time limit passes.",
             "“timeout”不是表单的按钮：表单超过时限时才会走这个分支。"},
    Sentence{"There is no form waiting for the token '{1}': it was answered already, or never existed.",
             "没有等待令牌“{1}”的表单：它已经被回应过，或者从未存在。"},
    Sentence{"The run waits on version {1} of '{2}', which is no longer on this runtime; it cannot go on.",
             "这个运行停在“{2}”的第 {1} 版上，而这个版本已不在此运行环境中，运行无法继续。"},
    Sentence{"The run paused for human input, but it could not be kept: {1}", "运行已暂停等待人工回应，但无法保存：{1}"},
    Sentence{"A file was uploaded as '{1}', but the app has no file input of that name.",
             "上传了名为“{1}”的文件，但应用没有这个名称的文件输入。"},
    Sentence{"The file for the input '{1}' is larger than {2}, the most it takes.", "输入“{1}”的文件超过了 {2}，这是它能接受的上限。"},
    Sentence{"The input '{1}' is a file: send {\"name\", \"type\", \"data\": base64} or upload it as multipart/form-data.",
             "输入“{1}”是文件：请发送 {\"name\", \"type\", \"data\": base64}，或以 multipart/form-data 上传。"},
    Sentence{"The file for the input '{1}' is not valid base64.", "输入“{1}”的文件不是有效的 base64。"},
    Sentence{"The input '{1}' takes files of these types: {2}; '{3}' ({4}) is not one of them.",
             "输入“{1}”只接受这些类型的文件：{2}；“{3}”（{4}）不在其中。"},
    Sentence{"The file for the input '{1}' could not be stored: {2}.", "输入“{1}”的文件无法保存：{2}。"},
    Sentence{"The key for {1} was refused (HTTP 401). Check it in {2}.", "{1}拒绝了这个密钥（HTTP 401）。请在{2}中检查。"},
    Sentence{"The key for {1} was refused. Check it in {2}.", "{1}拒绝了这个密钥。请在{2}中检查。"},
    Sentence{"The key for {1} may not use the model '{2}' (HTTP 403). Enable the model for this key on the provider's "
             "site, or choose another model in the workflow's Models settings.",
             "{1}的这个密钥不能使用模型“{2}”（HTTP 403）。请在服务商网站上为这个密钥开通该模型，或在工作流的“模型”设置中换一个模型。"},
    Sentence{"{1} does not know the model '{2}' (HTTP 404). Choose another model in the workflow's Models settings (or "
             "with --model), or check the base URL of the profile in Settings → Model providers.",
             "{1}没有模型“{2}”（HTTP 404）。请在工作流的“模型”设置中换一个模型（或用 --model），或在“设置 → 模型服务商”中检查基础地址。"},
    Sentence{"{1} does not know the model '{2}'. Choose another model in the workflow's Models settings (or with --model).",
             "{1}没有模型“{2}”。请在工作流的“模型”设置中换一个模型（或用 --model）。"},
    Sentence{"{1} is limiting requests (HTTP 429): too many at once, or the quota of this key is used up. Wait a minute "
             "and run again, or check the plan and balance on the provider's site.",
             "{1}正在限制请求（HTTP 429）：同时请求太多，或这个密钥的额度已用完。请等一分钟再运行，或到服务商网站查看套餐和余额。"},
    Sentence{"{1} is limiting requests: too many at once, or the quota of this key is used up. Wait a minute and run again.",
             "{1}正在限制请求：同时请求太多，或这个密钥的额度已用完。请等一分钟再运行。"},
    Sentence{"{1} had a problem answering (HTTP {2}). Run again in a few minutes; if it keeps happening, check the "
             "provider's status page or choose another provider.",
             "{1}回答时出了问题（HTTP {2}）。请过几分钟再运行；如果一直这样，请查看服务商的状态页面或换一个服务商。"},
    Sentence{"{1} could not take the request just now (HTTP {2}). Run again in a moment.",
             "{1}暂时无法处理这个请求（HTTP {2}）。请稍后再运行。"},
    Sentence{"{1} refused the request (HTTP {2}). Check the node's settings (model, output format, max tokens) and run again.",
             "{1}拒绝了这个请求（HTTP {2}）。请检查节点的设置（模型、输出格式、最大 token 数）后再运行。"},
    Sentence{"{1} refused the request: {2}. Check the node's settings (model, output format, max tokens) and run again.",
             "{1}拒绝了这个请求：{2}。请检查节点的设置（模型、输出格式、最大 token 数）后再运行。"},
    Sentence{"{1} stopped its answer with an error: {2}. Run again; if it keeps happening, choose another model.",
             "{1}回答到一半报错：{2}。请再运行一次；如果一直这样，请换一个模型。"},
    Sentence{"{1} answered with something that is not a chat completion (HTTP {2}). Check the base URL of the profile in "
             "Settings → Model providers: it must be an OpenAI-compatible address, usually ending in /v1.",
             "{1}的回答不是对话补全（HTTP {2}）。请在“设置 → 模型服务商”中检查基础地址：它必须是兼容 OpenAI 的地址，通常以 /v1 结尾。"},
    Sentence{"{1} sent an answer that is not JSON, so it is not a chat completion. Check the base URL of the profile in "
             "Settings → Model providers.",
             "{1}发来的回答不是 JSON，所以不是对话补全。请在“设置 → 模型服务商”中检查基础地址。"},
    Sentence{"{1} sent a stream this program cannot read. Try again, or choose another model.",
             "{1}发来的流式回答无法读取。请再试一次，或换一个模型。"},
    Sentence{"{1} did not answer in time. Run again; if it keeps happening, choose a faster model or raise the node's timeout.",
             "{1}没有及时回答。请再运行一次；如果一直这样，请换一个更快的模型或调高节点的超时。"},
    Sentence{"Could not connect to {1} at {2}. Check the internet connection (and proxy), or, for a service on this "
             "computer, that it is running; then check the base URL in Settings → Model providers.",
             "无法连接到{1}（{2}）。请检查网络连接（和代理）；如果服务在本机，请确认它正在运行；然后在“设置 → 模型服务商”中检查基础地址。"},
    Sentence{"Flowdeck could not call {1}: {2}. Check the base URL of the profile in Settings → Model providers.",
             "Flowdeck 无法调用{1}：{2}。请在“设置 → 模型服务商”中检查基础地址。"},
    Sentence{"The connection to {1} failed before the answer was complete. Run again.", "与{1}的连接在回答完成前中断了。请再运行一次。"},
    Sentence{"The answer from {1} stopped in the middle: the stream ended without [DONE]. Run again.",
             "{1}的回答中途停止了：流式回答没有以 [DONE] 结束。请再运行一次。"},
    // The knowledge node (engine/knowledge/knowledgeretrieval.cpp, knowledgelibrary.cpp).
    Sentence{"Knowledge bases are not available to this run. Open the workflow from its project folder, or deploy it "
             "again so its bases go with it.",
             "这次运行无法使用知识库。请从项目文件夹打开工作流，或重新部署，让知识库随应用一起上传。"},
    Sentence{"The query is empty: the knowledge node's Query rendered to no text.", "检索问题为空：知识检索节点的“检索问题”没有生成任何文字。"},
    Sentence{"The knowledge node names no knowledge base.", "知识检索节点没有选择知识库。"},
    Sentence{"The knowledge base '{1}' was not deployed with this app. Deploy the app again from the studio or with "
             "`flowdeck deploy`.",
             "知识库“{1}”没有随这个应用部署。请在工作室中或用 `flowdeck deploy` 重新部署应用。"},
    Sentence{"There is no knowledge base '{1}' in {2}. Create it in the Knowledge panel or with `flowdeck kb create {3}`.",
             "{2} 中没有知识库“{1}”。请在“知识库”面板中创建，或运行 `flowdeck kb create {3}`。"},
    Sentence{"The knowledge base '{1}' has no documents yet. Add documents to it first.", "知识库“{1}”还没有文档。请先添加文档。"},
    Sentence{"The knowledge base '{1}' has no embeddings profile, so it cannot be searched by vector. Choose keyword or "
             "hybrid search, or set an embeddings profile in the base's settings and re-embed it.",
             "知识库“{1}”没有设置向量模型，无法按向量检索。请改用关键词或混合检索，或在知识库设置中选择向量模型后重新生成向量。"},
    Sentence{"The knowledge base '{1}' has no vectors yet, so it cannot be searched by vector. Embed it first (Knowledge "
             "panel, or `flowdeck kb reindex {2}`), or choose keyword or hybrid search.",
             "知识库“{1}”还没有向量，无法按向量检索。请先生成向量（“知识库”面板，或运行 `flowdeck kb reindex {2}`），或改用关键词或混合检索。"},
    Sentence{"The question could not be embedded for the knowledge base '{1}': {2}", "无法为知识库“{1}”生成问题的向量：{2}"},
    Sentence{"Searching the knowledge base '{1}' failed: {2}", "检索知识库“{1}”失败：{2}"},
    Sentence{"Rerank failed: {1}", "重排序失败：{1}"},
    // Documents a knowledge base could not read (engine/knowledge/parse, knowledgeingest.cpp).
    Sentence{"'{1}' is not a PDF file or is damaged.", "“{1}”不是 PDF 文件，或文件已损坏。"},
    Sentence{"'{1}' is not a Word (.docx) file or is damaged.", "“{1}”不是 Word（.docx）文件，或文件已损坏。"},
    Sentence{"'{1}' is not an Excel (.xlsx) file or is damaged.", "“{1}”不是 Excel（.xlsx）文件，或文件已损坏。"},
    Sentence{"'{1}' is not an HTML file or is damaged.", "“{1}”不是 HTML 文件，或文件已损坏。"},
    Sentence{"'{1}' is not {2} file or is damaged.", "“{1}”无法读取，或文件已损坏。"},
    Sentence{"'{1}' contains no text that could be read.{2}", "“{1}”中没有可读取的文字。{2}"},
    Sentence{"'{1}' is protected by a password; save it without one and add it again.",
             "“{1}”有密码保护；请另存为无密码的文件后再添加。"},
    Sentence{"'{1}' has no text to search after cleaning.", "“{1}”清理后没有可检索的文字。"},
    Sentence{"'{1}' page {2} has no text layer and OCR is not available: install tesseract-ocr.",
             "“{1}”第 {2} 页没有文字层，且无法进行 OCR 识别：请安装 tesseract-ocr。"},
    Sentence{"'{1}' is larger than {2} MB, the largest file a knowledge base reads.", "“{1}”超过 {2} MB，这是知识库能读取的最大文件。"},
    Sentence{"'{1}' unpacks to more than {2} MB; it is too large to read or is a zip bomb.",
             "“{1}”解压后超过 {2} MB：文件太大，或是恶意压缩包。"},
    Sentence{"'{1}' does not exist or is not a file.", "“{1}”不存在或不是文件。"},
    Sentence{"'{1}' cannot be read: files of type '{2}' are not supported (supported: txt, md, html, pdf, docx, xlsx, csv, pptx).",
             "无法读取“{1}”：不支持“{2}”类型的文件（支持：txt、md、html、pdf、docx、xlsx、csv、pptx）。"},
    Sentence{"'{1}' is not a kind of file a knowledge base reads (txt, md, html, pdf, docx, xlsx, csv, pptx).",
             "“{1}”不是知识库能读取的文件类型（txt、md、html、pdf、docx、xlsx、csv、pptx）。"},
    Sentence{"Page {1} has no text layer; its text was read by OCR.", "第 {1} 页没有文字层，其文字由 OCR 识别。"},
    Sentence{"Rerank is on but names no profile, and the base has no embeddings profile to use instead. Choose a rerank "
             "profile or turn rerank off.",
             "已开启重排序，但没有选择服务商，知识库也没有可代替的向量模型服务商。请选择重排序服务商，或关闭重排序。"},
    // The classifier, extractor, document and list nodes (engine/nodes).
    Sentence{"The classifier's input is empty: its Input field rendered to no text.",
             "问题分类器的输入为空：它的“输入”没有生成任何文字。"},
    Sentence{"The extractor's input is empty: its Input field rendered to no text.",
             "参数提取器的输入为空：它的“输入”没有生成任何文字。"},
    Sentence{"The document node was given no file: {1} is empty.", "文档提取器没有拿到文件：{1} 为空。"},
    Sentence{"Item {1} of {2} is not a file: give a path, or an object with a \"path\".",
             "{2} 的第 {1} 项不是文件：请给出路径，或带有 \"path\" 的对象。"},
    Sentence{"'{1}' cannot be read: its type is not supported (supported: txt, md, html, pdf, docx, xlsx, csv, pptx).",
             "无法读取“{1}”：不支持这种文件类型（支持：txt、md、html、pdf、docx、xlsx、csv、pptx）。"},
    Sentence{"'{1}' could not be opened: check that it exists and can be read.", "无法打开“{1}”：请确认文件存在且可以读取。"},
    Sentence{"'{1}' could not be read: {2}.", "无法读取“{1}”：{2}。"},
    Sentence{"The list node's input {1} is not a list: it is empty (check that the node it names ran before this one "
             "and has that output).",
             "列表操作的输入 {1} 不是列表：它是空的（请确认它引用的节点在此之前运行，并且有这个输出）。"},
    Sentence{"The list node's input {1} is not a list: it is text (\"{2}\").", "列表操作的输入 {1} 不是列表：它是文字（“{2}”）。"},
    Sentence{"The list node's input {1} is not a list: it is a number.", "列表操作的输入 {1} 不是列表：它是数字。"},
    Sentence{"The list node's input {1} is not a list: it is true or false.", "列表操作的输入 {1} 不是列表：它是布尔值。"},
    Sentence{"The list node's input {1} is not a list: it is an object.", "列表操作的输入 {1} 不是列表：它是对象。"},
    Sentence{"The pattern \"{1}\" is not a valid regular expression: {2}", "“{1}”不是有效的正则表达式：{2}"},
    Sentence{"The comparison '{1}' on \"{2}\" needs a number to compare with, but got \"{3}\".",
             "对“{2}”的比较“{1}”需要一个数字作为比较值，但得到的是“{3}”。"},
    // The code node and its sandbox (engine/nodes/codenode.cpp, engine/sandbox).
    Sentence{"No code sandbox is set up for this run.", "这次运行没有可用的代码沙箱。"},
    Sentence{"The code ran longer than its CPU limit of {1}. Make it do less, or raise the limit in the node's settings.",
             "代码运行超过了 CPU 时间上限 {1}。请减少代码的工作量，或在节点设置中调高上限。"},
    Sentence{"The code took longer than its time limit of {1}. Make it do less, or raise the limit in the node's settings.",
             "代码运行超过了时间上限 {1}。请减少代码的工作量，或在节点设置中调高上限。"},
    Sentence{"The code used more than {1} MiB of memory. Make it hold less at once, or raise the limit in the node's "
             "settings.",
             "代码使用的内存超过了 {1} MiB。请减少同时占用的数据，或在节点设置中调高上限。"},
    Sentence{"The code returned more than {1} KiB. Return less, or raise the limit in the node's settings.",
             "代码返回的结果超过了 {1} KiB。请少返回一些，或在节点设置中调高上限。"},
    Sentence{"The code printed more than {1} KiB. Print less, or raise the limit in the node's settings.",
             "代码打印的内容超过了 {1} KiB。请少打印一些，或在节点设置中调高上限。"},
    Sentence{"The code has a syntax error on line {1}: {2}", "代码第 {1} 行有语法错误：{2}"},
    Sentence{"The code has a syntax error: {1}", "代码有语法错误：{1}"},
    Sentence{"The code failed on line {1}: {2}", "代码在第 {1} 行出错：{2}"},
    Sentence{"The code failed: {1}", "代码出错：{1}"},
    Sentence{"The code defines no function main. Write def main(...) -> dict: and return a dict.",
             "代码中没有 main 函数。请编写 def main(...) -> dict:，并返回一个字典。"},
    Sentence{"The code defines no function main. Write function main({...}) { return {...} }.",
             "代码中没有 main 函数。请编写 function main({...}) { return {...} }。"},
    Sentence{"main() cannot take the inputs given ({1}): {2}", "main() 无法接收给定的输入（{1}）：{2}"},
    Sentence{"main must return a dict, but it returned {1}.", "main 必须返回一个字典，但它返回了 {1}。"},
    Sentence{"main must return an object, but it returned {1}.", "main 必须返回一个对象，但它返回了 {1}。"},
    Sentence{"The result cannot be turned into JSON: {1}", "结果无法转换为 JSON：{1}"},
    Sentence{"The code did not return an object.", "代码没有返回对象。"},
    Sentence{"The code returned no field '{1}', which the node declares as {2}.", "代码没有返回字段“{1}”，而节点声明它的类型为 {2}。"},
    Sentence{"The code's output '{1}' has the type {2}, but the node declares it as {3}.",
             "代码的输出“{1}”的类型是 {2}，但节点声明它的类型为 {3}。"},
    Sentence{"The code was cancelled.", "代码已取消运行。"},
    Sentence{"The code sandbox was shut down.", "代码沙箱已关闭。"},
    Sentence{"The code sandbox could not start: {1}", "代码沙箱无法启动：{1}"},
    Sentence{"The code sandbox's worker {1}.", "代码沙箱的工作进程出错：{1}。"},
    Sentence{"The code sandbox answered without the code's result.", "代码沙箱的回答中没有代码的结果。"},
    Sentence{"The code sandbox could not read the call: {1}", "代码沙箱无法读取这次调用：{1}"},
    Sentence{"The code's process {1} before main returned: {2}", "代码的进程在 main 返回前结束了（{1}）：{2}"},
    Sentence{"The code's process {1} before main returned.", "代码的进程在 main 返回前结束了（{1}）。"},
    Sentence{"Python 3 is not installed (looked for {1}). Install the python3 and python3-jinja2 packages.",
             "没有安装 Python 3（查找了 {1}）。请安装 python3 和 python3-jinja2 软件包。"},
    Sentence{"Node.js is not installed (looked for node on PATH and {1}). Install the nodejs package.",
             "没有安装 Node.js（在 PATH 和 {1} 中查找了 node）。请安装 nodejs 软件包。"},
    Sentence{"The code sandbox program is missing ({1}). Reinstall Flowdeck, or set FLOWDECK_SANDBOX_BINARY to "
             "flowdeck-sandbox.",
             "缺少代码沙箱程序（{1}）。请重新安装 Flowdeck，或把 FLOWDECK_SANDBOX_BINARY 设为 flowdeck-sandbox。"},
    // Dify import report and the placeholder node (engine/import, engine/nodes/placeholdernode.cpp).
    Sentence{"Flowdeck sends the model only the temperature and the most tokens; these settings are not sent: {1}.",
             "Flowdeck 只向模型发送温度和最大 token 数；这些设置没有发送：{1}。"},
    Sentence{"Flowdeck has no plugin for Dify's tool {1}; the agent runs without it.",
             "Flowdeck 没有 Dify 工具 {1} 对应的插件；智能体将不带这个工具运行。"},
    Sentence{"Dify sent as much of the conversation as fits the model; Flowdeck sends the last 50 turns.",
             "Dify 会发送模型能容纳的全部对话；Flowdeck 发送最近 50 轮。"},
    Sentence{"The opening statement is shown as written: the values of the form's fields are not put into it.",
             "开场白按原文显示：不会把表单字段的值填进去。"},
    Sentence{"Only chat apps open with a greeting and suggested questions; this app is not a chat.",
             "只有对话应用才有开场白和推荐问题；这个应用不是对话应用。"},
    Sentence{"Flowdeck offers at most 10 suggested questions; the others were left out.",
             "Flowdeck 最多提供 10 个推荐问题；其余的已省略。"},
    Sentence{"The agent's MCP server at {1} is given by an address that holds a key (or hides one); add it to the workflow's "
             "plugins (Plugins → Import, an mcpServers file with its url) and give it to this agent.",
             "智能体的 MCP 服务器 {1} 的地址中含有（或隐去了）密钥；请把它加入工作流的插件（插件 → 导入，一个写有其 url 的 "
             "mcpServers 文件），再交给这个智能体。"},
    Sentence{"The agent's MCP server at {1} became the plugin '{2}'; all of its tools are offered to the agent.",
             "智能体的 MCP 服务器 {1} 已成为插件“{2}”；它的所有工具都提供给智能体。"},
    Sentence{"The agent's MCP server is not given as an http(s) address; add the server as a plugin (Plugins → Import, an "
             "mcpServers file with its url) and give it to this agent.",
             "智能体的 MCP 服务器不是以 http(s) 地址给出的；请把服务器加为插件（插件 → 导入，一个写有其 url 的 mcpServers "
             "文件），再交给这个智能体。"},
    Sentence{"Flowdeck's agent has no setting like the '{1}' strategy's '{2}'; it was left out. Put what it says into the "
             "instructions if the agent needs it.",
             "Flowdeck 的智能体没有与“{1}”策略的“{2}”对应的设置；它已省略。如果智能体需要，请把其内容写进指令。"},
    Sentence{"The Dify knowledge base {1} was created empty as '{2}'; add its documents (Knowledge panel, or `flowdeck kb add {3} FILES`).",
             "Dify 知识库 {1} 已创建为空的“{2}”；请添加它的文档（知识库面板，或 `flowdeck kb add {3} FILES`）。"},
    Sentence{"The passages found are added to the prompt under \"Use the following context to answer\", where Dify added them with its own wording.",
             "检索到的段落加在提示词的“Use the following context to answer”之后，Dify 原来用的是它自己的措辞。"},
    Sentence{"Flowdeck does not suggest follow-up questions after an answer.",
             "Flowdeck 不在回答后推荐追问。"},
    Sentence{"Flowdeck has no voice input.",
             "Flowdeck 没有语音输入。"},
    Sentence{"Flowdeck does not read answers aloud.",
             "Flowdeck 不朗读回答。"},
    Sentence{"Flowdeck has no annotated replies; the annotations stay in Dify.",
             "Flowdeck 没有标注回复；标注保留在 Dify 中。"},
    Sentence{"Flowdeck has no \"more like this\" button.",
             "Flowdeck 没有“更多类似的”按钮。"},
    Sentence{"Files attached to chat messages are not carried over; add a file input to the start node instead.",
             "对话消息附带的文件没有迁移；请改为在开始节点添加文件输入。"},
    Sentence{"Dify's content moderation was not carried over; set up Flowdeck's content safety (Workflow → Content Safety).",
             "Dify 的内容审查没有迁移；请设置 Flowdeck 的内容安全（工作流 → 内容安全）。"},
    Sentence{"Flowdeck's LLM node sends text only; the images Dify passed to the model are not sent.",
             "Flowdeck 的大模型节点只发送文本；Dify 传给模型的图片不会发送。"},
    Sentence{"Flowdeck always keeps a model's reasoning apart, in the 'reasoning' output.",
             "Flowdeck 总是把模型的推理过程单独放在“reasoning”输出中。"},
    Sentence{"The connection leaves {1} from a branch that no longer exists; it was left out.",
             "这条连线从 {1} 的一个已不存在的分支出发，已省略。"},
    Sentence{"The connection points at a node that is not in the file; it was left out.",
             "这条连线指向文件中不存在的节点，已省略。"},
    Sentence{"The connection crosses the edge of an iteration or loop, which Flowdeck does not allow; it was left out.",
             "这条连线跨过了迭代或循环的边界，Flowdeck 不允许这样连接，已省略。"},
    Sentence{"The connection leaves {1} on failure, but the node does not branch on failure; it was left out.",
             "这条连线在 {1} 失败时出发，但该节点失败时不走分支，已省略。"},
    Sentence{"The Jinja2 template uses more than variables (tags, filters or expressions); a Python code node renders it with Jinja2, with the same result.",
             "这个 Jinja2 模板不只是变量（有标签、过滤器或表达式）；改由 Python 代码节点用 Jinja2 渲染，结果相同。"},
    Sentence{"Flowdeck's aggregate node joins one value; the groups became a small Python node that gives each group's first value that is not empty.",
             "Flowdeck 的变量聚合节点只汇合一个值；分组改成了一个小的 Python 节点，给出每组第一个非空的值。"},
    Sentence{"When the node fails, Dify went on with the values set for {1}; Flowdeck goes on with empty outputs and the error in {2}.",
             "节点失败时，Dify 用为 {1} 设定的值继续；Flowdeck 以空输出继续，错误信息在 {2} 中。"},
    Sentence{"This node was imported from Dify's tool {1}, which Flowdeck has no plugin for; replace it with an MCP tool, HTTP or code node.",
             "这个节点导入自 Dify 的工具 {1}，Flowdeck 没有对应的插件；请换成 MCP 工具、HTTP 或代码节点。"},
    Sentence{"The node '{1}' was imported from Dify's tool {2}, which Flowdeck has no plugin for; replace it with an MCP tool, HTTP or code node that does the same.",
             "节点“{1}”导入自 Dify 的工具 {2}，Flowdeck 没有对应的插件；请换成功能相同的 MCP 工具、HTTP 或代码节点。"},
    Sentence{"The node '{1}' was imported from Dify's '{2}' node, which Flowdeck has no equivalent for; replace it with nodes that do the same.",
             "节点“{1}”导入自 Dify 的“{2}”节点，Flowdeck 没有对应的节点；请换成功能相同的节点。"},
    Sentence{"Flowdeck has no node like Dify's '{1}'; replace this placeholder with nodes that do the same.",
             "Flowdeck 没有类似 Dify“{1}”的节点；请把这个待替换节点换成功能相同的节点。"},
    Sentence{"Flowdeck's start node takes one file per input; '{1}' now takes a single file. Add more file inputs if the app needs several.",
             "Flowdeck 的开始节点每个输入只接收一个文件；“{1}”现在只接收一个文件。应用需要多个文件时请添加更多文件输入。"},
    Sentence{"The page is read by the fetch plugin on this computer instead of Jina's reader service.",
             "网页改由本机的 fetch 插件读取，而不是 Jina 的阅读服务。"},
    Sentence{"The search runs on Brave Search instead of DuckDuckGo, and needs a Brave API key.",
             "搜索改用 Brave Search 而不是 DuckDuckGo，需要 Brave 的 API 密钥。"},
    Sentence{"Dify let a model pick one knowledge base per question; Flowdeck searches all of them and keeps the best passages.",
             "Dify 让模型为每个问题挑选一个知识库；Flowdeck 搜索全部知识库并保留最相关的段落。"},
    Sentence{"Dify's metadata filters were not carried over; Flowdeck filters by file name, type, tag and date instead.",
             "Dify 的元数据过滤没有迁移；Flowdeck 改按文件名、类型、标签和日期过滤。"},
    Sentence{"Reranking is on: choose the provider profile that reranks (Rerank profile) for it to work.",
             "已开启重排序：请选择负责重排序的服务商配置（重排序配置）才能生效。"},
    Sentence{"Flowdeck has no preset for the provider '{1}'. Create a provider profile named '{2}' in Settings → Models (its base URL and API key), or choose another profile for this model.",
             "Flowdeck 没有服务商“{1}”的预设。请在 设置 → 模型 中创建名为“{2}”的服务商配置（接口地址和 API 密钥），或为这个模型选择其他配置。"},
    Sentence{"The {1} plugin needs the secret {2}; set it in Settings → Secrets before running.",
             "{1} 插件需要密钥 {2}；运行前请在 设置 → 密钥 中设置。"},
    Sentence{"The secret {1} has no value in the file; set it in Settings → Secrets.",
             "文件中没有密钥 {1} 的值；请在 设置 → 密钥 中设置。"},
    Sentence{"The secret {1} is used here, but Flowdeck lets secrets only into HTTP headers and plugin settings, so it never reaches a model or a log. Move it into a header.",
             "这里用到了密钥 {1}，但 Flowdeck 只允许在 HTTP 请求头和插件设置中使用密钥，以免它被发给模型或写进日志。请把它移到请求头中。"},
    Sentence{"Flowdeck has no files attached to a chat message; add a file input to the start node and use it here.",
             "Flowdeck 的对话消息不附带文件；请在开始节点添加文件输入，并在这里使用它。"},
    Sentence{"sys.{1} exists only in chat apps; this workflow has no chat message, so the value was left empty.",
             "sys.{1} 只存在于对话应用中；这个工作流没有对话消息，因此这个值留空。"},
    Sentence{"Flowdeck has no sys.{1}; the value was left empty.",
             "Flowdeck 没有 sys.{1}；这个值留空。"},
    Sentence{"It refers to a node that is not in the file; the value was left empty.",
             "它引用了文件中不存在的节点；这个值留空。"},
    Sentence{"It refers to a node that was not carried over; the value was left empty.",
             "它引用了一个没有迁移的节点；这个值留空。"},
    Sentence{"Flowdeck's {1} node has no output like Dify's '{2}'; the value was left empty.",
             "Flowdeck 的 {1} 节点没有与 Dify 的“{2}”对应的输出；这个值留空。"},
    Sentence{"The text has double braces that are not a Dify reference; Flowdeck would read them as one, so they are written \"{ {\".",
             "文本中有不是 Dify 引用的双花括号；Flowdeck 会把它们当作引用，因此写成了“{ {”。"},
    Sentence{"The file declares no environment variable {1}.",
             "文件中没有声明环境变量 {1}。"},
    Sentence{"The file declares no conversation variable {1}.",
             "文件中没有声明会话变量 {1}。"},
    Sentence{"Flowdeck's HTTP node does not send a file as the body; the body was left out.",
             "Flowdeck 的 HTTP 节点不能把文件作为请求体发送；请求体已省略。"},
    Sentence{"Flowdeck always checks the server's certificate; requests to a server without a valid one will fail.",
             "Flowdeck 总是校验服务器证书；请求没有有效证书的服务器会失败。"},
    Sentence{"Flowdeck sends form fields URL-encoded, not as multipart form data; most services accept both.",
             "Flowdeck 以 URL 编码发送表单字段，而不是 multipart 表单；多数服务两种都接受。"},
    Sentence{"None of the agent's tools has a Flowdeck plugin, so it became an LLM node with the same instructions.",
             "这个智能体的工具都没有对应的 Flowdeck 插件，因此改成了指令相同的大模型节点。"},
    Sentence{"Flowdeck's agent calls tools through the model's function calling, not the '{1}' strategy.",
             "Flowdeck 的智能体通过模型的函数调用来调用工具，而不是“{1}”策略。"},
    Sentence{"Flowdeck's LLM node sends one system and one user message; the {1} user and assistant messages were joined into the prompt, each marked with its role.",
             "Flowdeck 的大模型节点只发送一条系统消息和一条用户消息；这 {1} 条用户和助手消息已合并进提示词，并各自标明角色。"},
    Sentence{"This prompt uses Jinja2 logic, which Flowdeck prompts do not run; the plain version of the prompt was kept. Rewrite the logic with a template or code node before this one.",
             "这个提示词用了 Jinja2 逻辑，Flowdeck 的提示词不会执行；保留了提示词的普通版本。请在这个节点之前用模板或代码节点重写这段逻辑。"},
    Sentence{"The file was made by a newer Dify than Flowdeck knows (DSL 0.6); fields added since were not read.",
             "这个文件由比 Flowdeck 所知更新的 Dify 生成（DSL 0.6）；之后新增的字段没有读取。"},
    Sentence{"The file is not a Dify app: it has no 'app' section. Export the app from Dify again (Export DSL).",
             "这个文件不是 Dify 应用：没有“app”部分。请在 Dify 中重新导出应用（导出 DSL）。"},
    Sentence{"line {1}, column {2}: The file is not valid YAML: {3}.",
             "第 {1} 行第 {2} 列：这个文件不是有效的 YAML：{3}。"},
    Sentence{"Flowdeck's condition node cannot test the name, type or size of files in a list; this test was left out.",
             "Flowdeck 的条件节点不能判断列表中文件的名称、类型或大小；这个条件已省略。"},
    Sentence{"Flowdeck has no comparison like \"{1}\"; this test was left out of the case.",
             "Flowdeck 没有类似“{1}”的比较；这个条件已从该分支中省略。"},
    Sentence{"Flowdeck's assigner writes conversation variables and loop variables only; this one is neither.",
             "Flowdeck 的变量赋值节点只写会话变量和循环变量；这个变量两者都不是。"},
    Sentence{"Dify's external data tools have no Flowdeck equivalent; call the service with an HTTP node.",
             "Dify 的外部数据工具在 Flowdeck 中没有对应功能；请用 HTTP 节点调用该服务。"},
    Sentence{"The setting {1} holds a key; it became the secret {2}, so its value is kept in the secret store and never "
             "written into the workflow.",
             "设置 {1} 里是一个密钥；它已改为密钥 {2}，值保存在密钥库中，不会写进工作流。"},
    Sentence{"This text holds what looks like a key or password. Flowdeck keeps keys out of workflows: store it as a "
             "secret, use it as {{secret.NAME}} in an HTTP header, and delete it here.",
             "这段文字里像是有密钥或密码。Flowdeck 不把密钥放在工作流里：请把它存为密钥，在 HTTP 请求头中用 {{secret.NAME}} 引用，并从这里删除。"},
    Sentence{"No test of this case could be carried over, so the case is never taken; write its test again.",
             "这个分支的条件都没能迁移，因此它永远不会被选中；请重新编写它的条件。"},
    // The guard's provider checks (engine/guard/providercheck.cpp).
    Sentence{"The guard's provider check has the kind '{1}', which is not moderation, guard_model or judge.",
             "内容安全的提供方检查类型为“{1}”，不是 moderation、guard_model 或 judge。"},
    Sentence{"The guard's {1} check ({2}) could not be made: {3}", "内容安全的 {1} 检查（{2}）无法完成：{3}"},
    Sentence{"The guard's {1} check could not be made: {2}", "内容安全的 {1} 检查无法完成：{2}"},
    Sentence{"The guard's {1} check cannot run on the offline demo model: bind the model '{2}' to a provider in the "
             "workflow's Models settings.",
             "内容安全的 {1} 检查不能使用离线演示模型：请在工作流的“模型”设置中为模型“{2}”选择服务商。"},
    Sentence{"The guard's {1} check ({2}) got no answer within {3} ms.", "内容安全的 {1} 检查（{2}）在 {3} 毫秒内没有得到回答。"},
    Sentence{"The guard's moderation check ({1}) got an answer that is not an OpenAI moderation result (no results[0].flagged).",
             "内容安全的 moderation 检查（{1}）收到的回答不是 OpenAI 审核结果（没有 results[0].flagged）。"},
    Sentence{"The guard's judge check ({1}) got an answer without a JSON verdict holding a score from 0 to 1.",
             "内容安全的 judge 检查（{1}）收到的回答中没有带 0 到 1 分数的 JSON 结论。"},
    Sentence{"The guard's guard_model check ({1}) got an answer in neither Qwen3Guard's nor Llama Guard's format; check "
             "that '{2}' is a guard model.",
             "内容安全的 guard_model 检查（{1}）收到的回答既不是 Qwen3Guard 格式也不是 Llama Guard 格式；请确认“{2}”是安全护栏模型。"},
};

// Parts of the variable text that are themselves English phrases the engine writes.
constexpr std::array kPhrases = {
    std::pair<std::string_view, std::string_view>{"Settings → Model providers", "设置 → 模型服务商"},
    std::pair<std::string_view, std::string_view>{"The offline demo model", "离线演示模型"},
    std::pair<std::string_view, std::string_view>{"the model provider ", "模型服务商 "},
    std::pair<std::string_view, std::string_view>{"The model provider ", "模型服务商 "},
};

std::string replaced(std::string text, std::string_view from, std::string_view to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// " (or the NAME variable)" → "（或环境变量 NAME）", then the known phrases.
std::string localizedPart(std::string part)
{
    const std::string_view open = " (or the ", close = " variable)";
    if (const auto at = part.find(open); at != std::string::npos)
        if (const auto end = part.find(close, at + open.size()); end != std::string::npos)
            part = part.substr(0, at) + "（或环境变量 " + part.substr(at + open.size(), end - at - open.size()) + "）" +
                   part.substr(end + close.size());
    for (const auto &[en, zh] : kPhrases)
        part = replaced(std::move(part), en, zh);
    return part;
}

// `text` matched against `pattern`: the text of each {n}, or false.
bool match(std::string_view pattern, std::string_view text, std::vector<std::string> &parts)
{
    std::size_t p = 0, t = 0;
    while (p < pattern.size()) {
        const std::size_t hole = pattern.find('{', p);
        const bool isHole = hole != std::string_view::npos && hole + 2 < pattern.size() && pattern[hole + 1] >= '1' &&
                            pattern[hole + 1] <= '9' && pattern[hole + 2] == '}';
        const std::string_view literal = pattern.substr(p, isHole ? hole - p : std::string_view::npos);
        if (text.substr(t, literal.size()) != literal)
            return false;
        t += literal.size();
        if (!isHole)
            return t == text.size();
        const std::size_t n = static_cast<std::size_t>(pattern[hole + 1] - '1');
        p = hole + 3;
        // The text of this part runs to the next literal (to the end when there is none).
        const std::size_t nextHole = pattern.find('{', p);
        const std::string_view next = pattern.substr(p, nextHole == std::string_view::npos ? std::string_view::npos : nextHole - p);
        std::size_t end;
        if (next.empty())
            end = text.size();
        else if (nextHole == std::string_view::npos)  // the pattern ends with this literal: it ends the text
            end = text.size() >= next.size() && text.substr(text.size() - next.size()) == next ? text.size() - next.size()
                                                                                               : std::string_view::npos;
        else
            end = text.find(next, t);
        if (end == std::string_view::npos || end < t)
            return false;
        if (parts.size() <= n)
            parts.resize(n + 1);
        parts[n] = std::string(text.substr(t, end - t));
        t = end;
    }
    return t == text.size();
}


} // namespace

std::string localizedSentence(const std::string &english, std::string_view language)
{
    if (!isChineseLanguage(language))
        return english;
    // "SENTENCE Details: WHAT WAS CALLED." — the sentence is translated, the details kept.
    std::string_view sentence = english, details;
    if (const auto at = english.find(" Details: "); at != std::string::npos) {
        sentence = std::string_view(english).substr(0, at);
        details = std::string_view(english).substr(at + 10);
    }
    for (const Sentence &s : kSentences) {
        std::vector<std::string> parts;
        if (!match(s.en, sentence, parts))
            continue;
        for (auto &part : parts)
            part = localizedPart(std::move(part));
        std::string out = insertArguments(s.zh, parts);
        if (!details.empty())
            out += "（详情：" + std::string(details) + "）";
        return out;
    }
    return english;
}

} // namespace flowdeck::engine
