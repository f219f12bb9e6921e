#pragma once

#include "engine/core/result.h"
#include "engine/knowledge/knowledgesettings.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace flowdeck::engine {

struct ProviderProfile;
struct Workflow;

// A knowledge base a solution template brings (template.json "knowledge"): its settings
// and the folder of sample documents inside the template, read into the new project.
//   {"name": "manuals", "title": {"en": "...", "zh": "..."}, "description": {...},
//    "documents": "knowledge/manuals", "chunking": {...}, "tags": ["sample"]}
struct TemplateKnowledgeBase {
    KnowledgeSettings settings;         // name, title, description, chunking, cleaning; no embedding yet
    std::filesystem::path documents;    // absolute: a folder (or one file) in the template's folder
    std::vector<std::string> tags;      // given to every sample document
};

// Reads and checks the "knowledge" list of a template in `dir`: names, texts, the
// documents folder, the chunking settings, and that every base the workflow searches is
// declared (and every declared base searched). Problems go to `problems`, named with `where`.
std::vector<TemplateKnowledgeBase> readTemplateKnowledge(const nlohmann::json &meta, const std::filesystem::path &dir,
                                                         const Workflow *workflow, const std::string &where,
                                                         Diagnostics &problems);

// The embedding a new project's bases get when its models are bound to `profile`: the
// profile itself when it has an embeddings model (the offline demo embeds in-process);
// none (keyword search until one is chosen) without a profile or for one without
// embeddings, such as DeepSeek.
EmbeddingSettings templateEmbeddingFor(const ProviderProfile *profile);
// True for the offline demo profile, whose vectors are made in-process (no network).
bool embedsOffline(const ProviderProfile &profile);

// Creates each base in `knowledgeFolder` and reads its sample documents into it. Vectors
// are made now only when they need no network (the demo profile); otherwise they are
// left for the Knowledge panel or `flowdeck kb reindex`. A document that cannot be read
// is an error naming it.
Result<bool> createTemplateKnowledge(const std::vector<TemplateKnowledgeBase> &bases,
                                     const std::filesystem::path &knowledgeFolder, const ProviderProfile *bindTo);

} // namespace flowdeck::engine
