#include "runtime/serve/liveapp.h"

#include "engine/core/jsonaccess.h"
#include "engine/knowledge/knowledgelibrary.h"
#include "engine/knowledge/knowledgepack.h"
#include "engine/knowledge/knowledgesettings.h"
#include "runtime/serve/streamredactor.h"
#include "engine/core/jsonaccess.h"

#include "engine/mcp/mcpserverpool.h"
#include "engine/nodes/noderegistry.h"
#include "engine/workflow/workflowfile.h"

#include "engine/model/chatclient.h"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <set>

namespace flowdeck::runtime {

namespace {

engine::Diagnostic problem(const std::string &field, const std::string &message)
{
    engine::Diagnostic d;
    d.code = "bundle";
    d.field = field;
    d.message = message;
    return d;
}

// The bases of a version, each in versions/<n>/knowledge/<name>: its kb.json from the
// bundle, its database a hard link to the uploaded copy (knowledge/<sha256>), which
// versions and apps share. A base that was not uploaded is an error naming it.
engine::Result<std::map<std::string, std::filesystem::path>> deployedKnowledgeBases(const nlohmann::json &knowledge,
                                                                                   const std::filesystem::path &root,
                                                                                   const std::filesystem::path &versionDir)
{
    namespace fs = std::filesystem;
    using R = engine::Result<std::map<std::string, fs::path>>;
    std::map<std::string, fs::path> bases;
    for (const auto &[name, entry] : knowledge.items()) {
        if (!engine::validKnowledgeBaseName(name))
            return R::failure(problem("knowledge." + name, "'" + name + "' cannot name a knowledge base."));
        const std::string sha = engine::valueOr(entry, "sha256", "");
        std::error_code ec;
        const fs::path uploaded = root / sha / "knowledge.db";
        if (root.empty() || !fs::exists(uploaded, ec))
            return R::failure(problem("knowledge." + name, "The knowledge base '" + name + "' (sha256 " + sha +
                                                               ") was not uploaded to this runtime. Deploy with the studio or "
                                                               "`flowdeck deploy`, which upload the bases first."));
        auto settings = engine::KnowledgeSettings::fromJson(engine::valueOr(entry, "settings", nlohmann::json::object()));
        if (!settings.ok())
            return R(settings.diagnostics());
        const fs::path folder = versionDir.empty() ? root / sha : versionDir / "knowledge" / name;
        fs::create_directories(folder, ec);
        std::string why;
        if (!settings->save(folder, why))
            return R::failure(problem("knowledge." + name, "The knowledge base '" + name + "' could not be set up: " + why + "."));
        const fs::path db = folder / "knowledge.db";
        if (!fs::exists(db, ec)) {
            fs::create_hard_link(uploaded, db, ec);
            if (ec)
                fs::copy_file(uploaded, db, ec);
            if (ec)
                return R::failure(problem("knowledge." + name, "The knowledge base '" + name + "' could not be set up: " +
                                                                   ec.message() + "."));
        }
        bases[name] = folder;
    }
    return R(std::move(bases));
}

} // namespace

engine::Result<std::shared_ptr<LiveApp>> LiveApp::build(boost::asio::io_context &io, const engine::RunHostSetup &host,
                                                        const std::string &name, int version,
                                                        const engine::DeployBundle &bundle,
                                                        const std::filesystem::path &knowledgeRoot,
                                                        const std::filesystem::path &versionDir)
{
    using R = engine::Result<std::shared_ptr<LiveApp>>;
    auto workflow = engine::parseWorkflow(bundle.workflow.dump());
    if (!workflow)
        return R(workflow.diagnostics());
    auto compiled = engine::CompiledWorkflow::compile(std::move(workflow.value()), engine::NodeRegistry::builtin());
    if (!compiled)
        return R(compiled.diagnostics());

    auto policy = engine::GuardPolicy::parse(compiled.value()->workflow().guard);
    if (!policy)
        return R(policy.diagnostics());

    std::shared_ptr<LiveApp> app(new LiveApp(io));
    app->m_guardPolicy = std::move(policy.value());
    app->m_name = name;
    app->m_version = version;
    app->m_workflow = compiled.value();
    app->m_host = engine::makeRunHost(io, host);  // an app sees its own secrets, not the server's environment
    engine::ProfileStore &profiles = app->m_host->profiles();
    for (const auto &[profileName, profile] : bundle.profiles.items()) {
        try {
            profiles.add(engine::ProviderProfile::fromJson(profileName, profile, profiles.find(profileName)));
        } catch (const std::exception &) {  // a field of the wrong type (fromJson reads with value())
            return R::failure(problem("profiles." + profileName,
                                      "The profile '" + profileName + "' in the bundle has a field of the wrong type."));
        }
    }
    for (const auto &[secretName, value] : bundle.secrets) {
        app->m_host->secrets().set(secretName, value);
        if (value.size() >= 4)
            app->m_secretValues.push_back(value);
    }
    for (const auto &[id, manifest] : bundle.plugins.items())
        if (auto bad = app->m_host->catalog().add(manifest, "plugins." + id); !bad.message.empty())
            return R::failure(bad);
    app->m_settings.publicAccess = bundle.settings.publicAccess;
    app->m_settings.rateLimitPerMinute = bundle.settings.rateLimitPerMinute;
    app->m_source = bundle.source;
    for (const auto &[envName, value] : bundle.env)
        app->m_host->services().env[envName] = value;
    if (!bundle.knowledge.empty()) {
        auto bases = deployedKnowledgeBases(bundle.knowledge, knowledgeRoot, versionDir);
        if (!bases.ok())
            return R(bases.diagnostics());
        app->m_host->services().knowledge = std::make_shared<engine::KnowledgeLibrary>(std::move(bases.value()));
    }
    return R(std::move(app));
}

LiveApp::~LiveApp() { close(); }

std::shared_ptr<engine::KnowledgeLibrary> LiveApp::knowledge() const { return m_host->services().knowledge; }

nlohmann::json LiveApp::citations(const engine::WorkflowRun &run) const
{
    nlohmann::json out = nlohmann::json::array();
    if (!knowledge())
        return out;
    for (const auto &node : workflow().nodes) {
        if (node.type != "knowledge")
            continue;
        const nlohmann::json *outputs = run.nodeOutputs(node.id);
        if (!outputs || !outputs->is_object())
            continue;
        auto it = outputs->find("citations");
        if (it != outputs->end() && it->is_array())
            for (const auto &c : *it)
                out.push_back(c);
    }
    return out;
}

void LiveApp::close()
{
    if (m_host)
        m_host->closeServers();
}

const engine::Workflow &LiveApp::workflow() const { return m_workflow->workflow(); }

void LiveApp::smokeCheck(bool modelCall, std::function<void(engine::Diagnostics)> done)
{
    engine::Diagnostics problems;
    const auto &wf = workflow();
    struct ModelCall {
        std::string alias;
        engine::ChatRequest request;
    };
    std::vector<ModelCall> modelCalls;
    std::set<std::pair<std::string, std::string>> checked;  // (profile, model): one call each
    for (const auto &[alias, model] : wf.models.items()) {
        const std::string profile = model.is_object() ? engine::valueOr(model, "profile", "") : "";
        auto resolved = m_host->profiles().resolve(profile, m_host->secrets());
        if (!resolved) {
            for (auto d : resolved.diagnostics()) {
                d.field = "models." + alias;
                problems.push_back(d);
            }
            continue;
        }
        const std::string modelId = model.is_object() ? engine::valueOr(model, "model", "") : "";
        if (!modelCall || engine::valueOr(model, "kind", "chat") == "embeddings" || !checked.insert({profile, modelId}).second)
            continue;
        // A short prompt and a few tokens: the cheapest call that proves the key and the model work.
        ModelCall call;
        call.alias = alias;
        call.request.profile = resolved->profile;
        call.request.apiKey = resolved->apiKey;
        call.request.model = modelId;
        call.request.messages = nlohmann::json::array({{{"role", "user"}, {"content", "Reply with the single word OK."}}});
        call.request.maxTokens = 5;
        call.request.stream = false;
        call.request.timeoutMs = 30000;
        call.request.maxAttempts = 1;
        modelCalls.push_back(std::move(call));
    }
    struct Pending {
        engine::Diagnostics problems;
        int left = 0;
        std::function<void(engine::Diagnostics)> done;
        std::shared_ptr<boost::asio::steady_timer> timer;
        std::vector<std::shared_ptr<engine::ChatCall>> calls;
    };
    auto pending = std::make_shared<Pending>();
    pending->problems = std::move(problems);
    pending->done = std::move(done);
    pending->left = static_cast<int>(wf.plugins.size() + modelCalls.size()) + 1;
    auto &io = m_io;
    auto finishOne = [pending, &io] {
        if (--pending->left == 0) {
            pending->timer->cancel();
            // The calls hold callbacks that hold `pending`: let them go once they have returned.
            boost::asio::post(io, [pending] { pending->calls.clear(); });
            auto d = std::move(pending->done);
            d(std::move(pending->problems));
        }
    };
    // Plugin servers may need to be fetched by npx the first time: give them two minutes.
    pending->timer = std::make_shared<boost::asio::steady_timer>(m_io, std::chrono::minutes(2));
    pending->timer->async_wait([pending](const boost::system::error_code &ec) {
        if (ec || !pending->done)
            return;
        pending->problems.push_back(problem("plugins", "The plugin servers did not all start within two minutes."));
        pending->left = -1000;  // late answers change nothing
        for (auto &call : pending->calls)
            call->cancel();
        pending->calls.clear();
        auto d = std::move(pending->done);
        d(std::move(pending->problems));
    });
    for (const auto &[alias, entry] : wf.plugins.items()) {
        auto client = m_host->mcp().clientFor(wf, alias);
        if (!client) {
            for (const auto &d : client.diagnostics())
                pending->problems.push_back(d);
            finishOne();
            continue;
        }
        std::vector<std::string> wanted;
        for (const auto &node : wf.nodes)
            if (node.type == "mcp.tool" && engine::valueOr(node.config, "server", "") == alias)
                wanted.push_back(engine::valueOr(node.config, "tool", ""));
        client.value()->listTools([pending, finishOne, alias = alias, wanted](nlohmann::json tools, engine::McpError error) {
            if (!pending->done)
                return;
            if (error) {
                pending->problems.push_back(problem("plugins." + alias, "The plugin '" + alias + "' did not start: " + error.message));
            } else {
                for (const auto &name : wanted)
                    if (std::none_of(tools.begin(), tools.end(), [&](const auto &t) { return engine::valueOr(t, "name", "") == name; }))
                        pending->problems.push_back(
                            problem("plugins." + alias, "The plugin '" + alias + "' has no tool '" + name + "'."));
            }
            finishOne();
        });
    }
    for (auto &call : modelCalls) {
        engine::ChatCallbacks cb;
        const std::string profile = call.request.profile.name;
        cb.onComplete = [pending, finishOne, alias = call.alias, profile, secrets = m_secretValues](engine::ChatResult,
                                                                                                 engine::ChatError error) {
            if (!pending->done)
                return;
            if (error)
                pending->problems.push_back(problem("models." + alias, "The model check (one short call with the profile '" +
                                                                           profile + "') failed: " + redactSecrets(error.message, secrets)));
            finishOne();
        };
        pending->calls.push_back(engine::startChat(m_io, m_host->http(), std::move(call.request), std::move(cb)));
    }
    finishOne();
}

std::shared_ptr<engine::WorkflowRun> LiveApp::startRun(engine::RunOptions options,
                                                       std::function<void(const engine::WorkflowRun &)> done)
{
    auto run = engine::WorkflowRun::create(m_io, m_workflow, m_host->services(), std::move(options));
    run->start(std::move(done));
    return run;
}

engine::Result<std::shared_ptr<engine::WorkflowRun>> LiveApp::restoreRun(engine::RunOptions options,
                                                                         const nlohmann::json &snapshot)
{
    return engine::WorkflowRun::restore(m_io, m_workflow, m_host->services(), std::move(options), snapshot);
}

void LiveApp::setRuntimeServices(std::shared_ptr<engine::ConversationStore> conversations,
                                 std::vector<std::string> fileRoots)
{
    m_host->services().conversations = std::move(conversations);
    m_host->services().fileRoots = std::move(fileRoots);
}

std::string LiveApp::redact(std::string text) const { return redactSecrets(std::move(text), m_secretValues); }

nlohmann::json LiveApp::inputSchema() const
{
    nlohmann::json properties = nlohmann::json::object(), required = nlohmann::json::array();
    const auto &wf = workflow();
    if (wf.isChat()) {
        properties["query"] = {{"type", "string"}, {"description", "The user's message"}};
        required.push_back("query");
    }
    for (const auto &input : wf.inputs) {
        nlohmann::json p;
        p["type"] = input.type == "number" ? "number" : input.type == "boolean" ? "boolean" : input.type == "json" ? "object" : "string";
        if (input.type == "json")
            p.erase("type");
        if (input.type == "file")  // runtime/serve/uploads.h
            p = {{"type", "object"},
                 {"properties", {{"name", {{"type", "string"}}}, {"type", {{"type", "string"}}},
                                 {"data", {{"type", "string"}, {"description", "The file's bytes in base64"}}}}},
                 {"required", {"data"}}};
        if (!input.label.empty())
            p["description"] = input.label;
        if (input.type == "select" && input.options.is_array())
            p["enum"] = input.options;
        if (!input.defaultValue.is_null())
            p["default"] = input.defaultValue;
        properties[input.name] = p;
        if (input.required)
            required.push_back(input.name);
    }
    return {{"type", "object"}, {"properties", properties}, {"required", required}};
}

} // namespace flowdeck::runtime
