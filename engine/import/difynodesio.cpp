// Dify knowledge-retrieval, document-extractor, tool and agent nodes, and the placeholder
// that stands in for a tool Flowdeck has no plugin for.
#include "engine/import/difycontext.h"

#include "engine/mcp/plugincatalog.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace flowdeck::engine::dify {

namespace {

using Kind = ImportIssue::Kind;

// A node's data for a placeholder: without credentials, and with references in Flowdeck's form.
nlohmann::json withoutCredentials(ImportContext &ctx, const DifyNode &dn, const nlohmann::json &value, int depth = 0)
{
    if (depth > 32)
        return nullptr;
    if (value.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string key = lowercase(it.key());
            if (key.find("key") != std::string::npos || key.find("token") != std::string::npos ||
                key.find("secret") != std::string::npos || key.find("password") != std::string::npos ||
                key.find("credential") != std::string::npos)
                continue;
            out[it.key()] = withoutCredentials(ctx, dn, it.value(), depth + 1);
        }
        return out;
    }
    if (value.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &v : value)
            out.push_back(withoutCredentials(ctx, dn, v, depth + 1));
        return out;
    }
    if (value.is_string())
        return ctx.text(value.get<std::string>(), dn, "original");
    return value;
}

// A tool's arguments: Dify tool_parameters {name: {type: mixed|variable|constant, value}}.
nlohmann::json toolArguments(ImportContext &ctx, const DifyNode &dn, const nlohmann::json &parameters,
                             const std::map<std::string, std::string> &names, const std::string &field)
{
    nlohmann::json args = nlohmann::json::object();
    if (!parameters.is_object())
        return args;
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        auto name = names.find(it.key());
        if (name == names.end()) {
            ctx.issue(Kind::Changed, ImportContext::where(dn) + "/" + field + "." + it.key(), it.key(),
                      "The plugin's tool takes no such setting; it was left out.");
            continue;
        }
        const nlohmann::json &p = it.value();
        const nlohmann::json &value = p.is_object() && p.contains("value") ? p["value"] : p;
        const std::string type = scalarText(member(p, "type"));
        if (type == "variable" || value.is_array())
            args[name->second] = ctx.selector(value, dn, field + "." + it.key());
        else if (value.is_string())
            args[name->second] = ctx.text(value.get<std::string>(), dn, field + "." + it.key());
        else
            args[name->second] = value;
    }
    return args;
}

} // namespace

// A Dify workspace MCP server (provider_type mcp) that is a plugin of the catalog, by id or name.
bool mcpToolTarget(const ImportContext &ctx, const DifyNode &dn, ToolTarget &target)
{
    if (!ctx.options.catalog)
        return false;
    for (const char *key : {"provider_id", "provider_name"}) {
        const std::string id = lowercase(scalarText(member(dn.data, key)));
        if (!id.empty() && ctx.options.catalog->find(id)) {
            target.catalog = id;
            target.tool = scalarText(member(dn.data, "tool_name"));
            return !target.tool.empty();
        }
    }
    return false;
}

void mapKnowledge(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "knowledge";
    const std::string here = ImportContext::where(dn);
    std::string query = ctx.selector(member(dn.data, "query_variable_selector"), dn, "query_variable_selector");
    if (query.empty())
        query = ctx.chat() ? "{{sys.query}}" : "(no query)";
    nlohmann::json config = {{"query", query}};
    nlohmann::json bases = nlohmann::json::array();
    for (const auto &id : arrayOf(dn.data, "dataset_ids")) {
        std::string raw = scalarText(id);
        std::string base = "dify-";
        for (char c : raw.substr(0, 8))
            if (std::isalnum(static_cast<unsigned char>(c)))
                base += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (base.size() == 5)
            base += "base";
        if (std::find(ctx.out.knowledgeBases.begin(), ctx.out.knowledgeBases.end(), base) == ctx.out.knowledgeBases.end()) {
            ctx.out.knowledgeBases.push_back(base);
            ctx.issue(Kind::Todo, "knowledge base " + base, "dataset " + raw,
                      "The Dify knowledge base " + raw + " was created empty as '" + base +
                          "'; add its documents (Knowledge panel, or `flowdeck kb add " + base + " FILES`).");
        }
        if (std::find(bases.begin(), bases.end(), base) == bases.end())
            bases.push_back(base);
    }
    if (bases.empty()) {
        bases.push_back("knowledge");
        ctx.out.knowledgeBases.push_back("knowledge");
        ctx.issue(Kind::Todo, here, "dataset_ids", "The node searched no knowledge base; an empty base 'knowledge' was made for it.");
    }
    config["bases"] = bases;
    const std::string mode = scalarText(member(dn.data, "retrieval_mode"));
    const nlohmann::json &multiple = member(dn.data, "multiple_retrieval_config");
    double topK = 0, threshold = 0;
    if (numberOf(member(multiple, "top_k"), topK))
        config["topK"] = static_cast<int>(std::clamp(topK, 1.0, 50.0));
    if (numberOf(member(multiple, "score_threshold"), threshold) &&
        (member(multiple, "score_threshold_enabled").is_null() || truthy(member(multiple, "score_threshold_enabled"))))
        config["scoreThreshold"] = std::clamp(threshold, 0.0, 1.0);
    if (truthy(member(multiple, "reranking_enable"))) {
        nlohmann::json rerank = {{"enabled", true}};
        const std::string model = scalarText(member(member(multiple, "reranking_model"), "model"));
        if (!model.empty())
            rerank["model"] = model;
        config["rerank"] = rerank;
        ctx.issue(Kind::Todo, here + "/multiple_retrieval_config.reranking_model", "reranking_model",
                  "Reranking is on: choose the provider profile that reranks (Rerank profile) for it to work.");
    }
    if (member(multiple, "weights").is_object())
        config["mode"] = "hybrid";
    if (mode == "single")
        ctx.issue(Kind::Changed, here, "retrieval_mode single",
                  "Dify let a model pick one knowledge base per question; Flowdeck searches all of them and keeps the best passages.");
    const std::string filtering = scalarText(member(dn.data, "metadata_filtering_mode"));
    if (!filtering.empty() && filtering != "disabled")
        ctx.issue(Kind::Unmapped, here, "metadata_filtering_conditions",
                  "Dify's metadata filters were not carried over; Flowdeck filters by file name, type, tag and date instead.");
    node.config = std::move(config);
}

void mapDocument(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "document";
    std::string files = ctx.selector(member(dn.data, "variable_selector"), dn, "variable_selector");
    if (files.empty()) {
        files = "(no file)";
        ctx.issue(Kind::Todo, ImportContext::where(dn), "variable_selector", "Choose the file to read.");
    }
    node.config = {{"files", files}};
}

void mapPlaceholder(ImportContext &ctx, DifyNode &dn, NodeSpec &node, const std::string &why)
{
    node.type = "placeholder";
    dn.placeholder = true;
    node.config = {{"from", "dify"}, {"difyType", dn.difyType}, {"original", withoutCredentials(ctx, dn, dn.data)}};
    const std::string tool = scalarText(member(dn.data, "tool_name"));
    std::string provider = scalarText(member(dn.data, "provider_name"));
    if (provider.empty())
        provider = scalarText(member(dn.data, "provider_id"));
    if (!tool.empty())
        node.config["tool"] = provider + "/" + tool;
    ctx.issue(Kind::Unmapped, ImportContext::where(dn), dn.difyType + (tool.empty() ? "" : " " + tool), why);
}

void mapTool(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    const std::string providerType = scalarText(member(dn.data, "provider_type"));
    std::string provider = scalarText(member(dn.data, "provider_id"));
    if (provider.empty())
        provider = scalarText(member(dn.data, "provider_name"));
    const std::string tool = scalarText(member(dn.data, "tool_name"));
    ToolTarget target;
    if (providerType == "mcp" && mcpToolTarget(ctx, dn, target)) {
        // A tool of an MCP server the Dify workspace had added, which the catalog has too: the same call.
        node.type = "mcp.tool";
        std::map<std::string, std::string> same;
        const nlohmann::json &params = member(dn.data, "tool_parameters");
        if (params.is_object())
            for (auto it = params.begin(); it != params.end(); ++it)
                same[it.key()] = it.key();
        node.config = {{"server", ctx.pluginAlias(target.catalog)},
                       {"tool", target.tool},
                       {"arguments", toolArguments(ctx, dn, params, same, "tool_parameters")}};
        return;
    }
    if ((providerType.empty() || providerType == "builtin" || providerType == "plugin") &&
        findToolTarget(ctx, provider, tool, target)) {
        node.type = "mcp.tool";
        const nlohmann::json args = toolArguments(ctx, dn, member(dn.data, "tool_parameters"), target.arguments, "tool_parameters");
        node.config = {{"server", ctx.pluginAlias(target.catalog)}, {"tool", target.tool}, {"arguments", args}};
        if (!target.note.empty())
            ctx.issue(Kind::Changed, ImportContext::where(dn), provider + "/" + tool, target.note);
        return;
    }
    mapPlaceholder(ctx, dn, node,
                   "This node was imported from Dify's tool " + provider + "/" + tool +
                       ", which Flowdeck has no plugin for; replace it with an MCP tool, HTTP or code node.");
}

namespace {

// A path or query part long and random enough to be a key (…/s/cHJpdmF0ZS10b2tlbg/sse).
bool hasOpaqueToken(const std::string &rest)
{
    std::size_t run = 0;
    bool digit = false, letter = false;
    for (char c : rest + "/") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '=') {
            ++run;
            digit = digit || std::isdigit(static_cast<unsigned char>(c));
            letter = letter || std::isalpha(static_cast<unsigned char>(c));
            continue;
        }
        if (run >= 24 && digit && letter)
            return true;
        run = 0;
        digit = letter = false;
    }
    return false;
}

} // namespace

void mapAgent(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    const std::string here = ImportContext::where(dn);
    const nlohmann::json &params = member(dn.data, "agent_parameters");
    auto param = [&](const char *name) -> const nlohmann::json & { return member(member(params, name), "value"); };
    nlohmann::json config = nlohmann::json::object();
    config["model"] = ctx.modelAlias(param("model"), dn, config);
    const std::string instruction = ctx.text(param("instruction"), dn, "agent_parameters.instruction");
    std::string query = param("query").is_array() ? ctx.selector(param("query"), dn, "agent_parameters.query")
                                                  : ctx.text(param("query"), dn, "agent_parameters.query");
    if (query.empty())
        query = ctx.chat() ? "{{sys.query}}" : "(no task)";
    if (!instruction.empty())
        config["system"] = instruction;
    config["prompt"] = query;
    double rounds = 0;
    if (numberOf(param("maximum_iterations"), rounds))
        config["maxIterations"] = static_cast<int>(std::clamp(rounds, 1.0, 50.0));
    nlohmann::json tools = nlohmann::json::array();
    for (const auto &t : param("tools").is_array() ? param("tools") : nlohmann::json::array()) {
        if (member(t, "enabled").is_boolean() && !t["enabled"].get<bool>())
            continue;
        const std::string provider = scalarText(member(t, "provider_name"));
        const std::string name = scalarText(member(t, "tool_name"));
        ToolTarget target;
        if (findToolTarget(ctx, provider, name, target)) {
            tools.push_back({{"server", ctx.pluginAlias(target.catalog)}, {"tool", target.tool}});
            if (!target.note.empty())
                ctx.issue(Kind::Changed, here, provider + "/" + name, target.note);
        } else {
            ctx.issue(Kind::Unmapped, here + "/agent_parameters.tools", provider + "/" + name,
                      "Flowdeck has no plugin for Dify's tool " + provider + "/" + name + "; the agent runs without it.");
        }
    }
    const std::string strategy = scalarText(member(dn.data, "agent_strategy_name"));
    // A plugin strategy's MCP server (mcp_server: its URL): a plugin of the workflow, every
    // tool of it offered to the agent.
    const std::string mcpUrl = scalarText(param("mcp_server"));
    if (mcpUrl.rfind("http://", 0) == 0 || mcpUrl.rfind("https://", 0) == 0) {
        const std::size_t start = mcpUrl.find("//") + 2;
        std::string host = mcpUrl.substr(start, mcpUrl.find_first_of("/?#", start) - start);
        if (const std::size_t at = host.rfind('@'); at != std::string::npos)
            host = host.substr(at + 1);  // never the user name and password before it
        if (holdsCredential("mcp_server", mcpUrl) || mcpUrl.find('*') != std::string::npos ||
            mcpUrl.find('@', start) < mcpUrl.find_first_of("/?#", start) || hasOpaqueToken(mcpUrl.substr(start))) {
            ctx.issue(Kind::Todo, here + "/agent_parameters.mcp_server", "mcp_server",
                      "The agent's MCP server at " + host + " is given by an address that holds a key (or hides one); "
                      "add it to the workflow's plugins (Plugins → Import, an mcpServers file with its url) and give it to this agent.");
        } else {
            std::string alias = identifier("mcp_" + node.id, "mcp_server", 40);
            ctx.out.workflow.plugins[alias] = {{"url", mcpUrl}, {"transport", mcpUrl.find("/sse") != std::string::npos ? "sse" : "http"}};
            tools.push_back({{"server", alias}});
            ctx.issue(Kind::Changed, here + "/agent_parameters.mcp_server", "mcp_server",
                      "The agent's MCP server at " + host + " became the plugin '" + alias + "'; all of its tools are offered to the agent.");
        }
    } else if (!mcpUrl.empty() || (!param("mcp_server").is_null() && !param("mcp_server").is_string())) {
        ctx.issue(Kind::Unmapped, here + "/agent_parameters.mcp_server", "mcp_server",
                  "The agent's MCP server is not given as an http(s) address; add the server as a plugin "
                  "(Plugins → Import, an mcpServers file with its url) and give it to this agent.");
    }
    // What else a strategy plugin asks for (a TOD agent's task and information schemas...).
    static const std::set<std::string> read = {"model", "instruction", "query", "tools", "maximum_iterations", "mcp_server"};
    const nlohmann::json none = nlohmann::json::object();
    for (const auto &[key, value] : (params.is_object() ? params : none).items()) {
        const nlohmann::json &v = member(value, "value");
        if (read.count(key) || v.is_null() || (v.is_string() && v.get<std::string>().empty()))
            continue;
        ctx.issue(Kind::Unmapped, here + "/agent_parameters." + key, key,
                  "Flowdeck's agent has no setting like the '" + (strategy.empty() ? std::string("agent") : strategy) +
                      "' strategy's '" + key + "'; it was left out. Put what it says into the instructions if the agent needs it.");
    }
    if (!strategy.empty() && strategy != "function_calling")
        ctx.issue(Kind::Changed, here, "agent_strategy " + strategy,
                  "Flowdeck's agent calls tools through the model's function calling, not the '" + strategy + "' strategy.");
    if (tools.empty()) {
        node.type = "llm";
        config.erase("maxIterations");
        ctx.issue(Kind::Changed, here, "agent",
                  "None of the agent's tools has a Flowdeck plugin, so it became an LLM node with the same instructions.");
    } else {
        node.type = "agent";
        config["tools"] = tools;
    }
    historyFromMemory(ctx, dn, config);
    node.config = std::move(config);
}

} // namespace flowdeck::engine::dify
