#include "engine/core/messages.h"

#include <algorithm>
#include <array>
#include <utility>

namespace flowdeck::engine {

namespace {

struct CatalogEntry {
    std::string_view id;
    std::string_view zh;
};

// Sorted by id (checked by the unit test), so a lookup is a binary search.
constexpr std::array kCatalog = {
    CatalogEntry{"code-duplicate-input", "有两个输入都叫“{1}”；每个输入需要自己的名称。"},
    CatalogEntry{"code-duplicate-output", "有两个输出都叫“{1}”；每个输出需要自己的名称。"},
    CatalogEntry{"code-input-name", "输入名称“{1}”不能使用：名称只能包含字母、数字和 _，不能以数字开头，也不能是该语言的保留字。"},
    CatalogEntry{"code-language", "代码节点不支持语言“{1}”；请选择 python3 或 javascript。"},
    CatalogEntry{"code-no-main", "代码中没有 main 函数；节点会用它的输入调用 main，并使用它的返回值。"},
    CatalogEntry{"code-output-name", "输出名称“{1}”不能使用：名称只能包含字母、数字和 _，且不能以数字开头。"},
    CatalogEntry{"code-output-type", "输出“{1}”的类型“{2}”代码节点不认识；请使用 string、number、boolean、object、array[string]、array[number]、array[object]、array[boolean]、array 或 any。"},
    CatalogEntry{"container-cycle", "节点“{1}”所在的容器又被放进了它自己里面；请撤销上一步移动。"},
    CatalogEntry{"cycle", "连接绕回到了“{1}”。工作流只能向前运行；要重复处理，请使用迭代或循环节点。"},
    CatalogEntry{"dangling-edge", "有一条连接指向不存在的节点“{1}”。"},
    CatalogEntry{"duplicate-class", "类别 ID“{1}”用了两次；请给每个类别一个自己的 ID。"},
    CatalogEntry{"duplicate-edge", "从“{1}”到“{2}”的连接画了两次。"},
    CatalogEntry{"duplicate-id", "有两个节点的 ID 都是“{1}”；每个节点需要自己的 ID。"},
    CatalogEntry{"duplicate-parameter", "参数“{1}”声明了两次；请给每个参数一个自己的名称。"},
    CatalogEntry{"edge-across-container", "从“{1}”到“{2}”的连接跨过了迭代或循环的边界。容器里的节点只能互相连接；请改为连接容器本身。"},
    CatalogEntry{"edge-into-start", "任何连接都不能指向开始节点。"},
    CatalogEntry{"error-port-unused", "节点“{1}”有一条从错误端口出发的连接，但它的“出错时”设置不是“分支”，所以这条连接永远不会被走到。"},
    CatalogEntry{"guard-allow-list", "许可的主机必须是文字列表，每项一个字符串。"},
    CatalogEntry{"guard-category", "未知的类别“{1}”（可用：{2}）。"},
    CatalogEntry{"guard-check-object", "{1} 检查的设置必须是一个对象（{} 表示使用默认设置）。"},
    CatalogEntry{"guard-checks", "checks 必须是一个对象，它的键是要做的检查（{1}）。"},
    CatalogEntry{"guard-empty-terms", "有 {1} 个词条不含文字或数字，永远不会匹配（第一个：terms[{2}]）。"},
    CatalogEntry{"guard-enabled", "enabled 必须是 true 或 false。"},
    CatalogEntry{"guard-host", "“{1}”不是主机名；请写 example.com，或用 *.example.com 表示它的所有子域名。"},
    CatalogEntry{"guard-keyword-lists", "关键词表必须是对象的列表：{\"name\": \"名称\", \"category\": \"类别\", \"terms\": [...]}。"},
    CatalogEntry{"guard-list-name", "关键词表的名称必须是文字。"},
    CatalogEntry{"guard-no-checks", "这个内容安全节点没有打开任何检查，所以所有文本都会通过。"},
    CatalogEntry{"guard-pii-type", "未知的个人信息类型“{1}”（可用：{2}）。"},
    CatalogEntry{"guard-pii-types", "个人信息类型必须是文字列表，每项一个字符串。"},
    CatalogEntry{"guard-policy", "工作流的内容安全策略必须是一个对象。"},
    CatalogEntry{"guard-policy-action", "未知的内容安全动作“{1}”：请使用 check（拦截）、mask（脱敏）或 flag（仅标记）。"},
    CatalogEntry{"guard-policy-checks", "内容安全的 checks 必须是一个对象。"},
    CatalogEntry{"guard-policy-stage", "内容安全策略的 {1} 设置必须是一个对象。"},
    CatalogEntry{"guard-provider-kind", "提供方检查的类型“{1}”无法识别；请使用 moderation、guard_model 或 judge。"},
    CatalogEntry{"guard-provider-model", "提供方检查使用的模型“{1}”没有在工作流的模型中声明；请添加它或换一个。"},
    CatalogEntry{"guard-provider-object", "提供方检查必须是一个对象：{\"kind\": \"moderation\", \"model\": \"<模型别名>\"}。"},
    CatalogEntry{"guard-provider-on-error", "提供方检查的 onError 必须是 \"allow\"（检查无法完成时放行文字）或 \"block\"（拦下文字）。"},
    CatalogEntry{"guard-provider-policy", "评审模型需要策略：请写明文字中不允许出现的内容。"},
    CatalogEntry{"guard-provider-strict", "提供方检查的 strict 必须是 true 或 false。"},
    CatalogEntry{"guard-provider-threshold", "提供方检查的阈值必须是 0 到 1 之间的数字。"},
    CatalogEntry{"guard-provider-timeout", "提供方检查的 timeoutMs 必须是 100 到 600000 之间的整数（毫秒）。"},
    CatalogEntry{"guard-severity", "未知的严重程度“{1}”（可用：{2}）。"},
    CatalogEntry{"guard-terms", "词条必须是文字列表，每项一个字符串。"},
    CatalogEntry{"guard-unknown-check", "未知的检查“{1}”（可用：{2}）。"},
    CatalogEntry{"history-ambiguous-version", "“{1}”对应不止一个版本；请多写几位版本 ID。"},
    CatalogEntry{"history-busy", "另一个程序正在为 {1} 记录版本，请稍后再试。"},
    CatalogEntry{"history-damaged", "{1} 的版本历史（.git）已损坏或无法读取：{2}。项目文件不受影响；把 .git 文件夹移走即可开始新的历史。"},
    CatalogEntry{"history-file-too-large", "{1} 没有加入版本：它大于 {2} MB。"},
    CatalogEntry{"history-kind", "“{1}”不是一种版本类型；请使用 save、deploy、restore 或 import。"},
    CatalogEntry{"history-nested-repository", "{1} 有自己的版本历史（.git 文件夹）；其中的文件不属于这个项目的版本。"},
    CatalogEntry{"history-no-file", "版本 {1} 中没有文件“{2}”。"},
    CatalogEntry{"history-no-folder", "项目文件夹 {1} 不存在。"},
    CatalogEntry{"history-not-owner", "{1} 的版本历史属于这台电脑上的另一个用户，因此不会被使用（这是 git 的安全规则）。请以该用户身份打开项目，或把它的 .git 文件夹改为归你所有。"},
    CatalogEntry{"history-not-writable", "项目文件夹 {1} 无法写入，因此无法在其中保存版本：{2}。"},
    CatalogEntry{"history-read-failed", "无法读取 {1} 的版本历史：{2}。"},
    CatalogEntry{"history-record-failed", "无法记录 {1} 的版本：{2}。"},
    CatalogEntry{"history-restore-failed", "无法恢复版本 {1} 的文件（{2}）：{3}。没有任何改动。"},
    CatalogEntry{"history-restore-partial", "恢复版本 {1} 时在 {2} 停止：{3}。部分文件已恢复；请再次恢复该版本。"},
    CatalogEntry{"history-unknown-version", "这个项目的历史中没有版本“{1}”。"},
    CatalogEntry{"http.app-failed", "应用“{1}”运行失败：{2}"},
    CatalogEntry{"http.app-failed-at", "应用“{1}”在节点“{2}”运行失败：{3}"},
    CatalogEntry{"http.bad-key", "这个 API 密钥不能用于“{1}”（密钥错误或已被吊销）。"},
    CatalogEntry{"http.needs-key", "这个应用需要 API 密钥：请以 'Authorization: Bearer <密钥>' 的形式发送。"},
    CatalogEntry{"http.no-app", "这个运行时上没有名为“{1}”的应用。"},
    CatalogEntry{"http.rate-limited", "“{1}”每分钟最多允许 {2} 次请求；请 {3} 秒后再试。"},
    CatalogEntry{"list-field", "字段“{1}”的写法不对：请写成 名称.子名称 或 名称[0]。"},
    CatalogEntry{"list-number", "比较“{1}”需要一个数字作为比较值。"},
    CatalogEntry{"list-pattern", "这个正则表达式无效：{1}"},
    CatalogEntry{"many-starts", "一个工作流只能有一个开始节点；这是多出来的一个。"},
    CatalogEntry{"no-answer", "聊天工作流需要一个回答节点来回复用户。"},
    CatalogEntry{"no-end", "工作流需要一个结束节点来指定输出。"},
    CatalogEntry{"no-start", "工作流没有开始节点；请添加一个，让运行知道从哪里开始。"},
    CatalogEntry{"not-a-container", "节点“{1}”被放在“{2}”里面，但“{2}”不是迭代或循环节点。"},
    CatalogEntry{"not-in-container", "“{1}”节点不能放在迭代或循环里面，请把它移出来。"},
    CatalogEntry{"not-upstream", "{1} 引用了“{2}”，但它不在“{3}”之前运行。请把它连到上游，或者换一个值。"},
    CatalogEntry{"parameter-enum", "参数“{1}”的可选值必须与它的类型一致（都是数字或都是文字），且只有文字或数字参数才能设置可选值。"},
    CatalogEntry{"placeholder", "节点“{1}”导入自 Dify 的“{2}”，Flowdeck 没有对应的插件或节点；请换成功能相同的 MCP 工具、HTTP、代码或其他节点。"},
    CatalogEntry{"reserved-class", "类别 ID“{1}”是保留的（节点自带“{1}”分支）；请换一个 ID。"},
    CatalogEntry{"reserved-parameter", "参数名“{1}”留给节点自己的输出使用；请换一个名称。"},
    CatalogEntry{"secret-in-prompt", "提示词使用了 {1}，这会把密钥发给模型。密钥只能用在请求头和插件设置中。"},
    CatalogEntry{"secret-not-allowed", "{1} 只能用在 HTTP 请求头和插件设置中，这样它不会进入模型、回答或日志。"},
    CatalogEntry{"unbound-model", "请为模型“{1}”选择服务商：在工作室中使用“工作流 → 模型…”；使用 flowdeck 命令时，用 --profile 名称 创建项目或运行。"},
    CatalogEntry{"unknown-output", "{1}：节点“{2}”没有输出“{3}”。它的输出有：{4}。"},
    CatalogEntry{"unknown-parent", "节点“{1}”被放在“{2}”里面，但没有这个 id 的节点。"},
    CatalogEntry{"unknown-port", "节点“{1}”没有端口“{2}”（它的端口：{3}）。"},
    CatalogEntry{"unknown-reference", "{1} 引用的节点“{2}”不存在。"},
    CatalogEntry{"unknown-sys", "{1} 在这里不可用（可用的有：{2}）。"},
    CatalogEntry{"unknown-type", "“{1}”不是这个 Flowdeck 认识的节点类型。"},
    CatalogEntry{"unknown-variable", "{1} 指向会话变量“{2}”，但工作流没有声明它。请在“会话变量”中添加。"},
    CatalogEntry{"unreachable", "节点“{1}”没有连到开始节点，所以永远不会运行。"},
};

const CatalogEntry *find(std::string_view id)
{
    auto it = std::lower_bound(kCatalog.begin(), kCatalog.end(), id,
                               [](const CatalogEntry &e, std::string_view key) { return e.id < key; });
    return it != kCatalog.end() && it->id == id ? &*it : nullptr;
}

} // namespace

bool isChineseLanguage(std::string_view language)
{
    return language.size() >= 2 && (language[0] == 'z' || language[0] == 'Z') && (language[1] == 'h' || language[1] == 'H') &&
           (language.size() == 2 || language[2] == '_' || language[2] == '-');
}

namespace {


} // namespace

std::string insertArguments(std::string_view text, const std::vector<std::string> &args)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}') {
            const std::size_t n = static_cast<std::size_t>(text[i + 1] - '1');
            if (n < args.size()) {
                out += args[n];
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

bool catalogIsSorted()
{
    return std::is_sorted(kCatalog.begin(), kCatalog.end(),
                          [](const CatalogEntry &a, const CatalogEntry &b) { return a.id < b.id; });
}

bool hasTranslation(std::string_view id) { return find(id) != nullptr; }

std::string localizedText(std::string_view id, std::string_view language, const std::vector<std::string> &args,
                          const std::string &english)
{
    if (!isChineseLanguage(language))
        return english;
    const CatalogEntry *entry = find(id);
    return entry ? insertArguments(entry->zh, args) : english;
}

std::string localizedMessage(const Diagnostic &diagnostic, std::string_view language)
{
    // A message whose parts were not recorded cannot be filled in: it stays in English.
    const CatalogEntry *entry = find(diagnostic.code);
    if (!entry || !isChineseLanguage(language))
        return diagnostic.message;
    const std::string_view zh = entry->zh;
    for (std::size_t n = 1; n <= 9; ++n)
        if (zh.find("{" + std::to_string(n) + "}") != std::string_view::npos && diagnostic.args.size() < n)
            return diagnostic.message;
    return insertArguments(zh, diagnostic.args);
}

} // namespace flowdeck::engine
