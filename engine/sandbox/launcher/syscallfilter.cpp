#include "engine/sandbox/launcher/syscallfilter.h"

#include <seccomp.h>

#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <initializer_list>

namespace flowdeck::sandbox {

namespace {

class Filter {
public:
    Filter() : m_ctx(seccomp_init(SCMP_ACT_ALLOW)) {}
    ~Filter()
    {
        if (m_ctx)
            seccomp_release(m_ctx);
    }
    Filter(const Filter &) = delete;
    Filter &operator=(const Filter &) = delete;

    bool valid() const { return m_ctx != nullptr; }
    const std::string &error() const { return m_error; }

    // `name` fails with `errnum`. A name this libseccomp does not know is skipped: the
    // kernel it was built for does not have that call either.
    void deny(const char *name, int errnum, unsigned count = 0, const scmp_arg_cmp *args = nullptr)
    {
        const int nr = seccomp_syscall_resolve_name(name);
        if (nr == __NR_SCMP_ERROR)
            return;
        const int rc = seccomp_rule_add_array(m_ctx, SCMP_ACT_ERRNO(static_cast<unsigned>(errnum)), nr, count, args);
        if (rc != 0 && m_error.empty())
            m_error = std::string("cannot add the rule for ") + name + ": " + std::strerror(-rc);
    }
    void deny(std::initializer_list<const char *> names, int errnum)
    {
        for (const char *name : names)
            deny(name, errnum);
    }
    void denyWhen(const char *name, int errnum, scmp_arg_cmp condition) { deny(name, errnum, 1, &condition); }

    bool load()
    {
        if (!m_error.empty())
            return false;
        const int rc = seccomp_load(m_ctx);
        if (rc != 0)
            m_error = std::string("the kernel refused the seccomp filter: ") + std::strerror(-rc);
        return rc == 0;
    }

private:
    scmp_filter_ctx m_ctx;
    std::string m_error;
};

} // namespace

bool loadSyscallFilter(pid_t self, std::string *error)
{
    Filter f;
    if (!f.valid()) {
        *error = "libseccomp could not start a filter";
        return false;
    }
    const auto pid = static_cast<scmp_datum_t>(self);

    // No network, and no UNIX sockets that could reach a daemon by path.
    f.deny("socket", EACCES);
    f.denyWhen("socketpair", EACCES, SCMP_A0(SCMP_CMP_NE, AF_UNIX));

    // Threads only: no new processes.
    f.deny({"fork", "vfork"}, EPERM);
    f.denyWhen("clone", EPERM, SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0));
    f.deny("clone3", ENOSYS);

    // Signals reach only this process.
    f.denyWhen("kill", EPERM, SCMP_A0(SCMP_CMP_NE, pid));
    f.denyWhen("tgkill", EPERM, SCMP_A0(SCMP_CMP_NE, pid));
    f.denyWhen("rt_sigqueueinfo", EPERM, SCMP_A0(SCMP_CMP_NE, pid));
    f.denyWhen("rt_tgsigqueueinfo", EPERM, SCMP_A0(SCMP_CMP_NE, pid));
    f.deny({"tkill", "pidfd_open", "pidfd_getfd", "pidfd_send_signal"}, EPERM);

    // Limits stay as the launcher set them (reading them is fine).
    f.deny("setrlimit", EPERM);
    f.denyWhen("prlimit64", EPERM, SCMP_A2(SCMP_CMP_NE, 0));

    // Other processes' memory, namespaces, mounts, the kernel's own interfaces.
    f.deny({"ptrace", "process_vm_readv", "process_vm_writev", "process_madvise", "kcmp"}, EPERM);
    f.deny({"unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "mount_setattr", "move_mount",
            "open_tree", "fsopen", "fsconfig", "fsmount", "fspick"},
           EPERM);
    f.deny({"bpf", "perf_event_open", "userfaultfd", "keyctl", "add_key", "request_key", "memfd_create",
            "memfd_secret", "name_to_handle_at", "open_by_handle_at", "fanotify_init", "lookup_dcookie"},
           EPERM);
    f.deny({"kexec_load", "kexec_file_load", "reboot", "init_module", "finit_module", "delete_module", "swapon",
            "swapoff", "acct", "quotactl", "quotactl_fd", "syslog", "vhangup", "iopl", "ioperm", "settimeofday",
            "clock_settime", "clock_adjtime", "adjtimex", "sethostname", "setdomainname"},
           EPERM);
    f.denyWhen("personality", EPERM, SCMP_A0(SCMP_CMP_NE, 0xffffffffu));  // asking is fine
    // io_uring runs file operations outside this filter; the C library and libuv fall back.
    f.deny({"io_uring_setup", "io_uring_enter", "io_uring_register"}, ENOSYS);
    // Typing into the terminal of whoever started the host.
    f.denyWhen("ioctl", EPERM, SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, TIOCSTI));
    f.denyWhen("ioctl", EPERM, SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, TIOCLINUX));

    if (!f.load()) {
        *error = f.error();
        return false;
    }
    return true;
}

} // namespace flowdeck::sandbox
