#pragma once

#include "engine/workflow/workflow.h"

#include <string>
#include <vector>

namespace flowdeck::engine {

class PluginCatalog;

// What a workflow would do on the user's machine once it runs: the commands its plugin
// servers start, the addresses it sends requests to (remote plugins, http nodes) and the
// secrets it reads. The studio shows this before it trusts a workflow that comes from
// outside the user's own projects (workspace trust); nothing here is resolved or started.
struct WorkflowReach {
    std::vector<std::string> commands;  // "alias: command arg arg", as the plugin entry or its catalog manifest says
    std::vector<std::string> urls;      // "alias: https://…" for plugins, "node: https://…" for http nodes
    std::vector<std::string> secrets;   // secret names, sorted
    bool empty() const { return commands.empty() && urls.empty() && secrets.empty(); }
};

WorkflowReach workflowReach(const Workflow &workflow, const PluginCatalog &catalog);

} // namespace flowdeck::engine
