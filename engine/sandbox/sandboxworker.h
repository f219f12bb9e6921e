#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::engine {

// One sandboxed interpreter process of the code sandbox pool, spoken to on the asio
// io_context without blocking it: requests go to its stdin, answers come on file
// descriptor 3, each a 4-byte big-endian length and a JSON document; what the process
// writes to stdout and stderr is kept (the last 16 KiB) for when it dies.
class SandboxWorker : public std::enable_shared_from_this<SandboxWorker> {
public:
    struct Exit {
        bool signaled = false;
        int signal = 0;     // when signaled
        int exitCode = 0;   // when not
        bool killed = false;  // by kill(), not of its own accord
        std::string problem;  // a protocol problem that got it killed ("sent an answer that is not JSON")
        bool answerTooLarge = false;  // an answer past setMaxFrameBytes
        std::string logTail;  // the end of what it wrote to stdout and stderr
    };
    struct Handlers {
        std::function<void(nlohmann::json frame)> onFrame;  // the ready frame, then one answer per request
        std::function<void(const Exit &)> onExit;           // once, after the process is reaped
    };

    // Starts `command` (the launcher's, see SandboxPrograms) working in `scratch`, a
    // folder the worker owns: it is removed when the process is gone.
    static std::shared_ptr<SandboxWorker> spawn(boost::asio::io_context &io, const std::vector<std::string> &command,
                                                std::filesystem::path scratch, Handlers handlers, std::string *error);
    ~SandboxWorker();
    SandboxWorker(const SandboxWorker &) = delete;
    SandboxWorker &operator=(const SandboxWorker &) = delete;

    void send(const std::string &json);
    // An answer longer than this kills the worker (Exit::problem says so).
    void setMaxFrameBytes(std::size_t bytes) { m_maxFrame = bytes; }
    // SIGKILL now; onExit follows once it is reaped.
    void kill();
    // SIGKILL and reap now, blocking for the moment that takes; onExit is not called.
    // For owners going away (the loop may be gone too).
    void terminateNow();
    bool alive() const { return m_pid > 0 && !m_reaped; }
    int pid() const { return m_pid; }
    // Processor time the process has used so far (user + system), from /proc.
    double cpuMs() const;
    // Lowers (or raises) the process's soft CPU limit to `seconds` (prlimit): the kernel's
    // own stop behind the pool's clock.
    void setCpuLimit(long seconds);
    // The end of what the process wrote to stdout and stderr.
    const std::string &logTail() const { return m_logTail; }

private:
    SandboxWorker(boost::asio::io_context &io, std::filesystem::path scratch, Handlers handlers);
    void readAnswers();
    void readLogs();
    void writeNext();
    void takeFrames();
    void closePipes();
    void awaitExit(std::chrono::milliseconds grace);
    void pollExit();
    bool reap();
    void drainLogs();
    void fail(std::string problem);

    boost::asio::io_context &m_io;
    boost::asio::posix::stream_descriptor m_requests;
    boost::asio::posix::stream_descriptor m_answers;
    boost::asio::posix::stream_descriptor m_logs;
    boost::asio::steady_timer m_timer;
    std::filesystem::path m_scratch;
    Handlers m_handlers;
    std::deque<std::string> m_writes;
    bool m_writing = false;
    std::string m_in;
    std::string m_logTail;
    std::size_t m_maxFrame = 64 * 1024 * 1024;
    int m_pid = -1;
    bool m_reaped = false;
    bool m_waiting = false;  // for the exit
    bool m_killSent = false;
    std::chrono::steady_clock::time_point m_killAt;  // when a process that closed its answers is killed
    Exit m_exit;
    char m_answerBuf[65536];
    char m_logBuf[8192];
};

} // namespace flowdeck::engine
