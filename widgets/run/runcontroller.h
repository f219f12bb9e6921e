#pragma once

#include "engine/model/providerprofile.h"
#include "engine/run/runtrace.h"
#include "engine/run/workflowrun.h"
#include "engine/workflow/workflow.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <functional>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>

namespace flowdeck::engine {
class RunHost;
}

namespace flowdeck {
namespace studio {

// Runs workflows for the studio on the engine's own thread (an asio io_context with the
// studio's run host: HTTP client, MCP server pool, profiles, secrets, network policy),
// and reports each run event back on the GUI thread as signals. Profiles and secrets
// are those of `flowdeck run`: the presets, profiles.json and secrets.json in the config
// folder, and the environment. Other jobs that need the host (testing a provider,
// building a deploy bundle) post themselves with onEngine().
class RunController : public QObject {
    Q_OBJECT

public:
    // What a debugging run reuses instead of running (DESIGN.md §11): `replay` completes
    // nodes from saved outputs; `only` runs that node alone; `from` is the node a *Run
    // from here* starts at. Pinned nodes are replayed in every run but `from` and `only`.
    struct RunRequest {
        std::map<std::string, engine::ReplayedNode> replay;
        std::string only;
        std::string from;
        bool empty() const { return replay.empty() && only.empty() && from.empty(); }
    };
    // The last run of a workflow: every node's inputs and outputs, and the workflow as it ran.
    struct LastRun {
        engine::RunTrace trace;
        engine::Workflow workflow;
        QString status;  // running, succeeded, failed, cancelled
        QString source;  // empty: run here; else where it came from ("helpdesk — run 7f3a…")
    };

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    // Starts a run; false with `error` if the workflow does not compile. A chat run belongs
    // to `conversation`: its conversation variables are kept for the next run of it.
    bool start(const engine::Workflow &workflow, const nlohmann::json &inputs, const QString &query, QString *error,
               const QString &conversation = {}, RunRequest request = {});
    // The next start() without a request of its own uses `request` (once): the run console
    // starts debugging runs with its inputs as it starts any run.
    void setNextRequest(RunRequest request) { m_nextRequest = std::move(request); }
    void clearNextRequest() { m_nextRequest = {}; }
    // The last run of the workflow `workflowId` (kept per workflow), or null.
    const LastRun *lastRun(const QString &workflowId) const;
    // Makes `run` the last run of `workflowId` (a run opened from a runtime).
    void setLastRun(const QString &workflowId, LastRun run);
    // Answers the form `token` of a human node (humanInputRequired): the action pressed and
    // the fields' values, as checked by engine::checkHumanResponse.
    void resume(const QString &token, const QString &action, const nlohmann::json &values);
    // Forgets the conversation variables kept for `conversation` of workflow `workflowId`.
    void forgetConversation(const QString &workflowId, const QString &conversation);
    void stop();
    bool running() const { return m_running; }
    // The open workflow's file: its runs search the knowledge bases in the folder beside
    // it (engine::knowledgeFolderFor). Empty for a workflow never saved: no bases.
    void setProjectFile(const QString &flowFile);
    const std::filesystem::path &knowledgeFolder() const { return m_knowledgeFolder; }
    QStringList profileNames() const { return m_profileNames; }
    // The profiles as an engine store (the GUI-side copies), for choosing and binding.
    engine::ProfileStore profileStore() const;
    // Whether runs have a value for the secret `name`: the environment, the secrets file,
    // or a key given with setSecret (from the keychain or just entered).
    bool hasSecret(const QString &name) const;
    nlohmann::json profile(const QString &name) const;  // its JSON (never a key); null if unknown
    // Adds or replaces a profile for the runs that follow.
    void addProfile(const QString &name, const nlohmann::json &profile);
    // Gives the runs a secret (an API key read from the keychain or just entered).
    void setSecret(const QString &name, const QString &value);
    // Runs `job` on the engine's thread with the run host. Answers go back to the GUI
    // thread with QMetaObject::invokeMethod on this object (it outlives the thread).
    void onEngine(std::function<void(engine::RunHost &host)> job);
    // Connects to every plugin server the workflow declares and lists its tools; each
    // answer comes back as toolsListed (servers start on the engine's thread).
    // With `only`, just that plugin; `restart` closes its server first and starts it afresh.
    void listTools(const engine::Workflow &workflow, const QString &only = {}, bool restart = false);
    // The user's answer to serverRequest `id`: a result object, or an error to decline.
    void answerServerRequest(int id, const nlohmann::json &result, const QString &error);

signals:
    void runStarted();
    void nodeStatus(const QString &nodeId, const QString &status, const QString &detail);  // running, done, failed, skipped
    void answerText(const QString &piece);
    void traceEvent(const QString &json);  // every event, as JSON, for the trace view
    // What nodes log (tool progress, warnings), retries and failures, for the log view.
    void logLine(const QString &nodeId, const QString &level, const QString &message);
    // succeeded, failed, cancelled; `outputs` is the end node's outputs as JSON text.
    void runEnded(const QString &status, const QString &message, const QString &outputs);
    void toolsListed(const QString &server, const QString &toolsJson, const QString &error);
    // A human node waits for its form: the event's data ({token, form, deadlineMs, scope}) as JSON.
    void humanInputRequired(const QString &nodeId, const QString &dataJson);
    // An iteration's item or a loop's round ended: {done, total, index, ok} as JSON.
    void nodeProgress(const QString &nodeId, const QString &dataJson);
    // A plugin server asks the user something (sampling/createMessage, elicitation/create);
    // answer with answerServerRequest(id, ...).
    void serverRequest(int id, const QString &method, const QString &paramsJson);
    // The last run of `workflowId` changed: a run started, ended, or one was loaded.
    void lastRunChanged(const QString &workflowId);
    void profilesChanged();
    void secretsChanged();  // a key was given with setSecret

private:
    struct Engine;
    std::unique_ptr<Engine> m_engine;
    bool m_running = false;
    QStringList m_profileNames;  // GUI-side copies; the engine's store lives on its thread
    std::map<QString, nlohmann::json> m_profiles;
    QSet<QString> m_secrets;  // names given with setSecret
    std::filesystem::path m_knowledgeFolder;
    RunRequest m_nextRequest;
    std::map<QString, LastRun> m_lastRuns;  // by workflow id
};

} // namespace studio
} // namespace flowdeck
