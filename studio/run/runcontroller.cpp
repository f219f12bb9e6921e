#include "studio/run/runcontroller.h"

#include "engine/deploy/deploybundle.h"

#include "engine/core/secretstore.h"
#include "engine/mcp/mcpserverpool.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/model/chatclient.h"
#include "engine/model/providerprofile.h"
#include "engine/net/httpclient.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/workflowrun.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

#include <QMetaObject>

#include <thread>

namespace flowdeck {
namespace studio {

struct RunController::Engine {
    boost::asio::io_context io;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work{io.get_executor()};
    engine::ProfileStore profiles;
    engine::SecretStore secrets;
    engine::PluginCatalog catalog;
    std::unique_ptr<engine::HttpClient> http;
    std::unique_ptr<engine::McpServerPool> mcp;
    engine::RunServices services;
    std::shared_ptr<engine::WorkflowRun> run;
    std::shared_ptr<engine::ChatCall> testCall;
    std::map<int, std::function<void(nlohmann::json, std::string)>> pendingRequests;  // engine thread only
    int nextRequest = 1;
    std::thread thread;
};

RunController::RunController(QObject *parent) : QObject(parent), m_engine(std::make_unique<Engine>())
{
    Engine &e = *m_engine;
    const auto dir = engine::defaultConfigDir();
    e.profiles.loadFile(dir / "profiles.json");
    e.secrets.loadFile(dir / "secrets.json");
    e.catalog.loadDirectory(engine::PluginCatalog::defaultDirectory());
    e.http = std::make_unique<engine::HttpClient>(e.io);
    engine::McpHostHandlers host;
    // Requests from plugin servers go to the GUI thread, where the user answers them.
    host.onServerRequest = [this, &e](const std::string &method, const nlohmann::json &params,
                                      std::function<void(nlohmann::json, std::string)> reply) {
        const int id = e.nextRequest++;
        e.pendingRequests[id] = std::move(reply);
        const QString m = QString::fromStdString(method), p = QString::fromStdString(params.dump());
        QMetaObject::invokeMethod(this, [this, id, m, p] { emit serverRequest(id, m, p); }, Qt::QueuedConnection);
    };
    e.mcp = std::make_unique<engine::McpServerPool>(e.io, e.catalog, e.secrets, host);
    e.services.http = e.http.get();
    e.services.mcp = e.mcp.get();
    e.services.profiles = &e.profiles;
    e.services.secrets = &e.secrets;
    for (const auto *p : e.profiles.all()) {  // before the engine thread starts: no race
        m_profileNames << QString::fromStdString(p->name);
        m_profiles[QString::fromStdString(p->name)] = p->toJson();
    }
    e.thread = std::thread([&e] { e.io.run(); });
}

RunController::~RunController()
{
    Engine &e = *m_engine;
    boost::asio::post(e.io, [&e] {
        if (e.run)
            e.run->cancel();
        e.mcp->closeAll();
        e.work.reset();
    });
    e.io.stop();
    e.thread.join();
    e.run.reset();
    e.testCall.reset();
    e.mcp.reset();
    e.http.reset();
}

void RunController::setProfileOverride(const QString &profile)
{
    boost::asio::post(m_engine->io, [e = m_engine.get(), p = profile.toStdString()] { e->services.profileOverride = p; });
}

nlohmann::json RunController::profile(const QString &name) const
{
    auto it = m_profiles.find(name);
    return it == m_profiles.end() ? nlohmann::json() : it->second;
}

void RunController::addProfile(const QString &name, const nlohmann::json &profileJson)
{
    const bool added = !m_profiles.count(name);
    m_profiles[name] = profileJson;
    if (added)
        m_profileNames << name;
    boost::asio::post(m_engine->io, [e = m_engine.get(), n = name.toStdString(), profileJson] {
        e->profiles.add(engine::ProviderProfile::fromJson(n, profileJson, e->profiles.find(n)));
    });
    emit profilesChanged();
}

void RunController::setSecret(const QString &name, const QString &value)
{
    boost::asio::post(m_engine->io, [e = m_engine.get(), n = name.toStdString(), v = value.toStdString()] { e->secrets.set(n, v); });
}

void RunController::testConnection(const nlohmann::json &profileJson, const QString &apiKey)
{
    boost::asio::post(m_engine->io, [this, e = m_engine.get(), profileJson, key = apiKey.toStdString()] {
        engine::ChatRequest request;
        request.profile = engine::ProviderProfile::fromJson(profileJson.value("name", "test"), profileJson, nullptr);
        request.apiKey = key;
        request.messages = nlohmann::json::array({{{"role", "user"}, {"content", "ping"}}});
        request.maxTokens = 1;
        request.stream = false;
        request.timeoutMs = 20000;
        request.maxAttempts = 1;
        engine::ChatCallbacks cb;
        cb.onComplete = [this, model = request.profile.defaultModel](engine::ChatResult result, engine::ChatError error) {
            const bool ok = !error;
            const QString message = ok ? tr("Connected: the model %1 answered.")
                                             .arg(QString::fromStdString(result.model.empty() ? model : result.model))
                                       : QString::fromStdString(error.message);
            QMetaObject::invokeMethod(this, [this, ok, message] { emit connectionTested(ok, message); }, Qt::QueuedConnection);
        };
        e->testCall = engine::startChat(e->io, *e->http, std::move(request), std::move(cb));
    });
}

void RunController::detectLocalServers()
{
    boost::asio::post(m_engine->io, [this, e = m_engine.get()] {
        for (const auto &[profileName, base] : {std::pair<std::string, std::string>{"ollama", "http://127.0.0.1:11434/v1"},
                                                {"lmstudio", "http://127.0.0.1:1234/v1"}}) {
            engine::HttpRequest r;
            r.url = base + "/models";
            r.timeoutMs = 1500;
            r.connectTimeoutMs = 800;
            engine::HttpCallbacks cb;
            cb.onComplete = [this, p = QString::fromStdString(profileName), b = QString::fromStdString(base)](
                                engine::HttpResponse response, engine::HttpError error) {
                if (error || response.status != 200)
                    return;
                QMetaObject::invokeMethod(this, [this, p, b] { emit localServerFound(p, b); }, Qt::QueuedConnection);
            };
            e->http->start(std::move(r), std::move(cb));
        }
    });
}

void RunController::answerServerRequest(int id, const nlohmann::json &result, const QString &error)
{
    boost::asio::post(m_engine->io, [e = m_engine.get(), id, result, error = error.toStdString()] {
        auto it = e->pendingRequests.find(id);
        if (it == e->pendingRequests.end())
            return;
        auto reply = std::move(it->second);
        e->pendingRequests.erase(it);
        reply(result, error);
    });
}

void RunController::listTools(const engine::Workflow &workflow, const QString &only, bool restart)
{
    auto wf = std::make_shared<engine::Workflow>(workflow);
    boost::asio::post(m_engine->io, [this, e = m_engine.get(), wf, only = only.toStdString(), restart] {
        for (const auto &[alias, entry] : wf->plugins.items()) {
            if (!only.empty() && alias != only)
                continue;
            if (restart)
                e->mcp->close(*wf, alias);
            const QString server = QString::fromStdString(alias);
            auto client = e->mcp->clientFor(*wf, alias);
            if (!client) {
                QStringList problems;
                for (const auto &d : client.diagnostics())
                    problems << QString::fromStdString(d.message);
                QMetaObject::invokeMethod(this, [this, server, problems] { emit toolsListed(server, {}, problems.join('\n')); },
                                          Qt::QueuedConnection);
                continue;
            }
            client.value()->listTools([this, server](nlohmann::json tools, engine::McpError error) {
                const QString json = error ? QString() : QString::fromStdString(tools.dump());
                const QString why = QString::fromStdString(error.message);
                QMetaObject::invokeMethod(this, [this, server, json, why] { emit toolsListed(server, json, why); },
                                          Qt::QueuedConnection);
            });
        }
    });
}

void RunController::buildBundle(const engine::Workflow &workflow, bool publicAccess,
                                std::function<void(QString, QStringList)> done)
{
    auto wf = std::make_shared<engine::Workflow>(workflow);
    boost::asio::post(m_engine->io, [this, e = m_engine.get(), wf, publicAccess, done = std::move(done)] {
        engine::BundleOptions options;
        options.publicAccess = publicAccess;
        auto bundle = engine::buildDeployBundle(*wf, e->profiles, e->secrets, e->catalog, options);
        QString text;
        QStringList problems;
        if (bundle)
            text = QString::fromStdString(bundle->dump());
        else
            for (const auto &d : bundle.diagnostics())
                problems << QString::fromStdString(d.message);
        QMetaObject::invokeMethod(this, [done, text, problems] { done(text, problems); }, Qt::QueuedConnection);
    });
}

bool RunController::start(const engine::Workflow &workflow, const nlohmann::json &inputs, const QString &query,
                          QString *error)
{
    if (m_running) {
        if (error)
            *error = tr("A run is already going; stop it first.");
        return false;
    }
    auto compiled = engine::CompiledWorkflow::compile(workflow, engine::NodeRegistry::builtin());
    if (!compiled) {
        if (error) {
            QStringList lines;
            for (const auto &d : compiled.diagnostics())
                lines << QString::fromStdString(d.toString());
            *error = lines.join('\n');
        }
        return false;
    }
    engine::RunOptions options;
    options.inputs = inputs;
    options.sys = workflow.isChat() ? nlohmann::json{{"query", query.toStdString()}, {"conversation_id", ""},
                                                     {"history", nlohmann::json::array()}, {"user", "studio"}}
                                    : nlohmann::json{{"user", "studio"}};
    // Events come on the engine's thread; they are handed to the GUI thread as they are.
    options.onEvent = [this](const engine::RunEvent &event) {
        QMetaObject::invokeMethod(this, [this, event] {
            const QString node = QString::fromStdString(event.nodeId);
            switch (event.type) {
            case engine::RunEventType::NodeStarted: emit nodeStatus(node, "running", {}); break;
            case engine::RunEventType::NodeFinished: {
                QString detail = QString::number(event.data.value("elapsedMs", 0.0), 'f', 0) + " ms";
                const long long tokens = event.data.value("usage", nlohmann::json::object()).value("total_tokens", 0LL);
                if (tokens > 0)
                    detail += " · " + tr("%n token(s)", nullptr, static_cast<int>(tokens));
                emit nodeStatus(node, "done", detail);
                break;
            }
            case engine::RunEventType::NodeSkipped: emit nodeStatus(node, "skipped", {}); break;
            case engine::RunEventType::NodeFailed:
                emit nodeStatus(node, "failed", QString::fromStdString(event.data.value("message", "")));
                emit logLine(node, "error", QString::fromStdString(event.data.value("message", "")));
                break;
            case engine::RunEventType::Log:
                emit logLine(node, QString::fromStdString(event.data.value("level", "info")),
                             QString::fromStdString(event.data.value("message", "")));
                break;
            case engine::RunEventType::NodeRetrying:
                emit logLine(node, "warning",
                             tr("retrying (attempt %1) in %2 ms: %3")
                                 .arg(event.data.value("attempt", 0))
                                 .arg(event.data.value("delayMs", 0))
                                 .arg(QString::fromStdString(event.data.value("message", ""))));
                break;
            case engine::RunEventType::Answer:
                emit answerText(QString::fromStdString(event.data.value("text", "")));
                break;
            default: break;
            }
            emit traceEvent(QString::fromStdString(event.toJson().dump()));
        }, Qt::QueuedConnection);
    };
    m_running = true;
    emit runStarted();
    boost::asio::post(m_engine->io, [this, e = m_engine.get(), compiled = compiled.value(), options = std::move(options)]() mutable {
        e->run = engine::WorkflowRun::create(e->io, compiled, e->services, std::move(options));
        e->run->start([this](const engine::WorkflowRun &run) {
            const QString status = QString::fromLatin1(engine::runStatusName(run.status()));
            const QString message = QString::fromStdString(run.error());
            const QString outputs = QString::fromStdString(run.outputs().dump(2));
            QMetaObject::invokeMethod(this, [this, status, message, outputs] {
                m_running = false;
                emit runEnded(status, message, outputs);
            }, Qt::QueuedConnection);
        });
    });
    return true;
}

void RunController::stop()
{
    boost::asio::post(m_engine->io, [e = m_engine.get()] {
        if (e->run)
            e->run->cancel();
    });
}

} // namespace studio
} // namespace flowdeck
