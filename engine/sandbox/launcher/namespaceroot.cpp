#include "engine/sandbox/launcher/namespaceroot.h"

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace flowdeck::sandbox {

namespace {

// Where the new root is built: a fresh tmpfs over /tmp, which every system has.
constexpr const char *kRoot = "/tmp";

std::string failure(const std::string &what)
{
    return what + ": " + std::strerror(errno);
}

bool writeFile(const char *path, const std::string &text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    return ok;
}

bool makeDirs(const std::string &path)
{
    for (std::size_t at = path.find('/', 1);; at = path.find('/', at + 1)) {
        const std::string prefix = path.substr(0, at);
        if (::mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST)
            return false;
        if (at == std::string::npos)
            return true;
    }
}

bool makeMountPoint(const std::string &target, bool folder)
{
    if (folder)
        return ::mkdir(target.c_str(), 0755) == 0 || errno == EEXIST;
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    return fd >= 0 && ::close(fd) == 0;
}

// Binds `source` at the same path under the new root; read-only unless `writable`.
bool bindInto(const std::string &source, bool writable, std::string *error)
{
    struct stat st {};
    if (::lstat(source.c_str(), &st) != 0)
        return true;  // not on this system: nothing to offer
    const std::string target = std::string(kRoot) + source;
    const std::string parent = target.substr(0, target.rfind('/'));
    if (!makeDirs(parent)) {
        *error = failure("cannot make " + parent);
        return false;
    }
    if (S_ISLNK(st.st_mode)) {  // /lib -> usr/lib on merged-/usr systems: the same link
        char link[4096];
        const ssize_t n = ::readlink(source.c_str(), link, sizeof link - 1);
        if (n < 0 || ::symlink(std::string(link, static_cast<std::size_t>(n)).c_str(), target.c_str()) != 0) {
            *error = failure("cannot link " + target);
            return false;
        }
        return true;
    }
    if (!makeMountPoint(target, S_ISDIR(st.st_mode))) {
        *error = failure("cannot make the mount point " + target);
        return false;
    }
    if (::mount(source.c_str(), target.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0) {
        *error = failure("cannot bind " + source);
        return false;
    }
    unsigned long flags = MS_REMOUNT | MS_BIND | MS_NOSUID;
    if (!writable)
        flags |= MS_RDONLY | MS_NODEV;
    if (::mount(nullptr, target.c_str(), nullptr, flags, nullptr) != 0) {
        *error = failure("cannot make " + source + " read-only");
        return false;
    }
    return true;
}

} // namespace

bool enterUserNamespace(int flags, std::string *error)
{
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    if (::unshare(flags | CLONE_NEWUSER) != 0) {
        *error = failure("cannot create a user namespace");
        return false;
    }
    // The same ids inside, so files in the scratch folder belong to the user as usual.
    if (!writeFile("/proc/self/setgroups", "deny") ||
        !writeFile("/proc/self/uid_map", std::to_string(uid) + " " + std::to_string(uid) + " 1") ||
        !writeFile("/proc/self/gid_map", std::to_string(gid) + " " + std::to_string(gid) + " 1")) {
        *error = failure("cannot map the user into its namespace");
        return false;
    }
    return true;
}

bool enterMinimalRoot(const std::vector<std::string> &readPaths, const std::vector<std::string> &devices,
                      const std::string &scratch, std::string *error)
{
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        *error = failure("cannot make the mounts private");
        return false;
    }
    // Opened in the new mount namespace (a bind's source must be in it), before the
    // tmpfs hides the folder.
    const int scratchFd = ::open(scratch.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (scratchFd < 0) {
        *error = failure("cannot open the scratch folder " + scratch);
        return false;
    }
    if (::mount("tmpfs", kRoot, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=1m") != 0) {
        *error = failure("cannot mount a tmpfs for the new root");
        return false;
    }
    for (const auto &path : readPaths)
        if (!bindInto(path, false, error))
            return false;
    for (const auto &path : devices)
        if (!bindInto(path, true, error))
            return false;
    const std::string scratchTarget = std::string(kRoot) + "/tmp";
    const std::string scratchSource = "/proc/self/fd/" + std::to_string(scratchFd);
    if (::mkdir(scratchTarget.c_str(), 0700) != 0 ||
        ::mount(scratchSource.c_str(), scratchTarget.c_str(), nullptr, MS_BIND, nullptr) != 0 ||
        ::mount(nullptr, scratchTarget.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NODEV | MS_NOEXEC,
                nullptr) != 0) {
        *error = failure("cannot bind the scratch folder");
        ::close(scratchFd);
        return false;
    }
    ::close(scratchFd);
    const std::string oldRoot = std::string(kRoot) + "/.old";
    if (::mkdir(oldRoot.c_str(), 0700) != 0 || ::syscall(SYS_pivot_root, kRoot, oldRoot.c_str()) != 0 ||
        ::chdir("/") != 0 || ::umount2("/.old", MNT_DETACH) != 0 || ::rmdir("/.old") != 0) {
        *error = failure("cannot switch to the new root");
        return false;
    }
    if (::mount(nullptr, "/", nullptr, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr) != 0 ||
        ::chdir("/tmp") != 0) {
        *error = failure("cannot seal the new root");
        return false;
    }
    return true;
}

} // namespace flowdeck::sandbox
