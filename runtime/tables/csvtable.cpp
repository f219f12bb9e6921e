#include "runtime/tables/csvtable.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace flowdeck::runtime {

namespace {

std::string trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
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

} // namespace

int CsvTable::column(std::string_view name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name)
            return static_cast<int>(i);
    auto lower = [](std::string_view s) {
        std::string out(s);
        std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
        return out;
    };
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (lower(columns[i]) == lower(name))
            return static_cast<int>(i);
    return -1;
}

CsvParse parseCsv(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    const char sep = guessSeparator(text);
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, fieldStarted = false;
    int line = 1, recordLine = 1;
    auto endField = [&] {
        record.push_back(quoted ? field : trim(field));
        field.clear();
        quoted = false;
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = record.size() == 1 && record[0].empty();
        if (!blank)
            records.push_back(std::move(record));
        record.clear();
        recordLine = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
                // After a closing quote only spaces may come before the separator.
                while (i + 1 < text.size() && text[i + 1] == ' ')
                    ++i;
                if (i + 1 < text.size() && text[i + 1] != sep && text[i + 1] != '\n' && text[i + 1] != '\r')
                    return {std::nullopt, "line " + std::to_string(line) + ": text after a closing quote; put quotes around the whole field."};
                record.push_back(field);
                field.clear();
                fieldStarted = false;
                if (i + 1 < text.size() && text[i + 1] == sep)
                    ++i;
                else {
                    if (i + 1 < text.size() && text[i + 1] == '\r')
                        ++i;
                    if (i + 1 < text.size() && text[i + 1] == '\n') {
                        ++i;
                        ++line;
                    }
                    records.push_back(std::move(record));
                    record.clear();
                    recordLine = line;
                }
                continue;
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted && trim(field).empty()) {
            quoted = true;
            field.clear();
            fieldStarted = true;
        } else if (c == sep) {
            endField();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            ++line;
            endRecord();
        } else {
            field += c;
            fieldStarted = fieldStarted || !std::isspace(static_cast<unsigned char>(c));
        }
    }
    if (quoted)
        return {std::nullopt, "line " + std::to_string(recordLine) + ": a quoted field is never closed."};
    if (!field.empty() || !record.empty())
        endRecord();
    if (records.empty())
        return {std::nullopt, "the CSV is empty: it needs a header row and at least one data row."};
    CsvTable table;
    table.columns = records.front();
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        if (table.columns[i].empty())
            table.columns[i] = "column_" + std::to_string(i + 1);
    for (std::size_t r = 1; r < records.size(); ++r) {
        auto &row = records[r];
        if (row.size() > table.columns.size())
            return {std::nullopt, "row " + std::to_string(r) + " has " + std::to_string(row.size()) + " fields but the header has " +
                                      std::to_string(table.columns.size()) + "."};
        row.resize(table.columns.size());
        table.rows.push_back(std::move(row));
    }
    return {std::move(table), ""};
}

std::optional<double> parseNumber(std::string_view text)
{
    std::string s = trim(text);
    for (const char *prefix : {"$", "\xC2\xA5", "\xEF\xBF\xA5", "\xE2\x82\xAC", "\xC2\xA3", "RMB", "CNY", "USD"})
        if (s.rfind(prefix, 0) == 0)
            s = trim(s.substr(std::char_traits<char>::length(prefix)));
    bool percent = false;
    if (!s.empty() && s.back() == '%') {
        percent = true;
        s.pop_back();
    }
    std::string digits;
    for (char c : s)
        if (c != ',' && c != '_' && c != ' ')
            digits += c;
    if (digits.empty() || digits == "-" || digits == ".")
        return std::nullopt;
    char *end = nullptr;
    const double value = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size())
        return std::nullopt;
    return percent ? value / 100.0 : value;
}

std::optional<DateParts> parseDate(std::string_view text)
{
    const std::string s = trim(text);
    DateParts d;
    char a = 0, b = 0;
    int consumed = 0;
    if (std::sscanf(s.c_str(), "%4d%c%2d%c%2d%n", &d.year, &a, &d.month, &b, &d.day, &consumed) != 5)
        return std::nullopt;
    if (a != b || (a != '-' && a != '/' && a != '.') || d.year < 1000 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
        return std::nullopt;
    if (consumed < static_cast<int>(s.size()) && s[consumed] != ' ' && s[consumed] != 'T')
        return std::nullopt;
    return d;
}

} // namespace flowdeck::runtime
