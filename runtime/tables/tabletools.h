#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace flowdeck::runtime {

// The tools of Flowdeck's built-in "tables" MCP server (catalog id "tables"): figures
// computed from a CSV file or CSV text, so a model reports numbers it did not make up.
//   describe_table  columns, their kinds, and per-column figures
//   aggregate       group rows (by a column, or a date column by day/month/quarter/year)
//                   and sum, average, count, min or max a column
//   chart           the same grouping as an ECharts option (bar, line or pie), for a
//                   ```chart block in an answer
// Files are read only inside the allowed folders.
class TableToolbox {
public:
    explicit TableToolbox(std::vector<std::filesystem::path> allowedFolders);

    nlohmann::json toolList() const;  // for tools/list
    // A CallToolResult: content text, structuredContent, isError.
    nlohmann::json call(const std::string &tool, const nlohmann::json &arguments) const;

private:
    std::vector<std::filesystem::path> m_allowed;
};

} // namespace flowdeck::runtime
