// importDify: the Dify DSL file as a Flowdeck workflow (DESIGN.md §11).
#include "engine/import/difyimport.h"

#include "engine/import/difycontext.h"
#include "engine/import/difyname.h"
#include "engine/import/difyyaml.h"
#include "engine/guard/guardfinding.h"
#include "engine/guard/secretcheck.h"
#include "engine/nodes/noderegistry.h"
#include "engine/workflow/reference.h"
#include "engine/workflow/validator.h"

#include <cctype>
#include <cstdio>
#include <set>

// The fuzz build compiles the engine as one translation unit: the helpers live in the
// importer's own namespace so that their names meet no other file's.
namespace flowdeck::engine::dify {

bool holdsCredential(const std::string &name, const std::string &value)
{
    if (value.empty())
        return false;
    GuardFindings found;
    findSecrets(name + "=" + value, found);
    return !found.empty();
}

namespace {

using Kind = ImportIssue::Kind;

Diagnostic difyProblem(std::string message, std::string code = "dify-import")
{
    Diagnostic d;
    d.code = std::move(code);
    d.field = "file";
    d.message = std::move(message);
    return d;
}

void importEnvironment(ImportContext &ctx, const nlohmann::json &list)
{
    std::size_t i = 0;
    for (const auto &v : list.is_array() ? list : nlohmann::json::array()) {
        const std::string where = "environment_variables[" + std::to_string(i++) + "]";
        const std::string name = scalarText(member(v, "name"));
        if (name.empty() || identifier(name, "") != name || name.size() > 64) {
            ctx.issue(Kind::Unmapped, where, name, "'" + name + "' cannot name a Flowdeck setting; it was left out.");
            continue;
        }
        const std::string type = scalarText(member(v, "value_type"));
        const nlohmann::json &value = member(v, "value");
        const bool credential = type != "secret" && type != "number" && holdsCredential(name, scalarText(value));
        if (credential)
            ctx.issue(Kind::Changed, where, name,
                      "The setting " + name + " holds a key; it became the secret " + name +
                          ", so its value is kept in the secret store and never written into the workflow.");
        if (type == "secret" || credential) {
            const std::string text = scalarText(value);
            ctx.secretEnv[name] = ctx.addSecret(name, text, "environment variable " + name);
            if (text.empty())
                ctx.issue(Kind::Todo, where, name, "The secret " + name + " has no value in the file; set it in Settings → Secrets.");
            continue;
        }
        EnvSpec env;
        env.name = name;
        env.description = scalarText(member(v, "description"));
        double number = 0;
        if (type == "number" && numberOf(value, number)) {
            env.type = "number";
            env.value = number;
        } else {
            env.type = "string";
            env.value = value.is_null() ? nlohmann::json() : nlohmann::json(value.is_string() ? value.get<std::string>() : value.dump());
        }
        ctx.envNames.insert(name);
        ctx.out.workflow.env.push_back(std::move(env));
    }
}

void importConversationVariables(ImportContext &ctx, const nlohmann::json &list)
{
    static const std::map<std::string, std::string> types = {
        {"string", "string"}, {"number", "number"}, {"integer", "number"}, {"float", "number"}, {"boolean", "boolean"},
        {"object", "object"}, {"array[string]", "array[string]"}, {"array[number]", "array[number]"},
        {"array[object]", "array[object]"}, {"array[boolean]", "array[string]"},
    };
    std::size_t i = 0;
    for (const auto &v : list.is_array() ? list : nlohmann::json::array()) {
        const std::string where = "conversation_variables[" + std::to_string(i++) + "]";
        const std::string name = scalarText(member(v, "name"));
        const std::string type = scalarText(member(v, "value_type"));
        auto t = types.find(type);
        if (name.empty() || identifier(name, "") != name || name.size() > 64 || t == types.end()) {
            ctx.issue(Kind::Unmapped, where, name + " (" + type + ")",
                      t == types.end() ? "Flowdeck's conversation variables cannot hold " + type + "; it was left out."
                                       : "'" + name + "' cannot name a Flowdeck variable; it was left out.");
            continue;
        }
        if (type == "array[boolean]")
            ctx.issue(Kind::Changed, where, name, "A list of true/false values is kept as a list of text.");
        VariableSpec spec;
        spec.name = name;
        spec.type = t->second;
        spec.description = scalarText(member(v, "description"));
        const nlohmann::json &value = member(v, "value");
        const bool fits = (spec.type == "string" && value.is_string()) || (spec.type == "number" && value.is_number()) ||
                          (spec.type == "boolean" && value.is_boolean()) || (spec.type == "object" && value.is_object()) ||
                          (spec.type.rfind("array", 0) == 0 && value.is_array() && type != "array[boolean]");
        if (fits)
            spec.defaultValue = value;
        ctx.conversationNames.insert(name);
        ctx.out.workflow.variables.push_back(std::move(spec));
    }
}

// Keys written into text the importer cannot take them out of (code, prompts, bodies): the
// user is told where, never what.
void reportCredentials(ImportContext &ctx)
{
    for (const auto &node : ctx.out.workflow.nodes) {
        forEachString(node.config, "", [&](const std::string &field, const std::string &text) {
            GuardFindings found;
            findSecrets(text, found);
            if (!found.empty())
                ctx.issue(Kind::Todo, "node " + node.id + "/config." + field, "credential",
                          "This text holds what looks like a key or password. Flowdeck keeps keys out of workflows: "
                          "store it as a secret, use it as {{secret.NAME}} in an HTTP header, and delete it here.");
        });
    }
}

// Validation problems left after mapping: reported so the user sees them with the rest.
void reportValidation(ImportContext &ctx)
{
    std::set<std::string> placeholders;
    for (const auto &n : ctx.out.workflow.nodes)
        if (n.type == "placeholder")
            placeholders.insert(n.id);
    for (const auto &d : validateWorkflow(ctx.out.workflow, NodeRegistry::builtin())) {
        if (d.severity != Diagnostic::Severity::Error || placeholders.count(d.nodeId))
            continue;
        ctx.issue(Kind::Todo, d.nodeId.empty() ? d.field : "node " + d.nodeId + "/" + d.field, d.code, d.message);
    }
}

Result<DifyImport> importDifyDocument(const nlohmann::json &doc, const DifyImportOptions &options)
{
    if (!doc.is_object())
        return Result<DifyImport>::failure(difyProblem("The file is not a Dify app: it holds no app settings at its top level."));
    const nlohmann::json &app = member(doc, "app");
    if (!app.is_object())
        return Result<DifyImport>::failure(
            difyProblem("The file is not a Dify app: it has no 'app' section. Export the app from Dify again (Export DSL)."));
    const std::string kind = scalarText(member(doc, "kind"));
    if (!kind.empty() && kind != "app")
        return Result<DifyImport>::failure(difyProblem("The file is a Dify '" + kind + "', not an app."));
    DifyImport result;
    result.dslVersion = scalarText(member(doc, "version"));
    result.appMode = scalarText(member(app, "mode"));
    const std::string &mode = result.appMode;
    if (mode != "workflow" && mode != "advanced-chat" && mode != "chat" && mode != "agent-chat" && mode != "completion")
        return Result<DifyImport>::failure(difyProblem(
            "The app's mode '" + mode + "' is not one Flowdeck imports (workflow, advanced-chat, chat, agent-chat, completion)."));
    Workflow &wf = result.workflow;
    wf.mode = mode == "workflow" || mode == "completion" ? "workflow" : "chat";
    wf.name = scalarText(member(app, "name"));
    if (wf.name.empty())
        wf.name = "Dify app";
    wf.description = scalarText(member(app, "description"));
    wf.id = workflowIdFor(wf.name);

    ImportContext ctx(result, options);
    int major = 0, minor = 0;
    if (std::sscanf(result.dslVersion.c_str(), "%d.%d", &major, &minor) == 2 && (major > 0 || minor > 6))
        ctx.issue(Kind::Changed, "version", "version " + result.dslVersion,
                  "The file was made by a newer Dify than Flowdeck knows (DSL 0.6); fields added since were not read.");
    if (mode == "workflow" || mode == "advanced-chat") {
        const nlohmann::json &workflow = member(doc, "workflow");
        importEnvironment(ctx, member(workflow, "environment_variables"));
        importConversationVariables(ctx, member(workflow, "conversation_variables"));
        if (!member(workflow, "graph").is_object())
            return Result<DifyImport>::failure(difyProblem("The app has no workflow graph (workflow.graph) to import."));
        importGraph(ctx, member(workflow, "graph"));
        reportFeatures(ctx, member(workflow, "features"), "workflow.features");
    } else {
        importModelConfigApp(ctx, doc);
    }
    bool hasStart = false;
    for (const auto &n : wf.nodes)
        hasStart = hasStart || n.type == "start";
    if (!hasStart)
        ctx.issue(Kind::Todo, "workflow.graph", "start", "The app has no start node; add one so the workflow knows where to begin.");
    reportCredentials(ctx);
    reportValidation(ctx);
    return result;
}

} // namespace

} // namespace flowdeck::engine::dify

namespace flowdeck::engine {

bool DifyImport::clean() const
{
    for (const auto &i : issues)
        if (i.kind == ImportIssue::Kind::Unmapped)
            return false;
    return true;
}

Result<DifyImport> importDify(std::string_view yamlText, const DifyImportOptions &options)
{
    dify::YamlError error;
    nlohmann::json doc = dify::yamlToJson(yamlText, error);
    // Dify's export API answers {"data": "<the DSL>"}; saved as it came, it is the DSL inside.
    if (doc.is_object() && !doc.contains("app") && doc.contains("data") && doc["data"].is_string()) {
        const std::string inner = doc["data"].get<std::string>();
        doc = dify::yamlToJson(inner, error);
        if (doc.is_discarded())
            error.message = "The file holds Dify's export answer ({\"data\": ...}); the DSL in its 'data' cannot be read: " +
                            error.describe();
        error.line = 0;  // a place inside the text of 'data', not in the file
    }
    if (doc.is_discarded()) {
        Diagnostic d = dify::difyProblem(error.describe(), "dify-yaml");
        return Result<DifyImport>::failure(std::move(d));
    }
    try {
        return dify::importDifyDocument(doc, options);
    } catch (const std::exception &e) {
        return Result<DifyImport>::failure(dify::difyProblem(std::string("The Dify file could not be imported: ") + e.what()));
    }
}

} // namespace flowdeck::engine
