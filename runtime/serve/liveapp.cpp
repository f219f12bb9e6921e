#include "runtime/serve/liveapp.h"

#include "engine/nodes/noderegistry.h"
#include "engine/workflow/workflowfile.h"

#include <boost/asio/steady_timer.hpp>

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

} // namespace

engine::Result<std::shared_ptr<LiveApp>> LiveApp::build(boost::asio::io_context &io, engine::HttpClient &http,
                                                        const std::string &name, int version, const nlohmann::json &bundle,
                                                        const std::map<std::string, std::string> &secrets)
{
    using R = engine::Result<std::shared_ptr<LiveApp>>;
    if (!bundle.is_object() || bundle.value("format", "") != "flowdeck.bundle")
        return R::failure(problem("format", "The body is not a deploy bundle: it needs \"format\": \"flowdeck.bundle\"."));
    if (bundle.value("formatVersion", 0) != 1)
        return R::failure(problem("formatVersion", "This runtime reads bundle format version 1."));
    if (!bundle.contains("workflow") || !bundle["workflow"].is_object())
        return R::failure(problem("workflow", "The bundle has no \"workflow\" object."));
    auto workflow = engine::parseWorkflow(bundle["workflow"].dump());
    if (!workflow)
        return R(workflow.diagnostics());
    auto compiled = engine::CompiledWorkflow::compile(std::move(workflow.value()), engine::NodeRegistry::builtin());
    if (!compiled)
        return R(compiled.diagnostics());

    std::shared_ptr<LiveApp> app(new LiveApp(io));
    app->m_name = name;
    app->m_version = version;
    app->m_workflow = compiled.value();
    const nlohmann::json profiles = bundle.value("profiles", nlohmann::json::object());
    for (const auto &[profileName, profile] : profiles.items()) {
        if (!profile.is_object())
            return R::failure(problem("profiles." + profileName, "A profile must be an object."));
        app->m_profiles.add(engine::ProviderProfile::fromJson(profileName, profile, app->m_profiles.find(profileName)));
    }
    app->m_secrets.setUseEnvironment(false);  // an app sees its own secrets, not the server's environment
    for (const auto &[secretName, value] : secrets) {
        app->m_secrets.set(secretName, value);
        if (value.size() >= 4)
            app->m_secretValues.push_back(value);
    }
    app->m_catalog.loadDirectory(engine::PluginCatalog::defaultDirectory());
    const nlohmann::json manifests = bundle.value("plugins", nlohmann::json::object());
    for (const auto &[id, manifest] : manifests.items())
        if (auto bad = app->m_catalog.add(manifest, "plugins." + id); !bad.message.empty())
            return R::failure(bad);
    const nlohmann::json settings = bundle.value("settings", nlohmann::json::object());
    app->m_settings.publicAccess = settings.value("public", false);
    app->m_settings.rateLimitPerMinute = settings.value("rateLimitPerMinute", 0);
    app->m_mcp = std::make_unique<engine::McpServerPool>(io, app->m_catalog, app->m_secrets);
    app->m_services.http = &http;
    app->m_services.profiles = &app->m_profiles;
    app->m_services.secrets = &app->m_secrets;
    app->m_services.mcp = app->m_mcp.get();
    const nlohmann::json env = settings.value("env", nlohmann::json::object());
    for (const auto &[envName, value] : env.items())
        if (value.is_string())
            app->m_services.env[envName] = value.get<std::string>();
    return R(std::move(app));
}

LiveApp::~LiveApp() { close(); }

void LiveApp::close()
{
    if (m_mcp)
        m_mcp->closeAll();
}

const engine::Workflow &LiveApp::workflow() const { return m_workflow->workflow(); }

void LiveApp::smokeCheck(std::function<void(engine::Diagnostics)> done)
{
    engine::Diagnostics problems;
    const auto &wf = workflow();
    for (const auto &[alias, model] : wf.models.items()) {
        const std::string profile = model.is_object() ? model.value("profile", "") : "";
        if (auto resolved = m_profiles.resolve(profile, m_secrets); !resolved)
            for (auto d : resolved.diagnostics()) {
                d.field = "models." + alias;
                problems.push_back(d);
            }
    }
    struct Pending {
        engine::Diagnostics problems;
        int left = 0;
        std::function<void(engine::Diagnostics)> done;
        std::shared_ptr<boost::asio::steady_timer> timer;
    };
    auto pending = std::make_shared<Pending>();
    pending->problems = std::move(problems);
    pending->done = std::move(done);
    pending->left = static_cast<int>(wf.plugins.size()) + 1;
    auto finishOne = [pending] {
        if (--pending->left == 0) {
            pending->timer->cancel();
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
        auto d = std::move(pending->done);
        d(std::move(pending->problems));
    });
    for (const auto &[alias, entry] : wf.plugins.items()) {
        auto client = m_mcp->clientFor(wf, alias);
        if (!client) {
            for (const auto &d : client.diagnostics())
                pending->problems.push_back(d);
            finishOne();
            continue;
        }
        std::vector<std::string> wanted;
        for (const auto &node : wf.nodes)
            if (node.type == "mcp.tool" && node.config.value("server", "") == alias)
                wanted.push_back(node.config.value("tool", ""));
        client.value()->listTools([pending, finishOne, alias = alias, wanted](nlohmann::json tools, engine::McpError error) {
            if (!pending->done)
                return;
            if (error) {
                pending->problems.push_back(problem("plugins." + alias, "The plugin '" + alias + "' did not start: " + error.message));
            } else {
                for (const auto &name : wanted)
                    if (std::none_of(tools.begin(), tools.end(), [&](const auto &t) { return t.value("name", "") == name; }))
                        pending->problems.push_back(
                            problem("plugins." + alias, "The plugin '" + alias + "' has no tool '" + name + "'."));
            }
            finishOne();
        });
    }
    finishOne();
}

std::shared_ptr<engine::WorkflowRun> LiveApp::startRun(engine::RunOptions options,
                                                       std::function<void(const engine::WorkflowRun &)> done)
{
    auto run = engine::WorkflowRun::create(m_io, m_workflow, m_services, std::move(options));
    run->start(std::move(done));
    return run;
}

std::string LiveApp::redact(std::string text) const
{
    for (const auto &value : m_secretValues)
        for (std::size_t at = text.find(value); at != std::string::npos; at = text.find(value, at))
            text.replace(at, value.size(), "[secret]");
    return text;
}

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
