#include "widgets/knowledge/projectbases.h"

#include <algorithm>

namespace flowdeck::studio {

std::vector<std::string> projectBases(const std::filesystem::path &knowledgeFolder)
{
    std::vector<std::string> names;
    std::error_code ec;
    if (knowledgeFolder.empty())
        return names;
    for (const auto &entry : std::filesystem::directory_iterator(knowledgeFolder, ec))
        if (entry.is_directory(ec) && std::filesystem::exists(entry.path() / "kb.json", ec))
            names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace flowdeck::studio
