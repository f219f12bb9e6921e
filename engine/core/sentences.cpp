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
