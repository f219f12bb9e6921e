// CSV (RFC 4180): quoted fields may hold delimiters, doubled quotes and line breaks. The
// delimiter is sniffed among comma, semicolon and tab; text that is not UTF-8 is read as
// GB18030 (what Excel writes on Chinese Windows). The first non-empty record is the
// header, and each later record one row "Header: value; ...", numbered as a spreadsheet
// shows it (the header is row 1).
#include "engine/knowledge/parse/formatparsers.h"
#include "engine/knowledge/parse/textencoding.h"

#include <array>

namespace flowdeck::engine::docparse {
namespace {

// Occurrences of `delimiter` outside quotes in each of the first lines.
std::vector<int> delimiterCounts(std::string_view text, char delimiter)
{
    std::vector<int> counts(1, 0);
    bool quoted = false;
    for (std::size_t i = 0; i < text.size() && counts.size() <= 10; ++i) {
        const char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '\n')
            counts.push_back(0);
        else if (!quoted && c == delimiter)
            ++counts.back();
    }
    return counts;
}

// The delimiter that appears on the first line and the same number of times on the most lines after it.
char sniffDelimiter(std::string_view text)
{
    char best = ',';
    std::pair<int, int> bestScore{0, 0};
    for (char candidate : std::array{',', ';', '\t'}) {
        const std::vector<int> counts = delimiterCounts(text, candidate);
        if (counts.front() == 0)
            continue;
        int consistent = 0;
        for (std::size_t i = 1; i < counts.size(); ++i)
            consistent += counts[i] == counts.front();
        const std::pair<int, int> score{consistent, counts.front()};
        if (score > bestScore)
            bestScore = score, best = candidate;
    }
    return best;
}

class CsvRecords {
public:
    CsvRecords(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {}

    // The next record's fields; false at the end of the text.
    bool next(std::vector<std::string> &fields)
    {
        fields.clear();
        if (m_pos >= m_text.size())
            return false;
        fields.emplace_back();
        bool quoted = false;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (quoted) {
                if (c != '"')
                    fields.back() += c;
                else if (m_pos < m_text.size() && m_text[m_pos] == '"')
                    fields.back() += '"', ++m_pos;
                else
                    quoted = false;
            } else if (c == '"') {
                quoted = true;  // also after other text ("a"b"): kept lenient, as spreadsheets are
            } else if (c == m_delimiter) {
                fields.emplace_back();
            } else if (c == '\n') {
                break;
            } else if (c == '\r') {
                if (m_pos < m_text.size() && m_text[m_pos] == '\n')
                    ++m_pos;
                break;
            } else {
                fields.back() += c;
            }
        }
        unclosedQuote = unclosedQuote || quoted;
        return true;
    }

    bool unclosedQuote = false;

private:
    std::string_view m_text;
    char m_delimiter;
    std::size_t m_pos = 0;
};

bool isBlankRecord(const std::vector<std::string> &fields)
{
    for (const std::string &field : fields)
        if (!trimmed(field).empty())
            return false;
    return true;
}

} // namespace

ParseResult parseCsv(std::string_view bytes, const ParseContext &context)
{
    const std::optional<std::string> text = decodeText(bytes);
    if (!text)
        return ParseResult::failure(damagedFailure(context, "a CSV"));
    CsvRecords records(*text, sniffDelimiter(*text));
    ParsedDocument document;
    std::vector<std::string> headers, fields;
    bool haveHeader = false;
    for (int row = 1; records.next(fields); ++row) {
        if ((row & 0xFFF) == 0 && context.cancelled())
            return ParseResult::failure(cancelledFailure(context));
        if (isBlankRecord(fields))
            continue;
        if (!haveHeader) {
            headers = fields;
            haveHeader = true;
            continue;
        }
        SourceLocation location;
        location.row = location.rowEnd = row;
        addSection(document, SourceSection::Kind::TableRow, tableRowText(headers, fields), std::move(location));
    }
    if (haveHeader && document.sections.empty()) {  // a header alone is still text worth finding
        SourceLocation location;
        location.row = location.rowEnd = 1;
        std::string text;
        for (const std::string &header : headers)
            text += (text.empty() ? "" : "; ") + trimmed(header);
        addSection(document, SourceSection::Kind::TableRow, text, std::move(location));
    }
    if (records.unclosedQuote)
        document.warnings.push_back("A quoted field in '" + context.name +
                                    "' is not closed; the text after its quote was read as one field.");
    return document;
}

} // namespace flowdeck::engine::docparse
