#pragma once

#include "engine/nodes/noderesult.h"

namespace flowdeck::runtime {

// The `flowdeck` program's exit codes, so scripts can tell failures apart.
enum ExitCode : int {
    kExitOk = 0,
    kExitRunFailed = 1,        // a node failed for another reason (bad input, a limit)
    kExitUsage = 2,            // the command line was wrong
    kExitInvalidWorkflow = 3,  // the file could not be read or did not validate
    kExitEndpointFailed = 4,   // a model or HTTP endpoint failed (auth, not found, rate limit, network)
    kExitCancelled = 130,      // interrupted (Ctrl-C)
};

inline int exitCodeFor(engine::ErrorKind kind)
{
    using engine::ErrorKind;
    switch (kind) {
    case ErrorKind::None: return kExitOk;
    case ErrorKind::Auth:
    case ErrorKind::NotFound:
    case ErrorKind::RateLimited:
    case ErrorKind::Network:
    case ErrorKind::Upstream:
    case ErrorKind::Timeout:
    case ErrorKind::Blocked: return kExitEndpointFailed;
    case ErrorKind::Cancelled: return kExitCancelled;
    default: return kExitRunFailed;
    }
}

} // namespace flowdeck::runtime
