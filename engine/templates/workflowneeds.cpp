#include "engine/templates/workflowneeds.h"

#include "engine/mcp/plugincatalog.h"
#include "engine/workflow/reference.h"

#include <algorithm>

namespace flowdeck::engine {

namespace {

void addOnce(std::vector<std::string> &list, const std::string &value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

} // namespace

void collectSecretReferences(const nlohmann::json &value, std::vector<std::string> &names)
{
    if (value.is_string()) {
        for (const auto &segment : parseTemplate(value.get_ref<const std::string &>()).segments)
            if (segment.isReference && segment.reference.kind == Reference::Kind::Secret)
                addOnce(names, segment.reference.firstKey());
    } else if (value.is_structured()) {
        for (const auto &child : value)
            collectSecretReferences(child, names);
    }
}

nlohmann::json WorkflowNeeds::toJson() const
{
    return {{"model", model}, {"plugins", plugins}, {"secrets", secrets}};
}

WorkflowNeeds workflowNeeds(const Workflow &workflow, const PluginCatalog &catalog)
{
    WorkflowNeeds needs;
    needs.model = std::any_of(workflow.nodes.begin(), workflow.nodes.end(),
                              [](const NodeSpec &n) {
                                  return n.type == "llm" || n.type == "agent" || n.type == "classifier" ||
                                         n.type == "extractor";
                              });
    for (const auto &[alias, entry] : workflow.plugins.items()) {
        if (!entry.is_object())
            continue;
        collectSecretReferences(entry, needs.secrets);
        const std::string id = entry.value("catalog", "");
        if (id.empty())
            continue;
        addOnce(needs.plugins, id);
        const PluginManifest *manifest = catalog.find(id);
        if (!manifest)
            continue;
        const nlohmann::json given = entry.value("env", nlohmann::json::object());
        for (const auto &e : manifest->env)
            if (e.value("secret", false) && e.value("required", false) && !given.contains(e.value("name", "")))
                addOnce(needs.secrets, e.value("name", ""));
    }
    for (const auto &node : workflow.nodes)
        collectSecretReferences(node.config, needs.secrets);
    std::sort(needs.plugins.begin(), needs.plugins.end());
    std::sort(needs.secrets.begin(), needs.secrets.end());
    return needs;
}

} // namespace flowdeck::engine
