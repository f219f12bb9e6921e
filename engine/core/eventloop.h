#pragma once

#include <boost/asio/io_context.hpp>

#include <functional>
#include <string>

namespace flowdeck::engine {

// Runs `io` like io.run(), but a handler that lets an exception escape (a bug, or a
// peer's answer no one checked) does not end the process: the exception is given to
// `log` and the loop goes on with the other handlers. Every host runs its loop this way.
void runEventLoop(boost::asio::io_context &io, const std::function<void(const std::string &)> &log);

} // namespace flowdeck::engine
