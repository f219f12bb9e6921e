// Dify model, plugin-tool and comparison names, and what they are called in Flowdeck.
#include "engine/import/difycontext.h"

#include "engine/core/jsonaccess.h"
#include "engine/mcp/plugincatalog.h"

#include <algorithm>
#include <cmath>
#include <regex>

namespace flowdeck::engine::dify {

namespace {

// Dify provider names (plugin ids such as "langgenius/openai/openai" are reduced to
// "openai") and the Flowdeck preset profile that serves the same models.
const std::map<std::string, std::string> &profileNames()
{
    static const std::map<std::string, std::string> names = {
        {"openai", "openai"},     {"deepseek", "deepseek"}, {"tongyi", "dashscope"}, {"dashscope", "dashscope"},
        {"qwen", "dashscope"},    {"zhipuai", "zhipu"},     {"zhipu", "zhipu"},      {"wenxin", "qianfan"},
        {"qianfan", "qianfan"},   {"moonshot", "moonshot"}, {"kimi", "moonshot"},    {"ollama", "ollama"},
        {"vllm", "vllm"},         {"lmstudio", "lmstudio"}, {"lm_studio", "lmstudio"}, {"huaweicloud_maas", "maas"},
    };
    return names;
}

std::string providerName(const std::string &provider)
{
    // "langgenius/openai/openai" -> "openai"; "openai" stays.
    std::vector<std::string> parts;
    std::string cur;
    for (char c : provider) {
        if (c == '/') {
            parts.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    parts.push_back(cur);
    return parts.size() >= 2 ? parts[1] : parts[0];
}

struct KnownTool {
    const char *provider;
    const char *tool;
    const char *catalog;
    const char *mcpTool;
    std::vector<std::pair<std::string, std::string>> arguments;
    const char *note;
};

// Dify builtin tools whose job an MCP server of the catalog does; the argument names
// are the tools' own (their input schemas). Anything not here becomes a placeholder.
const std::vector<KnownTool> &knownTools()
{
    static const std::vector<KnownTool> tools = {
        {"webscraper", "webscraper", "fetch", "fetch_markdown", {{"url", "url"}}, ""},
        {"jina", "jina_reader", "fetch", "fetch_markdown", {{"url", "url"}},
         "The page is read by the fetch plugin on this computer instead of Jina's reader service."},
        {"tavily", "tavily_search", "tavily", "tavily-search", {{"query", "query"}, {"max_results", "max_results"}}, ""},
        {"tavily", "tavily_extract", "tavily", "tavily-extract", {{"urls", "urls"}}, ""},
        {"duckduckgo", "ddgo_search", "brave-search", "brave_web_search", {{"query", "query"}},
         "The search runs on Brave Search instead of DuckDuckGo, and needs a Brave API key."},
        {"brave", "brave_search", "brave-search", "brave_web_search", {{"query", "query"}}, ""},
        {"github", "github_repositories", "github", "search_repositories", {{"query", "query"}}, ""},
        {"gaode", "gaode_weather", "amap", "maps_weather", {{"city", "city"}}, ""},
    };
    return tools;
}

} // namespace

std::string ImportContext::modelAlias(const nlohmann::json &model, const DifyNode &at, nlohmann::json &config)
{
    const std::string provider = providerName(scalarText(member(model, "provider")));
    // An LLM node names its model "name"; a plugin's model selector (agent nodes) "model".
    std::string name = scalarText(member(model, "name"));
    if (name.empty())
        name = scalarText(member(model, "model"));
    std::string profile;
    if (auto it = profileNames().find(provider); it != profileNames().end()) {
        profile = it->second;
    } else if (!provider.empty()) {
        profile = identifier(provider, "provider");
        issue(ImportIssue::Kind::Todo, where(at) + "/model", "model.provider " + provider,
              "Flowdeck has no preset for the provider '" + provider + "'. Create a provider profile named '" + profile +
                  "' in Settings → Models (its base URL and API key), or choose another profile for this model.");
    }
    std::string alias;
    for (auto it = out.workflow.models.begin(); it != out.workflow.models.end(); ++it)
        if (valueOr(it.value(), "profile", "") == profile && valueOr(it.value(), "model", "") == name)
            alias = it.key();
    if (alias.empty()) {
        alias = out.workflow.models.empty() ? "default" : identifier(name, "model", 40);
        for (int n = 2; out.workflow.models.contains(alias); ++n)
            alias = identifier(name, "model", 40) + "_" + std::to_string(n);
        nlohmann::json spec = nlohmann::json::object();
        if (!profile.empty())
            spec["profile"] = profile;
        if (!name.empty())
            spec["model"] = name;
        out.workflow.models[alias] = spec;
    }
    const nlohmann::json &params = member(model, "completion_params");
    std::vector<std::string> dropped;
    if (params.is_object()) {
        for (auto it = params.begin(); it != params.end(); ++it) {
            double v = 0;
            if (it.key() == "temperature" && numberOf(it.value(), v)) {
                config["temperature"] = std::clamp(v, 0.0, 2.0);
            } else if (it.key() == "max_tokens" && numberOf(it.value(), v) && v >= 1) {
                config["maxTokens"] = static_cast<int>(std::min(v, 1e9));
            } else if (it.key() != "response_format" && it.key() != "json_schema" && !it.value().is_null()) {
                dropped.push_back(it.key());
            }
        }
    }
    if (!dropped.empty()) {
        std::string list;
        for (const auto &d : dropped)
            list += (list.empty() ? "" : ", ") + d;
        issue(ImportIssue::Kind::Changed, where(at) + "/model.completion_params", list,
              "Flowdeck sends the model only the temperature and the most tokens; these settings are not sent: " + list + ".");
    }
    return alias;
}

std::string ImportContext::pluginAlias(const std::string &catalogId)
{
    for (auto it = out.workflow.plugins.begin(); it != out.workflow.plugins.end(); ++it)
        if (valueOr(it.value(), "catalog", "") == catalogId)
            return it.key();
    const std::string alias = identifier(catalogId, "plugin", 40);
    out.workflow.plugins[alias] = {{"catalog", catalogId}};
    if (options.catalog) {
        if (const PluginManifest *m = options.catalog->find(catalogId)) {
            for (const auto &e : m->env)
                if (valueOr(e, "secret", false) && valueOr(e, "required", false))
                    issue(ImportIssue::Kind::Todo, "plugins." + alias, valueOr(e, "name", ""),
                          "The " + m->name + " plugin needs the secret " + valueOr(e, "name", "") +
                              "; set it in Settings → Secrets before running.");
        }
    }
    return alias;
}

bool findToolTarget(const ImportContext &ctx, const std::string &provider, const std::string &tool, ToolTarget &target)
{
    if (!ctx.options.catalog)
        return false;
    const std::string name = providerName(provider);
    for (const auto &known : knownTools()) {
        if (name != known.provider || tool != known.tool || !ctx.options.catalog->find(known.catalog))
            continue;
        target.catalog = known.catalog;
        target.tool = known.mcpTool;
        target.arguments.clear();
        for (const auto &[from, to] : known.arguments)
            target.arguments[from] = to;
        target.note = known.note;
        return true;
    }
    return false;
}

MappedCondition mapComparison(const std::string &op, const std::string &left, const nlohmann::json &right,
                              bool andLogic, bool listNode)
{
    MappedCondition m;
    const char *leftKey = listNode ? "field" : "left";
    const char *rightKey = listNode ? "value" : "right";
    auto one = [&](const std::string &flowdeckOp, nlohmann::json value, bool withValue = true) {
        nlohmann::json c = {{leftKey, left}, {"op", flowdeckOp}};
        if (withValue)
            c[rightKey] = std::move(value);
        m.conditions.push_back(std::move(c));
    };
    static const std::map<std::string, std::string> direct = {
        {"contains", "contains"}, {"not contains", "not_contains"}, {"start with", "starts_with"},
        {"end with", "ends_with"}, {"is", "eq"}, {"is not", "ne"}, {"=", "eq"}, {"≠", "ne"}, {">", "gt"},
        {"<", "lt"}, {"≥", "ge"}, {"≤", "le"}, {">=", "ge"}, {"<=", "le"}, {"!=", "ne"}, {"==", "eq"},
    };
    static const std::map<std::string, std::string> unary = {
        {"empty", "empty"}, {"not empty", "not_empty"}, {"null", "empty"}, {"not null", "not_empty"},
        {"exists", "not_empty"}, {"not exists", "empty"},
    };
    nlohmann::json value = right;
    if (!value.is_string() && !value.is_number() && !value.is_boolean() && !(listNode && value.is_array()))
        value = value.is_null() ? nlohmann::json("") : nlohmann::json(value.dump());
    if (auto it = direct.find(op); it != direct.end()) {
        one(it->second, value);
        return m;
    }
    if (auto it = unary.find(op); it != unary.end()) {
        one(it->second, nullptr, false);
        return m;
    }
    std::vector<std::string> items;
    if (right.is_array()) {
        for (const auto &r : right)
            items.push_back(scalarText(r));
    } else {
        items.push_back(scalarText(right));
    }
    if (op == "in" || op == "not in") {
        if (listNode) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto &i : items)
                list.push_back(i);
            one(op == "in" ? "in" : "not_in", list);
            return m;
        }
        if (op == "in") {  // "one of": a pattern that matches exactly one of the values
            static const std::regex kSpecial(R"([.^$|()\[\]{}*+?\\])");
            std::string pattern;
            for (const auto &i : items)
                pattern += (pattern.empty() ? "" : "|") + std::regex_replace(i, kSpecial, R"(\$&)");
            one("regex", "^(?:" + pattern + ")$");
            return m;
        }
        if (!andLogic && items.size() > 1) {
            m.ok = false;
            m.problem = "\"not in\" inside an \"or\" group has no Flowdeck equivalent";
            return m;
        }
        for (const auto &i : items)
            one("ne", i);
        return m;
    }
    if (op == "all of") {
        if (!andLogic && items.size() > 1) {
            m.ok = false;
            m.problem = "\"all of\" inside an \"or\" group has no Flowdeck equivalent";
            return m;
        }
        for (const auto &i : items)
            one("contains", i);
        return m;
    }
    m.ok = false;
    m.problem = "Flowdeck has no comparison like \"" + op + "\"";
    return m;
}

} // namespace flowdeck::engine::dify
