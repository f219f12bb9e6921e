#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::runtime {

// A table read from CSV text (RFC 4180: quoted fields, "" inside quotes, CRLF or LF,
// a header row). Commas, semicolons or tabs are accepted as separators: the one that
// splits the header best is used. A UTF-8 byte-order mark is skipped. Cells are views
// into the text the table keeps (no copy per cell), so large files stay fast.
class CsvTable {
public:
    std::vector<std::string> columns;
    bool decimalComma = false;  // a semicolon-separated file: "12,5" means 12.5

    std::size_t rowCount() const { return columns.empty() ? 0 : m_cells.size() / columns.size(); }
    std::span<const std::string_view> row(std::size_t r) const
    {
        return {m_cells.data() + r * columns.size(), columns.size()};
    }
    // The index of a column by name (exact, then ignoring case), or -1.
    int column(std::string_view name) const;

private:
    friend struct CsvParse parseCsv(std::string text);
    std::shared_ptr<const std::string> m_text;              // what the cells point into
    std::shared_ptr<std::deque<std::string>> m_unescaped;   // quoted cells that held ""
    std::vector<std::string_view> m_cells;                  // row by row
};

// The table, or an error naming the line that is wrong.
struct CsvParse {
    std::optional<CsvTable> table;
    std::string error;
};
CsvParse parseCsv(std::string text);

// A number as written in business data: "1234", "1,234.50", "¥12.5", "$3", "-4", "12%".
// With `decimalComma`, a lone ',' is the decimal point ("12,5"), as in semicolon exports.
std::optional<double> parseNumber(std::string_view text, bool decimalComma = false);

// "2026-03-14", "2026/3/14", "2026-03-14 10:20" → {year, month, day}; nullopt otherwise.
struct DateParts {
    int year = 0, month = 0, day = 0;
};
std::optional<DateParts> parseDate(std::string_view text);

} // namespace flowdeck::runtime
