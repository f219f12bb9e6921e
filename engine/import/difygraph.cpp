// The graph of a workflow or advanced-chat app: node ids, outputs, parents, edges and ports,
// error strategies and sticky notes.
#include "engine/import/difycontext.h"

#include "engine/core/jsonread.h"

#include <algorithm>
#include <functional>
#include <set>

namespace flowdeck::engine::dify {

namespace {

using Kind = ImportIssue::Kind;
using Mapper = void (*)(ImportContext &, DifyNode &, NodeSpec &);

const std::map<std::string, std::pair<const char *, Mapper>> &mappers()
{
    // Dify node type -> the Flowdeck id stem and its mapper.
    static const std::map<std::string, std::pair<const char *, Mapper>> table = {
        {"start", {"start", mapStart}},
        {"llm", {"llm", mapLlm}},
        {"answer", {"answer", mapAnswer}},
        {"end", {"end", mapEnd}},
        {"code", {"code", mapCode}},
        {"template-transform", {"template", mapTemplate}},
        {"if-else", {"condition", mapIfElse}},
        {"question-classifier", {"classifier", mapClassifier}},
        {"parameter-extractor", {"extractor", mapExtractor}},
        {"variable-aggregator", {"aggregate", mapAggregator}},
        {"variable-assigner", {"aggregate", mapAggregator}},  // the aggregator's name before 0.6.9
        {"assigner", {"assigner", mapAssigner}},
        {"list-operator", {"list", mapListOperator}},
        {"http-request", {"http", mapHttp}},
        {"knowledge-retrieval", {"knowledge", mapKnowledge}},
        {"document-extractor", {"document", mapDocument}},
        {"tool", {"tool", mapTool}},
        {"agent", {"agent", mapAgent}},
        {"iteration", {"iteration", mapIteration}},
        {"loop", {"loop", mapLoop}},
    };
    return table;
}

double coordinate(const nlohmann::json &position, const char *axis)
{
    double v = 0;
    return numberOf(member(position, axis), v) ? v : 0;
}

// Dify's sticky notes keep their text as Lexical editor JSON; the note keeps its words.
void lexicalText(const nlohmann::json &node, std::string &out, int depth)
{
    if (depth > 64 || !node.is_object())
        return;
    if (member(node, "text").is_string())
        out += node["text"].get<std::string>();
    if (scalarText(member(node, "type")) == "linebreak")
        out += "\n";
    const nlohmann::json &children = arrayOf(node, "children");
    for (std::size_t i = 0; i < children.size(); ++i) {
        lexicalText(children[i], out, depth + 1);
        const std::string type = scalarText(member(children[i], "type"));
        if ((type == "paragraph" || type == "heading" || type == "listitem" || type == "list" || type == "quote") &&
            i + 1 < children.size())
            out += "\n";
    }
}

void addNote(ImportContext &ctx, const nlohmann::json &raw)
{
    const nlohmann::json &data = member(raw, "data");
    const std::string text = scalarText(member(data, "text"));
    NoteSpec note;
    note.id = "note_" + std::to_string(ctx.out.workflow.notes.size() + 1);
    const nlohmann::json parsed = text.empty() || text[0] != '{' ? nlohmann::json() : parseJson(text);
    if (parsed.is_object())
        lexicalText(member(parsed, "root"), note.text, 0);
    else
        note.text = text;
    note.position = {coordinate(member(raw, "position"), "x"), coordinate(member(raw, "position"), "y")};
    double w = 0, h = 0;
    if (numberOf(member(data, "width"), w) || numberOf(member(raw, "width"), w))
        note.size[0] = std::max(w, 0.0);
    if (numberOf(member(data, "height"), h) || numberOf(member(raw, "height"), h))
        note.size[1] = std::max(h, 0.0);
    const std::string theme = scalarText(member(data, "theme"));
    static const std::map<std::string, std::string> colors = {{"blue", "blue"},     {"cyan", "blue"},  {"green", "green"},
                                                              {"yellow", "yellow"}, {"pink", "pink"},  {"violet", "violet"},
                                                              {"purple", "violet"}};
    if (auto c = colors.find(theme); c != colors.end())
        note.color = c->second;
    ctx.out.workflow.notes.push_back(std::move(note));
}

} // namespace

void planOutputs(ImportContext &ctx, DifyNode &dn)
{
    auto &o = dn.outputs;
    const std::string &t = dn.difyType;
    if (t == "start") {
        for (const auto &v : arrayOf(dn.data, "variables")) {
            const std::string name = scalarText(member(v, "variable"));
            o[name] = identifier(name, "input");
        }
    } else if (t == "llm") {
        o = {{"reasoning_content", "reasoning"}, {"structured_output", "json"}, {"files", ""}};
    } else if (t == "knowledge-retrieval") {
        o = {{"result", "chunks"}};
    } else if (t == "template-transform") {
        o = {{"output", "text"}};
    } else if (t == "http-request") {
        o = {{"status_code", "status"}, {"files", ""}};
    } else if (t == "question-classifier") {
        o = {{"class_name", "class"}};
    } else if (t == "iteration") {
        o = {{"output", "results"}};
    } else if (t == "variable-aggregator" || t == "variable-assigner") {
        const nlohmann::json &advanced = member(dn.data, "advanced_settings");
        if (truthy(member(advanced, "group_enabled"))) {
            for (const auto &g : arrayOf(advanced, "groups")) {
                const std::string name = scalarText(member(g, "group_name"));
                o[name] = identifier(name, "group");
            }
        } else {
            o = {{"output", "value"}};
        }
    } else if (t == "list-operator") {
        o = {{"first_record", "first"}, {"last_record", "last"}};
    } else if (t == "tool") {
        ToolTarget target;
        std::string provider = scalarText(member(dn.data, "provider_id"));
        if (provider.empty())
            provider = scalarText(member(dn.data, "provider_name"));
        if (findToolTarget(ctx, provider, scalarText(member(dn.data, "tool_name")), target) ||
            (scalarText(member(dn.data, "provider_type")) == "mcp" && mcpToolTarget(ctx, dn, target)))
            o = {{"json", "structured"}, {"files", ""}};
    } else if (t == "agent") {
        o = {{"files", ""}, {"json", ""}};
    } else if (t == "answer") {
        o = {{"answer", "text"}};
    } else if (t == "loop") {
        for (const auto &v : arrayOf(dn.data, "loop_variables")) {
            const std::string name = scalarText(member(v, "label"));
            o[name] = identifier(name, "var");
        }
    } else if (t == "parameter-extractor") {
        for (const auto &p : arrayOf(dn.data, "parameters")) {
            const std::string name = scalarText(member(p, "name"));
            o[name] = identifier(name, "param");
        }
    } else if (t == "document-extractor") {
        o = {{"text", "text"}};
    }
    if (!scalarText(member(dn.data, "error_strategy")).empty()) {  // what a failed node hands on
        o["error_message"] = "error.message";
        o["error_type"] = "error.kind";
    }
}

void mapErrorHandling(ImportContext &ctx, const DifyNode &dn, NodeSpec &node)
{
    const std::string strategy = scalarText(member(dn.data, "error_strategy"));
    if (strategy == "fail-branch") {
        node.onError = OnError::Branch;
    } else if (strategy == "default-value") {
        node.onError = OnError::Continue;
        std::string keys;
        for (const auto &d : arrayOf(dn.data, "default_value"))
            keys += (keys.empty() ? "" : ", ") + scalarText(member(d, "key"));
        if (!keys.empty())
            ctx.issue(Kind::Changed, ImportContext::where(dn) + "/default_value", "default_value",
                      "When the node fails, Dify went on with the values set for " + keys +
                          "; Flowdeck goes on with empty outputs and the error in {{" + node.id + ".error}}.");
    }
    const nlohmann::json &retry = member(dn.data, "retry_config");
    if (truthy(member(retry, "retry_enabled")) || truthy(member(retry, "enabled"))) {
        double max = 0, interval = 0;
        if (numberOf(member(retry, "max_retries"), max))
            node.retry.max = static_cast<int>(std::clamp(max, 0.0, 10.0));
        if (numberOf(member(retry, "retry_interval"), interval))
            node.retry.backoffMs = static_cast<int>(std::clamp(interval, 0.0, 600000.0));
    }
}

void importGraph(ImportContext &ctx, const nlohmann::json &graph)
{
    Workflow &wf = ctx.out.workflow;
    std::vector<std::string> order;  // Dify ids in file order
    std::size_t index = 0;
    for (const auto &raw : arrayOf(graph, "nodes")) {
        const std::string field = "workflow.graph.nodes[" + std::to_string(index++) + "]";
        if (!raw.is_object()) {
            ctx.issue(Kind::Unmapped, field, "node", "This entry is not a node; it was skipped.");
            continue;
        }
        const std::string topType = scalarText(member(raw, "type"));
        const nlohmann::json &data = member(raw, "data");
        if (topType == "custom-note") {
            addNote(ctx, raw);
            continue;
        }
        DifyNode dn;
        dn.difyId = scalarText(member(raw, "id"));
        dn.difyType = scalarText(member(data, "type"));
        dn.title = scalarText(member(data, "title"));
        dn.data = data.is_object() ? data : nlohmann::json::object();
        dn.raw = raw;
        dn.parent = scalarText(member(raw, "parentId"));
        if (dn.parent.empty() && truthy(member(data, "isInIteration")))
            dn.parent = scalarText(member(data, "iteration_id"));
        if (dn.parent.empty() && truthy(member(data, "isInLoop")))
            dn.parent = scalarText(member(data, "loop_id"));
        if (dn.difyId.empty() || ctx.nodes.count(dn.difyId)) {
            ctx.issue(Kind::Unmapped, field, "id " + dn.difyId, "The node has no id, or one another node has; it was skipped.");
            continue;
        }
        order.push_back(dn.difyId);
        ctx.nodes[dn.difyId] = std::move(dn);
    }
    // Ids first, then output names, then the nodes: a reference may point at a node later in the file.
    for (const auto &difyId : order) {
        DifyNode &dn = ctx.nodes[difyId];
        if (dn.difyType == "iteration-start" || dn.difyType == "loop-start")
            continue;
        auto m = mappers().find(dn.difyType);
        const std::string stem = dn.difyType == "loop-end" ? "break" : m != mappers().end() ? m->second.first
                                                                                             : identifier(dn.difyType, "node");
        dn.id = ctx.uniqueId(difyId, stem);
    }
    for (const auto &difyId : order)
        planOutputs(ctx, ctx.nodes[difyId]);
    for (const auto &difyId : order) {
        DifyNode &dn = ctx.nodes[difyId];
        if (dn.id.empty())
            continue;
        NodeSpec node;
        node.id = dn.id;
        node.title = dn.title;
        node.position = {coordinate(member(dn.raw, "position"), "x"), coordinate(member(dn.raw, "position"), "y")};
        if (!dn.parent.empty()) {
            auto p = ctx.nodes.find(dn.parent);
            if (p != ctx.nodes.end() && (p->second.difyType == "iteration" || p->second.difyType == "loop") && !p->second.id.empty()) {
                node.parent = p->second.id;
                // Dify places a container's nodes relative to it; Flowdeck's canvas places every node on the page.
                const nlohmann::json &absolute = member(dn.raw, "positionAbsolute");
                if (absolute.is_object())
                    node.position = {coordinate(absolute, "x"), coordinate(absolute, "y")};
                else
                    node.position = {node.position[0] + coordinate(member(p->second.raw, "position"), "x"),
                                     node.position[1] + coordinate(member(p->second.raw, "position"), "y")};
            }
            else
                ctx.issue(Kind::Changed, ImportContext::where(dn), "parentId",
                          "The node was inside a container that is not in the file; it was placed on the canvas.");
        }
        auto m = mappers().find(dn.difyType);
        try {
            if (dn.difyType == "loop-end") {
                node.type = "break";
            } else if (m != mappers().end()) {
                m->second.second(ctx, dn, node);
            } else {
                mapPlaceholder(ctx, dn, node,
                               "Flowdeck has no node like Dify's '" + dn.difyType + "'; replace this placeholder with "
                               "nodes that do the same.");
            }
        } catch (const std::exception &) {
            mapPlaceholder(ctx, dn, node, "The node's settings could not be read; replace this placeholder.");
        }
        mapErrorHandling(ctx, dn, node);
        wf.nodes.push_back(std::move(node));
    }
    importEdges(ctx, graph);
}

void importEdges(ImportContext &ctx, const nlohmann::json &graph)
{
    Workflow &wf = ctx.out.workflow;
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    std::size_t index = 0;
    for (const auto &edge : arrayOf(graph, "edges")) {
        const std::string field = "workflow.graph.edges[" + std::to_string(index++) + "]";
        const std::string source = scalarText(member(edge, "source"));
        const std::string target = scalarText(member(edge, "target"));
        auto s = ctx.nodes.find(source);
        auto t = ctx.nodes.find(target);
        if (s == ctx.nodes.end() || t == ctx.nodes.end()) {
            ctx.issue(Kind::Unmapped, field, "edge " + source + " → " + target,
                      "The connection points at a node that is not in the file; it was left out.");
            continue;
        }
        if (s->second.id.empty() || t->second.id.empty())
            continue;  // from an iteration's or loop's own start: Flowdeck starts the first nodes inside by itself
        const DifyNode &from = s->second;
        const NodeSpec *fromNode = wf.findNode(from.id);
        const std::string handle = scalarText(member(edge, "sourceHandle"));
        std::string port;
        if (handle == "fail-branch") {
            if (!fromNode || fromNode->onError != OnError::Branch) {
                ctx.issue(Kind::Unmapped, field, "sourceHandle fail-branch",
                          "The connection leaves " + from.id + " on failure, but the node does not branch on failure; it was left out.");
                continue;
            }
            port = "error";
        } else if (!from.ports.empty()) {
            auto p = from.ports.find(handle);
            if (p == from.ports.end()) {
                ctx.issue(Kind::Unmapped, field, "sourceHandle " + handle,
                          "The connection leaves " + from.id + " from a branch that no longer exists; it was left out.");
                continue;
            }
            port = p->second;
        } else if (fromNode && fromNode->type == "placeholder") {
            port = "";
        }
        const NodeSpec *toNode = wf.findNode(t->second.id);
        if (fromNode && toNode && fromNode->parent != toNode->parent) {
            ctx.issue(Kind::Unmapped, field, "edge " + from.id + " → " + t->second.id,
                      "The connection crosses the edge of an iteration or loop, which Flowdeck does not allow; it was left out.");
            continue;
        }
        if (!seen.insert({from.id, port, t->second.id}).second)
            continue;
        wf.edges.push_back({from.id, t->second.id, port});
    }
}

} // namespace flowdeck::engine::dify
