// MCP tools/call round trip: 1,000 sequential calls of a trivial tool, over stdio and
// over Streamable HTTP, on the tiny fault servers (which report the time they spent in
// _meta.serverMicros, so it is subtracted: what is left is client + transport + JSON)
// and on the real server-everything (its own time cannot be subtracted).
//   bench_mcp [calls]
#include "engine/mcp/mcpclient.h"
#include "engine/mcp/stdiochannel.h"

#include <boost/asio/steady_timer.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace flowdeck::engine;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kPeers = FLOWDECK_SOURCE_DIR "/tests/peers";

void report(const char *label, std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    double sum = 0;
    for (double s : samples)
        sum += s;
    std::printf("  %-44s mean %7.1f us  median %7.1f us  p99 %7.1f us\n", label, sum / samples.size(),
                samples[samples.size() / 2], samples[samples.size() * 99 / 100]);
}

bool measure(const char *label, McpServerConfig config, const std::string &tool, nlohmann::json args, int calls)
{
    boost::asio::io_context io;
    auto client = McpClient::create(io, std::move(config));
    bool ok = true;
    std::vector<double> total, overhead;
    int left = calls;
    Clock::time_point sent;
    std::function<void()> next = [&] {
        if (left-- == 0)
            return io.stop();
        sent = Clock::now();
        client->callTool(tool, args, [&](nlohmann::json result, McpError error) {
            if (error) {
                std::fprintf(stderr, "%s: %s\n", label, error.message.c_str());
                ok = false;
                return io.stop();
            }
            const double us = std::chrono::duration<double, std::micro>(Clock::now() - sent).count();
            total.push_back(us);
            const auto meta = result.value("_meta", nlohmann::json::object());
            if (meta.contains("serverMicros") && meta["serverMicros"].is_number())
                overhead.push_back(us - meta["serverMicros"].get<double>());
            next();
        });
    };
    client->connect([&](McpError error) {  // start-up is not part of the figure
        if (error) {
            std::fprintf(stderr, "%s: %s\n", label, error.message.c_str());
            ok = false;
            return io.stop();
        }
        next();
    });
    io.run();
    client->close();
    io.restart();
    io.run_for(std::chrono::milliseconds(100));  // lets an HTTP session end
    if (!ok || total.empty())
        return false;
    std::printf("%s, %zu calls\n", label, total.size());
    report("round trip", total);
    if (!overhead.empty())
        report("round trip minus server time", overhead);
    return true;
}

// Starts an HTTP test peer on 127.0.0.1 and returns its port (0 on failure); it stops with `channel`.
int startHttpPeer(boost::asio::io_context &io, std::shared_ptr<StdioChannel> &channel, const std::string &script,
                  std::vector<std::string> args)
{
    auto port = std::make_shared<int>(0);
    channel = StdioChannel::create(io);
    StdioChannel::Callbacks cb;
    cb.onLine = [port](std::string line) {
        if (line.rfind("FLOWDECK_LISTENING 127.0.0.1:", 0) == 0)
            *port = std::atoi(line.c_str() + 29);
    };
    cb.onStderr = [](std::string) {};
    cb.onClosed = [](int, std::string) {};
    args.insert(args.begin(), {"--require", kPeers + "/loopback-listen.cjs", kPeers + "/" + script});
    std::string error;
    if (!channel->start("node", args, {{"PORT", "0"}}, {}, std::move(cb), &error)) {
        std::fprintf(stderr, "cannot start %s: %s\n", script.c_str(), error.c_str());
        return 0;
    }
    auto deadline = Clock::now() + std::chrono::seconds(20);
    while (*port == 0 && Clock::now() < deadline)
        io.run_one_for(std::chrono::milliseconds(50));
    std::printf("(%s listens on 127.0.0.1:%d)\n", script.c_str(), *port);
    return *port;
}

} // namespace

int main(int argc, char **argv)
{
    const int calls = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1000;
    std::printf("MCP tools/call round trip (sequential; server start-up excluded)\n");
    bool ok = measure("stdio: fault-mcp-server echo (minimal)",
                      McpServerConfig::stdio("fault", "node", {kPeers + "/fault-mcp-server.cjs"}, 10000), "echo",
                      {{"text", "hi"}}, calls);
    ok = measure("stdio: server-everything echo",
                 McpServerConfig::stdio("everything", kPeers + "/node_modules/.bin/mcp-server-everything", {"stdio"}, 10000),
                 "echo", {{"message", "hi"}}, calls) &&
         ok;

    boost::asio::io_context peers;
    std::shared_ptr<StdioChannel> fault, everything;
    const int faultPort = startHttpPeer(peers, fault, "fault-mcp-http-server.cjs", {});
    const int everythingPort =
        startHttpPeer(peers, everything, "node_modules/@modelcontextprotocol/server-everything/dist/index.js", {"streamableHttp"});
    ok = faultPort && everythingPort && ok;
    if (faultPort)
        ok = measure("Streamable HTTP: fault-mcp-http-server echo (minimal)",
                     McpServerConfig::http("fault", "http://127.0.0.1:" + std::to_string(faultPort) + "/mcp", 10000), "echo",
                     {{"text", "hi"}}, calls) &&
             ok;
    if (everythingPort)
        ok = measure("Streamable HTTP: server-everything echo",
                     McpServerConfig::http("everything", "http://127.0.0.1:" + std::to_string(everythingPort) + "/mcp", 10000),
                     "echo", {{"message", "hi"}}, calls) &&
             ok;
    for (auto *c : {&fault, &everything})
        if (*c)
            (*c)->close();
    peers.run_for(std::chrono::milliseconds(500));

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak memory of the client process (max RSS): %.1f MiB\n", usage.ru_maxrss / 1024.0);
    return ok ? 0 : 1;
}
