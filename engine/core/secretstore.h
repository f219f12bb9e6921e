#pragma once

#include "engine/core/diagnostic.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace flowdeck::engine {

// Secret values by name: the process environment first, then a JSON file
// ({"NAME": "value"}) that must be readable by its owner only (mode 0600).
class SecretStore {
public:
    // Loads the file if it exists. A file others can read is refused with a diagnostic.
    Diagnostics loadFile(const std::filesystem::path &path);
    void set(const std::string &name, std::string value) { m_values[name] = std::move(value); }
    void setUseEnvironment(bool use) { m_useEnvironment = use; }

    std::optional<std::string> get(const std::string &name) const;

private:
    std::map<std::string, std::string> m_values;
    bool m_useEnvironment = true;
};

} // namespace flowdeck::engine
