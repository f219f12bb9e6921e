#include "engine/mcp/mcpserverpool.h"
#include "engine/core/eventloop.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/mediatype.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/net/httpclient.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/workflowrun.h"
#include "engine/templates/modelbinding.h"
#include "engine/workflow/workflowfile.h"
#include "engine/knowledge/knowledgelibrary.h"
#include "engine/knowledge/knowledgepack.h"
#include "runtime/cliconfig.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"
#include "runtime/humanprompt.h"

#include <boost/asio/signal_set.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace flowdeck::runtime {

namespace {

struct RunCliOptions {
    std::string file;
    std::vector<std::string> inputs;
    std::vector<std::string> envs;
    std::string query;
    std::string profile;
    std::string model;
    std::string profilesFile;
    std::string respond;              // a human node's action
    std::vector<std::string> fields;  // and its form's values, name=value
    bool trace = false;
    bool json = false;
};

// A start input of type file given as a path: the file value nodes read ({name, path, size, type}).
bool fileInputs(const engine::Workflow &wf, nlohmann::json &inputs)
{
    for (const auto &in : wf.inputs) {
        if (in.type != "file" || !inputs.contains(in.name) || !inputs[in.name].is_string())
            continue;
        std::error_code ec;
        const std::filesystem::path path = std::filesystem::absolute(inputs[in.name].get<std::string>(), ec);
        const auto size = std::filesystem::file_size(path, ec);
        if (ec) {
            std::cerr << "flowdeck: the file " << path.string() << " for input '" << in.name << "' cannot be read.\n";
            return false;
        }
        std::string ext = path.extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        const std::string type = engine::mediaTypeFor(ext);
        inputs[in.name] = {{"name", path.filename().string()}, {"path", path.string()}, {"size", size},
                           {"type", type.empty() ? "application/octet-stream" : type}};
    }
    return true;
}

// "name=value", or "name=@path" to read the value from a file.
bool parseInputs(const std::vector<std::string> &pairs, nlohmann::json &out)
{
    for (const auto &pair : pairs) {
        std::string name, value;
        if (!splitNameValue(pair, name, value, "--input"))
            return false;
        if (!value.empty() && value[0] == '@') {
            std::ifstream in(value.substr(1), std::ios::binary);
            if (!in) {
                std::cerr << "flowdeck: cannot read the file " << value.substr(1) << " for input '" << name << "'.\n";
                return false;
            }
            std::stringstream buffer;
            buffer << in.rdbuf();
            value = buffer.str();
        }
        out[name] = value;
    }
    return true;
}

void traceEvent(const engine::RunEvent &e, bool json)
{
    using engine::RunEventType;
    if (json) {
        if (e.type != RunEventType::Token && e.type != RunEventType::Answer)
            std::cerr << engine::safeDump(e.toJson()) << "\n";
        return;
    }
    const std::string node = e.nodeId.empty() ? "" : e.nodeId + " (" + e.nodeType + ")";
    switch (e.type) {
    case RunEventType::NodeStarted: std::cerr << "[trace] started  " << node << "\n"; break;
    case RunEventType::NodeFinished:
        std::cerr << "[trace] finished " << node << " in " << static_cast<long>(engine::valueOr(e.data, "elapsedMs", 0.0)) << " ms";
        if (e.data.contains("usage"))
            std::cerr << ", " << engine::valueOr(e.data["usage"], "total_tokens", 0) << " tokens";
        std::cerr << "\n";
        break;
    case RunEventType::NodeSkipped: std::cerr << "[trace] skipped  " << node << "\n"; break;
    case RunEventType::NodeFailed:
        std::cerr << "[trace] failed   " << node << ": " << engine::valueOr(e.data, "message", "") << "\n";
        break;
    case RunEventType::NodeRetrying:
        std::cerr << "[trace] retrying " << node << " (attempt " << engine::valueOr(e.data, "attempt", 0) << ")\n";
        break;
    case RunEventType::Log:
        std::cerr << "[trace] " << engine::valueOr(e.data, "level", "info") << " " << node << ": " << engine::valueOr(e.data, "message", "")
                  << "\n";
        break;
    default: break;
    }
}

int runWorkflow(const RunCliOptions &opts)
{
    auto loaded = engine::loadWorkflowFile(opts.file);
    if (!loaded) {
        printDiagnostics(loaded.diagnostics(), opts.file);
        return kExitInvalidWorkflow;
    }
    if (opts.profile.empty())  // --profile gives every model a provider
        if (auto unbound = engine::unboundModelProblems(loaded.value()); !unbound.empty()) {
            printDiagnostics(unbound, opts.file);
            return kExitInvalidWorkflow;
        }
    const bool chat = loaded->isChat();
    auto compiled = engine::CompiledWorkflow::compile(std::move(loaded.value()), engine::NodeRegistry::builtin());
    if (!compiled) {
        printDiagnostics(compiled.diagnostics(), opts.file);
        return kExitInvalidWorkflow;
    }
    if (opts.trace)
        printDiagnostics(compiled.diagnostics(), opts.file);

    engine::RunOptions runOptions;
    if (!parseInputs(opts.inputs, runOptions.inputs) || !fileInputs(compiled.value()->workflow(), runOptions.inputs))
        return kExitUsage;
    if (chat) {
        if (opts.query.empty()) {
            std::cerr << "flowdeck: this is a chat workflow; give the user's message with --query \"...\".\n";
            return kExitUsage;
        }
        runOptions.sys = {{"query", opts.query}, {"conversation_id", ""}, {"history", nlohmann::json::array()},
                          {"user", "cli"}};
    } else {
        runOptions.sys = {{"user", "cli"}};
    }

    boost::asio::io_context io;
    auto host = makeCliRunHost(io, opts.profilesFile, cliMcpHost(opts.trace));
    if (opts.trace)
        for (const auto &d : host->catalogProblems())
            std::cerr << "flowdeck: " << d.toString() << "\n";
    engine::RunServices &services = host->services();
    services.profileOverride = opts.profile;
    services.modelOverride = opts.model;
    services.knowledge = std::make_shared<engine::KnowledgeLibrary>(engine::knowledgeFolderFor(std::filesystem::absolute(opts.file)));
    applyCliEnv(services, opts.envs);

    bool answered = false;
    std::weak_ptr<engine::WorkflowRun> current;
    std::string formError;
    runOptions.onEvent = [&](const engine::RunEvent &e) {
        if (e.type == engine::RunEventType::HumanInputRequired) {
            auto run = current.lock();
            auto response = answerForm(engine::valueOr<nlohmann::json>(e.data, "form", nlohmann::json::object()),
                                       opts.respond, opts.fields, formError);
            if (run && response)
                run->resume(engine::valueOr(e.data, "token", ""), std::move(*response));
            else if (run)
                run->cancel();
        }
        if (e.type == engine::RunEventType::Answer && !opts.json) {
            std::cout << e.data["text"].get<std::string>() << std::flush;
            answered = true;
        }
        if (opts.trace)
            traceEvent(e, opts.json);
    };
    auto run = engine::WorkflowRun::create(io, compiled.value(), services, std::move(runOptions));
    current = run;
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([run](const boost::system::error_code &ec, int) {
        if (!ec)
            run->cancel();
    });
    run->start([&](const engine::WorkflowRun &) {
        signals.cancel();
        io.stop();  // plugin servers keep the loop busy; the run is what we waited for
    });
    engine::runEventLoop(io, [](const std::string &what) { std::cerr << "flowdeck: " << what << "\n"; });
    host->closeServers();  // stop plugin servers before the loop goes away

    const auto status = run->status();
    if (opts.json) {
        nlohmann::json out = {{"status", engine::runStatusName(status)}, {"outputs", run->outputs()},
                              {"usage", run->usage().toJson()}, {"elapsedMs", run->elapsedMs()}};
        if (chat)
            out["answer"] = run->answer();
        if (run->guard().blocked || !run->guard().categories().empty())  // what the app guard policy found and did
            out["guard"] = run->guard().toJson();
        if (status != engine::RunStatus::Succeeded)
            out["error"] = {{"kind", engine::errorKindName(run->errorKind())}, {"message", run->error()},
                            {"node", run->failedNode()}};
        std::cout << engine::safeDump(out, 2) << "\n";
    } else if (status == engine::RunStatus::Succeeded) {
        if (answered)
            std::cout << "\n";
        if (!chat) {
            const auto &outputs = run->outputs();
            if (outputs.size() == 1 && outputs.begin()->is_string())
                std::cout << outputs.begin()->get<std::string>() << "\n";
            else
                std::cout << engine::safeDump(outputs, 2) << "\n";
        }
    }
    if (status == engine::RunStatus::Succeeded)
        return kExitOk;
    if (answered && !opts.json)
        std::cout << "\n";
    if (status == engine::RunStatus::Cancelled && !formError.empty()) {
        std::cerr << "flowdeck: " << formError << "\n";
        return kExitUsage;
    }
    if (status == engine::RunStatus::Cancelled) {
        std::cerr << "flowdeck: the run was cancelled.\n";
        return kExitCancelled;
    }
    std::cerr << "flowdeck: the run failed" << (run->failedNode().empty() ? "" : " at node '" + run->failedNode() + "'")
              << ": " << run->error() << "\n";
    return exitCodeFor(run->errorKind());
}

} // namespace

void addRunCommand(CLI::App &app, std::function<int()> &action)
{
    auto opts = std::make_shared<RunCliOptions>();
    CLI::App *cmd = app.add_subcommand("run", "Run a workflow and stream its answer to standard output.");
    cmd->add_option("file", opts->file, "The workflow (*.flow.json)")->required();
    cmd->add_option("-i,--input", opts->inputs, "An input as name=value, or name=@file to read it from a file")->allow_extra_args(false);
    cmd->add_option("-q,--query", opts->query, "Chat mode: the user's message");
    cmd->add_option("-p,--profile", opts->profile, "Use this model provider profile for every model");
    cmd->add_option("-m,--model", opts->model, "Use this model name for every model");
    cmd->add_option("--env", opts->envs, "A non-secret setting for {{env.NAME}}, as NAME=value")->allow_extra_args(false);
    cmd->add_option("--profiles", opts->profilesFile, "A profiles.json to use instead of the config folder's");
    cmd->add_option("--respond", opts->respond, "Answer a human node's form with this action (button id)");
    cmd->add_option("--field", opts->fields, "A value for that form, as name=value")->allow_extra_args(false);
    cmd->add_flag("-t,--trace", opts->trace, "Print node events to standard error");
    cmd->add_flag("--json", opts->json, "Print the result as JSON (with --trace, events as JSON lines on stderr)");
    cmd->callback([opts, &action] { action = [opts] { return runWorkflow(*opts); }; });
}

} // namespace flowdeck::runtime
