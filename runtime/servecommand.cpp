// `flowdeck serve`: hosts deployed apps (runtime/serve/).
#include "engine/core/installpaths.h"
#include "engine/core/eventloop.h"
#include "engine/net/httpclient.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"
#include "runtime/serve/serveapi.h"

#include <boost/asio/signal_set.hpp>

#include <cstdlib>
#include <iostream>

namespace flowdeck::runtime {

namespace fs = std::filesystem;

namespace {

struct ServeCliOptions {
    std::string listen = "127.0.0.1:8080";
    std::string data;
    std::string adminTokenFile;
    std::string webDir;
    std::vector<std::string> allowedOrigins, allowedHosts, allowedAddresses;
    std::size_t maxBodyMiB = 8;
    std::size_t maxUploadMiB = 32;
    int drainSeconds = 30;
    bool allowPrivateNetwork = false;
    std::size_t maxConnections = 20000;
    int historyDays = HistoryRetention{}.maxAgeDays;
    int historyRuns = HistoryRetention{}.maxRunsPerApp;
    long long historyTraceMiB = HistoryRetention{}.maxTraceBytesPerApp >> 20;
};

fs::path defaultDataDir()
{
    if (const char *dir = std::getenv("FLOWDECK_DATA_DIR"); dir && *dir)
        return dir;
    if (const char *xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return fs::path(xdg) / "flowdeck" / "serve";
    const char *home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".local" / "share" / "flowdeck" / "serve";
}

fs::path defaultWebDir()
{
    return engine::resourceDir(engine::Resource::Web);
}

// The admin token: --admin-token-file, $FLOWDECK_ADMIN_TOKEN, or <data>/admin-token (made once, 0600).
bool adminToken(const ServeCliOptions &opts, const fs::path &data, std::string &token, std::string &where)
{
    std::string error;
    if (!opts.adminTokenFile.empty()) {
        auto text = readFile(opts.adminTokenFile);
        if (!text || text->find_first_not_of(" \r\n\t") == std::string::npos) {
            std::cerr << "flowdeck serve: cannot read an admin token from " << opts.adminTokenFile << ".\n";
            return false;
        }
        token = text->substr(0, text->find_first_of("\r\n"));
        where = opts.adminTokenFile;
        return true;
    }
    if (const char *env = std::getenv("FLOWDECK_ADMIN_TOKEN"); env && *env) {
        token = env;
        where = "$FLOWDECK_ADMIN_TOKEN";
        return true;
    }
    const fs::path file = data / "admin-token";
    if (auto text = readFile(file); text && !text->empty()) {
        token = text->substr(0, text->find_first_of("\r\n"));
    } else {
        token = "fda-" + randomToken(32);
        if (!writeFileAtomically(file, token + "\n", error, 0600)) {
            std::cerr << "flowdeck serve: " << error << "\n";
            return false;
        }
    }
    where = file.string();
    return true;
}

int serve(const ServeCliOptions &opts)
{
    const auto colon = opts.listen.rfind(':');
    if (colon == std::string::npos) {
        std::cerr << "flowdeck serve: --listen takes HOST:PORT, e.g. 127.0.0.1:8080.\n";
        return kExitUsage;
    }
    std::string host = opts.listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    int port = 0;
    try {
        port = std::stoi(opts.listen.substr(colon + 1));
    } catch (...) {
        port = -1;
    }
    if (port < 0 || port > 65535) {
        std::cerr << "flowdeck serve: the port in --listen " << opts.listen << " is not a number from 0 to 65535.\n";
        return kExitUsage;
    }
    const fs::path data = opts.data.empty() ? defaultDataDir() : fs::path(opts.data);
    std::error_code ec;
    fs::create_directories(data, ec);
    if (ec) {
        std::cerr << "flowdeck serve: cannot create the data folder " << data << ": " << ec.message() << "\n";
        return kExitUsage;
    }
    fs::permissions(data, fs::perms::owner_all, fs::perm_options::replace, ec);
    std::string token, tokenWhere, error;
    if (!adminToken(opts, data, token, tokenWhere))
        return kExitUsage;
    SecretBox box;
    if (!box.open(data, error)) {
        std::cerr << "flowdeck serve: " << error << "\n";
        return kExitUsage;
    }

    boost::asio::io_context io;
    engine::HttpClient http(io);
    RunHistory history;
    if (!history.open(data / "history.sqlite", error, {opts.historyDays, opts.historyRuns, opts.historyTraceMiB << 20})) {
        std::cerr << "flowdeck serve: " << error << "\n";
        return kExitUsage;
    }
    ServeOptions options;
    options.dataDir = data;
    options.adminToken = token;
    options.webDir = opts.webDir.empty() ? defaultWebDir() : fs::path(opts.webDir);
    options.allowedOrigins = opts.allowedOrigins;
    options.allowedHosts = opts.allowedHosts;
    options.loopbackOnly = host == "127.0.0.1" || host == "::1" || host == "localhost";
    options.allowPrivateNetwork = opts.allowPrivateNetwork;
    auto allowList = std::make_shared<engine::AddressAllowList>();
    for (const std::string &entry : opts.allowedAddresses) {
        std::string why;
        if (!allowList->add(entry, &why)) {
            std::cerr << "flowdeck serve: --allow-address " << why << "\n";
            return kExitUsage;
        }
    }
    if (!allowList->empty())
        options.allowedAddresses = allowList;
    auto api = std::make_unique<ServeApi>(io, http, box, history, options);
    api->load([](const std::string &line) { std::cerr << "flowdeck serve: " << line << "\n"; });

    ServerLimits limits;
    limits.bodyBytes = opts.maxBodyMiB * 1024 * 1024;
    limits.uploadBodyBytes = opts.maxUploadMiB * 1024 * 1024;
    limits.allowsUpload = &ServeApi::takesFiles;
    limits.maxConnections = opts.maxConnections;
    HttpServer server(io, [&api](Request &request, ReplyPtr reply) { api->handle(request, std::move(reply)); }, limits);
    if (!server.listen(host == "localhost" ? "127.0.0.1" : host, static_cast<unsigned short>(port), error)) {
        std::cerr << "flowdeck serve: " << error << "\n";
        return kExitUsage;
    }
    const std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    std::cout << "flowdeck serve: listening on http://" << shown << ":" << server.port() << " (data: " << data.string()
              << "; admin token: " << tokenWhere << ")" << std::endl;

    // SIGTERM / SIGINT: stop taking work, let answers in progress finish, then leave.
    // A second signal leaves at once.
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    bool stopping = false;
    std::function<void(const boost::system::error_code &, int)> onSignal = [&](const boost::system::error_code &e, int) {
        if (e)
            return;
        if (stopping)
            return io.stop();
        stopping = true;
        std::cerr << "flowdeck serve: shutting down; finishing " << server.connections() << " connection(s).\n";
        api->setDraining();
        server.shutdown(std::chrono::seconds(opts.drainSeconds), [&] { io.stop(); });
        signals.async_wait(onSignal);
    };
    signals.async_wait(onSignal);
    engine::runEventLoop(io, [](const std::string &what) { std::cerr << "flowdeck serve: " << what << "\n"; });
    // Runs still going (cut off by the drain time or a second signal) end now, their
    // callbacks run while everything they use exists; then the apps and their servers go.
    api->cancelAll();
    io.restart();
    io.run_for(std::chrono::seconds(1));
    history.flush();
    api.reset();
    io.run_for(std::chrono::milliseconds(200));
    std::cerr << "flowdeck serve: stopped.\n";
    return kExitOk;
}

} // namespace

void addServeCommand(CLI::App &app, std::function<int()> &action)
{
    auto opts = std::make_shared<ServeCliOptions>();
    CLI::App *cmd = app.add_subcommand("serve", "Host deployed apps: the admin API, an OpenAI-compatible endpoint, the run "
                                                "API, MCP endpoints and chat pages.");
    cmd->add_option("--listen", opts->listen, "HOST:PORT to listen on (port 0: any free one)")->capture_default_str();
    cmd->add_option("--data", opts->data, "The data folder (default: $FLOWDECK_DATA_DIR or ~/.local/share/flowdeck/serve)");
    cmd->add_option("--admin-token-file", opts->adminTokenFile,
                    "A file holding the admin token (default: $FLOWDECK_ADMIN_TOKEN, else <data>/admin-token, made once)");
    cmd->add_option("--web-dir", opts->webDir, "The folder holding chat.html");
    cmd->add_option("--allowed-origin", opts->allowedOrigins, "A web origin allowed to call the MCP endpoints (repeatable)");
    cmd->add_option("--allowed-host", opts->allowedHosts, "A Host name allowed besides localhost when listening on loopback");
    cmd->add_flag("--allow-private-network", opts->allowPrivateNetwork,
                  "Let the apps' http nodes reach loopback, private and cloud-metadata addresses (refused by default)");
    cmd->add_option("--allow-address", opts->allowedAddresses,
                    "A private address or range (10.1.2.3, 10.1.0.0/16, fd00::/8) the apps' http nodes and remote "
                    "plugins may reach (repeatable)");
    cmd->add_option("--max-connections", opts->maxConnections,
                    "Connections served at once; more wait until one closes")->capture_default_str();
    cmd->add_option("--history-days", opts->historyDays, "Runs older than this many days leave the run history (0: kept)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--history-runs", opts->historyRuns, "The run history keeps this many runs per app, the newest (0: all)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--history-trace-mib", opts->historyTraceMiB,
                    "The node traces of an app's newest runs are kept up to this many MiB; older runs stay listed "
                    "without theirs (0: all kept)")
        ->capture_default_str()
        ->check(CLI::Range(0LL, 1LL << 30));
    cmd->add_option("--max-body-mib", opts->maxBodyMiB, "The largest request body, in MiB")->capture_default_str();
    cmd->add_option("--max-upload-mib", opts->maxUploadMiB,
                    "The largest body of a request that may carry files for a run (the run API, chat completions), in MiB")
        ->capture_default_str();
    cmd->add_option("--drain-seconds", opts->drainSeconds, "How long a shutdown waits for answers in progress")->capture_default_str();
    cmd->callback([opts, &action] { action = [opts] { return serve(*opts); }; });
}

} // namespace flowdeck::runtime
