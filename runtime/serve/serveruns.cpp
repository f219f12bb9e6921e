// ServeContext's runs: started or resumed, recorded in history and metrics, and kept in
// the paused runs' store when they wait for people to answer a form (DESIGN.md §6).
#include "runtime/serve/servecontext.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/core/tokens.h"
#include "runtime/serve/servedtrace.h"
#include "runtime/serve/serveguard.h"

#include <boost/asio/post.hpp>

#include <cstdio>
#include <set>

namespace flowdeck::runtime {

std::string newRunId() { return engine::randomHexId("run-"); }

// One run's bookkeeping, shared by its event sink and its end.
struct ServeContext::RunState {
    std::weak_ptr<engine::WorkflowRun> run;
    RunRecord record;
    double elapsedBefore = 0;  // a resumed run: how long it ran before it paused
    std::set<std::string> answered;  // the tokens a resumed run was answered with
    PauseInfo pause;
    bool kept = false;  // a paused state was stored for it
    nlohmann::json given;  // a new run's inputs as the history keeps them, before they are redacted
    std::unique_ptr<ServedTrace> trace;  // every node's inputs and outputs, for the history
};

std::shared_ptr<engine::WorkflowRun> ServeContext::execute(const std::shared_ptr<LiveApp> &app, const std::string &api,
                                                           engine::RunOptions options, const ReplyPtr &reply,
                                                           std::function<void(const engine::WorkflowRun &)> done)
{
    return launch(app, api, std::move(options), reply, std::move(done), nullptr, nullptr);
}

std::shared_ptr<engine::WorkflowRun> ServeContext::resume(const std::shared_ptr<LiveApp> &app, Resumption resumption,
                                                          engine::RunOptions options, const ReplyPtr &reply,
                                                          std::function<void(const engine::WorkflowRun &)> done,
                                                          std::string &error)
{
    return launch(app, resumption.stored.api, std::move(options), reply, std::move(done), &resumption, &error);
}

const PauseInfo *ServeContext::pauseOf(const engine::WorkflowRun &run) const
{
    const auto it = m_states.find(&run);
    if (it == m_states.end() || !it->second->kept)
        return nullptr;
    const PauseInfo &pause = it->second->pause;
    return run.status() == engine::RunStatus::Paused || !pause.error.empty() ? &pause : nullptr;
}

std::set<std::string> ServeContext::liveRunIds() const
{
    std::set<std::string> ids;
    for (const auto &[key, run] : m_active)
        ids.insert(run->id());
    return ids;
}

std::shared_ptr<engine::WorkflowRun> ServeContext::launch(const std::shared_ptr<LiveApp> &app, const std::string &api,
                                                          engine::RunOptions options, const ReplyPtr &reply,
                                                          std::function<void(const engine::WorkflowRun &)> done,
                                                          const Resumption *resumption, std::string *error)
{
    auto state = std::make_shared<RunState>();
    RunRecord &record = state->record;
    record.app = app->name();
    record.version = app->version();
    record.api = api;
    record.sourceVersion = engine::valueOr(app->source(), "version", "");
    record.continued = resumption != nullptr;  // its trace adds to what ran before the pause
    state->trace = std::make_unique<ServedTrace>(*app);
    if (resumption) {
        // The history keeps one row per run: it began when it first started, and says when
        // and how each of its forms was answered.
        const PausedRun &stored = resumption->stored;
        record.startedAt = stored.startedAt;
        state->elapsedBefore = stored.elapsedMs;
        nlohmann::json inputs = engine::parseJson(stored.inputs);
        if (!inputs.is_object())
            inputs = nlohmann::json::object();
        if (!inputs["resumed"].is_array())
            inputs["resumed"] = nlohmann::json::array();
        for (const auto &[token, response] : resumption->answers) {
            state->answered.insert(token);
            inputs["resumed"].push_back({{"at", nowIso()}, {"action", response.action}, {"values", response.values}});
        }
        record.inputs = app->redact(engine::safeDump(inputs));
    } else {
        record.startedAt = nowIso();
        state->given = {{"inputs", options.inputs},
                        {"query", engine::valueOr(options.sys, "query", "")},
                        {"conversation", engine::valueOr(options.sys, "conversation_id", "")}};
        record.inputs = app->redact(engine::safeDump(state->given));
    }
    options.conversationScope = app->name();
    auto sink = std::move(options.onEvent);
    options.onEvent = [this, app, sink, state](const engine::RunEvent &event) {
        if (event.type == engine::RunEventType::NodeFailed)
            m_metrics.nodeFailure(app->name(), event.nodeType);
        if (event.type == engine::RunEventType::RunPaused)
            return keepPaused(app, state, event);  // its snapshot stays in the runtime
        state->trace->add(event);
        if (event.type == engine::RunEventType::GuardChecked) {
            countGuardEvent(m_metrics, app->name(), event);
            state->trace->noteGuardedInputs(state->given, event);
            if (maskGuardedInputs(state->given, event))
                state->record.inputs = app->redact(engine::safeDump(state->given));  // before a pause keeps them too
        }
        if (sink)
            sink(event);
    };
    auto finished = [this, app, state, done = std::move(done)](const engine::WorkflowRun &run) {
        RunRecord record = state->record;
        record.runId = run.id();
        const engine::GuardOutcome &guard = run.guard();
        const bool blocked = guard.blocked && run.status() == engine::RunStatus::Succeeded;  // answered with the reply
        record.status = blocked ? "blocked" : engine::runStatusName(run.status());
        if (hasGuardFindings(guard))
            record.guard = engine::safeDump(guard.toJson());
        record.elapsedMs = state->elapsedBefore + run.elapsedMs();
        const engine::Usage &usage = run.usage();  // a resumed run restores what it used before
        record.promptTokens = usage.promptTokens;
        record.completionTokens = usage.completionTokens;
        if (run.status() != engine::RunStatus::Succeeded && run.status() != engine::RunStatus::Paused) {
            record.errorKind = engine::errorKindName(run.errorKind());
            record.error = state->trace->maskGuarded(app->redact(state->pause.error.empty() ? run.error() : state->pause.error));
            record.failedNode = run.failedNode();
        }
        // PII an input guard let through is kept as its placeholder, as in the inputs.
        std::string outputs =
            state->trace->maskGuarded(app->redact(engine::safeDump({{"outputs", run.outputs()}, {"answer", run.answer()}})));
        if (outputs.size() > 64 * 1024)
            outputs = engine::safeDump({{"truncated", outputs.substr(0, 64 * 1024)}});
        record.outputs = std::move(outputs);
        record.traceText = state->trace->takeText();  // written out and redacted on the history's thread
        m_metrics.run(app->name(), record.status);
        m_metrics.tokens(app->name(), record.promptTokens, record.completionTokens);
        m_history.record(std::move(record));
        if (run.status() != engine::RunStatus::Paused) {
            // It went on past a pause kept a moment ago (a time limit in the same instant), or ended.
            if (state->kept)
                m_paused.forget(run.id());
            m_uploads.discard(run.id());
        }
        try {
            done(run);
        } catch (const std::exception &e) {  // an answer that cannot be made must not take the server down
            std::fprintf(stderr, "flowdeck serve: the answer for a run of '%s' failed: %s\n", app->name().c_str(), e.what());
        }
        const engine::WorkflowRun *key = &run;
        boost::asio::post(m_io, [this, key] {  // not while it is still finishing
            m_active.erase(key);
            m_states.erase(key);
        });
    };
    std::shared_ptr<engine::WorkflowRun> run;
    if (resumption) {
        auto restored = app->restoreRun(std::move(options), resumption->stored.snapshot);
        if (!restored) {
            *error = restored.diagnostics().empty() ? "The stored run cannot be continued." : restored.diagnostics().front().message;
            return nullptr;
        }
        run = restored.value();
        for (const auto &[token, response] : resumption->answers)
            run->resume(token, response);
        run->start(std::move(finished));
    } else {
        run = app->startRun(std::move(options), std::move(finished));
    }
    state->run = run;
    m_active[run.get()] = run;
    m_states[run.get()] = state;
    if (reply) {
        std::weak_ptr<engine::WorkflowRun> weak = run;
        reply->onClose([weak] {
            if (auto r = weak.lock())
                r->cancel();  // the client went away: stop spending tokens on it
        });
    }
    return run;
}

// Only human nodes wait: store the run's snapshot with its forms, then end it quietly.
// Its answer (202, run_paused) goes out once it is stored, so a token handed out can be used.
void ServeContext::keepPaused(const std::shared_ptr<LiveApp> &app, const std::shared_ptr<RunState> &state,
                              const engine::RunEvent &event)
{
    auto run = state->run.lock();
    const nlohmann::json tokens = engine::valueOr<nlohmann::json>(event.data, "tokens", nlohmann::json::array());
    for (const auto &token : tokens)
        if (token.is_string() && state->answered.count(token.get<std::string>()))
            return;  // a resumed run names the form it is about to take the answer for
    if (!run)
        return;
    PausedRun row;
    row.runId = event.runId;
    row.app = app->name();
    row.version = app->version();
    row.api = state->record.api;
    row.startedAt = state->record.startedAt;
    row.pausedAt = nowIso();
    row.elapsedMs = state->elapsedBefore + engine::valueOr(event.data, "elapsedMs", 0.0);
    row.inputs = state->record.inputs;
    const engine::Usage &usage = run->usage();
    row.usage = usage.toJson();
    row.snapshot = engine::valueOr<nlohmann::json>(event.data, "snapshot", nlohmann::json());
    const nlohmann::json nodes = engine::valueOr<nlohmann::json>(row.snapshot, "nodes", nlohmann::json::object());
    PauseInfo pause;
    for (const auto &[id, node] : nodes.items()) {
        if (engine::valueOr(node, "state", "") != "waiting")
            continue;
        nlohmann::json form = {{"token", engine::valueOr(node, "token", "")},
                               {"form", engine::valueOr<nlohmann::json>(node, "form", nlohmann::json::object())}};
        if (const auto deadline = engine::valueOr<std::int64_t>(node, "deadlineMs", 0); deadline > 0) {
            form["deadlineMs"] = deadline;
            row.deadlineMs = row.deadlineMs == 0 ? deadline : std::min(row.deadlineMs, deadline);
        }
        pause.tokens.push_back(form["token"]);
        pause.forms.push_back(form);
    }
    row.forms = pause.forms;
    state->pause = std::move(pause);
    state->kept = true;
    m_paused.store(std::move(row), [this, app, state](std::string error) {
        auto run = state->run.lock();
        if (!run)
            return;
        if (!error.empty()) {
            std::fprintf(stderr, "flowdeck serve: a paused run of '%s' could not be kept: %s\n", app->name().c_str(),
                         error.c_str());
            state->pause.error = "The run paused for human input, but it could not be kept: " + error;
            return run->cancel();
        }
        const auto waiting = run->waitingTokens();
        if (run->status() == engine::RunStatus::Running &&
            std::set<std::string>(waiting.begin(), waiting.end()) ==
                std::set<std::string>(state->pause.tokens.begin(), state->pause.tokens.end()))
            run->suspend();  // ends with status Paused; the run's end answers
    });
}

} // namespace flowdeck::runtime
