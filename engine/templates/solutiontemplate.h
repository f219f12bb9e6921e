#pragma once

#include "engine/core/result.h"
#include "engine/templates/templateknowledge.h"
#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace flowdeck::engine {

class NodeRegistry;
struct ProviderProfile;

inline constexpr const char *kTemplateFormatName = "flowdeck.template";
inline constexpr int kTemplateFormatVersion = 1;
// In a template's workflow, replaced by the project folder's absolute path when the
// template is used (sample files, plugin folders, databases live in the project).
inline constexpr const char *kProjectDirToken = "${projectDir}";

// One solution template: templates/<id>/template.json (metadata in English and
// Chinese, the workflow) beside README.md, README.zh.md and sample files.
struct SolutionTemplate {
    std::string id;
    std::filesystem::path dir;
    nlohmann::json meta;      // template.json without "workflow"
    nlohmann::json workflow;  // the flowdeck.workflow document, as written
    std::string readme;       // README.md
    std::string readmeZh;     // README.zh.md, or empty
    std::vector<TemplateKnowledgeBase> knowledge;  // "knowledge": bases made with their sample documents

    // "title", "summary" in a language ("en" or "zh"), falling back to English.
    std::string text(const std::string &field, const std::string &language) const;
};

// Reads and checks templates/<id>/: the metadata fields, the files it lists, and its
// workflow (loaded and validated like a *.flow.json file). Every problem is reported.
Result<SolutionTemplate> loadSolutionTemplate(const std::filesystem::path &dir, const NodeRegistry &registry);

struct TemplateLibrary {
    std::vector<SolutionTemplate> templates;  // sorted by category, then id
    Diagnostics problems;                     // templates that failed to load, each named
    const SolutionTemplate *find(const std::string &id) const;
};
TemplateLibrary loadTemplateLibrary(const std::filesystem::path &dir, const NodeRegistry &registry);

// $FLOWDECK_TEMPLATES_DIR, else <prefix>/share/flowdeck/templates beside an installed
// program, else the templates this build was made from.
std::filesystem::path defaultTemplatesDirectory();

// Creates `projectDir` (which must not exist, or be empty) with the template's workflow
// as <id>.flow.json, its README files, sample files and knowledge bases (read from their
// sample documents: templateknowledge.h). Work happens in a sibling folder that is
// renamed into place at the end, so a failure leaves nothing behind. Returns the
// workflow file's path. With `bindTo`, every declared model is bound to that provider
// (modelbinding.h) and the bases embed with it when it can; without, the models stay as
// the template declares them (kinds only) and the bases search by keyword.
Result<std::filesystem::path> instantiateTemplate(const SolutionTemplate &tmpl, const std::filesystem::path &projectDir,
                                                  const ProviderProfile *bindTo = nullptr);

// `base/name`, or `base/name-2`, `-3`... : the first that does not exist yet.
std::filesystem::path freeProjectDirectory(const std::filesystem::path &base, const std::string &name);

// Every string in `value` with ${projectDir} replaced.
nlohmann::json withProjectDir(const nlohmann::json &value, const std::string &projectDir);

} // namespace flowdeck::engine
