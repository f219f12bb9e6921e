#include "engine/mcp/mcpserverpool.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/diagnostic.h"

#include "engine/core/jsonschema.h"
#include "engine/core/secretstore.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/mcp/plugininstall.h"
#include "engine/workflow/reference.h"

namespace flowdeck::engine {

namespace {

Diagnostic problem(const std::string &alias, std::string message)
{
    Diagnostic d;
    d.code = "plugin";
    d.field = "plugins." + alias;
    d.message = std::move(message);
    return d;
}

// Plugin settings may hold {{secret.NAME}} and {{env.NAME}} (resolved from the
// secret store and the environment); nothing else is known before a run.
bool resolveText(const std::string &text, const SecretStore &secrets, std::string &out, std::string &missing)
{
    ParsedTemplate t = parseTemplate(text);
    out.clear();
    for (const auto &s : t.segments) {
        if (!s.isReference) {
            out += s.literal;
            continue;
        }
        const std::string name = s.reference.firstKey();
        std::optional<std::string> value;
        if (s.reference.kind == Reference::Kind::Secret || s.reference.kind == Reference::Kind::Env)
            value = secrets.get(name);
        if (!value) {
            missing = "{{" + s.reference.text + "}}";
            return false;
        }
        out += *value;
    }
    return true;
}

} // namespace

Diagnostic McpServerPool::resolveHeaders(const std::string &alias, const nlohmann::json &headers,
                                         McpServerConfig &config) const
{
    if (!headers.is_object())
        return problem(alias, "The headers of plugin '" + alias + "' must be an object of name: value.");
    std::string value, missing;
    for (const auto &[name, v] : headers.items()) {
        if (!v.is_string() || !resolveText(v.get<std::string>(), m_secrets, value, missing))
            return problem(alias, "The header " + name + " of plugin '" + alias + "' " +
                                      (v.is_string() ? "uses " + missing + ", which has no value." : "must be text."));
        config.headers.emplace_back(name, value);
    }
    return {};
}

McpServerPool::McpServerPool(boost::asio::io_context &io, const PluginCatalog &catalog, const SecretStore &secrets,
                             McpHostHandlers host)
    : installDirectory(defaultPluginInstallDir()), m_io(io), m_catalog(catalog), m_secrets(secrets), m_host(std::move(host))
{
}

McpServerPool::~McpServerPool() { closeAll(); }

void McpServerPool::closeAll()
{
    for (auto &[key, client] : m_clients)
        client->close();
    m_clients.clear();
}

Result<McpServerConfig> McpServerPool::configFor(const Workflow &workflow, const std::string &alias) const
{
    if (!workflow.plugins.contains(alias) || !workflow.plugins[alias].is_object())
        return Result<McpServerConfig>::failure(
            problem(alias, "The workflow has no plugin named '" + alias + "'; add it under \"plugins\"."));
    const auto &entry = workflow.plugins[alias];
    McpServerConfig config;
    config.id = alias;
    config.callTimeoutMs = callTimeoutMs;
    nlohmann::json envSpec = nlohmann::json::array();
    if (entry.contains("catalog")) {
        const std::string id = engine::valueOr(entry, "catalog", "");
        const PluginManifest *m = m_catalog.find(id);
        if (!m)
            return Result<McpServerConfig>::failure(
                problem(alias, "The plugin catalog has no server '" + id + "'. Check the id, or install the plugin."));
        if (m->transport != "stdio") {
            config.transport = m->transport;
            config.url = m->url;
            const nlohmann::json headers = engine::valueOr(engine::valueOr(m->raw, "transport", nlohmann::json::object()), "headers", nlohmann::json::object());
            if (auto bad = resolveHeaders(alias, headers, config); !bad.message.empty())
                return Result<McpServerConfig>::failure(bad);
        }
        if (!installedLaunch(*m, installDirectory, config.command, config.args)) {
            config.command = m->command == "flowdeck" ? flowdeckProgram() : m->command;
            config.args = m->args;
        }
        envSpec = m->env;
        // Settings marked "arg" are appended to the command line, in the manifest's order.
        const nlohmann::json given = engine::valueOr(entry, "settings", nlohmann::json::object());
        for (const auto &setting : m->settings) {
            const std::string name = engine::valueOr(setting, "name", "");
            nlohmann::json value = given.contains(name) ? given[name] : engine::valueOr(setting, "default", nlohmann::json());
            if (value.is_null() || (value.is_array() && value.empty())) {
                if (engine::valueOr(setting, "required", false))
                    return Result<McpServerConfig>::failure(problem(
                        alias, "The plugin '" + alias + "' needs the setting " + name + ": add it under plugins." + alias +
                                   ".settings."));
                continue;
            }
            if (!engine::valueOr(setting, "arg", false))
                continue;
            for (const auto &v : value.is_array() ? value : nlohmann::json::array({value})) {
                std::string text, missing;
                if (!v.is_string() || !resolveText(v.get<std::string>(), m_secrets, text, missing))
                    return Result<McpServerConfig>::failure(problem(
                        alias, "The setting " + name + " of plugin '" + alias + "' must be text" +
                                   (missing.empty() ? std::string(".") : "; " + missing + " has no value.")));
                config.args.push_back(text);
            }
        }
    } else if (entry.contains("url")) {
        config.transport = engine::valueOr(entry, "transport", "http");
        config.url = engine::valueOr(entry, "url", "");
        if (config.transport != "http" && config.transport != "sse")
            return Result<McpServerConfig>::failure(problem(
                alias, "The plugin '" + alias + "' has transport '" + config.transport + "'; use \"http\" or \"sse\"."));
        if (auto bad = resolveHeaders(alias, engine::valueOr(entry, "headers", nlohmann::json::object()), config); !bad.message.empty())
            return Result<McpServerConfig>::failure(bad);
    } else {
        config.command = engine::valueOr(entry, "command", "");
        if (config.command.empty())
            return Result<McpServerConfig>::failure(problem(
                alias, "The plugin '" + alias + "' needs \"catalog\", a \"command\" to start or a \"url\" to reach."));
    }
    std::string value, missing;
    for (const auto &a : engine::valueOr(entry, "args", nlohmann::json::array())) {
        if (!a.is_string() || !resolveText(a.get<std::string>(), m_secrets, value, missing))
            return Result<McpServerConfig>::failure(problem(alias, "An argument of plugin '" + alias + "' uses " + missing +
                                                                       ", which has no value."));
        config.args.push_back(value);
    }
    const nlohmann::json envValues = engine::valueOr(entry, "env", nlohmann::json::object());
    for (const auto &[name, v] : envValues.items()) {
        if (!v.is_string() || !resolveText(v.get<std::string>(), m_secrets, value, missing))
            return Result<McpServerConfig>::failure(
                problem(alias, "The setting " + name + " of plugin '" + alias + "' uses " + missing + ", which has no value."));
        config.env[name] = value;
    }
    for (const auto &e : envSpec) {
        const std::string name = engine::valueOr(e, "name", "");
        if (name.empty() || config.env.count(name))
            continue;
        if (auto fromStore = m_secrets.get(name))
            config.env[name] = *fromStore;
        else if (e.contains("default") && e["default"].is_string())
            config.env[name] = e["default"].get<std::string>();
        else if (engine::valueOr(e, "required", false))
            return Result<McpServerConfig>::failure(problem(
                alias, "The plugin '" + alias + "' needs " + name + (engine::valueOr(e, "secret", false) ? " (a secret)" : "") +
                           ": set it in the environment or the secrets file, or under plugins." + alias + ".env."));
    }
    if (entry.contains("cwd") && entry["cwd"].is_string())
        config.cwd = entry["cwd"];
    config.allowPrivateNetwork = allowPrivateNetwork;
    config.allowedAddresses = allowedAddresses;
    return Result<McpServerConfig>(std::move(config));
}

namespace {

std::string fingerprintOf(const McpServerConfig &config)
{
    nlohmann::json key = {{"command", config.command}, {"args", config.args}, {"env", config.env},
                          {"cwd", config.cwd}, {"transport", config.transport}, {"url", config.url},
                          {"headers", config.headers}};
    return engine::safeDump(key);
}

} // namespace

void McpServerPool::close(const Workflow &workflow, const std::string &alias)
{
    auto config = configFor(workflow, alias);
    if (!config)
        return;
    if (auto it = m_clients.find(fingerprintOf(config.value())); it != m_clients.end()) {
        it->second->close();
        m_clients.erase(it);
    }
}

Result<std::shared_ptr<McpClient>> McpServerPool::clientFor(const Workflow &workflow, const std::string &alias)
{
    auto config = configFor(workflow, alias);
    if (!config)
        return Result<std::shared_ptr<McpClient>>(config.diagnostics());
    const std::string fingerprint = fingerprintOf(config.value());
    auto it = m_clients.find(fingerprint);
    if (it == m_clients.end())
        it = m_clients.emplace(fingerprint, McpClient::create(m_io, config.value(), m_host)).first;
    return Result<std::shared_ptr<McpClient>>(it->second);
}

std::shared_ptr<const JsonSchema> McpServerPool::toolSchema(const std::string &serverKey, const nlohmann::json &tool,
                                                            std::string *error)
{
    const nlohmann::json schema = engine::valueOr(tool, "inputSchema", nlohmann::json{{"type", "object"}});
    const std::string key = serverKey + "\n" + engine::safeDump(schema);
    if (auto it = m_schemas.find(key); it != m_schemas.end())
        return it->second;
    auto compiled = JsonSchema::compile(schema, error);
    if (compiled)
        m_schemas[key] = compiled;
    return compiled;
}

} // namespace flowdeck::engine
