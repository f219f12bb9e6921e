#include "engine/mcp/plugincatalog.h"

#include "engine/core/installpaths.h"

#include <cstdlib>
#include <fstream>

namespace flowdeck::engine {

Diagnostics PluginCatalog::loadDirectory(const std::filesystem::path &dir)
{
    Diagnostics problems;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) {
        const auto &path = entry.path();
        if (path.extension() != ".json" || path.filename() == "plugin.schema.json")
            continue;
        std::ifstream in(path);
        if (auto problem = add(nlohmann::json::parse(in, nullptr, false), path.string()); !problem.message.empty())
            problems.push_back(problem);
    }
    if (ec) {
        Diagnostic d;
        d.code = "plugin-catalog";
        d.field = dir.string();
        d.message = "Cannot read the plugin catalog folder " + dir.string() + ": " + ec.message() + ".";
        problems.push_back(d);
    }
    return problems;
}

Diagnostic PluginCatalog::add(const nlohmann::json &j, const std::string &where)
{
    Diagnostic d;
    d.code = "plugin-manifest";
    d.field = where;
    const auto transport = j.is_object() ? j.value("transport", nlohmann::json::object()) : nlohmann::json();
    if (j.is_discarded() || !j.is_object() || !j.contains("id") || !j["id"].is_string() || !transport.is_object()) {
        d.message = "The plugin manifest " + where + " is not valid JSON with an id and a transport.";
        return d;
    }
    PluginManifest m;
    m.id = j["id"];
    m.name = j.value("name", m.id);
    m.nameZh = j.value("name_zh", m.name);
    m.description = j.value("description", "");
    m.descriptionZh = j.value("description_zh", m.description);
    m.category = j.value("category", "utility");
    m.transport = transport.value("type", "stdio");
    m.command = transport.value("command", "");
    for (const auto &a : transport.value("args", nlohmann::json::array()))
        if (a.is_string())
            m.args.push_back(a);
    m.url = transport.value("url", "");
    m.settings = j.value("settings", nlohmann::json::array());
    m.env = j.value("env", nlohmann::json::array());
    m.raw = j;
    if (m.transport == "stdio" && m.command.empty()) {
        d.message = "The plugin manifest " + where + " has a stdio transport without a command.";
        return d;
    }
    m_plugins[m.id] = std::move(m);
    return {};
}

const PluginManifest *PluginCatalog::find(const std::string &id) const
{
    auto it = m_plugins.find(id);
    return it == m_plugins.end() ? nullptr : &it->second;
}

std::vector<const PluginManifest *> PluginCatalog::all() const
{
    std::vector<const PluginManifest *> out;
    for (const auto &[id, m] : m_plugins)
        out.push_back(&m);
    return out;
}

std::filesystem::path PluginCatalog::defaultDirectory()
{
    return resourceDir(Resource::Plugins);
}

} // namespace flowdeck::engine
