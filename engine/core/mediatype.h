#pragma once

#include <string>
#include <string_view>

namespace flowdeck::engine {

// File values carry a media type ({name, path, size, type}); these map the common ones to
// and from file extensions (with the dot, lower case). Empty when the table has no entry.
std::string mediaTypeFor(std::string_view extension);
std::string extensionFor(std::string_view mediaType);

} // namespace flowdeck::engine
