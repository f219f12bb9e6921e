#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::engine {

// A child process spoken to in newline-delimited lines over its stdin and stdout, on
// the asio io_context (MCP's stdio transport). stderr lines go to a log callback.
// How many children closed by a StdioChannel are still within their grace period (hosts
// that shut down wait for this to reach 0, or kill the rest at exit).
std::size_t stdioChildrenStopping();

class StdioChannel : public std::enable_shared_from_this<StdioChannel> {
public:
    struct Callbacks {
        std::function<void(std::string line)> onLine;
        std::function<void(std::string line)> onStderr;
        std::function<void(int exitStatus, std::string why)> onClosed;  // once
    };

    static std::shared_ptr<StdioChannel> create(boost::asio::io_context &io);
    ~StdioChannel();

    // Starts `command` (looked up in PATH) with `args`; `env` is added to this process's
    // environment. Returns false with `error` when the program cannot be started.
    bool start(const std::string &command, const std::vector<std::string> &args,
               const std::map<std::string, std::string> &env, const std::string &cwd, Callbacks callbacks,
               std::string *error);
    void send(std::string line);  // a newline is added
    // Closes the pipes and sends SIGTERM to the child's process group at once; the loop
    // waits for it (never blocking) and SIGKILLs the group after a 2 s grace period.
    void close();
    bool running() const { return m_pid > 0 && !m_closed; }
    int pid() const { return m_pid; }

    static constexpr std::size_t kMaxLineBytes = 16 * 1024 * 1024;

private:
    explicit StdioChannel(boost::asio::io_context &io);
    void readStdout();
    void readStderr();
    void writeNext();
    void finish(std::string why);

    boost::asio::io_context &m_io;
    boost::asio::posix::stream_descriptor m_stdin;
    boost::asio::posix::stream_descriptor m_stdout;
    boost::asio::posix::stream_descriptor m_stderr;
    Callbacks m_callbacks;
    std::string m_outBuffer;
    std::string m_errBuffer;
    std::deque<std::string> m_writes;
    bool m_writing = false;
    bool m_closed = false;
    int m_pid = -1;
    char m_readBuf[65536];
    char m_errBuf[8192];
};

} // namespace flowdeck::engine
