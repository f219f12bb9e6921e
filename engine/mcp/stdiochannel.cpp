#include "engine/mcp/stdiochannel.h"

#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <chrono>
#include <functional>
#include <mutex>
#include <set>
#include <utility>

extern char **environ;

namespace flowdeck::engine {

namespace asio = boost::asio;

namespace {

// Children closed by Flowdeck that have not exited yet: killed at exit if still there.
std::mutex g_pendingMutex;
std::set<pid_t> g_pending;

void killPendingAtExit()
{
    std::lock_guard lock(g_pendingMutex);
    for (pid_t pid : g_pending) {
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);
    }
}

// A child told to stop (SIGTERM), waited for without blocking the loop: polled every
// 20 ms, and after the grace period its whole process group is killed. If the loop goes
// away first, the last handler's destruction kills and reaps it then. Until it is reaped
// its pid cannot be reused, so killing it late never hits a stranger.
struct Reaper {
    Reaper(asio::io_context &io, pid_t pid, std::chrono::milliseconds grace)
        : timer(io), pid(pid), deadline(std::chrono::steady_clock::now() + grace)
    {
        std::lock_guard lock(g_pendingMutex);
        static const bool registered = std::atexit(killPendingAtExit) == 0;
        (void)registered;
        g_pending.insert(pid);
    }
    ~Reaper() { reap(true); }

    // True once the child is gone.
    bool reap(bool now)
    {
        if (done)
            return true;
        const bool exited = ::waitpid(pid, nullptr, WNOHANG) != 0;
        if (!exited && !now && std::chrono::steady_clock::now() < deadline)
            return false;
        if (!exited) {
            ::kill(-pid, SIGKILL);
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        ::kill(-pid, SIGKILL);  // whatever it left behind in its group
        std::lock_guard lock(g_pendingMutex);
        g_pending.erase(pid);
        done = true;
        return true;
    }

    asio::steady_timer timer;
    pid_t pid;
    std::chrono::steady_clock::time_point deadline;
    bool done = false;
};

void pollReaper(std::shared_ptr<Reaper> reaper)
{
    if (reaper->reap(false))
        return;
    reaper->timer.expires_after(std::chrono::milliseconds(20));
    reaper->timer.async_wait([reaper](const boost::system::error_code &ec) {
        if (ec)
            reaper->reap(true);
        else
            pollReaper(reaper);
    });
}

void reapLater(asio::io_context &io, pid_t pid, std::chrono::milliseconds grace)
{
    pollReaper(std::make_shared<Reaper>(io, pid, grace));
}

} // namespace

std::size_t stdioChildrenStopping()
{
    std::lock_guard lock(g_pendingMutex);
    return g_pending.size();
}

std::shared_ptr<StdioChannel> StdioChannel::create(asio::io_context &io)
{
    return std::shared_ptr<StdioChannel>(new StdioChannel(io));
}

static bool childMayInherit(const std::string &name)
{
    static const std::set<std::string> names = {
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TEMP", "TMP", "TERM",
        "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "DISPLAY", "WAYLAND_DISPLAY",
        "http_proxy", "https_proxy", "no_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS", "NODE_PATH"};
    if (names.count(name) || name.rfind("LC_", 0) == 0 || name.rfind("npm_config_", 0) == 0 ||
        name.rfind("NPM_CONFIG_", 0) == 0)
        return true;
    // Names a developer or operator passes on deliberately: FLOWDECK_PASS_ENV=NAME,NAME.
    if (const char *extra = std::getenv("FLOWDECK_PASS_ENV"); extra && *extra) {
        const std::string list = std::string(",") + extra + ",";
        return !name.empty() && list.find("," + name + ",") != std::string::npos;
    }
    return false;
}

StdioChannel::StdioChannel(asio::io_context &io) : m_io(io), m_stdin(io), m_stdout(io), m_stderr(io)
{
    // A plugin server that exits makes the next write fail with EPIPE; the signal that
    // comes with it must not end the program that embeds the engine (tests included).
    static std::once_flag ignoreBrokenPipes;
    std::call_once(ignoreBrokenPipes, [] { ::signal(SIGPIPE, SIG_IGN); });
}

StdioChannel::~StdioChannel()
{
    if (m_pid > 0) {
        ::kill(-m_pid, SIGKILL);  // the group: npx's node child too
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
}

bool StdioChannel::start(const std::string &command, const std::vector<std::string> &args,
                         const std::map<std::string, std::string> &env, const std::string &cwd, Callbacks callbacks,
                         std::string *error)
{
    m_callbacks = std::move(callbacks);
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
        if (error)
            *error = std::string("cannot create pipes: ") + std::strerror(errno);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    // Nothing else of ours reaches the server: not the runtime's listening socket nor its
    // clients' connections, which would otherwise outlive us in the child.
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    if (!cwd.empty())
        posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);  // its own group: Ctrl-C reaches us, not it
    posix_spawnattr_setpgroup(&attr, 0);

    // The server gets what a program needs to run (and npx to fetch it), what its
    // plugin entry declares, and nothing else of ours: not a runtime's secret key or
    // admin token, not the API keys in the environment.
    std::vector<std::string> envStrings;
    for (char **e = environ; *e; ++e) {
        std::string pair = *e;
        const std::string name = pair.substr(0, pair.find('='));
        if (!env.count(name) && childMayInherit(name))
            envStrings.push_back(std::move(pair));
    }
    for (const auto &[k, v] : env)
        envStrings.push_back(k + "=" + v);
    std::vector<char *> envp, argv;
    for (auto &s : envStrings)
        envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> argStrings{command};
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    for (auto &s : argStrings)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    pid_t pid = -1;
    int rc = ::posix_spawnp(&pid, command.c_str(), &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(out[0]);
        ::close(err[0]);
        if (error)
            *error = "cannot start '" + command + "': " + std::strerror(rc);
        return false;
    }
    m_pid = pid;
    m_stdin.assign(in[1]);
    m_stdout.assign(out[0]);
    m_stderr.assign(err[0]);
    readStdout();
    readStderr();
    return true;
}

void StdioChannel::readStdout()
{
    m_stdout.async_read_some(asio::buffer(m_readBuf), [self = shared_from_this()](const boost::system::error_code &ec,
                                                                                  std::size_t n) {
        if (ec) {
            self->finish(ec == asio::error::eof ? "the server closed its output" : ec.message());
            return;
        }
        self->m_outBuffer.append(self->m_readBuf, n);
        std::size_t start = 0, nl;
        while (!self->m_closed && (nl = self->m_outBuffer.find('\n', start)) != std::string::npos) {
            std::string line = self->m_outBuffer.substr(start, nl - start);
            start = nl + 1;
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (!line.empty() && self->m_callbacks.onLine)
                self->m_callbacks.onLine(std::move(line));
        }
        self->m_outBuffer.erase(0, start);
        if (self->m_outBuffer.size() > kMaxLineBytes) {
            self->finish("the server sent a line longer than 16 MiB");
            return;
        }
        if (!self->m_closed)
            self->readStdout();
    });
}

void StdioChannel::readStderr()
{
    m_stderr.async_read_some(asio::buffer(m_errBuf), [self = shared_from_this()](const boost::system::error_code &ec,
                                                                                 std::size_t n) {
        if (ec)
            return;
        self->m_errBuffer.append(self->m_errBuf, n);
        std::size_t nl;
        while ((nl = self->m_errBuffer.find('\n')) != std::string::npos) {
            std::string line = self->m_errBuffer.substr(0, nl);
            self->m_errBuffer.erase(0, nl + 1);
            if (self->m_callbacks.onStderr)
                self->m_callbacks.onStderr(std::move(line));
        }
        if (self->m_errBuffer.size() > 65536)
            self->m_errBuffer.clear();
        self->readStderr();
    });
}

void StdioChannel::send(std::string line)
{
    if (m_closed)
        return;
    line.push_back('\n');
    m_writes.push_back(std::move(line));
    if (!m_writing)
        writeNext();
}

void StdioChannel::writeNext()
{
    if (m_writes.empty() || m_closed) {
        m_writing = false;
        return;
    }
    m_writing = true;
    asio::async_write(m_stdin, asio::buffer(m_writes.front()),
                      [self = shared_from_this()](const boost::system::error_code &ec, std::size_t) {
                          if (ec) {
                              self->m_writing = false;
                              return;  // the read side reports the exit
                          }
                          self->m_writes.pop_front();
                          self->writeNext();
                      });
}

void StdioChannel::finish(std::string why)
{
    if (m_closed)
        return;
    m_closed = true;
    boost::system::error_code ec;
    m_stdin.close(ec);
    m_stdout.close(ec);
    m_stderr.close(ec);
    int status = 0;
    if (m_pid > 0) {
        // Give it a moment to exit on its own, then make sure it is gone, and whatever it
        // started in its process group (npx runs the server as a child of its own).
        for (int i = 0; i < 20 && ::waitpid(m_pid, &status, WNOHANG) == 0; ++i)
            ::usleep(5000);
        if (::waitpid(m_pid, &status, WNOHANG) == 0) {
            ::kill(-m_pid, SIGKILL);
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &status, 0);
        }
        ::kill(-m_pid, SIGKILL);  // children left behind by a server that exited
        m_pid = -1;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
    if (auto cb = std::move(m_callbacks.onClosed))
        cb(code, std::move(why));
}

void StdioChannel::close()
{
    if (m_closed)
        return;
    if (m_pid > 0) {
        ::kill(-m_pid, SIGTERM);  // the whole group, so npx's child hears it too
        // It gets a grace period to exit, waited for on the loop, never blocking it.
        reapLater(m_io, std::exchange(m_pid, -1), std::chrono::milliseconds(2000));
    }
    finish("closed by Flowdeck");
}

} // namespace flowdeck::engine
