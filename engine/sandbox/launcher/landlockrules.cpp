#include "engine/sandbox/launcher/landlockrules.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace flowdeck::sandbox {

namespace {

// The kernel's interface (include/uapi/linux/landlock.h), written out here because
// Debian 12's headers stop at ABI 2 while kernels in use offer up to 7.
constexpr std::uint32_t kCreateRulesetVersion = 1u << 0;
constexpr int kRulePathBeneath = 1;

constexpr std::uint64_t kFsExecute = 1ull << 0;
constexpr std::uint64_t kFsWriteFile = 1ull << 1;
constexpr std::uint64_t kFsReadFile = 1ull << 2;
constexpr std::uint64_t kFsReadDir = 1ull << 3;
constexpr std::uint64_t kFsRemoveDir = 1ull << 4;
constexpr std::uint64_t kFsRemoveFile = 1ull << 5;
constexpr std::uint64_t kFsMakeChar = 1ull << 6;
constexpr std::uint64_t kFsMakeDir = 1ull << 7;
constexpr std::uint64_t kFsMakeReg = 1ull << 8;
constexpr std::uint64_t kFsMakeSock = 1ull << 9;
constexpr std::uint64_t kFsMakeFifo = 1ull << 10;
constexpr std::uint64_t kFsMakeBlock = 1ull << 11;
constexpr std::uint64_t kFsMakeSym = 1ull << 12;
constexpr std::uint64_t kFsRefer = 1ull << 13;     // ABI 2
constexpr std::uint64_t kFsTruncate = 1ull << 14;  // ABI 3
constexpr std::uint64_t kFsIoctlDev = 1ull << 15;  // ABI 5
constexpr std::uint64_t kNetBindTcp = 1ull << 0;     // ABI 4
constexpr std::uint64_t kNetConnectTcp = 1ull << 1;  // ABI 4
constexpr std::uint64_t kScopeAbstractUnixSocket = 1ull << 0;  // ABI 6
constexpr std::uint64_t kScopeSignal = 1ull << 1;              // ABI 6

struct RulesetAttr {
    std::uint64_t handledAccessFs;
    std::uint64_t handledAccessNet;
    std::uint64_t scoped;
};

struct __attribute__((packed)) PathBeneathAttr {
    std::uint64_t allowedAccess;
    std::int32_t parentFd;
};

// What a file (not a folder) rule may grant.
constexpr std::uint64_t kFileRights = kFsExecute | kFsWriteFile | kFsReadFile | kFsTruncate | kFsIoctlDev;

std::uint64_t handledFs(int abi)
{
    std::uint64_t rights = kFsExecute | kFsWriteFile | kFsReadFile | kFsReadDir | kFsRemoveDir | kFsRemoveFile |
                           kFsMakeChar | kFsMakeDir | kFsMakeReg | kFsMakeSock | kFsMakeFifo | kFsMakeBlock | kFsMakeSym;
    if (abi >= 2)
        rights |= kFsRefer;
    if (abi >= 3)
        rights |= kFsTruncate;
    if (abi >= 5)
        rights |= kFsIoctlDev;
    return rights;
}

std::string failure(const char *what, const std::string &path = {})
{
    return std::string(what) + (path.empty() ? "" : " " + path) + ": " + std::strerror(errno);
}

// Adds a rule for `path`; a path that does not exist here is skipped (not every
// system has /lib32 or /etc/localtime).
bool addRule(int ruleset, const std::string &path, std::uint64_t rights, std::uint64_t handled, std::string *error)
{
    const int fd = ::open(path.c_str(), O_PATH | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT || errno == ENOTDIR || errno == EACCES;
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        *error = failure("cannot inspect", path);
        ::close(fd);
        return false;
    }
    PathBeneathAttr attr{};
    attr.allowedAccess = rights & handled & (S_ISDIR(st.st_mode) ? ~0ull : kFileRights);
    attr.parentFd = fd;
    const long rc = ::syscall(SYS_landlock_add_rule, ruleset, kRulePathBeneath, &attr, 0);
    ::close(fd);
    if (rc != 0) {
        *error = failure("Landlock refused the rule for", path);
        return false;
    }
    return true;
}

} // namespace

int landlockAbi()
{
    const long abi = ::syscall(SYS_landlock_create_ruleset, nullptr, 0, kCreateRulesetVersion);
    return abi < 0 ? 0 : static_cast<int>(abi);
}

bool restrictWithLandlock(int abi, const std::vector<std::string> &readPaths, const std::vector<std::string> &devices,
                          const std::string &scratch, std::string *error)
{
    RulesetAttr attr{};
    attr.handledAccessFs = handledFs(abi);
    std::size_t size = sizeof(std::uint64_t);
    if (abi >= 4) {
        attr.handledAccessNet = kNetBindTcp | kNetConnectTcp;  // handled with no rule: all denied
        size = 2 * sizeof(std::uint64_t);
    }
    if (abi >= 6) {
        attr.scoped = kScopeAbstractUnixSocket | kScopeSignal;
        size = sizeof(RulesetAttr);
    }
    const int ruleset = static_cast<int>(::syscall(SYS_landlock_create_ruleset, &attr, size, 0));
    if (ruleset < 0) {
        *error = failure("Landlock refused the ruleset");
        return false;
    }
    const std::uint64_t handled = attr.handledAccessFs;
    bool ok = true;
    for (const auto &path : readPaths)
        ok = ok && addRule(ruleset, path, kFsExecute | kFsReadFile | kFsReadDir, handled, error);
    for (const auto &path : devices)
        ok = ok && addRule(ruleset, path, kFsReadFile | kFsWriteFile | kFsTruncate, handled, error);
    // The scratch folder: everything but executing what is written there and making
    // devices, sockets and pipes.
    const std::uint64_t scratchRights = kFsReadFile | kFsWriteFile | kFsReadDir | kFsRemoveDir | kFsRemoveFile |
                                        kFsMakeDir | kFsMakeReg | kFsMakeSym | kFsRefer | kFsTruncate;
    ok = ok && addRule(ruleset, scratch, scratchRights, handled, error);
    if (ok && ::syscall(SYS_landlock_restrict_self, ruleset, 0) != 0) {
        *error = failure("Landlock refused to restrict the process");
        ok = false;
    }
    ::close(ruleset);
    return ok;
}

} // namespace flowdeck::sandbox
