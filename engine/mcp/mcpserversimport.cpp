#include "engine/mcp/mcpserversimport.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include <algorithm>
#include <cctype>

namespace flowdeck::engine {

namespace {

bool looksSecret(std::string name)
{
    std::transform(name.begin(), name.end(), name.begin(), ::toupper);
    for (const char *word : {"KEY", "TOKEN", "SECRET", "PASSWORD", "PASS", "CREDENTIAL", "AUTH"})
        if (name.find(word) != std::string::npos)
            return true;
    return false;
}

// A header such as "Authorization" of server "github" is kept as the secret GITHUB_AUTHORIZATION.
std::string secretNameFor(const std::string &alias, const std::string &header)
{
    std::string out;
    for (char c : alias + "_" + header)
        out.push_back(std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(c)) : '_');
    return out;
}

std::string aliasFor(const std::string &name)
{
    std::string out;
    for (char c : name)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '-';
    return out.empty() ? "server" : out;
}

Diagnostic note(const std::string &name, std::string message, Diagnostic::Severity severity = Diagnostic::Severity::Warning)
{
    Diagnostic d;
    d.severity = severity;
    d.code = "mcp-import";
    d.field = "mcpServers." + name;
    d.message = std::move(message);
    return d;
}

} // namespace

Result<ImportedServers> importMcpServers(std::string_view jsonText)
{
    auto doc = engine::parseJson(jsonText);
    if (doc.is_discarded() || !doc.is_object())
        return Result<ImportedServers>::failure(note("", "The file is not a JSON object.", Diagnostic::Severity::Error));
    const nlohmann::json servers = doc.contains("mcpServers") ? doc["mcpServers"] : doc;
    if (!servers.is_object() || servers.empty())
        return Result<ImportedServers>::failure(
            note("", "No \"mcpServers\" object was found (the format Claude Desktop, Cursor and Cherry Studio use).",
                 Diagnostic::Severity::Error));
    ImportedServers out;
    for (const auto &[name, server] : servers.items()) {
        if (!server.is_object()) {
            out.notes.push_back(note(name, "The entry is not an object, so it was skipped."));
            continue;
        }
        if (engine::valueOr(server, "disabled", false) || engine::valueOr(server, "isActive", true) == false) {
            out.notes.push_back(note(name, "The server is disabled in the file, so it was skipped."));
            continue;
        }
        const std::string alias = aliasFor(name);
        nlohmann::json plugin = nlohmann::json::object();
        if (server.contains("command") && server["command"].is_string()) {
            plugin["command"] = server["command"];
            nlohmann::json args = nlohmann::json::array();
            for (const auto &a : engine::valueOr(server, "args", nlohmann::json::array()))
                if (a.is_string())
                    args.push_back(a);
            plugin["args"] = args;
            const nlohmann::json env = engine::valueOr(server, "env", nlohmann::json::object());
            for (const auto &[key, value] : env.items()) {
                if (!value.is_string())
                    continue;
                if (looksSecret(key)) {
                    plugin["env"][key] = "{{secret." + key + "}}";
                    out.secrets[key] = value;
                } else {
                    plugin["env"][key] = value;
                }
            }
        } else if (server.contains("url") || server.contains("baseUrl")) {
            const std::string type = engine::valueOr(server, "type", engine::valueOr(server, "transport", ""));
            plugin["transport"] = (type == "sse") ? "sse" : "http";
            plugin["url"] = server.contains("url") ? server["url"] : server["baseUrl"];
            const nlohmann::json headers = engine::valueOr(server, "headers", nlohmann::json::object());
            for (const auto &[key, value] : headers.items()) {
                if (!value.is_string())
                    continue;
                if (looksSecret(key)) {
                    const std::string secretName = secretNameFor(alias, key);
                    plugin["headers"][key] = "{{secret." + secretName + "}}";
                    out.secrets[secretName] = value;
                } else {
                    plugin["headers"][key] = value;
                }
            }
        } else {
            out.notes.push_back(note(name, "The entry has neither a command nor a url, so it was skipped."));
            continue;
        }
        out.plugins[alias] = plugin;
    }
    if (out.plugins.empty()) {
        out.notes.push_back(note("", "No server in the file could be imported.", Diagnostic::Severity::Error));
        return Result<ImportedServers>(std::move(out.notes));
    }
    return Result<ImportedServers>(std::move(out));
}

} // namespace flowdeck::engine
