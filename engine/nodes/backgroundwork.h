#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace flowdeck::engine {

class NodeContext;

// Work that would hold up the run loop (reading a document) runs on a small pool of worker
// threads shared by all runs; its result comes back on the node's io_context.
//
// `work` runs on a worker thread: it must not touch the context, and should return early
// once `cancelled` turns true. `then` runs on the context's io_context with the result,
// unless the node was cancelled first; it is never run or destroyed on a worker thread.
void runInBackground(const std::shared_ptr<NodeContext> &ctx, std::function<void(const std::atomic<bool> &cancelled)> work,
                     std::function<void()> then);

template <typename T>
void runInBackground(const std::shared_ptr<NodeContext> &ctx, std::function<T(const std::atomic<bool> &)> work,
                     std::function<void(T)> then)
{
    auto result = std::make_shared<std::optional<T>>();
    runInBackground(
        ctx, [result, work = std::move(work)](const std::atomic<bool> &cancelled) { result->emplace(work(cancelled)); },
        [result, then = std::move(then)] {
            if (*result)
                then(std::move(**result));
        });
}

} // namespace flowdeck::engine
