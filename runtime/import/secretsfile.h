#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace flowdeck::runtime {

// What adding secrets to the command line's secrets.json did, by name (values are never kept here).
struct SecretsMerge {
    std::vector<std::string> added;      // new names
    std::vector<std::string> unchanged;  // already there with the same value
    std::vector<std::string> kept;       // already there with another value, left as it was (no `replace`)
    std::vector<std::string> replaced;   // already there with another value, replaced (`replace`)
    std::string error;                   // non-empty: nothing was written, and why
};

// Adds name/value pairs to the secrets file that `flowdeck run` reads (engine::SecretStore):
// a JSON object of names and values, readable by its owner only. Existing names are kept
// unless `replace`; the file is rewritten atomically with mode 0600 and its folder is made
// (0700) when missing. A file that is not a JSON object is left alone (error set).
SecretsMerge mergeSecretsFile(const std::filesystem::path &file,
                              const std::vector<std::pair<std::string, std::string>> &secrets, bool replace);

} // namespace flowdeck::runtime
