#pragma once

#include <cstddef>

namespace flowdeck::engine {

// Per-run limits (DESIGN.md §4). A run that hits one fails with a message naming it.
struct RunLimits {
    int maxSteps = 500;                      // node executions, retries included
    int wallTimeMs = 20 * 60 * 1000;         // the whole run
    std::size_t maxVariableBytes = 1 << 20;  // one output value, serialized
    int maxParallel = 16;                    // asynchronous nodes in flight at once
    int maxIterationItems = 10000;           // items one iteration node takes
    int maxLoopRounds = 1000;                // rounds one loop node may run
};

} // namespace flowdeck::engine
