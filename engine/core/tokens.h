#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace flowdeck::engine {

// Base64, random tokens and digests: the one helper every part uses (OpenSSL underneath).

std::string base64Encode(std::string_view bytes);     // standard alphabet, padded
std::string base64UrlEncode(std::string_view bytes);  // URL alphabet, no padding
// Standard base64 with padding; nullopt when the text is not base64.
std::optional<std::string> base64Decode(std::string_view text);

// `bytes` bytes from the system's secure random source.
std::string randomBytes(std::size_t bytes);
// `bytes` random bytes as base64url text without padding (API keys, session ids, OAuth state).
std::string randomToken(std::size_t bytes);
// `prefix` and 128 random bits in hex ("run-3f9a..."): ids that cannot be guessed from another.
std::string randomHexId(std::string_view prefix);

std::string sha256(std::string_view text);  // the 32 raw bytes
std::string sha256Hex(std::string_view text);

// Compares secrets (tokens, keys) in time that does not depend on where they differ.
bool constantTimeEqual(std::string_view a, std::string_view b);

} // namespace flowdeck::engine
