#pragma once

#include "engine/knowledge/parseddocument.h"

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::engine {

// What a document node outputs for the files it read (DESIGN.md §3): one text with page,
// sheet and slide markers ("--- page 3 ---"), and the same text piece by piece.
class DocumentText {
public:
    // Adds one parsed file; with `fileMarker`, its text starts with "--- file NAME ---".
    void add(const std::string &file, const ParsedDocument &document, bool fileMarker);

    const std::string &text() const { return m_text; }
    // [{file, location, text}]: one per page, sheet or slide ("page 3", "sheet Orders",
    // "slide 2"); a document without any (docx, txt) is one piece with location "".
    const nlohmann::json &pages() const { return m_pages; }

private:
    void addPiece(const std::string &file, const std::string &location, const std::string &text);

    std::string m_text;
    nlohmann::json m_pages = nlohmann::json::array();
};

} // namespace flowdeck::engine
