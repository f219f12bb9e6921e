#pragma once

#include <string>
#include <vector>

namespace flowdeck::sandbox {

// Enters new user namespaces (`flags`: CLONE_NEWUSER plus e.g. CLONE_NEWNET,
// CLONE_NEWNS) keeping this process's user and group ids inside. Returns false with
// `error` when the kernel (or a security module) does not allow it.
bool enterUserNamespace(int flags, std::string *error);

// The fallback when Landlock is missing: after enterUserNamespace with CLONE_NEWNS, makes
// a root of its own holding only `readPaths` (bound read-only at the same places),
// `devices` (bound read-write) and the `scratch` folder as /tmp,
// switches to it and makes /tmp the working folder. Nothing else of the host's files
// exists there. Returns false with `error` set on failure.
bool enterMinimalRoot(const std::vector<std::string> &readPaths, const std::vector<std::string> &devices,
                      const std::string &scratch, std::string *error);

} // namespace flowdeck::sandbox
