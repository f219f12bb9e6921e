#include "runtime/import/secretsfile.h"

#include "engine/core/atomicfile.h"
#include "engine/core/jsonread.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

namespace flowdeck::runtime {

namespace {

constexpr std::uintmax_t kMaxSecretsFileBytes = 4 * 1024 * 1024;

} // namespace

SecretsMerge mergeSecretsFile(const std::filesystem::path &file,
                              const std::vector<std::pair<std::string, std::string>> &secrets, bool replace)
{
    SecretsMerge merge;
    nlohmann::json store = nlohmann::json::object();
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
        if (std::filesystem::file_size(file, ec) > kMaxSecretsFileBytes || ec) {
            merge.error = "The secrets file " + file.string() + " is too large or cannot be read, so it was left as it is.";
            return merge;
        }
        auto text = engine::readWholeFile(file);
        if (!text) {
            merge.error = "The secrets file " + file.string() + " cannot be read, so it was left as it is.";
            return merge;
        }
        store = engine::parseJson(*text);
        if (store.is_discarded() || !store.is_object()) {
            merge.error = "The secrets file " + file.string() +
                          " is not a JSON object of names and values, so it was left as it is. Fix it and import again.";
            return merge;
        }
    }
    for (const auto &[name, value] : secrets) {
        auto it = store.find(name);
        if (it == store.end()) {
            store[name] = value;
            merge.added.push_back(name);
        } else if (it->is_string() && it->get_ref<const std::string &>() == value) {
            merge.unchanged.push_back(name);
        } else if (replace) {
            *it = value;
            merge.replaced.push_back(name);
        } else {
            merge.kept.push_back(name);
        }
    }
    if (merge.added.empty() && merge.replaced.empty())
        return merge;
    const auto folder = file.parent_path();
    if (!folder.empty() && !std::filesystem::exists(folder, ec)) {
        std::filesystem::create_directories(folder, ec);
        if (ec) {
            merge.error = "The folder " + folder.string() + " for the secrets file cannot be made: " + ec.message() + ".";
            return merge;
        }
        ::chmod(folder.c_str(), 0700);
    }
    std::string error;
    if (!engine::writeFileAtomically(file, store.dump(2) + "\n", error, 0600)) {
        merge.error = "The secrets file " + file.string() + " cannot be written: " + error;
        return merge;
    }
    return merge;
}

} // namespace flowdeck::runtime
