// MCP tools/call round trip over stdio: 1,000 sequential calls of a trivial tool on a
// real server (server-everything's echo) and on the tiny fault server's echo, which
// does almost nothing, so its figure is close to pure client + pipe + JSON overhead.
//   bench_mcp [calls]
#include "engine/mcp/mcpclient.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace flowdeck::engine;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kPeers = FLOWDECK_SOURCE_DIR "/tests/peers";

bool measure(const char *label, McpServerConfig config, const std::string &tool, nlohmann::json args, int calls)
{
    boost::asio::io_context io;
    auto client = McpClient::create(io, std::move(config));
    bool ok = true;
    std::vector<double> samples;
    int left = calls;
    Clock::time_point sent;
    std::function<void()> next = [&] {
        if (left-- == 0)
            return io.stop();
        sent = Clock::now();
        client->callTool(tool, args, [&](nlohmann::json, McpError error) {
            if (error) {
                std::fprintf(stderr, "%s: %s\n", label, error.message.c_str());
                ok = false;
                return io.stop();
            }
            samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - sent).count());
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
    if (!ok || samples.empty())
        return false;
    std::sort(samples.begin(), samples.end());
    double sum = 0;
    for (double s : samples)
        sum += s;
    std::printf("%-36s %5zu calls  mean %7.1f us  median %7.1f us  p99 %7.1f us\n", label, samples.size(),
                sum / samples.size(), samples[samples.size() / 2], samples[samples.size() * 99 / 100]);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    const int calls = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1000;
    std::printf("MCP tools/call round trip over stdio (sequential; server start-up excluded)\n");
    bool ok = measure("fault-mcp-server echo (minimal)", McpServerConfig::stdio("fault", "node", {kPeers + "/fault-mcp-server.cjs"}, 10000),
                      "echo", {{"text", "hi"}}, calls);
    ok = measure("server-everything echo", McpServerConfig::stdio("everything", kPeers + "/node_modules/.bin/mcp-server-everything", {"stdio"}, 10000),
                 "echo", {{"message", "hi"}}, calls) && ok;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak memory of the client process (max RSS): %.1f MiB\n", usage.ru_maxrss / 1024.0);
    return ok ? 0 : 1;
}
