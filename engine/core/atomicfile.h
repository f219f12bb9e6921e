#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace flowdeck::engine {

// Writes a whole file so that it is either the old one or the new one, never half:
// a temporary file beside it, fsync, rename, then the folder synced. False with the
// reason in `error` (the old file is unchanged).
bool writeFileAtomically(const std::filesystem::path &path, const std::string &content, std::string &error,
                         unsigned mode = 0644);
// The whole file, or nothing when it cannot be read.
std::optional<std::string> readWholeFile(const std::filesystem::path &path);

} // namespace flowdeck::engine
