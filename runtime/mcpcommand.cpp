#include "engine/core/diagnostic.h"
#include "engine/core/eventloop.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/mcp/mcpserverpool.h"
#include "engine/mcp/mcpserversimport.h"
#include "engine/mcp/plugincatalog.h"
#include "runtime/cliconfig.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"
#include "runtime/oauthsignin.h"

#include <fstream>
#include <iomanip>
#include <sstream>
#include <iostream>
#include <memory>

namespace flowdeck::runtime {

namespace {

struct McpOptions {
    std::string server;  // a catalog id
    std::string command;
    std::vector<std::string> commandArgs;
    std::string url;
    std::string transport = "http";
    std::vector<std::string> headers;   // Name=value
    std::string clientMetadataUrl;
    std::vector<std::string> settings;  // NAME=value
    std::vector<std::string> env;       // NAME=value
    std::string tool;
    std::vector<std::string> args;      // k=v; v is JSON when it parses, else text
    bool json = false;
    long timeoutMs = 60000;
};

// Runs `body` with a connected client for the server the options name.
int withClient(const McpOptions &o,
               const std::function<void(std::shared_ptr<engine::McpClient>, std::function<void(int)>)> &body)
{
    engine::Workflow wf;
    nlohmann::json entry = nlohmann::json::object();
    std::string name, value;
    if (!o.url.empty()) {
        entry["url"] = o.url;
        entry["transport"] = o.transport;
        for (const auto &h : o.headers) {
            if (!splitNameValue(h, name, value, "--header"))
                return kExitUsage;
            entry["headers"][name] = value;
        }
    } else if (!o.command.empty()) {
        entry["command"] = o.command;
        entry["args"] = o.commandArgs;
    } else {
        entry["catalog"] = o.server;
    }
    for (const auto &s : o.settings) {
        if (!splitNameValue(s, name, value, "--set"))
            return kExitUsage;
        auto &slot = entry["settings"][name];
        if (slot.is_null())
            slot = nlohmann::json::array();
        slot.push_back(value);
    }
    for (const auto &e : o.env) {
        if (!splitNameValue(e, name, value, "--env"))
            return kExitUsage;
        entry["env"][name] = value;
    }
    const std::string alias = o.command.empty() && o.url.empty() ? o.server : "server";
    wf.plugins[alias] = entry;
    boost::asio::io_context io;
    auto handlers = cliMcpHost(false);
    handlers.oauth = browserOAuthHost(io);  // servers that ask for an OAuth sign-in get one in the browser
    auto host = makeCliRunHost(io, {}, std::move(handlers));
    engine::McpServerPool &pool = host->mcp();
    pool.callTimeoutMs = o.timeoutMs;
    auto client = pool.clientFor(wf, alias);
    if (!client) {
        printDiagnostics(client.diagnostics(), "flowdeck mcp");
        return kExitInvalidWorkflow;
    }
    int code = kExitOk;
    body(client.value(), [&](int c) {
        code = c;
        pool.closeAll();
        io.stop();
    });
    engine::runEventLoop(io, [](const std::string &what) { std::cerr << "flowdeck: " << what << "\n"; });
    return code;
}

int listTools(const McpOptions &o)
{
    return withClient(o, [&](std::shared_ptr<engine::McpClient> client, std::function<void(int)> done) {
        client->listTools([&o, done](nlohmann::json tools, engine::McpError error) {
            if (error) {
                std::cerr << "flowdeck: " << error.message << "\n";
                return done(kExitEndpointFailed);
            }
            if (o.json) {
                std::cout << engine::safeDump(tools, 2) << "\n";
                return done(kExitOk);
            }
            for (const auto &t : tools) {
                std::cout << engine::valueOr(t, "name", "") << "\n";
                if (t.contains("description") && t["description"].is_string())
                    std::cout << "    " << engine::truncateUtf8(t["description"].get<std::string>(), 160) << "\n";
                const nlohmann::json schema = engine::valueOr(t, "inputSchema", nlohmann::json::object());
                const nlohmann::json properties = schema.is_object() ? engine::valueOr(schema, "properties", nlohmann::json::object())
                                                                     : nlohmann::json::object();
                for (const auto &[arg, property] : properties.items()) {
                    const nlohmann::json type = property.is_object() ? engine::valueOr(property, "type", nlohmann::json("any")) : nlohmann::json("any");
                    std::cout << "    --arg " << arg << "=<" << (type.is_string() ? type.get<std::string>() : engine::safeDump(type))
                              << ">\n";
                }
            }
            done(kExitOk);
        });
    });
}

int callTool(const McpOptions &o)
{
    nlohmann::json arguments = nlohmann::json::object();
    std::string name, value;
    for (const auto &a : o.args) {
        if (!splitNameValue(a, name, value, "--arg"))
            return kExitUsage;
        auto parsed = engine::parseJson(value);
        arguments[name] = parsed.is_discarded() ? nlohmann::json(value) : parsed;
    }
    return withClient(o, [&](std::shared_ptr<engine::McpClient> client, std::function<void(int)> done) {
        client->callTool(
            o.tool, arguments,
            [&o, done](nlohmann::json result, engine::McpError error) {
                if (error) {
                    std::cerr << "flowdeck: " << error.message << "\n";
                    return done(kExitEndpointFailed);
                }
                if (o.json) {
                    std::cout << engine::safeDump(result, 2) << "\n";
                } else {
                    for (const auto &c : engine::valueOr(result, "content", nlohmann::json::array())) {
                        if (engine::valueOr(c, "type", "") == "text")
                            std::cout << engine::valueOr(c, "text", "") << "\n";
                        else
                            std::cout << "[" << engine::valueOr(c, "type", "content") << " " << engine::valueOr(c, "mimeType", "") << "]\n";
                    }
                    if (result.contains("structuredContent"))
                        std::cout << engine::safeDump(result["structuredContent"], 2) << "\n";
                }
                done(engine::valueOr(result, "isError", false) ? kExitRunFailed : kExitOk);
            },
            [](const nlohmann::json &progress) {
                std::cerr << "progress " << engine::safeDump(engine::valueOr(progress, "progress", nlohmann::json(0)))
                          << (progress.contains("total") ? " of " + engine::safeDump(progress["total"]) : "") << "\n";
            });
    });
}

int listCatalog(bool json)
{
    engine::PluginCatalog catalog;
    auto problems = catalog.loadDirectory(engine::PluginCatalog::defaultDirectory());
    printDiagnostics(problems, engine::PluginCatalog::defaultDirectory().string());
    nlohmann::json list = nlohmann::json::array();
    for (const auto *m : catalog.all())
        list.push_back(m->raw);
    if (json) {
        std::cout << engine::safeDump(list, 2) << "\n";
        return kExitOk;
    }
    for (const auto *m : catalog.all())
        std::cout << std::left << std::setw(22) << m->id << std::setw(11) << m->category << m->name << " / " << m->nameZh
                  << "\n";
    return kExitOk;
}

int importServers(const std::string &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "flowdeck: cannot read " << file << ".\n";
        return kExitUsage;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto imported = engine::importMcpServers(text.str());
    printDiagnostics(imported.diagnostics(), file);
    if (!imported)
        return kExitInvalidWorkflow;
    printDiagnostics(imported->notes, file);
    std::cout << engine::safeDump(nlohmann::json{{"plugins", imported->plugins}}, 2) << "\n";
    if (!imported->secrets.empty()) {
        std::cerr << "flowdeck: these values look secret and were replaced by {{secret.NAME}}; put them in "
                  << (engine::defaultConfigDir() / "secrets.json").string() << " (mode 0600):";
        for (const auto &[k, v] : imported->secrets.items())
            std::cerr << " " << k;
        std::cerr << "\n";
    }
    return kExitOk;
}

} // namespace

void addMcpCommand(CLI::App &app, std::function<int()> &action)
{
    auto o = std::make_shared<McpOptions>();
    CLI::App *mcp = app.add_subcommand("mcp", "Work with MCP plugin servers.");
    mcp->require_subcommand(1);
    auto serverOptions = [o](CLI::App *cmd) {
        cmd->add_option("server", o->server, "A plugin id from the catalog (see `flowdeck mcp list`)");
        cmd->add_option("--command", o->command, "Start this program instead of a catalog plugin");
        cmd->add_option("--command-arg", o->commandArgs, "An argument for --command (repeat)")->allow_extra_args(false);
        cmd->add_option("--url", o->url, "Reach the server at this URL (Streamable HTTP, falling back to HTTP+SSE)");
        cmd->add_option("--transport", o->transport, "With --url: http (the default) or sse (legacy only)")
            ->check(CLI::IsMember({"http", "sse"}));
        cmd->add_option("--header", o->headers, "With --url: a request header as Name=value (repeat)")->allow_extra_args(false);
        cmd->add_option("--set", o->settings, "A plugin setting as NAME=value (repeat for several values)")->allow_extra_args(false);
        cmd->add_option("--env", o->env, "An environment value for the server as NAME=value")->allow_extra_args(false);
        cmd->add_option("--timeout-ms", o->timeoutMs, "How long one request may take");
        cmd->add_flag("--json", o->json, "Print JSON");
    };
    CLI::App *tools = mcp->add_subcommand("tools", "List a server's tools and their arguments.");
    serverOptions(tools);
    tools->callback([o, &action] { action = [o] { return listTools(*o); }; });
    CLI::App *call = mcp->add_subcommand("call", "Call one tool of a server.");
    serverOptions(call);
    call->add_option("tool", o->tool, "The tool's name");
    call->add_option("-a,--arg", o->args, "An argument as name=value; JSON values (numbers, true, [..]) are kept")->allow_extra_args(false);
    call->callback([o, &action] {
        action = [o] {
            if ((!o->command.empty() || !o->url.empty()) && o->tool.empty())
                std::swap(o->server, o->tool);  // with --command or --url the only positional is the tool
            if (o->tool.empty()) {
                std::cerr << "flowdeck: name the tool to call, e.g. flowdeck mcp call filesystem read_text_file --arg path=...\n";
                return static_cast<int>(kExitUsage);
            }
            return callTool(*o);
        };
    });
    CLI::App *import = mcp->add_subcommand("import", "Turn an mcpServers file (Claude Desktop, Cursor, Cherry Studio) into workflow plugins.");
    import->add_option("file", o->server, "The JSON file")->required();
    import->callback([o, &action] { action = [o] { return importServers(o->server); }; });
    CLI::App *conformance = mcp->add_subcommand(
        "conformance-client", "Act as the client the MCP conformance suite drives (reads MCP_CONFORMANCE_SCENARIO).");
    conformance->add_option("url", o->url, "The scenario server's URL (the suite appends it)")->required();
    conformance->add_option("--client-metadata-url", o->clientMetadataUrl,
                            "The URL of this client's OAuth client ID metadata document, used when a server supports those");
    conformance->callback([o, &action] { action = [o] { return runConformanceClient(o->url, o->clientMetadataUrl); }; });
    CLI::App *list = mcp->add_subcommand("list", "List the plugin catalog.");
    list->add_flag("--json", o->json, "Print JSON");
    list->callback([o, &action] { action = [o] { return listCatalog(o->json); }; });
}

} // namespace flowdeck::runtime
