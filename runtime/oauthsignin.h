#pragma once

#include "engine/mcp/mcpoauth.h"

#include <boost/asio/io_context.hpp>

namespace flowdeck::runtime {

// Signs in through the user's browser: the authorization page is opened (xdg-open, and
// printed on stderr), and a one-shot listener on 127.0.0.1 receives the redirect.
engine::McpOAuthHost browserOAuthHost(boost::asio::io_context &io);

// For automated clients such as the conformance suite's scenarios, whose authorization
// servers approve at once: the authorization URL is fetched and its redirect read.
engine::McpOAuthHost headlessOAuthHost(boost::asio::io_context &io);

} // namespace flowdeck::runtime
