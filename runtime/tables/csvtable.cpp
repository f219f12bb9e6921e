#include "runtime/tables/csvtable.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace flowdeck::runtime {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (isSpace(s.front()) || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (isSpace(s.back()) || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

char guessSeparator(std::string_view text)
{
    const std::string_view header = text.substr(0, text.find('\n'));
    char best = ',';
    long most = -1;
    for (char c : {',', ';', '\t'}) {
        const long n = std::count(header.begin(), header.end(), c);
        if (n > most) {
            most = n;
            best = c;
        }
    }
    return best;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

} // namespace

int CsvTable::column(std::string_view name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name)
            return static_cast<int>(i);
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (lower(columns[i]) == lower(name))
            return static_cast<int>(i);
    return -1;
}

CsvParse parseCsv(std::string textIn)
{
    auto owned = std::make_shared<const std::string>(std::move(textIn));
    auto unescaped = std::make_shared<std::deque<std::string>>();
    std::string_view text = *owned;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    const char sep = guessSeparator(text);

    std::vector<std::string_view> cells;
    // Short rows are filled up to the header's width, so a wide header above many short
    // lines would make rows × width cells out of a few kilobytes (fuzz_csv: 24 KB asked for
    // 2.3 GB). Past four cells per byte of text (and at least 65536), the table is refused.
    const std::size_t maxCells = std::max<std::size_t>(4 * text.size(), 65536);
    // Room for every cell at once: rows ≈ line ends, width from the header; without short
    // rows there is at most one cell per byte.
    cells.reserve(std::min(text.size() + 1,
                  static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n') + 1) *
                  static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(text.find('\n') == std::string_view::npos ? text.size() : text.find('\n')), sep) + 1)));
    std::vector<std::string_view> record;
    std::size_t width = 0;
    bool haveHeader = false;
    std::vector<std::string> columns;
    int line = 1;
    std::size_t dataRow = 0;
    std::string error;

    // Ends a record: the header names the columns; a data row must not be wider.
    auto endRecord = [&]() -> bool {
        const bool blank = record.size() == 1 && record[0].empty();
        if (!blank) {
            if (!haveHeader) {
                haveHeader = true;
                width = record.size();
                for (std::size_t i = 0; i < record.size(); ++i)
                    columns.push_back(record[i].empty() ? "column_" + std::to_string(i + 1) : std::string(record[i]));
            } else {
                ++dataRow;
                if (record.size() > width) {
                    error = "row " + std::to_string(dataRow) + " has " + std::to_string(record.size()) +
                            " fields but the header has " + std::to_string(width) + ".";
                    return false;
                }
                if (cells.size() + width > maxCells) {
                    error = "row " + std::to_string(dataRow) + ": the header has " + std::to_string(width) +
                            " columns but the rows hold far fewer values; is the first line really the header?";
                    return false;
                }
                record.resize(width);
                cells.insert(cells.end(), record.begin(), record.end());
            }
        }
        record.clear();
        return true;
    };

    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i <= n) {
        // One field, starting at i.
        std::size_t start = i;
        while (start < n && text[start] != sep && isSpace(text[start]))
            ++start;
        if (start < n && text[start] == '"') {
            const int openedAt = line;
            std::size_t j = start + 1;
            bool escaped = false;
            for (;;) {
                const std::size_t q = text.find('"', j);
                if (q == std::string_view::npos)
                    return {std::nullopt, "line " + std::to_string(openedAt) + ": a quoted field is never closed."};
                line += static_cast<int>(std::count(text.begin() + static_cast<long>(j), text.begin() + static_cast<long>(q), '\n'));
                if (q + 1 < n && text[q + 1] == '"') {
                    escaped = true;
                    j = q + 2;
                    continue;
                }
                std::string_view inner = text.substr(start + 1, q - start - 1);
                if (escaped) {
                    std::string value;
                    value.reserve(inner.size());
                    for (std::size_t k = 0; k < inner.size(); ++k) {
                        value += inner[k];
                        if (inner[k] == '"')
                            ++k;  // "" → "
                    }
                    unescaped->push_back(std::move(value));
                    inner = unescaped->back();
                }
                record.push_back(inner);
                i = q + 1;
                while (i < n && text[i] != sep && isSpace(text[i]))
                    ++i;
                if (i < n && text[i] != sep && text[i] != '\n' && text[i] != '\r')
                    return {std::nullopt, "line " + std::to_string(line) +
                                              ": text after a closing quote; put quotes around the whole field."};
                break;
            }
        } else {
            std::size_t end = start;
            while (end < n && text[end] != sep && text[end] != '\n' && text[end] != '\r')
                ++end;
            record.push_back(trim(text.substr(start, end - start)));
            i = end;
        }
        // What ends the field: a separator, a line end, or the end of the text.
        if (i < n && text[i] == sep) {
            ++i;
            continue;
        }
        if (i < n && text[i] == '\r')
            ++i;
        if (i < n && text[i] == '\n')
            ++i;
        ++line;
        if (!endRecord())
            return {std::nullopt, error};
        if (i >= n)
            break;
    }
    if (!haveHeader)
        return {std::nullopt, "the CSV is empty: it needs a header row and at least one data row."};
    CsvTable table;
    table.decimalComma = sep == ';';  // European exports: "12,5" is twelve and a half
    table.columns = std::move(columns);
    table.m_text = std::move(owned);
    table.m_unescaped = std::move(unescaped);
    table.m_cells = std::move(cells);
    return {std::move(table), ""};
}

std::optional<double> parseNumber(std::string_view text, bool decimalComma)
{
    std::string_view s = trim(text);
    for (std::string_view prefix : {"$", "\xC2\xA5", "\xEF\xBF\xA5", "\xE2\x82\xAC", "\xC2\xA3", "RMB", "CNY", "USD"})
        if (s.substr(0, prefix.size()) == prefix)
            s = trim(s.substr(prefix.size()));
    bool percent = false;
    if (!s.empty() && s.back() == '%') {
        percent = true;
        s.remove_suffix(1);
    }
    if (s.empty() || s.size() > 64)
        return std::nullopt;
    // Which mark is the decimal point: the later of '.' and ',' when both are there
    // ("1.234,50", "1,234.50"); a lone ',' only in files that use decimal commas.
    const auto lastDot = s.rfind('.'), lastComma = s.rfind(',');
    char decimal = '.';
    if (lastComma != std::string_view::npos &&
        (lastDot != std::string_view::npos ? lastComma > lastDot : decimalComma && s.find(',') == lastComma))
        decimal = ',';
    const char thousands = decimal == ',' ? '.' : ',';
    char buf[64];
    std::size_t len = 0;
    for (char c : s) {
        if (c == thousands || c == '_' || c == ' ')
            continue;
        buf[len++] = c == decimal ? '.' : c;
    }
    const char *first = buf;
    if (len > 0 && buf[0] == '+')
        ++first;  // from_chars takes no leading '+'
    double value = 0;
    const auto [end, ec] = std::from_chars(first, buf + len, value);
    if (ec != std::errc() || end != buf + len || first == buf + len)
        return std::nullopt;
    return percent ? value / 100.0 : value;
}

std::optional<DateParts> parseDate(std::string_view text)
{
    const std::string_view s = trim(text);
    std::size_t at = 0;
    auto digits = [&](int minCount, int maxCount, int &out) {
        int count = 0;
        out = 0;
        while (at < s.size() && count < maxCount && s[at] >= '0' && s[at] <= '9') {
            out = out * 10 + (s[at++] - '0');
            ++count;
        }
        return count >= minCount;
    };
    DateParts d;
    if (!digits(4, 4, d.year) || at >= s.size())
        return std::nullopt;
    const char sep = s[at++];
    if (sep != '-' && sep != '/' && sep != '.')
        return std::nullopt;
    if (!digits(1, 2, d.month) || at >= s.size() || s[at++] != sep || !digits(1, 2, d.day))
        return std::nullopt;
    if (at < s.size() && s[at] != ' ' && s[at] != 'T')
        return std::nullopt;
    if (d.year < 1000 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
        return std::nullopt;
    return d;
}

} // namespace flowdeck::runtime
