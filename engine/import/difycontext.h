#pragma once

#include "engine/import/difyimport.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace flowdeck::engine::dify {

// One node of the Dify graph, by its Dify id, and what it became.
struct DifyNode {
    std::string difyId;
    std::string difyType;   // data.type ("llm", "if-else", ...)
    std::string id;         // the Flowdeck node id; empty when the node is dropped
    std::string title;
    std::string parent;     // the Dify id of the iteration or loop it is inside
    nlohmann::json data = nlohmann::json::object();
    nlohmann::json raw = nlohmann::json::object();  // the whole Dify node (position, size)
    // What Dify's output names become: "structured_output" -> "json"; "" = not carried over.
    std::map<std::string, std::string> outputs;
    std::map<std::string, std::string> ports;  // Dify sourceHandle -> Flowdeck port
    bool placeholder = false;
};

// What every mapper shares: the result being built, the node table and the reference
// rules (DESIGN.md §2: {{node.output}}, {{sys.*}}, {{env.*}}, {{secret.*}}, {{conversation.*}}).
class ImportContext {
public:
    ImportContext(DifyImport &result, const DifyImportOptions &options) : out(result), options(options) {}

    DifyImport &out;
    const DifyImportOptions &options;
    std::map<std::string, DifyNode> nodes;      // by Dify id
    std::map<std::string, std::string> secretEnv;  // Dify env name -> secret name
    std::set<std::string> envNames;
    std::set<std::string> usedIds;
    std::set<std::string> conversationNames;

    bool chat() const { return out.workflow.mode == "chat"; }

    void issue(ImportIssue::Kind kind, std::string where, std::string what, std::string why);
    // "node llm_1 (Summarise)"
    static std::string where(const DifyNode &node);

    // Keeps a credential found in the file; returns the secret's name ({{secret.NAME}}).
    std::string addSecret(const std::string &wanted, const std::string &value, const std::string &from);
    // A unique, valid node id made from `wanted` (kept when it is already one).
    std::string uniqueId(const std::string &wanted, const std::string &fallback);

    // The model alias for a Dify `model` object ({provider, name, completion_params}),
    // declared in workflow.models; fills temperature / maxTokens / responseFormat into `config`.
    std::string modelAlias(const nlohmann::json &model, const DifyNode &at, nlohmann::json &config);
    // The plugin alias for a catalog server, declared in workflow.plugins.
    std::string pluginAlias(const std::string &catalogId);

    // References. `field` names where, for the report; secrets are allowed only where
    // Flowdeck allows them (HTTP headers). An unmappable reference becomes "" and an issue.
    std::string selector(const nlohmann::json &selector, const DifyNode &at, const std::string &field,
                         bool secretAllowed = false);
    // Dify text with {{#node.var#}} references.
    // `special`: references without a node ({{#context#}} in an LLM prompt) and their Flowdeck text.
    std::string text(const std::string &difyText, const DifyNode &at, const std::string &field,
                     bool secretAllowed = false, const std::map<std::string, std::string> *special = nullptr);
    std::string text(const nlohmann::json &value, const DifyNode &at, const std::string &field,
                     bool secretAllowed = false, const std::map<std::string, std::string> *special = nullptr);

    // The Flowdeck node id of a Dify node, or "" when it is unknown or dropped.
    std::string idOf(const std::string &difyId) const;
};

// Plain identifier from any text: letters, digits and '_' ("my-var 2" -> "my_var_2"); `fallback` if none.
std::string identifier(const std::string &text, const std::string &fallback, std::size_t maxLength = 64);
// A JSON value read as text ("" for null; numbers and booleans written out), for ids and names.
std::string scalarText(const nlohmann::json &value);
// A number from a number or numeric text.
bool numberOf(const nlohmann::json &value, double &out);
bool truthy(const nlohmann::json &value);  // true, "true", 1
std::string lowercase(std::string text);   // ASCII letters only
std::string trimmed(const std::string &text);  // without spaces at either end
// Whether NAME=value holds a key, token or password (the guard's credential patterns).
bool holdsCredential(const std::string &name, const std::string &value);
const nlohmann::json &member(const nlohmann::json &object, const char *key);  // null when absent
const nlohmann::json &arrayOf(const nlohmann::json &object, const char *key);  // [] when absent or not a list

// Mappers, one per node family: each fills `node.type`, `node.config` (and retry / onError).
void mapStart(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapLlm(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapAnswer(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapEnd(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapCode(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapTemplate(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapIfElse(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapClassifier(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapExtractor(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapAggregator(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapAssigner(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapListOperator(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapHttp(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapKnowledge(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapDocument(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapTool(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapAgent(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapIteration(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapLoop(ImportContext &ctx, DifyNode &dn, NodeSpec &node);
void mapPlaceholder(ImportContext &ctx, DifyNode &dn, NodeSpec &node, const std::string &why);

// Before any node is mapped: what each node's outputs and ports will be called, so that
// references to nodes mapped later resolve.
void planOutputs(ImportContext &ctx, DifyNode &dn);
// Whether a Dify builtin tool has an MCP equivalent in the catalog (mcp.tool), and which.
struct ToolTarget {
    std::string catalog;  // plugin id
    std::string tool;     // MCP tool name
    std::map<std::string, std::string> arguments;  // Dify parameter -> tool argument
    std::string note;     // why the result may differ, for a Changed issue; empty: the same
};
bool findToolTarget(const ImportContext &ctx, const std::string &provider, const std::string &tool, ToolTarget &target);
// A tool of an MCP server the Dify workspace had added (provider_type mcp) that the catalog has, by id or name.
bool mcpToolTarget(const ImportContext &ctx, const DifyNode &dn, ToolTarget &target);
// Dify comparison operators on the condition, loop and list nodes.
struct MappedCondition {
    std::vector<nlohmann::json> conditions;  // usually one; "all of" / "not in" become several
    bool ok = true;
    std::string problem;  // when not ok
};
MappedCondition mapComparison(const std::string &op, const std::string &left, const nlohmann::json &right,
                              bool andLogic, bool listNode);

// workflow.graph of workflow and advanced-chat apps (nodes, then edges).
void importGraph(ImportContext &ctx, const nlohmann::json &graph);
void importEdges(ImportContext &ctx, const nlohmann::json &graph);
// Features Flowdeck has no counterpart for (opening statement, speech, ...), reported.
void reportFeatures(ImportContext &ctx, const nlohmann::json &features, const std::string &where);
// Chat, agent-chat and completion apps: a graph built from model_config.
void importModelConfigApp(ImportContext &ctx, const nlohmann::json &doc);
// The history turns of model nodes from Dify's memory setting (chat apps only).
void historyFromMemory(ImportContext &ctx, const DifyNode &dn, nlohmann::json &config);
// The error strategy and retry of any node.
void mapErrorHandling(ImportContext &ctx, const DifyNode &dn, NodeSpec &node);

} // namespace flowdeck::engine::dify
