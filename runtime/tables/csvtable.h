#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::runtime {

// A table read from CSV text (RFC 4180: quoted fields, "" inside quotes, CRLF or LF,
// a header row). Commas, semicolons or tabs are accepted as separators: the one that
// splits the header best is used. A UTF-8 byte-order mark is skipped.
struct CsvTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;  // each as long as `columns`

    // The index of a column by name (exact, then ignoring case), or -1.
    int column(std::string_view name) const;
};

// The table, or an error naming the line that is wrong.
struct CsvParse {
    std::optional<CsvTable> table;
    std::string error;
};
CsvParse parseCsv(std::string_view text);

// A number as written in business data: "1234", "1,234.50", "¥12.5", "$3", "-4", "12%".
std::optional<double> parseNumber(std::string_view text);

// "2026-03-14", "2026/3/14", "2026-03-14 10:20" → {year, month, day}; nullopt otherwise.
struct DateParts {
    int year = 0, month = 0, day = 0;
};
std::optional<DateParts> parseDate(std::string_view text);

} // namespace flowdeck::runtime
