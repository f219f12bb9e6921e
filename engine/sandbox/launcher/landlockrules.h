#pragma once

#include <string>
#include <vector>

namespace flowdeck::sandbox {

// The Landlock ABI version this kernel offers; 0 when it has none (or it is disabled).
int landlockAbi();

// Restricts this process (and what it executes) to: read and execute beneath
// `readPaths` (folders or files; a missing one is left out), read and write on the
// `devices` named, full access beneath `scratch`; every other path is denied. From
// ABI 4 on, TCP bind and connect are denied, and from ABI 6 on signals to processes
// outside the sandbox and abstract UNIX sockets too. Needs PR_SET_NO_NEW_PRIVS first.
// Returns false with `error` set when the kernel refused.
bool restrictWithLandlock(int abi, const std::vector<std::string> &readPaths, const std::vector<std::string> &devices,
                          const std::string &scratch, std::string *error);

} // namespace flowdeck::sandbox
