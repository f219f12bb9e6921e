#pragma once

#include "engine/core/diagnostic.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace flowdeck::engine {

// One MCP server of the catalog in plugins/ (plugins/plugin.schema.json).
struct PluginManifest {
    std::string id;
    std::string name;
    std::string nameZh;
    std::string description;
    std::string descriptionZh;
    std::string category;
    std::string transport;  // "stdio" or "http"
    std::string command;
    std::vector<std::string> args;
    std::string url;
    nlohmann::json settings = nlohmann::json::array();  // [{name, arg, required, ...}]
    nlohmann::json env = nlohmann::json::array();       // [{name, secret, required, ...}]
    nlohmann::json raw;
};

class PluginCatalog {
public:
    // Loads every *.json manifest of a folder (plugin.schema.json aside); bad ones are reported and skipped.
    Diagnostics loadDirectory(const std::filesystem::path &dir);
    // Adds (or replaces) one manifest; a diagnostic naming `where` if it is not one.
    Diagnostic add(const nlohmann::json &manifest, const std::string &where);
    const PluginManifest *find(const std::string &id) const;
    std::vector<const PluginManifest *> all() const;

    // $FLOWDECK_PLUGINS_DIR, else the catalog this build was made with.
    static std::filesystem::path defaultDirectory();

private:
    std::map<std::string, PluginManifest> m_plugins;
};

} // namespace flowdeck::engine
