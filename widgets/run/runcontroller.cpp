#include "widgets/run/runcontroller.h"
#include "engine/conversation/conversationstore.h"
#include "engine/core/eventloop.h"
#include "engine/core/jsonaccess.h"
#include "engine/knowledge/knowledgelibrary.h"
#include "engine/knowledge/knowledgepack.h"

#include "engine/mcp/mcpserverpool.h"
#include "engine/mcp/stdiochannel.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/runhost.h"
#include "engine/run/workflowrun.h"
#include "engine/templates/modelbinding.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "widgets/document/localized.h"
#include "widgets/settings/keystore.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>

#include <chrono>
#include <functional>
#include <set>
#include <thread>

namespace flowdeck {
namespace studio {

namespace {

// A node inside an iteration or loop runs once per item or round, several at once when
// items run in parallel (their events carry data.scope {container, index}). `active`
// holds the items running each node now. What the node shows: the item it is on while
// it runs ("#3"), and done or skipped only when no item runs it any more.
struct ItemStatus {
    bool show = true;
    QString detail;
};

ItemStatus itemStatus(QHash<QString, QSet<QString>> &active, const engine::RunEvent &event)
{
    const nlohmann::json scope = engine::valueOr(event.data, "scope", nlohmann::json());
    if (!scope.is_object())
        return {};
    const QString node = QString::fromStdString(event.nodeId);
    const QString item = QString::number(engine::valueOr(scope, "index", 0LL) + 1);
    QSet<QString> &items = active[node];
    switch (event.type) {
    case engine::RunEventType::NodeStarted: items.insert(item); return {true, "#" + item};
    case engine::RunEventType::NodeFinished:
    case engine::RunEventType::NodeFailed: items.remove(item); break;
    default: break;
    }
    // A failure always shows; finishing or being skipped shows once no other item runs it.
    return {event.type == engine::RunEventType::NodeFailed || items.isEmpty(), {}};
}

// The trace of a run that replayed nodes, with each replayed node's inputs taken from the
// run before (`previous`, a trace's JSON), where it ran: Run This Node shows them again.
engine::RunTrace keepInputs(const engine::RunTrace &trace, const nlohmann::json &previous)
{
    nlohmann::json now = trace.toJson();
    const nlohmann::json before = engine::valueOr(previous, "nodes", nlohmann::json::object());
    const nlohmann::json nodes = engine::valueOr(now, "nodes", nlohmann::json::object());
    bool changed = false;
    for (const auto &[id, entry] : nodes.items()) {
        const nlohmann::json inputs = engine::valueOr(engine::valueOr(before, id, nlohmann::json::object()), "inputs", nlohmann::json());
        if (engine::valueOr(entry, "replayed", false) && !inputs.is_null()) {
            now["nodes"][id]["inputs"] = inputs;
            changed = true;
        }
    }
    return changed ? engine::RunTrace::fromJson(now) : trace;
}

} // namespace

struct RunController::Engine {
    boost::asio::io_context io;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work{io.get_executor()};
    std::unique_ptr<engine::RunHost> host;
    std::shared_ptr<engine::WorkflowRun> run;
    // Conversation variables of the studio's chats, as long as the window lives.
    std::shared_ptr<engine::MemoryConversationStore> conversations = std::make_shared<engine::MemoryConversationStore>();
    std::map<int, std::function<void(nlohmann::json, std::string)>> pendingRequests;  // engine thread only
    int nextRequest = 1;
    std::thread thread;
};

RunController::RunController(QObject *parent) : QObject(parent), m_engine(std::make_unique<Engine>())
{
    Engine &e = *m_engine;
    engine::RunHostSetup setup;
    setup.kind = engine::HostKind::Studio;
    setup.configDir = engine::defaultConfigDir();
    // Requests from plugin servers go to the GUI thread, where the user answers them.
    setup.mcpHost.onServerRequest = [this, &e](const std::string &method, const nlohmann::json &params,
                                      std::function<void(nlohmann::json, std::string)> reply) {
        const int id = e.nextRequest++;
        e.pendingRequests[id] = std::move(reply);
        const QString m = QString::fromStdString(method), p = QString::fromStdString(engine::safeDump(params));
        QMetaObject::invokeMethod(this, [this, id, m, p] { emit serverRequest(id, m, p); }, Qt::QueuedConnection);
    };
    e.host = engine::makeRunHost(e.io, std::move(setup));
    e.host->services().conversations = e.conversations;
    for (const auto *p : e.host->profiles().all()) {  // before the engine thread starts: no race
        m_profileNames << QString::fromStdString(p->name);
        m_profiles[QString::fromStdString(p->name)] = p->toJson();
    }
    e.thread = std::thread([&e] {
        engine::runEventLoop(e.io, [](const std::string &what) { qWarning("flowdeck studio engine: %s", what.c_str()); });
    });
}

RunController::~RunController()
{
    Engine &e = *m_engine;
    // Plugin servers are told to stop and given their grace period on the engine's loop,
    // which ends once they are gone (at most ~2 s; any left are killed at exit).
    boost::asio::post(e.io, [&e] {
        if (e.run)
            e.run->cancel();
        e.host->closeServers();
        e.work.reset();
        auto timer = std::make_shared<boost::asio::steady_timer>(e.io);
        auto check = std::make_shared<std::function<void()>>();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(2500);
        *check = [&e, timer, check, deadline]() mutable {
            if (engine::stdioChildrenStopping() == 0 || std::chrono::steady_clock::now() >= deadline) {
                check.reset();
                return e.io.stop();
            }
            timer->expires_after(std::chrono::milliseconds(20));
            timer->async_wait([check](const boost::system::error_code &ec) {
                if (!ec)
                    (*check)();
            });
        };
        (*check)();
    });
    e.thread.join();
    e.run.reset();
    e.host.reset();
}

engine::ProfileStore RunController::profileStore() const
{
    engine::ProfileStore store;
    for (const auto &[name, json] : m_profiles)
        store.add(engine::ProviderProfile::fromJson(name.toStdString(), json, nullptr));
    return store;
}

bool RunController::hasSecret(const QString &name) const
{
    if (name.isEmpty())
        return false;
    if (m_secrets.contains(name) || !qEnvironmentVariable(name.toUtf8().constData()).isEmpty())
        return true;
    QFile file(KeyStore::fallbackFile());
    return file.open(QIODevice::ReadOnly) &&
           !QJsonDocument::fromJson(file.readAll()).object().value(name).toString().isEmpty();
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
        e->host->profiles().add(engine::ProviderProfile::fromJson(n, profileJson, e->host->profiles().find(n)));
    });
    emit profilesChanged();
}

void RunController::setSecret(const QString &name, const QString &value)
{
    m_secrets.insert(name);
    emit secretsChanged();
    boost::asio::post(m_engine->io, [e = m_engine.get(), n = name.toStdString(), v = value.toStdString()] { e->host->secrets().set(n, v); });
}

void RunController::onEngine(std::function<void(engine::RunHost &)> job)
{
    boost::asio::post(m_engine->io, [e = m_engine.get(), job = std::move(job)] { job(*e->host); });
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
                e->host->mcp().close(*wf, alias);
            const QString server = QString::fromStdString(alias);
            auto client = e->host->mcp().clientFor(*wf, alias);
            if (!client) {
                QStringList problems;
                for (const auto &d : client.diagnostics())
                    problems << QString::fromStdString(d.message);
                QMetaObject::invokeMethod(this, [this, server, problems] { emit toolsListed(server, {}, problems.join('\n')); },
                                          Qt::QueuedConnection);
                continue;
            }
            client.value()->listTools([this, server](nlohmann::json tools, engine::McpError error) {
                const QString json = error ? QString() : QString::fromStdString(engine::safeDump(tools));
                const QString why = QString::fromStdString(error.message);
                QMetaObject::invokeMethod(this, [this, server, json, why] { emit toolsListed(server, json, why); },
                                          Qt::QueuedConnection);
            });
        }
    });
}

const RunController::LastRun *RunController::lastRun(const QString &workflowId) const
{
    auto it = m_lastRuns.find(workflowId);
    return it == m_lastRuns.end() ? nullptr : &it->second;
}

void RunController::setLastRun(const QString &workflowId, LastRun run)
{
    m_lastRuns[workflowId] = std::move(run);
    emit lastRunChanged(workflowId);
}

bool RunController::start(const engine::Workflow &workflow, const nlohmann::json &inputs, const QString &query,
                          QString *error, const QString &conversation, RunRequest request)
{
    if (request.empty())
        request = std::exchange(m_nextRequest, {});
    m_nextRequest = {};
    if (m_running) {
        if (error)
            *error = tr("A run is already going; stop it first.");
        return false;
    }
    if (const auto unbound = engine::unboundModels(workflow); !unbound.empty()) {
        if (error) {
            QStringList lines;
            for (const auto &alias : unbound)
                lines << tr("Choose a provider for model “%1”: use the Model provider box beside Run, or Workflow → Models….")
                             .arg(QString::fromStdString(alias));
            *error = lines.join('\n');
        }
        return false;
    }
    auto compiled = engine::CompiledWorkflow::compile(workflow, engine::NodeRegistry::builtin());
    if (!compiled) {
        if (error) {
            QStringList lines;
            for (const auto &d : compiled.diagnostics())
                lines << diagnosticLine(d, workflow);
            *error = lines.join('\n');
        }
        return false;
    }
    engine::RunOptions options;
    options.inputs = inputs;
    // Pinned outputs are test data: every studio run replays them, but not the node being debugged.
    std::set<std::string> pinned;
    for (const auto &n : workflow.nodes)
        if (n.pin.is_object() && n.parent.empty() && n.id != request.only && n.id != request.from) {
            options.replay[n.id] = {engine::valueOr(n.pin, "outputs", nlohmann::json::object()), engine::valueOr(n.pin, "port", "")};
            pinned.insert(n.id);
        }
    for (auto &[id, replayed] : request.replay) {
        pinned.erase(id);
        options.replay[id] = std::move(replayed);
    }
    options.only = request.only;
    const QString workflowId = QString::fromStdString(workflow.id);
    // A replayed node did not run: it keeps what it was given when it last did (see keepInputs).
    auto previous = std::make_shared<nlohmann::json>();
    if (auto it = m_lastRuns.find(workflowId); it != m_lastRuns.end() && !options.replay.empty())
        *previous = it->second.trace.toJson();
    m_lastRuns[workflowId] = LastRun{engine::RunTrace(), workflow, QStringLiteral("running"), {}};
    options.sys = workflow.isChat() ? nlohmann::json{{"query", query.toStdString()}, {"conversation_id", conversation.toStdString()},
                                                     {"history", nlohmann::json::array()}, {"user", "studio"}}
                                    : nlohmann::json{{"user", "studio"}};
    // Events come on the engine's thread; they are handed to the GUI thread as they are.
    auto active = std::make_shared<QHash<QString, QSet<QString>>>();  // GUI thread only: see itemStatus
    options.onEvent = [this, active, workflowId, pinned](const engine::RunEvent &event) {
        QMetaObject::invokeMethod(this, [this, event, active, workflowId, pinned] {
            const QString node = QString::fromStdString(event.nodeId);
            m_lastRuns[workflowId].trace.add(event);
            if (event.type == engine::RunEventType::NodeFinished && engine::valueOr(event.data, "replayed", false)) {
                // Not run: the console says so, and where the outputs came from.
                const bool pin = pinned.count(event.nodeId) > 0;
                emit nodeStatus(node, "done", pin ? tr("pinned output") : tr("replayed"));
                emit logLine(node, "info", pin ? tr("not run: its pinned output was used") : tr("not run: its output from the last run was used"));
                emit traceEvent(QString::fromStdString(engine::safeDump(event.toJson())));
                return;
            }
            const ItemStatus item = itemStatus(*active, event);
            if (event.type == engine::RunEventType::NodeProgress)  // an iteration or loop: "3 / 10"
                emit nodeStatus(node, "running", QStringLiteral("%1 / %2")
                                                     .arg(engine::valueOr(event.data, "done", 0LL))
                                                     .arg(engine::valueOr(event.data, "total", 0LL)));
            if (!item.show) {  // another item still runs this node
                emit traceEvent(QString::fromStdString(engine::safeDump(event.toJson())));
                return;
            }
            switch (event.type) {
            case engine::RunEventType::NodeStarted: emit nodeStatus(node, "running", item.detail); break;
            case engine::RunEventType::NodeFinished: {
                QString detail = QString::number(engine::valueOr(event.data, "elapsedMs", 0.0), 'f', 0) + " ms";
                const long long tokens = engine::valueOr(engine::valueOr(event.data, "usage", nlohmann::json::object()), "total_tokens", 0LL);
                if (tokens > 0)
                    detail += " · " + tr("%n token(s)", nullptr, static_cast<int>(tokens));
                emit nodeStatus(node, "done", detail);
                break;
            }
            case engine::RunEventType::NodeSkipped: emit nodeStatus(node, "skipped", {}); break;
            case engine::RunEventType::NodeFailed:
                emit nodeStatus(node, "failed", QString::fromStdString(engine::valueOr(event.data, "message", "")));
                emit logLine(node, "error", QString::fromStdString(engine::valueOr(event.data, "message", "")));
                break;
            case engine::RunEventType::Log:
                emit logLine(node, QString::fromStdString(engine::valueOr(event.data, "level", "info")),
                             QString::fromStdString(engine::valueOr(event.data, "message", "")));
                break;
            case engine::RunEventType::NodeRetrying:
                emit logLine(node, "warning",
                             tr("retrying (attempt %1) in %2 ms: %3")
                                 .arg(engine::valueOr(event.data, "attempt", 0))
                                 .arg(engine::valueOr(event.data, "delayMs", 0))
                                 .arg(QString::fromStdString(engine::valueOr(event.data, "message", ""))));
                break;
            case engine::RunEventType::Answer:
                emit answerText(QString::fromStdString(engine::valueOr(event.data, "text", "")));
                break;
            case engine::RunEventType::HumanInputRequired:
                emit humanInputRequired(node, QString::fromStdString(engine::safeDump(event.data)));
                break;
            case engine::RunEventType::NodeProgress:
                emit nodeProgress(node, QString::fromStdString(engine::safeDump(event.data)));
                break;
            default: break;
            }
            emit traceEvent(QString::fromStdString(engine::safeDump(event.toJson())));
        }, Qt::QueuedConnection);
    };
    m_running = true;
    emit lastRunChanged(workflowId);
    emit runStarted();
    boost::asio::post(m_engine->io, [this, e = m_engine.get(), compiled = compiled.value(), options = std::move(options),
                                     folder = m_knowledgeFolder, workflowId, previous]() mutable {
        // A library per run: bases created or filled since the last run are seen as they are now.
        e->host->services().knowledge = folder.empty() ? nullptr : std::make_shared<engine::KnowledgeLibrary>(folder);
        e->run = engine::WorkflowRun::create(e->io, compiled, e->host->services(), std::move(options));
        e->run->start([this, workflowId, previous](const engine::WorkflowRun &run) {
            const QString status = QString::fromLatin1(engine::runStatusName(run.status()));
            const QString message = QString::fromStdString(run.error());
            const QString outputs = QString::fromStdString(engine::safeDump(run.outputs(), 2));
            QMetaObject::invokeMethod(this, [this, status, message, outputs, workflowId, previous] {
                m_running = false;
                LastRun &last = m_lastRuns[workflowId];
                last.status = status;
                if (!previous->is_null())
                    last.trace = keepInputs(last.trace, *previous);
                emit lastRunChanged(workflowId);
                emit runEnded(status, message, outputs);
            }, Qt::QueuedConnection);
        });
    });
    return true;
}

void RunController::setProjectFile(const QString &flowFile)
{
    m_knowledgeFolder = flowFile.isEmpty() ? std::filesystem::path() : engine::knowledgeFolderFor(flowFile.toStdString());
}

void RunController::resume(const QString &token, const QString &action, const nlohmann::json &values)
{
    boost::asio::post(m_engine->io, [e = m_engine.get(), token = token.toStdString(), action = action.toStdString(), values] {
        if (e->run)
            e->run->resume(token, engine::HumanResponse{action, values});
    });
}

void RunController::forgetConversation(const QString &workflowId, const QString &conversation)
{
    m_engine->conversations->clear(workflowId.toStdString(), conversation.toStdString());
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
