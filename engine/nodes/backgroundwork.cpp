#include "engine/nodes/backgroundwork.h"

#include "engine/nodes/nodecontext.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <mutex>

namespace flowdeck::engine {

namespace {

boost::asio::thread_pool &workers()
{
    static boost::asio::thread_pool pool(2);
    return pool;
}

// Shared by the worker and the loop. `then` lives here and is only touched on the loop's
// thread: moved out to run it, or to drop it when the node is cancelled.
struct Handoff {
    std::mutex mutex;
    bool abandoned = false;  // cancelled: the loop may be gone by the time the work ends
    std::atomic<bool> cancelled{false};
    std::function<void()> then;
};

} // namespace

void runInBackground(const std::shared_ptr<NodeContext> &ctx, std::function<void(const std::atomic<bool> &)> work,
                     std::function<void()> then)
{
    auto handoff = std::make_shared<Handoff>();
    handoff->then = std::move(then);
    ctx->cancelSignal().onCancel([handoff] {
        handoff->cancelled = true;
        std::function<void()> dropped;
        std::lock_guard lock(handoff->mutex);
        handoff->abandoned = true;
        dropped = std::move(handoff->then);
    });
    boost::asio::io_context *io = &ctx->io();
    boost::asio::post(workers(), [handoff, io, work = std::move(work)] {
        try {
            work(handoff->cancelled);
        } catch (...) {
            // `work` reports its own failures in its result; this keeps the pool alive if it does not.
        }
        std::lock_guard lock(handoff->mutex);
        if (!handoff->abandoned)
            boost::asio::post(*io, [handoff] {
                auto then = std::move(handoff->then);
                if (then)
                    then();
            });
    });
}

} // namespace flowdeck::engine
