#include "engine/knowledge/parse/tesseractocr.h"

#include "engine/knowledge/parse/textencoding.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace flowdeck::engine::docparse {

// More than any page's text; output past it means the program is not tesseract.
constexpr std::size_t kMaxOcrOutput = 16u << 20;

bool programAvailable(const std::string &program)
{
    if (program.empty())
        return false;
    if (program.find('/') != std::string::npos)
        return access(program.c_str(), X_OK) == 0;
    const char *path = std::getenv("PATH");
    std::string_view folders = path ? path : "/usr/local/bin:/usr/bin:/bin";
    while (true) {
        const std::size_t colon = folders.find(':');
        const std::string folder(folders.substr(0, colon));
        if (access(((folder.empty() ? std::string(".") : folder) + "/" + program).c_str(), X_OK) == 0)
            return true;
        if (colon == std::string_view::npos)
            return false;
        folders.remove_prefix(colon + 1);
    }
}

OcrOutcome recognizeImage(const std::string &program, const std::filesystem::path &image,
                          const std::string &languages, std::chrono::seconds limit,
                          const std::atomic<bool> *cancel)
{
    OcrOutcome outcome;
    int pipeEnds[2];
    if (pipe2(pipeEnds, O_CLOEXEC) != 0) {
        outcome.detail = std::strerror(errno);
        return outcome;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);

    std::vector<std::string> arguments{program, image.string(), "stdout", "-l", languages};
    std::vector<char *> argv;
    for (std::string &argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    // One thread per page: tesseract's OpenMP would take every core for little gain.
    std::string threads = "OMP_THREAD_LIMIT=1";
    std::vector<char *> envp;
    for (char **e = environ; e && *e; ++e)
        if (std::strncmp(*e, "OMP_THREAD_LIMIT=", 17) != 0)
            envp.push_back(*e);
    envp.push_back(threads.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(pipeEnds[1]);
    if (spawned != 0) {
        close(pipeEnds[0]);
        outcome.status = spawned == ENOENT || spawned == EACCES || spawned == ENOTDIR ? OcrOutcome::Status::Missing
                                                                                      : OcrOutcome::Status::Failed;
        outcome.detail = std::strerror(spawned);
        return outcome;
    }

    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::string output;
    bool killed = false;
    for (;;) {
        if (cancel && cancel->load()) {
            outcome.status = OcrOutcome::Status::Cancelled;
            killed = true;
        } else if (std::chrono::steady_clock::now() > deadline) {
            outcome.status = OcrOutcome::Status::TimedOut;
            outcome.detail = "it took longer than " + std::to_string(limit.count()) + " seconds";
            killed = true;
        } else if (output.size() > kMaxOcrOutput) {
            outcome.detail = "it wrote more text than a page holds";
            killed = true;
        }
        if (killed) {
            kill(pid, SIGKILL);
            break;
        }
        pollfd readable{pipeEnds[0], POLLIN, 0};
        const int ready = poll(&readable, 1, 200);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        char buffer[16384];
        const ssize_t n = read(pipeEnds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;  // end of output
        output.append(buffer, std::size_t(n));
    }
    close(pipeEnds[0]);
    int status = 0;
    // A program that closed its output may still run: the same limits hold until it ends.
    while (!killed) {
        const pid_t ended = waitpid(pid, &status, WNOHANG);
        if (ended == pid || (ended < 0 && errno != EINTR))
            break;
        if ((cancel && cancel->load()) || std::chrono::steady_clock::now() > deadline) {
            outcome.status = cancel && cancel->load() ? OcrOutcome::Status::Cancelled : OcrOutcome::Status::TimedOut;
            outcome.detail = "it took longer than " + std::to_string(limit.count()) + " seconds";
            kill(pid, SIGKILL);
            killed = true;
            break;
        }
        usleep(50'000);
    }
    if (killed)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    if (killed)
        return outcome;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        outcome.status = OcrOutcome::Status::Failed;
        outcome.detail = WIFEXITED(status) ? "'" + program + "' exited with status " + std::to_string(WEXITSTATUS(status))
                                           : "'" + program + "' stopped with signal " + std::to_string(WTERMSIG(status));
        return outcome;
    }
    if (!isValidUtf8(output)) {
        outcome.status = OcrOutcome::Status::Failed;
        outcome.detail = "'" + program + "' wrote text that is not UTF-8";
        return outcome;
    }
    outcome.status = OcrOutcome::Status::Read;
    outcome.text = joinCjkSpacing(output);
    return outcome;
}

} // namespace flowdeck::engine::docparse
