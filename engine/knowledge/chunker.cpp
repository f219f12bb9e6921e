#include "engine/knowledge/chunker.h"

#include <re2/re2.h>

#include <algorithm>

namespace flowdeck::engine {

namespace {

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Byte offset of the code point `count` code points into `text` (or its end).
std::size_t byteOffsetOf(std::string_view text, std::size_t count)
{
    std::size_t i = 0;
    while (i < text.size() && count > 0) {
        ++i;
        while (i < text.size() && isContinuation(static_cast<unsigned char>(text[i])))
            ++i;
        --count;
    }
    return i;
}

std::string trimmed(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

// The last `overlap` code points of `text`, starting after a separator when one is near,
// so that the repeated part begins at a word or sentence.
std::string overlapTail(const std::string &text, int overlap, const std::vector<std::string> &separators)
{
    if (overlap <= 0)
        return {};
    const std::size_t length = utf8Length(text);
    if (length <= static_cast<std::size_t>(overlap))
        return {};
    std::string tail = text.substr(byteOffsetOf(text, length - overlap));
    for (const auto &sep : separators) {
        const auto at = tail.find(sep);
        if (at != std::string::npos && at + sep.size() < tail.size()) {
            tail = tail.substr(at + sep.size());
            break;
        }
    }
    return trimmed(tail);
}

// Pieces of `text` split after each occurrence of `sep` (kept with the piece before it).
std::vector<std::string> splitKeeping(const std::string &text, const std::string &sep)
{
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto at = text.find(sep, start);
        const std::size_t end = at == std::string::npos ? text.size() : at + sep.size();
        pieces.push_back(text.substr(start, end - start));
        start = end;
    }
    return pieces;
}

void splitInto(const std::string &text, std::size_t size, const std::vector<std::string> &separators,
               std::size_t firstSeparator, std::vector<std::string> &out)
{
    if (utf8Length(text) <= size) {
        out.push_back(text);
        return;
    }
    std::size_t s = firstSeparator;
    while (s < separators.size() && text.find(separators[s]) == std::string::npos)
        ++s;
    if (s == separators.size()) {  // no separator left: cut at code points
        for (std::size_t at = 0; at < text.size();) {
            const std::size_t len = byteOffsetOf(std::string_view(text).substr(at), size);
            out.push_back(text.substr(at, len));
            at += len;
        }
        return;
    }
    std::string current;
    for (auto &piece : splitKeeping(text, separators[s])) {
        if (!current.empty() && utf8Length(current) + utf8Length(piece) > size) {
            splitInto(current, size, separators, s + 1, out);
            current.clear();
        }
        current += piece;
    }
    if (!current.empty())
        splitInto(current, size, separators, s + 1, out);
}

std::string headingPrefix(const std::vector<std::string> &path)
{
    std::string prefix;
    for (const auto &h : path)
        prefix += (prefix.empty() ? "" : " › ") + h;
    return prefix.empty() ? prefix : prefix + "\n";
}

struct Group {
    std::string body;
    SourceLocation location;
};

class Chunking {
public:
    Chunking(const ChunkingSettings &settings, const CleaningRules &cleaning)
        : m_settings(settings), m_cleaning(cleaning) {}

    void add(const SourceSection &section)
    {
        if (section.kind == SourceSection::Kind::TableRow) {
            flushText();
            addRow(section);
            return;
        }
        flushRows();
        const auto &loc = section.location;
        const bool newPlace = !m_text.body.empty() && (loc.page != m_text.location.page || loc.slide != m_text.location.slide);
        const bool byHeading = m_settings.mode != ChunkingSettings::Mode::Size;
        std::vector<std::string> path = loc.headingPath;
        if (section.kind == SourceSection::Kind::Heading)
            path.push_back(trimmed(section.text));
        const bool newHeading = byHeading && !m_text.body.empty() && path != m_text.location.headingPath;
        if (newPlace || newHeading || section.kind == SourceSection::Kind::Heading)
            flushText();
        if (section.kind == SourceSection::Kind::Heading && byHeading) {
            // The heading goes into the prefix of the passages below it, not into a body of its own.
            m_text.location = loc;
            m_text.location.headingPath = path;
            return;
        }
        const std::string text = cleanText(section.text, m_cleaning);
        if (text.empty())
            return;
        if (m_text.body.empty()) {
            m_text.location = loc;
            if (byHeading)
                m_text.location.headingPath = path;
        }
        m_text.body += (m_text.body.empty() ? "" : "\n\n") + text;
    }

    std::vector<ChunkDraft> finish()
    {
        flushText();
        flushRows();
        return std::move(m_out);
    }

private:
    void addRow(const SourceSection &section)
    {
        const auto &loc = section.location;
        if (!m_rows.body.empty() && (loc.sheet != m_rows.location.sheet || m_rowCount >= m_settings.rowsPerChunk))
            flushRows();
        const std::string text = cleanText(section.text, m_cleaning);
        if (text.empty())
            return;
        if (m_rows.body.empty())
            m_rows.location = loc;
        m_rows.location.rowEnd = std::max(loc.rowEnd, loc.row);
        m_rows.body += (m_rows.body.empty() ? "" : "\n") + text;
        ++m_rowCount;
    }

    void flushRows()
    {
        if (!m_rows.body.empty())
            m_out.push_back({m_rows.body, m_rows.location, -1, false});
        m_rows = {};
        m_rowCount = 0;
    }

    void flushText()
    {
        if (m_text.body.empty()) {
            m_text = {};
            return;
        }
        const bool byHeading = m_settings.mode != ChunkingSettings::Mode::Size;
        const std::string prefix = byHeading ? headingPrefix(m_text.location.headingPath) : std::string();
        if (m_settings.mode == ChunkingSettings::Mode::ParentChild) {
            for (auto &parent : splitText(m_text.body, m_settings.parentSize, m_settings.overlap, m_settings.separators)) {
                const int parentOrdinal = static_cast<int>(m_out.size());
                m_out.push_back({prefix + parent, m_text.location, -1, true});
                const int childOverlap = std::min(m_settings.overlap, m_settings.childSize / 4);
                for (auto &child : splitText(parent, m_settings.childSize, childOverlap, m_settings.separators))
                    m_out.push_back({prefix + child, m_text.location, parentOrdinal, false});
            }
        } else {
            for (auto &piece : splitText(m_text.body, m_settings.size, m_settings.overlap, m_settings.separators))
                m_out.push_back({prefix + piece, m_text.location, -1, false});
        }
        m_text = {};
    }

    const ChunkingSettings &m_settings;
    const CleaningRules &m_cleaning;
    Group m_text;
    Group m_rows;
    int m_rowCount = 0;
    std::vector<ChunkDraft> m_out;
};

} // namespace

std::size_t utf8Length(std::string_view text)
{
    std::size_t n = 0;
    for (char c : text)
        n += !isContinuation(static_cast<unsigned char>(c));
    return n;
}

std::string cleanText(const std::string &text, const CleaningRules &rules)
{
    std::string out = text;
    if (rules.removeUrls) {
        static const RE2 url(R"((?i)\b(?:https?://|www\.)[^\s<>"'）)】]+)");
        RE2::GlobalReplace(&out, url, "");
    }
    if (rules.removeEmails) {
        static const RE2 email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
        RE2::GlobalReplace(&out, email, "");
    }
    if (rules.collapseWhitespace) {
        static const RE2 spaces(R"([ \t\f\v\r]+)");
        static const RE2 spaceAroundNewline(R"( ?\n ?)");
        static const RE2 blankLines(R"(\n{3,})");
        RE2::GlobalReplace(&out, spaces, " ");
        RE2::GlobalReplace(&out, spaceAroundNewline, "\n");
        RE2::GlobalReplace(&out, blankLines, "\n\n");
    }
    return trimmed(out);
}

std::vector<std::string> splitText(const std::string &text, int size, int overlap,
                                   const std::vector<std::string> &separators)
{
    std::vector<std::string> raw;
    const std::size_t room = static_cast<std::size_t>(std::max(1, size - std::max(0, overlap)));
    splitInto(text, utf8Length(text) <= static_cast<std::size_t>(size) ? static_cast<std::size_t>(size) : room,
              separators, 0, raw);
    std::vector<std::string> out;
    std::string previous;
    for (auto &piece : raw) {
        std::string body = trimmed(piece);
        if (body.empty())
            continue;
        std::string tail = previous.empty() ? std::string() : overlapTail(previous, overlap, separators);
        previous = body;
        out.push_back(tail.empty() ? body : tail + " " + body);
    }
    return out;
}

std::vector<ChunkDraft> chunkDocument(const ParsedDocument &document, const ChunkingSettings &settings,
                                      const CleaningRules &cleaning)
{
    Chunking chunking(settings, cleaning);
    for (const auto &section : document.sections)
        chunking.add(section);
    return chunking.finish();
}

} // namespace flowdeck::engine
