#include "engine/core/eventloop.h"

#include <exception>

namespace flowdeck::engine {

void runEventLoop(boost::asio::io_context &io, const std::function<void(const std::string &)> &log)
{
    for (;;) {
        try {
            io.run();
            return;
        } catch (const std::exception &e) {
            if (log)
                log(std::string("an event handler failed and was skipped: ") + e.what());
        } catch (...) {
            if (log)
                log("an event handler failed with an unknown error and was skipped");
        }
    }
}

} // namespace flowdeck::engine
