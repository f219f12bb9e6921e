// `flowdeck tables-mcp [FOLDER...]`: the built-in "tables" MCP server over stdio
// (newline-delimited JSON-RPC 2.0), reading CSV files only inside the given folders.
#include "engine/core/diagnostic.h"
#include "engine/core/jsonread.h"
#include "runtime/commands.h"
#include "runtime/mcpprotocol.h"
#include "runtime/tables/tabletools.h"

#include <iostream>
#include <memory>

namespace flowdeck::runtime {

namespace {

nlohmann::json handle(const TableToolbox &tools, const nlohmann::json &message)
{
    const std::string method = message.value("method", "");
    const nlohmann::json id = message["id"];
    const nlohmann::json params = message.value("params", nlohmann::json::object());
    if (method == "initialize")
        return rpcResult(id, {{"protocolVersion", negotiateMcpVersion(params.value("protocolVersion", ""))},
                              {"capabilities", {{"tools", {{"listChanged", false}}}}},
                              {"serverInfo", {{"name", "flowdeck-tables"}, {"title", "Flowdeck tables"}, {"version", "0.1.0"}}},
                              {"instructions", "Figures from CSV tables: describe_table first to learn the columns, "
                                               "then aggregate or chart."}});
    if (method == "ping")
        return rpcResult(id, nlohmann::json::object());
    if (method == "tools/list")
        return rpcResult(id, {{"tools", tools.toolList()}});
    if (method == "tools/call") {
        if (!params.contains("name") || !params["name"].is_string())
            return rpcError(id, -32602, "tools/call needs the tool's \"name\".");
        return rpcResult(id, tools.call(params["name"], params.value("arguments", nlohmann::json::object())));
    }
    return rpcError(id, -32601, "The method \"" + method + "\" is not offered by this server.");
}

int serveTables(const std::vector<std::string> &folders)
{
    std::vector<std::filesystem::path> allowed(folders.begin(), folders.end());
    const TableToolbox tools(allowed);
    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty())
            continue;
        const auto message = engine::parseJson(line);
        nlohmann::json reply;
        if (message.is_discarded() || !message.is_object())
            reply = rpcError(nullptr, -32700, "The line is not a JSON-RPC message.");
        else if (!message.contains("id") || !message.contains("method"))
            continue;  // a notification or a response to nothing we asked
        else {
            try {
                reply = handle(tools, message);
            } catch (const std::exception &e) {  // a message of the right shape with fields of the wrong type
                reply = rpcError(message["id"], -32602, std::string("Invalid params: ") + e.what());
            }
        }
        std::cout << engine::safeDump(reply, -1) << '\n' << std::flush;
    }
    return 0;
}

} // namespace

void addTablesCommand(CLI::App &app, std::function<int()> &action)
{
    auto folders = std::make_shared<std::vector<std::string>>();
    auto *cmd = app.add_subcommand("tables-mcp", "Serve the built-in \"tables\" MCP server on stdin/stdout (CSV figures and charts)");
    cmd->add_option("folders", *folders, "Folders whose CSV files the tools may read");
    cmd->callback([&action, folders] { action = [folders] { return serveTables(*folders); }; });
}

} // namespace flowdeck::runtime
