#pragma once

#include "engine/core/result.h"
#include "engine/guard/guardpolicy.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderesult.h"
#include "engine/run/compiledworkflow.h"
#include "engine/run/runevent.h"
#include "engine/run/runlimits.h"
#include "engine/run/runservices.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::engine {

class RunNodeContext;
class GuardScreen;
class GuardStream;
class ProviderCheckCall;

// A node's outputs given to a run instead of running it (studio debugging, DESIGN.md §11):
// "run from here" replays what ran before, and pinned test data is replayed every run.
struct ReplayedNode {
    nlohmann::json outputs = nlohmann::json::object();
    std::string port;  // the port it left by; empty: the default port
};

struct RunOptions {
    nlohmann::json inputs = nlohmann::json::object();  // by start input name
    nlohmann::json sys = nlohmann::json::object();     // query, conversation_id, history, user
    RunLimits limits;
    RunEventSink onEvent;  // optional; called on the io_context's thread
    std::string runId;     // generated when empty
    // Conversation variables: values set here win over the store's and the declared defaults.
    nlohmann::json conversation = nlohmann::json::object();
    std::string conversationScope;  // the store's key besides the conversation id; default: the workflow id
    // Top-level nodes completed from these outputs without running (answer and end nodes
    // always run: they only render). A replayed iteration or loop is not entered.
    std::map<std::string, ReplayedNode> replay;
    // Non-empty: run just this top-level node, with `replay` giving what it reads; nothing
    // after it runs, and the run's outputs are that node's.
    std::string only;
};

enum class RunStatus { Pending, Running, Succeeded, Failed, Cancelled, Paused };
const char *runStatusName(RunStatus status);

// One execution of a compiled workflow on an asio io_context (DESIGN.md §4). A node
// runs when every incoming edge is resolved and at least one was taken; a node whose
// incoming edges were all skipped is skipped, and so are its outgoing edges.
class WorkflowRun : public std::enable_shared_from_this<WorkflowRun> {
public:
    static std::shared_ptr<WorkflowRun> create(boost::asio::io_context &io,
                                               std::shared_ptr<const CompiledWorkflow> workflow,
                                               RunServices &services, RunOptions options);
    ~WorkflowRun();

    // Starts on the io_context; `onDone` is called once when the run ends in any way.
    void start(std::function<void(const WorkflowRun &)> onDone = {});
    // Thread-safe. In-flight requests are stopped on the loop's next turn.
    void cancel();
    // A run that was paused (RunPaused) and stored, rebuilt from its snapshot; start() it,
    // then resume() its form token. Fails with a sentence when the snapshot does not fit.
    static Result<std::shared_ptr<WorkflowRun>> restore(boost::asio::io_context &io,
                                                        std::shared_ptr<const CompiledWorkflow> workflow,
                                                        RunServices &services, RunOptions options,
                                                        const nlohmann::json &snapshot);
    // Answers the form with `token` (thread-safe; posted). False when no node waits for it
    // (checked on the calling thread only for a restored run not yet started).
    void resume(std::string token, HumanResponse response);
    // Ends a paused run quietly (status Paused, no events): its snapshot was stored.
    void suspend();
    // The tokens of the forms waiting now.
    std::vector<std::string> waitingTokens() const;
    const nlohmann::json &conversation() const { return m_conversation; }

    RunStatus status() const { return m_status; }
    const std::string &id() const { return m_options.runId; }
    const nlohmann::json &outputs() const { return m_outputs; }  // end node outputs
    const std::string &answer() const { return m_answer; }       // chat mode
    ErrorKind errorKind() const { return m_errorKind; }
    const std::string &error() const { return m_error; }
    const std::string &failedNode() const { return m_failedNode; }
    const Usage &usage() const { return m_usage; }
    int steps() const { return m_steps; }
    double elapsedMs() const;
    const nlohmann::json *nodeOutputs(const std::string &nodeId) const;
    // What the app guard policy found and did (engine/run/runguard.cpp).
    const GuardOutcome &guard() const { return m_guard; }
    // The run's inputs as the nodes saw them (masked by an input guard).
    const nlohmann::json &inputs() const { return m_options.inputs; }

private:
    friend class RunNodeContext;
    enum class NodeState : unsigned char { Waiting, Queued, Running, Done, Skipped, Failed };

    // The item or round a child run (a container's scope) runs for.
    struct ScopeFrame {
        std::string container;
        nlohmann::json values = nlohmann::json::object();  // item, index / loop variables
        bool breakLoop = false;
    };
    // A human node waiting for its form.
    struct PausedNode {
        int node = -1;
        int attempt = 0;
        std::string token;
        nlohmann::json form;
        std::int64_t deadlineMs = 0;  // wall clock (ms since epoch); 0: none
        std::function<void(HumanResponse)> handler;
        std::unique_ptr<boost::asio::steady_timer> timer;
    };
    enum class EdgeState : unsigned char { Pending, Taken, Skipped };

    struct NodeRuntime {
        NodeState state = NodeState::Waiting;
        int unresolved = 0;
        int taken = 0;
        int attempt = 0;
        std::shared_ptr<RunNodeContext> context;
        std::unique_ptr<boost::asio::steady_timer> timer;  // timeout or retry backoff
        std::chrono::steady_clock::time_point startedAt;
        nlohmann::json outputs;
        bool replayed = false;
    };
    // An answer node that streams the text of the llm node feeding it, as it comes.
    struct AnswerPassThrough {
        int answerNode = -1;
        std::string prefix;
        std::string emitted;
        int attempt = 0;
        bool started = false;
        bool broken = false;
    };

    WorkflowRun(boost::asio::io_context &io, std::shared_ptr<const CompiledWorkflow> workflow, RunServices &services,
                RunOptions options);

    // Scopes (engine/run/runscope.cpp).
    WorkflowRun &root() { return m_parent ? m_parent->root() : *this; }
    bool listening() const { return static_cast<bool>(root().m_options.onEvent); }
    const WorkflowRun &root() const { return m_parent ? m_parent->root() : *this; }
    ScopeFrame *frameOf(const std::string &container);
    const nlohmann::json *lookupOutputs(const std::string &nodeId) const;
    std::shared_ptr<WorkflowRun> startScope(int node, nlohmann::json frame, std::function<void(const ScopeOutcome &)> done);
    void endScope(bool breakLoop);  // break / continue nodes: finish this round now
    void initConversation();
    void storeConversation();

    // Human input (engine/run/runpause.cpp).
    void awaitInput(int node, int attempt, nlohmann::json form, std::int64_t timeoutMs,
                    std::function<void(HumanResponse)> handler);
    void answerInput(const std::string &token, HumanResponse response);
    void checkPaused();
    nlohmann::json snapshot() const;
    bool applySnapshot(const nlohmann::json &snapshot, std::string &error);

    void begin();
    // Debugging (engine/run/runreplay.cpp).
    bool replayNode(int node);  // true: completed from RunOptions::replay
    void beginOnly();           // RunOptions::only
    bool finishOnly(int node);  // true: `node` was the only one to run, and the run ends
    void drain();
    void launch(int node);
    void onNodeDone(int node, int attempt, NodeResult result);
    void onNodeTimeout(int node, int attempt);
    void handleFailure(int node, NodeResult result);
    void completeNode(int node, nlohmann::json outputs, const std::string &port, const Usage &usage);
    void resolveEdges(int node, const std::string &takenPort);
    void skipNode(int node);
    void passThrough(int node);  // a disabled node: done at once, empty outputs
    void checkFinished();
    void finishRun(RunStatus status, ErrorKind kind = ErrorKind::None, std::string error = {}, std::string node = {});
    void stopInFlight();
    void publish(RunEventType type, int node, nlohmann::json data);
    void planAnswerStreaming();
    void onToken(int node, int attempt, std::string_view text, bool reasoning);
    void onAnswer(int node, std::string_view text);
    void emitAnswer(std::string_view text);
    void deliverAnswer(std::string_view text);  // past the output guard
    // The app guard policy (engine/run/runguard.cpp).
    struct GuardBatch;
    void guardCheckBatch(const GuardScreen &screen, GuardAction action, const std::string &stage,
                         std::shared_ptr<GuardBatch> batch, std::function<void(bool blocked)> done,
                         const std::function<void()> &afterLocal = {});
    bool guardInputs(std::function<void()> proceed);
    void openGuardStream();
    bool guardBeforeSuccess();
    void stopGuard();
    void announceStart();  // run_started (with the inputs as the nodes see them) and the wall-time limit
    void beginNodes();

    boost::asio::io_context &m_io;
    std::shared_ptr<const CompiledWorkflow> m_workflow;
    std::shared_ptr<WorkflowRun> m_parent;  // a container's run for one item or round
    ScopeFrame m_frame;
    nlohmann::json m_conversation = nlohmann::json::object();  // the root's: variables by name
    std::vector<std::unique_ptr<PausedNode>> m_paused;
    std::map<std::string, HumanResponse> m_earlyResponses;  // resumed before the node waited again (restored runs)
    std::map<std::string, nlohmann::json> m_restoredForms;   // token by node id, deadline: kept across a restore
    bool m_restored = false;
    bool m_pausedAnnounced = false;
    RunServices &m_services;
    RunOptions m_options;
    std::vector<NodeRuntime> m_nodes;
    std::vector<EdgeState> m_edges;
    std::deque<int> m_ready;
    std::deque<int> m_waitingForSlot;
    std::vector<std::vector<AnswerPassThrough>> m_passThrough;  // by llm node index
    std::vector<int> m_passThroughSource;                        // by answer node: llm index or -1
    boost::asio::steady_timer m_wallTimer;
    std::function<void(const WorkflowRun &)> m_onDone;
    RunStatus m_status = RunStatus::Pending;
    nlohmann::json m_outputs = nlohmann::json::object();
    std::string m_answer;
    ErrorKind m_errorKind = ErrorKind::None;
    std::string m_error;
    std::string m_failedNode;
    Usage m_usage;
    int m_steps = 0;
    int m_streamingSource = -1;  // the llm whose tokens the answer is streaming now
    int m_running = 0;       // nodes started and not finished
    int m_asyncRunning = 0;  // of those, asynchronous ones
    int m_pendingTimers = 0; // retries waiting for their backoff
    bool m_draining = false;
    std::chrono::steady_clock::time_point m_startedAt;
    std::chrono::steady_clock::time_point m_endedAt;
    GuardOutcome m_guard;
    std::unique_ptr<GuardStream> m_guardStream;
    std::vector<std::shared_ptr<ProviderCheckCall>> m_guardCalls;
    bool m_guardOutputDone = false;  // the answer and outputs were checked (or need not be)
};

} // namespace flowdeck::engine
