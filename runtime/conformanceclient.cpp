// `flowdeck mcp conformance-client URL`: the client the official MCP conformance suite
// drives (`conformance client --command "flowdeck mcp conformance-client"`). The suite
// starts a scenario server, appends its URL and names the scenario in
// MCP_CONFORMANCE_SCENARIO. This client does what Flowdeck does with any server:
// connect, list the tools, try each with arguments made from its schema, and answer
// elicitation with the defaults the server proposed; then end the session.
#include "engine/core/diagnostic.h"
#include "engine/core/eventloop.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/mcp/mcpclient.h"
#include "engine/mcp/schemadefaults.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"
#include "runtime/oauthsignin.h"

#include <cstdlib>
#include <iostream>

namespace flowdeck::runtime {

int runConformanceClient(const std::string &url, const std::string &clientMetadataUrl)
{
    const char *scenario = std::getenv("MCP_CONFORMANCE_SCENARIO");
    std::cerr << "flowdeck conformance client: scenario " << (scenario ? scenario : "(none)") << ", server " << url << "\n";
    boost::asio::io_context io;
    engine::McpHostHandlers host;
    host.onServerRequest = [](const std::string &method, const nlohmann::json &params,
                              std::function<void(nlohmann::json, std::string)> reply) {
        if (method == "elicitation/create")
            return reply({{"action", "accept"},
                          {"content", engine::elicitationDefaults(engine::valueOr(params, "requestedSchema", nlohmann::json::object()))}},
                         {});
        reply(nullptr, "this client has no model to answer " + method);
    };
    host.onLog = [](const nlohmann::json &params) { std::cerr << "server log: " << engine::safeDump(params) << "\n"; };
    host.oauth = headlessOAuthHost(io);
    auto config = engine::McpServerConfig::http("conformance", url, 30000);
    config.oauth.clientMetadataUrl = clientMetadataUrl;
    // Scenarios with a pre-registered client pass its credentials in MCP_CONFORMANCE_CONTEXT.
    if (const char *context = std::getenv("MCP_CONFORMANCE_CONTEXT")) {
        const auto j = engine::parseJson(context);
        if (j.is_object()) {
            config.oauth.clientId = engine::valueOr(j, "client_id", "");
            config.oauth.clientSecret = engine::valueOr(j, "client_secret", "");
        }
    }
    auto client = engine::McpClient::create(io, config, host);

    int code = kExitOk;
    nlohmann::json tools;
    std::size_t next = 0;
    auto finish = [&](int c) {
        code = c;
        client->close();  // ends the session (DELETE); the loop runs until that is sent
    };
    std::function<void()> callNext = [&] {
        if (next >= tools.size())
            return finish(code);
        const auto &tool = tools[next++];
        const std::string name = engine::valueOr(tool, "name", "");
        const auto args = engine::exampleArguments(engine::valueOr(tool, "inputSchema", nlohmann::json::object()));
        client->callTool(name, args, [&, name](nlohmann::json result, engine::McpError error) {
            if (error) {
                std::cerr << "tool " << name << ": " << error.message << "\n";
                code = kExitEndpointFailed;
            } else {
                std::cout << "tool " << name << " " << engine::safeDump(args) << ": " << engine::safeDump(result) << "\n";
            }
            callNext();
        });
    };
    client->listTools([&](nlohmann::json list, engine::McpError error) {
        if (error) {
            std::cerr << "flowdeck: " << error.message << "\n";
            return finish(kExitEndpointFailed);
        }
        std::cout << "connected: protocol " << client->protocolVersion() << ", " << list.size() << " tools\n";
        tools = std::move(list);
        callNext();
    });
    engine::runEventLoop(io, [](const std::string &what) { std::cerr << "flowdeck: " << what << "\n"; });
    return code;
}

} // namespace flowdeck::runtime
