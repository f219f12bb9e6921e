#pragma once

#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace flowdeck::engine {

class PluginCatalog;

// What a workflow needs before it can run: a model, the catalog plugins it uses, and the
// secrets (API keys, tokens) that must have values. The template gallery lists these
// and the studio checks them when a project is opened.
struct WorkflowNeeds {
    bool model = false;                 // an llm or agent node (or a declared model)
    std::vector<std::string> plugins;   // catalog ids, sorted, once each
    std::vector<std::string> secrets;   // {{secret.NAME}} references and required secret settings of plugins
    nlohmann::json toJson() const;
};

WorkflowNeeds workflowNeeds(const Workflow &workflow, const PluginCatalog &catalog);

// Every {{secret.NAME}} in the text values of a JSON document, added to `names`.
void collectSecretReferences(const nlohmann::json &value, std::vector<std::string> &names);

} // namespace flowdeck::engine
