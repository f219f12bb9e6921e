#pragma once

#include "engine/core/atomicfile.h"
#include "engine/core/tokens.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace flowdeck::runtime {

// Secret values at rest: AES-256-GCM under the runtime's key — $FLOWDECK_SECRET_KEY
// (base64 of 32 bytes), else <data>/secret.key, made on first start with mode 0600.
class SecretBox {
public:
    // False with `error` when the key cannot be read or made.
    bool open(const std::filesystem::path &dataDir, std::string &error);
    std::string seal(const std::map<std::string, std::string> &values) const;  // a JSON text
    // False when the text was not sealed with this key or was changed.
    bool unseal(const std::string &sealed, std::map<std::string, std::string> &values) const;

private:
    std::string m_key;  // 32 bytes
};

using engine::base64Decode;
using engine::base64Encode;
using engine::constantTimeEqual;
using engine::randomToken;
using engine::sha256Hex;

using engine::writeFileAtomically;
inline std::optional<std::string> readFile(const std::filesystem::path &path) { return engine::readWholeFile(path); }

} // namespace flowdeck::runtime
