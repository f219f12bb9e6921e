// `flowdeck deploy FILE --to URL --token T`: validate, bundle, upload, smoke check, live.
#include "engine/deploy/appname.h"
#include "engine/core/eventloop.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/deploy/deploybundle.h"
#include "engine/history/projecthistory.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/net/httpclient.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/compiledworkflow.h"
#include "engine/workflow/workflowfile.h"
#include "engine/knowledge/knowledgepack.h"
#include "runtime/cliconfig.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"

#include <cstdlib>
#include <fstream>

#include <unistd.h>
#include <iostream>

namespace flowdeck::runtime {

namespace fs = std::filesystem;

namespace {

struct DeployCliOptions {
    std::string file, to, token, tokenFile, app, profilesFile, message;
    bool publicAccess = false, newKey = false, noHistory = false;
    int rateLimit = 0;
};

struct Answer {
    long status = 0;
    nlohmann::json body;
    std::string error;
};

Answer call(const std::string &method, const std::string &url, const std::string &token, const std::string &body)
{
    boost::asio::io_context io;
    engine::HttpClient http(io);
    engine::HttpRequest request;
    request.method = method;
    request.url = url;
    request.body = body;
    request.headers = {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
    request.timeoutMs = 10 * 60 * 1000;  // the runtime may fetch plugin servers for the smoke check
    Answer answer;
    std::string text;
    engine::HttpCallbacks callbacks;
    callbacks.onData = [&text](const engine::HttpResponse &, std::string_view chunk) {
        text.append(chunk);
        return true;
    };
    callbacks.onComplete = [&](engine::HttpResponse response, engine::HttpError error) {
        if (error) {
            answer.error = error.message;
            return;
        }
        answer.status = response.status;
        text += response.body;
        answer.body = engine::parseJson(text);
    };
    http.start(std::move(request), std::move(callbacks));
    engine::runEventLoop(io, [](const std::string &what) { std::cerr << "flowdeck: " << what << "\n"; });
    return answer;
}

std::string errorOf(const Answer &a)
{
    if (!a.error.empty())
        return a.error;
    if (a.body.is_object() && a.body.contains("error")) {
        std::string text = engine::valueOr(a.body["error"], "message", "");
        for (const auto &d : engine::valueOr(a.body["error"], "details", nlohmann::json::array()))
            if (engine::valueOr(d, "message", "") != text)
                text += "\n  " + engine::valueOr(d, "field", "") + ": " + engine::valueOr(d, "message", "");
        return text;
    }
    return "HTTP " + std::to_string(a.status);
}

// Uploads a packed base unless the runtime has it: parts of 4 MiB (within any body limit
// a runtime is likely to set), then "complete", which checks the sha256.
std::string uploadKnowledgeBase(const std::string &base, const std::string &token, const engine::PackedKnowledgeBase &b)
{
    const std::string url = base + "/admin/v1/knowledge/" + b.sha256;
    const Answer present = call("GET", url, token, "");
    if (present.status == 200 && engine::valueOr(present.body, "present", false))
        return {};
    if (present.status != 200)
        return errorOf(present);
    std::ifstream in(b.file, std::ios::binary);
    constexpr std::size_t kPart = 4u << 20;
    std::string part(kPart, '\0');
    int parts = 0;
    while (in) {
        in.read(part.data(), static_cast<std::streamsize>(kPart));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0)
            break;
        const Answer put = call("PUT", url + "/parts/" + std::to_string(parts), token, part.substr(0, got));
        if (put.status != 200)
            return errorOf(put);
        ++parts;
    }
    const Answer done = call("POST", url + "/complete", token, nlohmann::json{{"parts", parts}}.dump());
    if (done.status != 200 || !engine::valueOr(done.body, "present", false))
        return errorOf(done);
    return {};
}

// The "deploy" version recorded before the upload (the bundle carries its id): taken back
// from the history when the deploy does not go live, so the history never says a failed
// deploy was made.
struct RecordedDeploy {
    fs::path folder;
    std::string versionId;
    bool live = false;

    RecordedDeploy() = default;
    RecordedDeploy(const RecordedDeploy &) = delete;
    RecordedDeploy &operator=(const RecordedDeploy &) = delete;
    ~RecordedDeploy()
    {
        if (live || versionId.empty())
            return;
        auto history = engine::ProjectHistory::open(folder);
        auto withdrawn = history ? history.value()->withdrawDeploy(versionId) : engine::Result<bool>(history.diagnostics());
        if (withdrawn && withdrawn.value())
            std::cerr << "      the deploy failed, so its version " << versionId.substr(0, 8)
                      << " was taken back from the project's history\n";
    }
};

// When the workflow's folder keeps a version history (a repository of its own), records
// this deploy as a "deploy" version with the runtime as its target and says so in the
// bundle's source, which the runtime keeps with its version and its runs. A folder without
// one deploys as it is; a history that cannot record is reported and the deploy goes on.
void recordDeployVersion(const DeployCliOptions &opts, const std::string &target, const std::string &project,
                         nlohmann::json &bundle, RecordedDeploy &recorded)
{
    const fs::path file = fs::absolute(opts.file);
    const fs::path folder = file.parent_path();
    if (opts.noHistory || !engine::ProjectHistory::hasHistory(folder))
        return;
    auto history = engine::ProjectHistory::open(folder);
    auto version = history ? history.value()->record(opts.message, "deploy", target)
                           : engine::Result<engine::VersionInfo>(history.diagnostics());
    if (!version) {
        std::cerr << "flowdeck deploy: this deploy is not recorded in the project's history: "
                  << (version.diagnostics().empty() ? std::string("unknown reason") : version.diagnostics().front().message)
                  << "\n      (the deploy goes on; --no-history skips the history)\n";
        return;
    }
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    bundle["source"] = {{"project", project}, {"path", file.string()}, {"host", std::string(host)},
                        {"version", version->id}, {"message", version->message}, {"time", version->time}};
    std::cerr << "      recorded as version " << version->shortId() << " (" << version->message << ")\n";
    recorded.folder = folder;
    recorded.versionId = version->id;
}

int deploy(const DeployCliOptions &opts)
{
    std::string token = opts.token;
    if (token.empty() && !opts.tokenFile.empty()) {
        std::ifstream in(opts.tokenFile);
        std::getline(in, token);
        while (!token.empty() && (token.back() == '\r' || token.back() == ' '))
            token.pop_back();
    }
    if (token.empty())
        if (const char *env = std::getenv("FLOWDECK_ADMIN_TOKEN"))
            token = env;
    if (token.empty()) {
        std::cerr << "flowdeck deploy: give the runtime's admin token with --token, --token-file or FLOWDECK_ADMIN_TOKEN.\n";
        return kExitUsage;
    }
    std::string base = opts.to;
    while (!base.empty() && base.back() == '/')
        base.pop_back();

    std::cerr << "[1/4] Validating " << opts.file << "\n";
    auto loaded = engine::loadWorkflowFile(opts.file);
    if (!loaded) {
        printDiagnostics(loaded.diagnostics(), opts.file);
        return kExitInvalidWorkflow;
    }
    if (auto compiled = engine::CompiledWorkflow::compile(loaded.value(), engine::NodeRegistry::builtin()); !compiled) {
        printDiagnostics(compiled.diagnostics(), opts.file);
        return kExitInvalidWorkflow;
    }
    const std::string app = opts.app.empty() ? loaded->id : opts.app;
    if (!engine::isValidAppName(app)) {
        std::cerr << "flowdeck: the app name '" << app << "' is not valid: " << engine::appNameRule()
                  << (opts.app.empty() ? " (it is the workflow's id; give another with --app)" : "") << ".\n";
        return kExitUsage;
    }

    std::cerr << "[2/4] Bundling the workflow with its profiles, plugins and secrets\n";
    // The profiles, secrets and catalog a `flowdeck run` would use: the command line's run host.
    boost::asio::io_context hostIo;
    auto host = makeCliRunHost(hostIo, opts.profilesFile, cliMcpHost(false));
    engine::BundleOptions bundleOptions;
    bundleOptions.publicAccess = opts.publicAccess;
    bundleOptions.rateLimitPerMinute = opts.rateLimit;
    auto bundle = engine::buildDeployBundle(loaded.value(), host->profiles(), host->secrets(), host->catalog(), bundleOptions);
    if (!bundle) {
        printDiagnostics(bundle.diagnostics(), opts.file);
        return kExitInvalidWorkflow;
    }
    RecordedDeploy recorded;
    recordDeployVersion(opts, base, loaded->name.empty() ? fs::path(opts.file).stem().stem().string() : loaded->name,
                        bundle.value(), recorded);
    // Knowledge bases go first, each packed and uploaded by its sha256 in parts; a base the
    // runtime already holds is not sent again.
    const auto bases = engine::knowledgeBasesUsed(loaded.value());
    if (!bases.empty()) {
        const auto packFolder = fs::temp_directory_path() / ("flowdeck-deploy-" + std::to_string(::getpid()));
        auto packed = engine::packKnowledgeForWorkflow(loaded.value(), engine::knowledgeFolderFor(fs::absolute(opts.file)),
                                                       packFolder);
        if (!packed.ok()) {
            printDiagnostics(packed.diagnostics(), opts.file);
            return kExitInvalidWorkflow;
        }
        if (auto problems = engine::addKnowledgeToBundle(bundle.value(), packed.value(), host->profiles(), host->secrets());
            !problems.empty()) {
            printDiagnostics(problems, opts.file);
            return kExitInvalidWorkflow;
        }
        for (const auto &b : packed.value()) {
            std::cerr << "      knowledge base '" << b.name << "' (" << (b.bytes + 1023) / 1024 << " KiB)\n";
            if (std::string why = uploadKnowledgeBase(base, token, b); !why.empty()) {
                std::cerr << "flowdeck deploy: the knowledge base '" << b.name << "' could not be uploaded: " << why
                          << "\nThe version already running (if any) goes on serving.\n";
                std::error_code ec;
                fs::remove_all(packFolder, ec);
                return kExitEndpointFailed;
            }
        }
        std::error_code ec;
        fs::remove_all(packFolder, ec);
    }
    const std::string body = bundle->dump();

    std::cerr << "[3/4] Uploading to " << base << " (" << (body.size() + 1023) / 1024
              << " KiB); the runtime validates it, starts its plugins and smoke-checks it\n";
    const Answer deployed = call("PUT", base + "/admin/v1/apps/" + app, token, body);
    if (deployed.status != 200) {
        std::cerr << "flowdeck deploy: the deploy of '" << app << "' failed"
                  << (deployed.status ? " (HTTP " + std::to_string(deployed.status) + ")" : std::string()) << ": "
                  << errorOf(deployed) << "\n";
        if (deployed.status == 422 || deployed.status == 400)
            std::cerr << "The version already running (if any) goes on serving.\n";
        return deployed.status == 400 ? kExitInvalidWorkflow : kExitEndpointFailed;
    }
    recorded.live = true;
    std::cerr << "[4/4] Live: '" << app << "' version " << engine::valueOr(deployed.body, "version", 0) << "\n";
    nlohmann::json out = {{"app", app}, {"version", engine::valueOr(deployed.body, "version", 0)},
                          {"openaiBaseUrl", base + "/v1"}, {"runUrl", base + "/v1/apps/" + app + "/run"},
                          {"mcpUrl", base + "/apps/" + app + "/mcp"}, {"chatUrl", base + "/apps/" + app + "/chat"}};
    if (opts.newKey) {
        const Answer key = call("POST", base + "/admin/v1/apps/" + app + "/keys", token, R"({"label": "flowdeck deploy"})");
        if (key.status != 201) {
            std::cerr << "flowdeck deploy: the app is live, but no API key was made: " << errorOf(key) << "\n";
            return kExitEndpointFailed;
        }
        out["apiKey"] = engine::valueOr(key.body, "key", "");
        std::cerr << "The API key is shown only now; keep it somewhere safe.\n";
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
}

} // namespace

void addDeployCommand(CLI::App &app, std::function<int()> &action)
{
    auto opts = std::make_shared<DeployCliOptions>();
    CLI::App *cmd = app.add_subcommand("deploy", "Deploy a workflow to a runtime (`flowdeck serve`): validate, bundle, upload, "
                                                 "smoke check, live.");
    cmd->add_option("file", opts->file, "The workflow (*.flow.json)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--to", opts->to, "The runtime's URL, e.g. http://127.0.0.1:8080")->required();
    cmd->add_option("--token", opts->token, "The runtime's admin token (or FLOWDECK_ADMIN_TOKEN)");
    cmd->add_option("--token-file", opts->tokenFile, "A file holding the admin token");
    cmd->add_option("--app", opts->app, "The app's name on the runtime (default: the workflow's id)");
    cmd->add_option("--profiles", opts->profilesFile, "A profiles.json to use instead of the config folder's");
    cmd->add_flag("--public", opts->publicAccess, "Let anyone call the app without an API key");
    cmd->add_option("--rate-limit", opts->rateLimit, "Requests a minute the app accepts (0: no limit)");
    cmd->add_flag("--new-key", opts->newKey, "Create an API key for the app and print it (once)");
    cmd->add_option("-m,--message", opts->message,
                    "The message of the deploy version recorded in the project's history (default: 'Deployed to URL')");
    cmd->add_flag("--no-history", opts->noHistory,
                  "Do not record a version in the project's history (recorded when the workflow's folder has one)");
    cmd->callback([opts, &action] { action = [opts] { return deploy(*opts); }; });
}

} // namespace flowdeck::runtime
