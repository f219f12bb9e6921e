#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace flowdeck::studio {

// The names of the knowledge bases in a project's knowledge folder (the folders with a
// kb.json), sorted; none when the folder is empty or missing.
std::vector<std::string> projectBases(const std::filesystem::path &knowledgeFolder);

} // namespace flowdeck::studio
