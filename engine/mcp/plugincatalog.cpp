#include "engine/mcp/plugincatalog.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

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
        if (auto problem = add(engine::parseJson(in), path.string()); !problem.message.empty())
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
    const auto transport = j.is_object() ? engine::valueOr(j, "transport", nlohmann::json::object()) : nlohmann::json();
    if (j.is_discarded() || !j.is_object() || !j.contains("id") || !j["id"].is_string() || !transport.is_object()) {
        d.message = "The plugin manifest " + where + " is not valid JSON with an id and a transport.";
        return d;
    }
    PluginManifest m;
    m.id = j["id"];
    m.name = engine::valueOr(j, "name", m.id);
    m.nameZh = engine::valueOr(j, "name_zh", m.name);
    m.description = engine::valueOr(j, "description", "");
    m.descriptionZh = engine::valueOr(j, "description_zh", m.description);
    m.category = engine::valueOr(j, "category", "utility");
    m.transport = engine::valueOr(transport, "type", "stdio");
    m.command = engine::valueOr(transport, "command", "");
    for (const auto &a : engine::valueOr(transport, "args", nlohmann::json::array()))
        if (a.is_string())
            m.args.push_back(a);
    m.url = engine::valueOr(transport, "url", "");
    m.settings = engine::valueOr(j, "settings", nlohmann::json::array());
    m.env = engine::valueOr(j, "env", nlohmann::json::array());
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
