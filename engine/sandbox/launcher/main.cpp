// flowdeck-sandbox: starts an interpreter for code nodes inside a sandbox (DESIGN.md §3,
// code). It clears the environment, enters the scratch folder it is given, sets resource
// limits, drops every capability, sets no-new-privileges, confines the file system with
// Landlock (or, where the kernel has none, with a minimal root in user and mount
// namespaces), loads a seccomp filter and executes the program. It never runs anything
// unconfined: when neither confinement works it refuses with exit status 125.
//
//   flowdeck-sandbox --scratch DIR --parent-pid PID [--read PATH]... [--data-mb N]
//       [--address-space-mb N] [--cpu-seconds N] [--file-mb N] [--open-files N]
//       [--threads N] [--mode auto|landlock|namespaces] -- PROGRAM [ARGS...]
#include "engine/sandbox/launcher/landlockrules.h"
#include "engine/sandbox/launcher/namespaceroot.h"
#include "engine/sandbox/launcher/syscallfilter.h"

#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using namespace flowdeck::sandbox;

constexpr int kRefused = 125;

struct Options {
    std::string scratch;
    long parentPid = 0;
    std::vector<std::string> readPaths;
    long dataMb = 0;
    long addressSpaceMb = 0;
    long cpuSeconds = 0;
    long fileMb = 64;
    long openFiles = 256;
    long threads = 256;
    std::string mode = "auto";
    std::vector<std::string> command;
};

// What every interpreter needs: its files and libraries, the loader cache, time zones,
// OpenSSL's settings (node reads them at start).
const std::vector<std::string> kSystemPaths = {"/usr", "/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin",
                                               "/etc/ld.so.cache", "/etc/localtime", "/etc/ssl/openssl.cnf"};
const std::vector<std::string> kDevices = {"/dev/null", "/dev/zero", "/dev/random", "/dev/urandom"};

[[noreturn]] void refuse(const std::string &why)
{
    const std::string line = "flowdeck-sandbox: " + why + "\n";
    [[maybe_unused]] auto n = ::write(2, line.data(), line.size());
    ::_exit(kRefused);
}

bool number(const char *text, long *out)
{
    char *end = nullptr;
    errno = 0;
    const long v = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < 0)
        return false;
    *out = v;
    return true;
}

Options parse(int argc, char **argv)
{
    Options o;
    int i = 1;
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") {
            ++i;
            break;
        }
        if (i + 1 >= argc)
            refuse("option " + arg + " needs a value");
        const char *value = argv[++i];
        bool ok = true;
        if (arg == "--scratch")
            o.scratch = value;
        else if (arg == "--read")
            o.readPaths.emplace_back(value);
        else if (arg == "--mode")
            o.mode = value;
        else if (arg == "--parent-pid")
            ok = number(value, &o.parentPid);
        else if (arg == "--data-mb")
            ok = number(value, &o.dataMb);
        else if (arg == "--address-space-mb")
            ok = number(value, &o.addressSpaceMb);
        else if (arg == "--cpu-seconds")
            ok = number(value, &o.cpuSeconds);
        else if (arg == "--file-mb")
            ok = number(value, &o.fileMb);
        else if (arg == "--open-files")
            ok = number(value, &o.openFiles);
        else if (arg == "--threads")
            ok = number(value, &o.threads);
        else
            refuse("unknown option " + arg);
        if (!ok)
            refuse("option " + arg + " needs a number, not '" + value + "'");
    }
    for (; i < argc; ++i)
        o.command.emplace_back(argv[i]);
    if (o.command.empty() || o.command[0].empty() || o.command[0][0] != '/')
        refuse("no program to run (give its absolute path after --)");
    if (o.scratch.empty() || o.scratch[0] != '/')
        refuse("no scratch folder (--scratch, an absolute path)");
    if (o.mode != "auto" && o.mode != "landlock" && o.mode != "namespaces")
        refuse("unknown mode '" + o.mode + "' (auto, landlock or namespaces)");
    return o;
}

// Signals as a fresh program expects them, except SIGXFSZ: a write past the file-size
// limit fails with EFBIG instead of ending the interpreter.
void resetSignals()
{
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP)
            ::signal(sig, SIG_DFL);
    ::signal(SIGXFSZ, SIG_IGN);
}

// Soft and hard limit at `value`, or at the hard limit already in force when that is lower.
void setLimit(int resource, rlim_t value, const char *name)
{
    rlimit current{};
    if (::getrlimit(resource, &current) == 0 && current.rlim_max != RLIM_INFINITY && current.rlim_max < value)
        value = current.rlim_max;
    const rlimit limit{value, value};
    if (::setrlimit(resource, &limit) != 0)
        refuse(std::string("cannot set the limit ") + name + ": " + std::strerror(errno));
}

void setLimits(const Options &o, bool ownUserNamespace)
{
    constexpr rlim_t MiB = 1024 * 1024;
    if (o.dataMb > 0)
        setLimit(RLIMIT_DATA, static_cast<rlim_t>(o.dataMb) * MiB, "RLIMIT_DATA");
    if (o.addressSpaceMb > 0)
        setLimit(RLIMIT_AS, static_cast<rlim_t>(o.addressSpaceMb) * MiB, "RLIMIT_AS");
    // The host lowers the soft CPU limit before each call (prlimit); the hard one stays
    // above it, and the seccomp filter keeps the code from raising either.
    if (o.cpuSeconds > 0) {
        const rlimit cpu{static_cast<rlim_t>(o.cpuSeconds), RLIM_INFINITY};
        ::setrlimit(RLIMIT_CPU, &cpu);
    }
    setLimit(RLIMIT_FSIZE, static_cast<rlim_t>(o.fileMb) * MiB, "RLIMIT_FSIZE");
    setLimit(RLIMIT_NOFILE, static_cast<rlim_t>(o.openFiles), "RLIMIT_NOFILE");
    setLimit(RLIMIT_CORE, 0, "RLIMIT_CORE");
    setLimit(RLIMIT_MEMLOCK, 0, "RLIMIT_MEMLOCK");
    setLimit(RLIMIT_MSGQUEUE, 0, "RLIMIT_MSGQUEUE");
    // Counted per user namespace: in its own one this caps the interpreter's threads
    // whatever else the user runs (outside one it would count all of them).
    if (ownUserNamespace)
        setLimit(RLIMIT_NPROC, static_cast<rlim_t>(o.threads), "RLIMIT_NPROC");
}

// Whether this process has no capabilities to drop (a service manager may filter capset
// itself out, which is fine for an unprivileged service user).
bool holdsNoCapabilities()
{
    FILE *status = std::fopen("/proc/self/status", "r");
    if (!status)
        return false;
    char line[256];
    int zero = 0;
    while (std::fgets(line, sizeof line, status))
        if ((std::strncmp(line, "CapPrm:", 7) == 0 || std::strncmp(line, "CapEff:", 7) == 0) &&
            std::strtoull(line + 7, nullptr, 16) == 0)
            ++zero;
    std::fclose(status);
    return zero == 2;
}

// No capability survives into the program, even when the host runs as root.
void dropCapabilities()
{
    ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    for (int cap = 0; cap <= 63; ++cap)
        ::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);  // EINVAL past the last one; EPERM without CAP_SETPCAP
    // SECBIT_NOROOT | SECBIT_NO_SETUID_FIXUP | SECBIT_KEEP_CAPS_LOCKED and their locks:
    // uid 0 gains nothing on execve.
    ::prctl(PR_SET_SECUREBITS, 0x2f, 0, 0, 0);
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    if (::syscall(SYS_capset, &header, data) != 0 && !holdsNoCapabilities())
        refuse(std::string("cannot drop capabilities: ") + std::strerror(errno));
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parse(argc, argv);
    // Gone with the host: a worker never outlives the program that started it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (o.parentPid > 0 && ::getppid() != o.parentPid)
        ::_exit(kRefused);
    resetSignals();
    ::setsid();

    const int scratchFd = ::open(o.scratch.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    struct stat st {};
    if (scratchFd < 0 || ::fstat(scratchFd, &st) != 0 || st.st_uid != ::getuid() || (st.st_mode & 077) != 0)
        refuse("the scratch folder " + o.scratch + " is missing, not ours, or open to others");

    const int abi = o.mode == "namespaces" ? 0 : landlockAbi();
    if (o.mode == "landlock" && abi == 0)
        refuse("this kernel has no Landlock (or it is turned off)");
    std::vector<std::string> readPaths = kSystemPaths;
    readPaths.insert(readPaths.end(), o.readPaths.begin(), o.readPaths.end());
    std::string error;
    std::string layers;
    bool ownUserNamespace = false;
    std::string home = o.scratch;
    if (abi > 0) {
        // No network namespace is needed with Landlock and seccomp, but where one can be
        // had it is one more wall (and it scopes the thread limit).
        ownUserNamespace = enterUserNamespace(CLONE_NEWNET, &error);
        if (::chdir(o.scratch.c_str()) != 0)
            refuse("cannot enter the scratch folder " + o.scratch + ": " + std::strerror(errno));
        layers = "landlock-" + std::to_string(abi) + (ownUserNamespace ? ",userns,netns" : "");
    } else {
        if (!enterUserNamespace(CLONE_NEWNS | CLONE_NEWNET, &error))
            refuse("neither Landlock nor user namespaces are available, and code never runs unconfined (" + error +
                   ")");
        if (!enterMinimalRoot(readPaths, kDevices, o.scratch, &error))
            refuse("cannot build the sandbox's file system: " + error);
        ownUserNamespace = true;
        home = "/tmp";
        layers = "namespaces,userns,netns,mountns";
    }
    ::close(scratchFd);

    setLimits(o, ownUserNamespace);
    dropCapabilities();
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        refuse(std::string("cannot set no-new-privileges: ") + std::strerror(errno));
    if (abi > 0 && !restrictWithLandlock(abi, readPaths, kDevices, o.scratch, &error))
        refuse(error);
    if (!loadSyscallFilter(::getpid(), &error))
        refuse(error);
    layers += ",seccomp";

    std::vector<std::string> envStrings = {"LANG=C.UTF-8", "HOME=" + home, "TMPDIR=" + home, "PATH=/usr/bin:/bin",
                                           "FLOWDECK_SANDBOX=" + layers};
    std::vector<char *> envp, args;
    for (auto &s : envStrings)
        envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> command = o.command;
    for (auto &s : command)
        args.push_back(s.data());
    args.push_back(nullptr);
    ::execve(args[0], args.data(), envp.data());
    const std::string line = "flowdeck-sandbox: cannot start " + o.command[0] + ": " + std::strerror(errno) + "\n";
    [[maybe_unused]] auto n = ::write(2, line.data(), line.size());
    return 127;
}
