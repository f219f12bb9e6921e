#include "engine/nodes/documenttext.h"

namespace flowdeck::engine {

namespace {

// The part of a section's location that starts a new piece: its page, sheet or slide.
std::string pieceOf(const SourceLocation &location)
{
    if (location.page > 0)
        return "page " + std::to_string(location.page);
    if (!location.sheet.empty())
        return "sheet " + location.sheet;
    if (location.slide > 0)
        return "slide " + std::to_string(location.slide);
    return {};
}

// A heading as Markdown, so a model reading the text sees the structure.
std::string sectionText(const SourceSection &section)
{
    if (section.kind == SourceSection::Kind::Heading)
        return std::string(static_cast<std::size_t>(section.headingLevel), '#') + " " + section.text;
    return section.text;
}

} // namespace

void DocumentText::add(const std::string &file, const ParsedDocument &document, bool fileMarker)
{
    if (fileMarker)
        m_text += (m_text.empty() ? "" : "\n\n") + std::string("--- file ") + file + " ---";
    std::string location, text;
    bool started = false;
    const SourceSection *previous = nullptr;
    for (const SourceSection &section : document.sections) {
        const std::string piece = pieceOf(section.location);
        if (started && piece != location) {
            addPiece(file, location, text);
            text.clear();
            previous = nullptr;
        }
        started = true;
        location = piece;
        // Table rows one to a line; everything else a paragraph of its own.
        const bool rowAfterRow = previous && previous->kind == SourceSection::Kind::TableRow &&
                                 section.kind == SourceSection::Kind::TableRow;
        text += (text.empty() ? "" : rowAfterRow ? "\n" : "\n\n") + sectionText(section);
        previous = &section;
    }
    if (started)
        addPiece(file, location, text);
}

void DocumentText::addPiece(const std::string &file, const std::string &location, const std::string &text)
{
    if (!m_text.empty())
        m_text += "\n\n";
    if (!location.empty())
        m_text += "--- " + location + " ---\n";
    m_text += text;
    m_pages.push_back({{"file", file}, {"location", location}, {"text", text}});
}

} // namespace flowdeck::engine
