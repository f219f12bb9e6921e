#pragma once

#include "engine/core/result.h"
#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace flowdeck::engine {

class ProfileStore;
class SecretStore;

// The folder of a project's knowledge bases: <the workflow file's folder>/knowledge.
std::filesystem::path knowledgeFolderFor(const std::filesystem::path &workflowFile);

// The base names a workflow's knowledge nodes search, sorted, each once.
std::vector<std::string> knowledgeBasesUsed(const Workflow &workflow);

// A warning for each base a knowledge node names that `knowledgeFolder` does not hold
// (`flowdeck validate`): runs fail until it is created.
Diagnostics missingKnowledgeBases(const Workflow &workflow, const std::filesystem::path &knowledgeFolder);

// A base packed for a deploy: one consistent, compacted copy of its database (SQLite's
// VACUUM INTO, safe while the studio is ingesting) and its settings.
struct PackedKnowledgeBase {
    std::string name;
    std::filesystem::path file;  // the packed knowledge.db
    std::string sha256;          // hex, of the packed file
    std::uint64_t bytes = 0;
    nlohmann::json settings;     // kb.json
};

Result<PackedKnowledgeBase> packKnowledgeBase(const std::filesystem::path &baseFolder, const std::filesystem::path &outFolder);

// Adds the packed bases to a bundle ("knowledge"), with the provider profiles their
// embeddings use and those profiles' API keys, so the runtime can embed queries.
Diagnostics addKnowledgeToBundle(nlohmann::json &bundle, const std::vector<PackedKnowledgeBase> &bases,
                                 const ProfileStore &profiles, const SecretStore &secrets);

// Packs every base the workflow uses from `knowledgeFolder` into `outFolder`; a base that
// is missing or empty is an error naming it.
Result<std::vector<PackedKnowledgeBase>> packKnowledgeForWorkflow(const Workflow &workflow,
                                                                  const std::filesystem::path &knowledgeFolder,
                                                                  const std::filesystem::path &outFolder);

// Why a database file is not a knowledge base this Flowdeck can serve (not SQLite, damaged,
// without the knowledge tables, or from a newer Flowdeck); empty when it is one.
std::string knowledgeDatabaseProblem(const std::filesystem::path &database);

// Hex sha256 of a file read in pieces; empty with `error` when it cannot be read.
std::string fileSha256Hex(const std::filesystem::path &path, std::string &error);

// True when `name` can name a base (a folder name): letters, digits, '-', '_', '.', not
// starting with '.', 1–64 bytes; Chinese letters allowed.
bool validKnowledgeBaseName(const std::string &name);

} // namespace flowdeck::engine
