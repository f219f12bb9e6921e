#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace flowdeck::runtime {

// The knowledge bases deployed apps search (DESIGN.md §9), kept by content in the data
// directory: knowledge/<sha256>/knowledge.db. A deploy uploads a packed base in parts
// (PUT /admin/v1/knowledge/<sha256>/parts/<n>, each within the body limit), then
// completes it (POST .../complete {"parts": N}): the parts are joined, the sha256 and
// the SQLite header checked, and the file moved into place in one rename, so a base is
// either whole or absent. Bundles name bases by sha256; versions share them.
class KnowledgeUploads {
public:
    explicit KnowledgeUploads(std::filesystem::path dataDir) : m_dir(std::move(dataDir) / "knowledge") {}

    struct Outcome {
        unsigned status = 200;
        nlohmann::json body;
    };
    Outcome describe(const std::string &sha256) const;
    Outcome putPart(const std::string &sha256, const std::string &part, std::string_view bytes);
    Outcome complete(const std::string &sha256, int parts);

    // The folder of a stored base (holding knowledge.db), or empty when it is not here.
    std::filesystem::path folderOf(const std::string &sha256) const;
    static bool validSha256(const std::string &text);

private:
    std::filesystem::path m_dir;
};

} // namespace flowdeck::runtime
