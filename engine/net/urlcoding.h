#pragma once

#include <string>

namespace flowdeck::engine {

// Percent-encodes everything but RFC 3986's unreserved characters (for query strings and forms).
std::string urlEncode(const std::string &text);
// Undoes percent-encoding; '+' becomes a space (form encoding).
std::string urlDecode(const std::string &text);

} // namespace flowdeck::engine
