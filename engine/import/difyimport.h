#pragma once

#include "engine/core/result.h"
#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::engine {

class PluginCatalog;

// One thing of a Dify app that was not carried over as it was (DESIGN.md §11).
struct ImportIssue {
    enum class Kind { Unmapped, Todo, Changed };  // not carried over / carried over, needs the user / carried over differently
    Kind kind;
    std::string where;  // "node llm_1 (LLM)", "node 1718…/config.memory", "environment_variables[2]", "model_config.speech_to_text"
    std::string what;   // the Dify field or node type
    std::string why;    // a sentence a non-programmer understands
};

// A credential found in the Dify file; never written into the workflow.
struct ImportedSecret {
    std::string name;
    std::string value;
    std::string from;  // "environment variable API_KEY", "http-request node X header Authorization"
};

struct DifyImport {
    Workflow workflow;                        // validates (validateWorkflow has no errors) except for placeholder nodes (reported)
    std::vector<ImportIssue> issues;
    std::vector<ImportedSecret> secrets;      // never written into the workflow; callers put them in their secret store
    std::vector<std::string> knowledgeBases;  // base names referenced by knowledge nodes, to create empty (and list as to-do)
    std::string dslVersion, appMode;          // as read
    bool clean() const;                       // no Unmapped issues
};

struct DifyImportOptions {
    const PluginCatalog *catalog = nullptr;  // for builtin tools -> mcp.tool
};

// Reads a Dify DSL file (versions 0.1.0 to 0.6.x, every app mode). Fails with a sentence
// naming the line and column when the text is not a Dify app; anything it cannot carry
// over becomes an issue instead.
Result<DifyImport> importDify(std::string_view yamlText, const DifyImportOptions &options = {});

// {"dslVersion","mode","clean","issues":[{kind,where,what,why}],"secrets":[names only],"knowledgeBases":[...], "nodes": N}
nlohmann::json importReportJson(const DifyImport &import);
std::string importReportText(const DifyImport &import);  // printed by the CLI (English)

// Writes <folder>/<workflow id>.flow.json and creates each knowledge base empty under the folder
// (the engine's knowledge folder layout); refuses to overwrite an existing .flow.json unless `overwrite`.
Result<std::filesystem::path> writeImportedProject(const std::filesystem::path &folder, const DifyImport &import,
                                                   bool overwrite = false);

const char *importIssueKindName(ImportIssue::Kind kind);  // "unmapped", "todo", "changed"

} // namespace flowdeck::engine
