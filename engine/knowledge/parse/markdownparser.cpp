// Markdown (CommonMark's block structure, enough of it for retrieval): ATX and Setext
// headings with their paths, paragraphs, fenced code kept as text, and pipe tables as
// one row with its header each. Inline markup stays as written.
#include "engine/knowledge/parse/formatparsers.h"
#include "engine/knowledge/parse/textencoding.h"

namespace flowdeck::engine::docparse {
namespace {

std::size_t indentOf(std::string_view line)
{
    std::size_t n = 0;
    while (n < line.size() && line[n] == ' ')
        ++n;
    return n;
}

// 1..6 and the heading's text when `line` is an ATX heading ("## Returns ##").
int atxHeading(std::string_view line, std::string &text)
{
    const std::size_t indent = indentOf(line);
    if (indent > 3)
        return 0;
    line.remove_prefix(indent);
    std::size_t level = 0;
    while (level < line.size() && line[level] == '#')
        ++level;
    if (level == 0 || level > 6 || (level < line.size() && line[level] != ' ' && line[level] != '\t'))
        return 0;
    std::string_view rest = line.substr(level);
    std::string body = trimmed(rest);
    // A closing sequence of #s after a space is not part of the text.
    std::size_t end = body.size();
    while (end > 0 && body[end - 1] == '#')
        --end;
    if (end == 0 || body[end - 1] == ' ')
        body = trimmed(std::string_view(body).substr(0, end));
    text = body;
    return int(level);
}

// A line of only `marker` characters (and spaces when `spaced`), at least `minimum` of them.
bool isRuleOf(std::string_view line, char marker, std::size_t minimum, bool spaced)
{
    if (indentOf(line) > 3)
        return false;
    std::size_t count = 0;
    for (char c : trimmed(line)) {
        if (c == marker)
            ++count;
        else if (!(spaced && (c == ' ' || c == '\t')))
            return false;
    }
    return count >= minimum;
}

// The opening fence ("```", "~~~~") of a code block, or empty.
std::string_view fenceOf(std::string_view line)
{
    const std::size_t indent = indentOf(line);
    if (indent > 3 || indent >= line.size() || (line[indent] != '`' && line[indent] != '~'))
        return {};
    std::size_t end = indent;
    while (end < line.size() && line[end] == line[indent])
        ++end;
    return end - indent >= 3 ? line.substr(indent, end - indent) : std::string_view();
}

std::vector<std::string> tableCells(std::string_view line)
{
    std::string row = trimmed(line);
    if (!row.empty() && row.front() == '|')
        row.erase(0, 1);
    if (!row.empty() && row.back() == '|' && (row.size() < 2 || row[row.size() - 2] != '\\'))
        row.pop_back();
    std::vector<std::string> cells(1);
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|')
            cells.back() += row[++i];
        else if (row[i] == '|')
            cells.emplace_back();
        else
            cells.back() += row[i];
    }
    for (std::string &cell : cells)
        cell = trimmed(cell);
    return cells;
}

bool isTableDelimiter(std::string_view line)
{
    if (line.find('-') == std::string_view::npos)
        return false;
    for (const std::string &cell : tableCells(line)) {
        std::string_view c = cell;
        if (!c.empty() && c.front() == ':')
            c.remove_prefix(1);
        if (!c.empty() && c.back() == ':')
            c.remove_suffix(1);
        if (c.empty() || c.find_first_not_of('-') != std::string_view::npos)
            return false;
    }
    return true;
}

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return lines;
}

class MarkdownReader {
public:
    ParsedDocument document;

    void read(const std::vector<std::string_view> &lines)
    {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string_view line = lines[i];
            std::string text;
            if (trimmed(line).empty()) {
                flushParagraph();
            } else if (std::string_view fence = fenceOf(line); !fence.empty()) {
                flushParagraph();
                i = readFence(lines, i + 1, fence);
            } else if (int level = atxHeading(line, text)) {
                flushParagraph();
                heading(level, text);
            } else if (!m_paragraph.empty() && (isRuleOf(line, '=', 1, false) || isRuleOf(line, '-', 1, false))) {
                const std::string setext = m_paragraph;  // Setext: the paragraph above is the heading
                m_paragraph.clear();
                heading(trimmed(line).front() == '=' ? 1 : 2, collapseWhitespace(setext));
            } else if (isRuleOf(line, '-', 3, true) || isRuleOf(line, '*', 3, true) || isRuleOf(line, '_', 3, true)) {
                flushParagraph();  // a thematic break
            } else if (line.find('|') != std::string_view::npos && i + 1 < lines.size() &&
                       isTableDelimiter(lines[i + 1])) {
                flushParagraph();
                i = readTable(lines, i);
            } else {
                if (!m_paragraph.empty())
                    m_paragraph += '\n';
                m_paragraph += trimmed(line);
            }
        }
        flushParagraph();
    }

private:
    void flushParagraph()
    {
        SourceLocation location;
        location.headingPath = m_trail.path();
        addSection(document, SourceSection::Kind::Paragraph, m_paragraph, std::move(location));
        m_paragraph.clear();
    }

    void heading(int level, const std::string &text)
    {
        if (text.empty())
            return;
        SourceLocation location;
        location.headingPath = m_trail.enter(level, text);
        addSection(document, SourceSection::Kind::Heading, text, std::move(location), level);
    }

    // The code up to the closing fence, as one paragraph; returns the index of the closing line.
    std::size_t readFence(const std::vector<std::string_view> &lines, std::size_t i, std::string_view fence)
    {
        std::string code;
        for (; i < lines.size(); ++i) {
            const std::string_view closing = fenceOf(lines[i]);
            if (!closing.empty() && closing.front() == fence.front() && closing.size() >= fence.size() &&
                trimmed(lines[i]).size() == closing.size())
                break;
            if (!code.empty())
                code += '\n';
            code.append(lines[i]);
        }
        SourceLocation location;
        location.headingPath = m_trail.path();
        addSection(document, SourceSection::Kind::Paragraph, code, std::move(location));
        return i;
    }

    // The header at `i`, its delimiter row and the rows after it; returns the last row's index.
    std::size_t readTable(const std::vector<std::string_view> &lines, std::size_t i)
    {
        const std::vector<std::string> headers = tableCells(lines[i]);
        i += 2;
        for (; i < lines.size() && !trimmed(lines[i]).empty() && lines[i].find('|') != std::string_view::npos; ++i) {
            SourceLocation location;
            location.headingPath = m_trail.path();
            addSection(document, SourceSection::Kind::TableRow, tableRowText(headers, tableCells(lines[i])),
                       std::move(location));
        }
        return i - 1;
    }

    HeadingTrail m_trail;
    std::string m_paragraph;
};

} // namespace

ParseResult parseMarkdown(std::string_view bytes, const ParseContext &context)
{
    const std::optional<std::string> text = decodeText(bytes);
    if (!text)
        return ParseResult::failure(damagedFailure(context, "a Markdown"));
    MarkdownReader reader;
    reader.read(splitLines(*text));
    return std::move(reader.document);
}

} // namespace flowdeck::engine::docparse
