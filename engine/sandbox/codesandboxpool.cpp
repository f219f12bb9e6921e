#include "engine/sandbox/codesandboxpool.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"
#include "engine/sandbox/workeranswer.h"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace flowdeck::engine {

namespace asio = boost::asio;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char *kScratchPrefix = "flowdeck-code-";

// Scratch folders left behind by hosts that ended without cleaning up (a crash, a kill).
void removeStaleScratch()
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(fs::temp_directory_path(ec), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(kScratchPrefix, 0) != 0)
            continue;
        const long pid = std::strtol(name.c_str() + std::char_traits<char>::length(kScratchPrefix), nullptr, 10);
        struct stat st {};
        if (pid <= 0 || pid == ::getpid() || ::stat(entry.path().c_str(), &st) != 0 || st.st_uid != ::getuid())
            continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            fs::remove_all(entry.path(), ec);
    }
}

fs::path makeScratch(std::string *error)
{
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / (kScratchPrefix + std::to_string(::getpid()) + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) {  // mode 0700
        *error = "cannot make a scratch folder in " + fs::temp_directory_path(ec).string() + ": " + std::strerror(errno);
        return {};
    }
    return pattern;
}

} // namespace

struct CodeSandboxPool::Pending {
    explicit Pending(asio::io_context &io) : clock(io) {}
    CallId id = 0;
    CodeCall call;
    Done done;
    Clock::time_point queuedAt;
    Clock::time_point deadline;  // wall time, once running
    asio::steady_timer clock;
    int slot = 0;  // the slot it runs on; 0 while it waits
    double cpuAtStart = 0;
    bool finished = false;
};

struct CodeSandboxPool::Slot {
    Slot(asio::io_context &io, int id, Kind kind) : id(id), kind(kind), idle(io) {}
    int id;
    Kind kind;
    std::shared_ptr<SandboxWorker> worker;
    bool ready = false;     // it said so
    bool retiring = false;  // killed, not yet reaped
    std::string sandbox;
    std::shared_ptr<Pending> call;
    asio::steady_timer idle;
};

std::shared_ptr<CodeSandboxPool> CodeSandboxPool::create(asio::io_context &io, SandboxPoolSettings settings)
{
    removeStaleScratch();
    return std::shared_ptr<CodeSandboxPool>(new CodeSandboxPool(io, std::move(settings)));
}

CodeSandboxPool::CodeSandboxPool(asio::io_context &io, SandboxPoolSettings settings)
    : m_io(io), m_settings(std::move(settings))
{
}

CodeSandboxPool::~CodeSandboxPool()
{
    for (auto &[id, slot] : m_slots)
        slot->worker->terminateNow();
}

CodeSandboxPool::CallId CodeSandboxPool::run(CodeCall call, Done done)
{
    auto p = std::make_shared<Pending>(m_io);
    p->id = m_nextCall++;
    p->call = std::move(call);
    p->done = std::move(done);
    p->queuedAt = Clock::now();
    m_calls[p->id] = p;
    if (m_closed) {
        finish(p, CodeOutcome::failure(ErrorKind::Cancelled, "The code sandbox was shut down."));
    } else if (std::string missing = m_settings.programs.missing(p->call.language); !missing.empty()) {
        finish(p, CodeOutcome::failure(ErrorKind::Internal, std::move(missing)));
    } else {
        m_queue.push_back(p);
        asio::post(m_io, [weak = weak_from_this()] {
            if (auto self = weak.lock())
                self->dispatch();
        });
    }
    return p->id;
}

void CodeSandboxPool::dispatch()
{
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        const std::shared_ptr<Pending> p = *it;
        const Kind kind{p->call.language, p->call.limits.memoryMb};
        Slot *free = nullptr;
        int count = 0;
        for (auto &[id, s] : m_slots) {
            if (s->retiring || !(s->kind == kind))
                continue;
            ++count;
            if (!s->call && !free)
                free = s.get();
        }
        if (!free && count < m_settings.maxWorkersPerKind) {
            std::string error;
            free = spawn(kind, &error);
            if (!free) {
                it = m_queue.erase(it);
                finish(p, CodeOutcome::failure(ErrorKind::Internal, "The code sandbox could not start: " + error));
                continue;
            }
        }
        if (!free) {
            ++it;
            continue;
        }
        it = m_queue.erase(it);
        assign(*free, p);
    }
}

CodeSandboxPool::Slot *CodeSandboxPool::spawn(Kind kind, std::string *error)
{
    const fs::path scratch = makeScratch(error);
    if (scratch.empty())
        return nullptr;
    const int id = m_nextSlot++;
    SandboxWorker::Handlers handlers;
    handlers.onFrame = [weak = weak_from_this(), id](nlohmann::json frame) {
        if (auto self = weak.lock())
            self->onFrame(id, std::move(frame));
    };
    handlers.onExit = [weak = weak_from_this(), id](const SandboxWorker::Exit &exit) {
        if (auto self = weak.lock())
            self->onExit(id, exit);
    };
    auto worker = SandboxWorker::spawn(m_io, m_settings.programs.workerCommand(kind.language, kind.memoryMb, scratch),
                                       scratch, std::move(handlers), error);
    if (!worker) {
        std::error_code ec;
        fs::remove_all(scratch, ec);
        return nullptr;
    }
    ++m_started;
    auto slot = std::make_unique<Slot>(m_io, id, kind);
    slot->worker = std::move(worker);
    Slot *raw = slot.get();
    m_slots[id] = std::move(slot);
    return raw;
}

void CodeSandboxPool::assign(Slot &slot, const std::shared_ptr<Pending> &p)
{
    slot.idle.cancel();
    slot.call = p;
    p->slot = slot.id;
    const CodeLimits &l = p->call.limits;
    // Room for the result and the printed text, even if every character were escaped.
    slot.worker->setMaxFrameBytes(static_cast<std::size_t>(l.outputKb + l.printKb) * 1024 * 6 + 65536);
    p->cpuAtStart = slot.worker->cpuMs();
    slot.worker->setCpuLimit(static_cast<long>((p->cpuAtStart + l.cpuMs) / 1000) + 2);
    const nlohmann::json request = {{"code", p->call.code},
                                    {"inputs", p->call.inputs.is_object() ? p->call.inputs : nlohmann::json::object()},
                                    {"limits", {{"printBytes", l.printKb * 1024}, {"outputBytes", l.outputKb * 1024}}}};
    slot.worker->send(safeDump(request));
    p->deadline = Clock::now() + std::chrono::milliseconds(l.wallMs);
    armClock(p, std::chrono::milliseconds(std::min(l.cpuMs, l.wallMs)));
}

void CodeSandboxPool::armClock(const std::shared_ptr<Pending> &p, Clock::duration after)
{
    p->clock.expires_after(after);
    p->clock.async_wait([weak = weak_from_this(), p](const boost::system::error_code &ec) {
        auto self = weak.lock();
        if (!ec && self)
            self->checkTime(p);
    });
}

// Wall time on the clock; processor time read from /proc when the call could have used
// it all, so a call that waits is not charged.
void CodeSandboxPool::checkTime(const std::shared_ptr<Pending> &p)
{
    Slot *slot = slotOf(*p);
    if (p->finished || !slot)
        return;
    const auto now = Clock::now();
    const CodeLimits &l = p->call.limits;
    CodeLimit hit = CodeLimit::None;
    const double used = slot->worker->cpuMs() - p->cpuAtStart;
    if (now >= p->deadline)
        hit = CodeLimit::Wall;
    else if (used >= l.cpuMs)
        hit = CodeLimit::Cpu;
    if (hit != CodeLimit::None) {
        finish(p, CodeOutcome::limit(hit, l));
        retire(*slot, true);
        return;
    }
    const auto cpuLeft = std::chrono::milliseconds(std::max(5, static_cast<int>(l.cpuMs - used)));
    armClock(p, std::min<Clock::duration>(p->deadline - now, cpuLeft));
}

void CodeSandboxPool::onFrame(int slotId, nlohmann::json frame)
{
    auto it = m_slots.find(slotId);
    if (it == m_slots.end())
        return;
    Slot &slot = *it->second;
    if (frame.contains("ready")) {
        slot.ready = true;
        slot.sandbox = textOf(frame, "sandbox");
        if (const auto &p = slot.call) {  // its clocks start now, not while the interpreter started
            p->cpuAtStart = slot.worker->cpuMs();
            p->deadline = Clock::now() + std::chrono::milliseconds(p->call.limits.wallMs);
        }
        return;
    }
    const std::shared_ptr<Pending> p = slot.call;
    if (!p || slot.retiring) {
        if (!slot.retiring)
            retire(slot, true);  // an answer nobody asked for: not a worker to trust
        return;
    }
    CodeOutcome outcome = outcomeFromAnswer(frame, p->call);
    const bool limitHit = outcome.limitHit != CodeLimit::None;
    slot.call = nullptr;
    finish(p, std::move(outcome));
    if (limitHit) {
        retire(slot, true);
        return;
    }
    becameIdle(slot);
    dispatch();
}

void CodeSandboxPool::onExit(int slotId, const SandboxWorker::Exit &exit)
{
    auto it = m_slots.find(slotId);
    if (it == m_slots.end())
        return;
    if (const auto p = it->second->call; p && !p->finished)
        finish(p, outcomeFromExit(exit, it->second->ready, p->call));
    std::unique_ptr<Slot> slot = std::move(it->second);
    m_slots.erase(it);
    // A working worker that died on its own is replaced; one that never started is not
    // (the next call tries again, and says why if it fails again).
    if (!slot->retiring && slot->ready && !m_closed)
        replaceLater(slot->kind);
    dispatch();
}

void CodeSandboxPool::retire(Slot &slot, bool replace)
{
    if (slot.retiring)
        return;
    slot.retiring = true;
    slot.call = nullptr;
    slot.idle.cancel();
    slot.worker->kill();  // onExit removes the slot once the process is reaped
    if (replace && slot.ready && !m_closed)
        replaceLater(slot.kind);
    dispatch();
}

// A warm worker in place of one that was killed, started after the loop has delivered
// the answer that killed it (starting a process takes milliseconds).
void CodeSandboxPool::replaceLater(Kind kind)
{
    asio::post(m_io, [weak = weak_from_this(), kind] {
        auto self = weak.lock();
        if (!self || self->m_closed)
            return;
        int count = 0;
        for (const auto &[id, s] : self->m_slots)
            count += !s->retiring && s->kind == kind;
        std::string error;
        if (count < self->m_settings.maxWorkersPerKind)
            if (Slot *fresh = self->spawn(kind, &error))
                self->becameIdle(*fresh);
        self->dispatch();
    });
}

void CodeSandboxPool::becameIdle(Slot &slot)
{
    slot.idle.expires_after(m_settings.idleTimeout);
    slot.idle.async_wait([weak = weak_from_this(), id = slot.id](const boost::system::error_code &ec) {
        auto self = weak.lock();
        if (ec || !self)
            return;
        auto it = self->m_slots.find(id);
        if (it != self->m_slots.end() && !it->second->call)
            self->retire(*it->second, false);
    });
}

void CodeSandboxPool::finish(const std::shared_ptr<Pending> &p, CodeOutcome outcome)
{
    if (p->finished)
        return;
    p->finished = true;
    p->clock.cancel();
    m_calls.erase(p->id);
    outcome.elapsedMs = std::chrono::duration<double, std::milli>(Clock::now() - p->queuedAt).count();
    if (const Slot *slot = slotOf(*p)) {
        outcome.sandbox = slot->sandbox;
        outcome.worker = slot->worker->pid();
    }
    asio::post(m_io, [done = std::move(p->done), outcome = std::move(outcome)]() mutable {
        if (done)
            done(std::move(outcome));
    });
}

CodeSandboxPool::Slot *CodeSandboxPool::slotOf(const Pending &p)
{
    auto it = m_slots.find(p.slot);
    return it == m_slots.end() ? nullptr : it->second.get();
}

void CodeSandboxPool::cancel(CallId id)
{
    auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    const std::shared_ptr<Pending> p = it->second;
    m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), p), m_queue.end());
    Slot *slot = slotOf(*p);
    finish(p, CodeOutcome::failure(ErrorKind::Cancelled, "The code was cancelled."));
    if (slot && slot->call == p)
        retire(*slot, true);
}

void CodeSandboxPool::shutdown()
{
    m_closed = true;
    const auto calls = m_calls;
    for (const auto &[id, p] : calls)
        finish(p, CodeOutcome::failure(ErrorKind::Cancelled, "The code sandbox was shut down."));
    m_queue.clear();
    for (auto &[id, slot] : m_slots)
        retire(*slot, false);
}

std::vector<int> CodeSandboxPool::workerPids() const
{
    std::vector<int> pids;
    for (const auto &[id, slot] : m_slots)
        if (!slot->retiring && slot->worker->alive())
            pids.push_back(slot->worker->pid());
    return pids;
}

} // namespace flowdeck::engine
