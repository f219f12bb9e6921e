#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace flowdeck::engine {

// Where a passage came from inside its file, so a citation can point at it
// (DESIGN.md §9): a page, a sheet and row range, a slide, a heading path.
struct SourceLocation {
    int page = 0;                          // 1-based PDF page; 0 when not paged
    std::string sheet;                     // xlsx sheet name (csv: empty)
    int row = 0;                           // 1-based first data row of a table passage
    int rowEnd = 0;                        // last row (== row for one row)
    int slide = 0;                         // 1-based pptx slide
    std::vector<std::string> headingPath;  // ["Chapter 2", "Returns"]

    bool operator==(const SourceLocation &) const = default;
    nlohmann::json toJson() const;  // only the fields that are set
    static SourceLocation fromJson(const nlohmann::json &j);  // tolerant: bad fields ignored
    // "page 3", "sheet Orders, rows 4–6", "slide 2", "Chapter 2 › Returns"; English or Chinese.
    std::string describe(const std::string &language) const;
};

} // namespace flowdeck::engine
