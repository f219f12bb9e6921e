#pragma once

#include "engine/sandbox/codecall.h"
#include "engine/sandbox/sandboxprograms.h"
#include "engine/sandbox/sandboxworker.h"

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace flowdeck::engine {

struct SandboxPoolSettings {
    SandboxPrograms programs = SandboxPrograms::find();
    int maxWorkersPerKind = 4;  // per language and memory size: calls beyond wait their turn
    std::chrono::milliseconds idleTimeout = std::chrono::minutes(5);  // then an idle worker is stopped
};

// Warm sandboxed interpreters for code nodes (DESIGN.md §3, code), shared by the runs of
// one run host. Workers start when first needed, one kind per language and memory
// limit, and serve call after call; a worker that hit a limit, crashed or was cancelled
// is killed by its process id and replaced. Wall and CPU time are kept by the pool on
// the io_context (SIGKILL when over), never blocking it; the kernel's CPU limit stands
// behind that clock. Single-threaded: use it on its io_context only.
class CodeSandboxPool : public std::enable_shared_from_this<CodeSandboxPool> {
public:
    using CallId = std::uint64_t;
    using Done = std::function<void(CodeOutcome)>;

    static std::shared_ptr<CodeSandboxPool> create(boost::asio::io_context &io, SandboxPoolSettings settings = {});
    ~CodeSandboxPool();
    CodeSandboxPool(const CodeSandboxPool &) = delete;
    CodeSandboxPool &operator=(const CodeSandboxPool &) = delete;

    // Runs `call`; `done` is called once, later, on the io_context (never inside run()).
    CallId run(CodeCall call, Done done);
    // Ends the call at once: its worker is killed (within milliseconds) and `done` gets
    // ErrorKind::Cancelled. Unknown or finished ids are ignored.
    void cancel(CallId id);
    // Kills every worker; calls in flight or waiting end as cancelled.
    void shutdown();

    const SandboxPoolSettings &settings() const { return m_settings; }
    boost::asio::io_context &io() { return m_io; }
    // Live workers' process ids (for tests and the bench).
    std::vector<int> workerPids() const;
    int workersStarted() const { return m_started; }

private:
    struct Kind {
        CodeLanguage language;
        int memoryMb;
        bool operator==(const Kind &o) const { return language == o.language && memoryMb == o.memoryMb; }
    };
    struct Pending;
    struct Slot;

    CodeSandboxPool(boost::asio::io_context &io, SandboxPoolSettings settings);
    void dispatch();
    Slot *spawn(Kind kind, std::string *error);
    void assign(Slot &slot, const std::shared_ptr<Pending> &pending);
    void onFrame(int slotId, nlohmann::json frame);
    void onExit(int slotId, const SandboxWorker::Exit &exit);
    void checkTime(const std::shared_ptr<Pending> &pending);
    void armClock(const std::shared_ptr<Pending> &pending, std::chrono::steady_clock::duration after);
    void finish(const std::shared_ptr<Pending> &pending, CodeOutcome outcome);
    void retire(Slot &slot, bool replace);
    void replaceLater(Kind kind);
    void becameIdle(Slot &slot);
    Slot *slotOf(const Pending &pending);

    boost::asio::io_context &m_io;
    SandboxPoolSettings m_settings;
    std::map<int, std::unique_ptr<Slot>> m_slots;
    std::deque<std::shared_ptr<Pending>> m_queue;
    std::map<CallId, std::shared_ptr<Pending>> m_calls;
    CallId m_nextCall = 1;
    int m_nextSlot = 1;
    int m_started = 0;
    bool m_closed = false;
};

} // namespace flowdeck::engine
