#include "engine/templates/workflowreach.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/templates/workflowneeds.h"

namespace flowdeck::engine {

namespace {

// A command line as a person reads it: arguments with spaces or quotes are quoted.
std::string commandLine(const std::string &command, const nlohmann::json &args)
{
    std::string line = command;
    if (!args.is_array())
        return line;
    for (const auto &arg : args) {
        const std::string text = arg.is_string() ? arg.get<std::string>() : safeDump(arg);
        const bool plain = !text.empty() && text.find_first_of(" \t\"'\\$`") == std::string::npos;
        line += ' ';
        if (plain) {
            line += text;
            continue;
        }
        line += '\'';
        for (char c : text)
            line += c == '\'' ? std::string("'\\''") : std::string(1, c);
        line += '\'';
    }
    return line;
}

} // namespace

WorkflowReach workflowReach(const Workflow &workflow, const PluginCatalog &catalog)
{
    WorkflowReach reach;
    for (const auto &[alias, entry] : workflow.plugins.items()) {
        if (!entry.is_object())
            continue;
        if (entry.contains("catalog")) {
            const std::string id = valueOr(entry, "catalog", "");
            const PluginManifest *m = catalog.find(id);
            std::string line;
            if (!m) {
                line = alias + ": the catalog plugin \"" + id + "\" (not installed here)";
            } else if (m->transport != "stdio") {
                line = alias + ": " + m->url;
            } else {
                line = alias + ": " + commandLine(m->command, nlohmann::json(m->args));
            }
            // Settings that become arguments are the workflow author's text.
            const nlohmann::json settings = valueOr(entry, "settings", nlohmann::json::object());
            if (!settings.empty())
                line += "  (settings " + safeDump(settings) + ")";
            (m && m->transport != "stdio" ? reach.urls : reach.commands).push_back(line);
        } else if (entry.contains("url")) {
            reach.urls.push_back(alias + ": " + valueOr(entry, "url", ""));
        } else {
            reach.commands.push_back(alias + ": " + commandLine(valueOr(entry, "command", ""),
                                                                valueOr(entry, "args", nlohmann::json::array())));
        }
    }
    for (const auto &node : workflow.nodes)
        if (node.type == "http")
            reach.urls.push_back(node.id + ": " + valueOr(node.config, "method", "GET") + " " +
                                 valueOr(node.config, "url", ""));
    reach.secrets = workflowNeeds(workflow, catalog).secrets;
    return reach;
}

} // namespace flowdeck::engine
