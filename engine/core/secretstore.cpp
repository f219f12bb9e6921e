#include "engine/core/secretstore.h"
#include "engine/core/jsonread.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sys/stat.h>

namespace flowdeck::engine {

Diagnostics SecretStore::loadFile(const std::filesystem::path &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return {};  // no file: nothing to load
    Diagnostic d;
    d.code = "secrets-file";
    d.field = path.string();
    if (st.st_mode & (S_IRWXG | S_IRWXO)) {
        d.message = "The secrets file " + path.string() +
                    " can be read by other users, so it was not used. Run: chmod 600 " + path.string();
        return {d};
    }
    std::ifstream in(path);
    auto j = engine::parseJson(in);
    if (j.is_discarded() || !j.is_object()) {
        d.message = "The secrets file " + path.string() + " is not a JSON object of names and values.";
        return {d};
    }
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it->is_string())
            m_values[it.key()] = it->get<std::string>();
    return {};
}

std::optional<std::string> SecretStore::get(const std::string &name) const
{
    if (m_useEnvironment) {
        if (const char *v = std::getenv(name.c_str()); v && *v)
            return std::string(v);
    }
    auto it = m_values.find(name);
    if (it != m_values.end())
        return it->second;
    return std::nullopt;
}

} // namespace flowdeck::engine
