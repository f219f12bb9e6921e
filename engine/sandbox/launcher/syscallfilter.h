#pragma once

#include <string>
#include <sys/types.h>

namespace flowdeck::sandbox {

// Loads the seccomp filter for sandboxed code (libseccomp), the last step before
// execve. Everything is allowed except:
// - socket() of any family (EACCES): no network, and no path-named UNIX sockets, which
//   Landlock does not cover (a container's docker.sock); socketpair() only for AF_UNIX;
// - new processes: fork, vfork and clone without CLONE_THREAD (EPERM: as root
//   RLIMIT_NPROC is not enforced, so this is what stops a fork bomb); clone3 (ENOSYS,
//   so the C library falls back to clone, whose flags can be checked);
// - signals to any process but `self` (kill, tgkill, tkill, sigqueue, pidfd);
// - raising limits (setrlimit, prlimit64 with a new value), namespaces, mounts,
//   ptrace and the other ways to reach other processes' memory, kernel keyrings,
//   bpf, perf, userfaultfd, io_uring, modules, reboot, clocks, terminal injection.
// Returns false with `error` set when the filter could not be built or loaded.
bool loadSyscallFilter(pid_t self, std::string *error);

} // namespace flowdeck::sandbox
