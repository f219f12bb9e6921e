#include "engine/sandbox/sandboxworker.h"

#include "engine/core/jsonread.h"

#include <boost/asio/write.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <utility>

namespace flowdeck::engine {

namespace asio = boost::asio;

namespace {

constexpr std::size_t kLogTailBytes = 16 * 1024;
// A worker's answers nest as deep as the code's result; deeper than this is refused.
constexpr std::size_t kMaxAnswerDepth = 256;

// Pipe ends above the standard descriptors, so that placing the child's 0..3 cannot
// overwrite one of them (a host started with stdin closed gets 0 from pipe2).
bool highPipe(int fds[2])
{
    int raw[2];
    if (::pipe2(raw, O_CLOEXEC) != 0)
        return false;
    for (int i = 0; i < 2; ++i) {
        fds[i] = ::fcntl(raw[i], F_DUPFD_CLOEXEC, 10);
        ::close(raw[i]);
    }
    return fds[0] >= 0 && fds[1] >= 0;
}

void appendTail(std::string &tail, const char *data, std::size_t n)
{
    tail.append(data, n);
    if (tail.size() > kLogTailBytes)
        tail.erase(0, tail.size() - kLogTailBytes);
}

} // namespace

SandboxWorker::SandboxWorker(asio::io_context &io, std::filesystem::path scratch, Handlers handlers)
    : m_io(io), m_requests(io), m_answers(io), m_logs(io), m_timer(io), m_scratch(std::move(scratch)),
      m_handlers(std::move(handlers))
{
    // Writing to a worker that just died fails with EPIPE; the signal must not end the host.
    static std::once_flag ignoreBrokenPipes;
    std::call_once(ignoreBrokenPipes, [] { ::signal(SIGPIPE, SIG_IGN); });
}

SandboxWorker::~SandboxWorker()
{
    terminateNow();
}

void SandboxWorker::terminateNow()
{
    m_handlers = {};
    if (m_pid > 0 && !m_reaped) {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);  // killed: it goes at once
        m_reaped = true;
    }
    std::error_code ec;
    if (!m_scratch.empty())
        std::filesystem::remove_all(m_scratch, ec);
}

std::shared_ptr<SandboxWorker> SandboxWorker::spawn(asio::io_context &io, const std::vector<std::string> &command,
                                                    std::filesystem::path scratch, Handlers handlers, std::string *error)
{
    std::shared_ptr<SandboxWorker> w(new SandboxWorker(io, std::move(scratch), std::move(handlers)));
    int requests[2] = {-1, -1}, answers[2] = {-1, -1}, logs[2] = {-1, -1};
    if (!highPipe(requests) || !highPipe(answers) || !highPipe(logs)) {
        *error = std::string("cannot create pipes: ") + std::strerror(errno);
        for (int fd : {requests[0], requests[1], answers[0], answers[1], logs[0], logs[1]})
            if (fd >= 0)
                ::close(fd);
        return nullptr;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, requests[0], 0);
    posix_spawn_file_actions_adddup2(&actions, logs[1], 1);
    posix_spawn_file_actions_adddup2(&actions, logs[1], 2);
    posix_spawn_file_actions_adddup2(&actions, answers[1], 3);
    posix_spawn_file_actions_addclosefrom_np(&actions, 4);  // nothing else of the host's
    std::vector<char *> argv;
    std::vector<std::string> args = command;
    for (auto &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    char *noEnvironment[] = {nullptr};  // the launcher builds the worker's own
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), noEnvironment);
    posix_spawn_file_actions_destroy(&actions);
    ::close(requests[0]);
    ::close(answers[1]);
    ::close(logs[1]);
    if (rc != 0) {
        ::close(requests[1]);
        ::close(answers[0]);
        ::close(logs[0]);
        *error = "cannot start " + command.front() + ": " + std::strerror(rc);
        return nullptr;
    }
    ::fcntl(logs[0], F_SETFL, ::fcntl(logs[0], F_GETFL) | O_NONBLOCK);  // drained at exit without blocking
    w->m_pid = pid;
    w->m_requests.assign(requests[1]);
    w->m_answers.assign(answers[0]);
    w->m_logs.assign(logs[0]);
    w->readAnswers();
    w->readLogs();
    return w;
}

void SandboxWorker::send(const std::string &json)
{
    if (!alive() || !m_requests.is_open())
        return;
    const auto size = static_cast<std::uint32_t>(json.size());
    std::string frame(4, '\0');
    for (int i = 0; i < 4; ++i)
        frame[static_cast<std::size_t>(i)] = static_cast<char>((size >> (24 - 8 * i)) & 0xff);
    frame += json;
    m_writes.push_back(std::move(frame));
    if (!m_writing)
        writeNext();
}

void SandboxWorker::writeNext()
{
    if (m_writes.empty() || !m_requests.is_open()) {
        m_writing = false;
        return;
    }
    m_writing = true;
    asio::async_write(m_requests, asio::buffer(m_writes.front()),
                      [self = shared_from_this()](const boost::system::error_code &ec, std::size_t) {
                          if (ec) {  // it is gone: the answer pipe reports that
                              self->m_writing = false;
                              return;
                          }
                          self->m_writes.pop_front();
                          self->writeNext();
                      });
}

void SandboxWorker::readAnswers()
{
    m_answers.async_read_some(asio::buffer(m_answerBuf), [self = shared_from_this()](const boost::system::error_code &ec,
                                                                                    std::size_t n) {
        if (ec) {
            // Closed: the process is ending (or closed the descriptor, and is killed).
            self->awaitExit(std::chrono::milliseconds(200));
            return;
        }
        self->m_in.append(self->m_answerBuf, n);
        self->takeFrames();
        if (self->m_answers.is_open())
            self->readAnswers();
    });
}

void SandboxWorker::takeFrames()
{
    while (m_in.size() >= 4 && m_answers.is_open()) {
        std::size_t size = 0;
        for (int i = 0; i < 4; ++i)
            size = (size << 8) | static_cast<unsigned char>(m_in[static_cast<std::size_t>(i)]);
        if (size > m_maxFrame) {
            m_exit.answerTooLarge = true;
            return fail("sent an answer of " + std::to_string(size) + " bytes, more than the " +
                        std::to_string(m_maxFrame) + " allowed");
        }
        if (m_in.size() < 4 + size)
            return;
        JsonReadError why;
        nlohmann::json frame = parseJson(std::string_view(m_in).substr(4, size), &why, kMaxAnswerDepth);
        m_in.erase(0, 4 + size);
        if (frame.is_discarded() || !frame.is_object())
            return fail("sent an answer that is not a JSON object (" + (why ? why.describe() : "another value") + ")");
        if (m_handlers.onFrame)
            m_handlers.onFrame(std::move(frame));
    }
}

void SandboxWorker::readLogs()
{
    m_logs.async_read_some(asio::buffer(m_logBuf), [self = shared_from_this()](const boost::system::error_code &ec,
                                                                              std::size_t n) {
        if (ec)
            return;
        appendTail(self->m_logTail, self->m_logBuf, n);
        self->readLogs();
    });
}

void SandboxWorker::drainLogs()
{
    if (!m_logs.is_open())
        return;
    char buf[8192];
    ssize_t n;
    while ((n = ::read(m_logs.native_handle(), buf, sizeof buf)) > 0)
        appendTail(m_logTail, buf, static_cast<std::size_t>(n));
}

void SandboxWorker::fail(std::string problem)
{
    if (m_exit.problem.empty())
        m_exit.problem = std::move(problem);
    kill();
}

void SandboxWorker::kill()
{
    if (m_pid <= 0 || m_reaped)
        return;
    if (!m_killSent) {
        ::kill(m_pid, SIGKILL);  // still ours to signal: it is reaped only here
        m_killSent = true;
        m_exit.killed = true;
    }
    closePipes();
    awaitExit(std::chrono::milliseconds(0));
}

void SandboxWorker::closePipes()
{
    boost::system::error_code ec;
    m_requests.close(ec);
    m_answers.close(ec);
}

void SandboxWorker::awaitExit(std::chrono::milliseconds grace)
{
    if (m_waiting || m_reaped)
        return;
    m_waiting = true;
    m_killAt = std::chrono::steady_clock::now() + grace;
    // From the loop, never inside the caller: onExit must not run in the middle of kill().
    m_timer.expires_after(std::chrono::milliseconds(0));
    m_timer.async_wait([self = shared_from_this()](const boost::system::error_code &) { self->pollExit(); });
}

// Waits for the process without blocking the loop: a killed process is gone within
// milliseconds; one that closed its answers but lives on is killed after the grace.
void SandboxWorker::pollExit()
{
    if (reap())
        return;
    if (!m_killSent && std::chrono::steady_clock::now() >= m_killAt) {
        ::kill(m_pid, SIGKILL);
        m_killSent = true;
    }
    m_timer.expires_after(std::chrono::milliseconds(2));
    m_timer.async_wait([self = shared_from_this()](const boost::system::error_code &) { self->pollExit(); });
}

bool SandboxWorker::reap()
{
    int status = 0;
    const pid_t rc = ::waitpid(m_pid, &status, WNOHANG);
    if (rc == 0)
        return false;
    m_reaped = true;
    if (rc == m_pid) {
        m_exit.signaled = WIFSIGNALED(status);
        m_exit.signal = m_exit.signaled ? WTERMSIG(status) : 0;
        m_exit.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
    }
    drainLogs();
    m_exit.logTail = m_logTail;
    closePipes();
    boost::system::error_code ec;
    m_logs.close(ec);
    // What the code left there may be many files: removed off the loop.
    std::thread([scratch = std::exchange(m_scratch, {})] {
        std::error_code ec;
        std::filesystem::remove_all(scratch, ec);
    }).detach();
    if (auto onExit = std::move(m_handlers.onExit)) {
        m_handlers = {};
        onExit(m_exit);
    }
    return true;
}

double SandboxWorker::cpuMs() const
{
    if (!alive())
        return 0;
    std::ifstream in("/proc/" + std::to_string(m_pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return 0;
    // After the name: state (field 3) ... utime (14), stime (15).
    std::istringstream fields(text.substr(close + 2));
    std::string skip;
    for (int i = 3; i < 14; ++i)
        fields >> skip;
    unsigned long long user = 0, system = 0;
    fields >> user >> system;
    static const double msPerTick = 1000.0 / static_cast<double>(::sysconf(_SC_CLK_TCK));
    return static_cast<double>(user + system) * msPerTick;
}

void SandboxWorker::setCpuLimit(long seconds)
{
    if (!alive())
        return;
    const rlimit limit{static_cast<rlim_t>(seconds), RLIM_INFINITY};
    ::prlimit(m_pid, RLIMIT_CPU, &limit, nullptr);
}

} // namespace flowdeck::engine
