#pragma once

#include "engine/knowledge/sourcelocation.h"

#include <string>
#include <vector>

namespace flowdeck::engine {

// One piece of a parsed file, in reading order.
struct SourceSection {
    enum class Kind { Paragraph, Heading, TableRow };
    Kind kind = Kind::Paragraph;
    int headingLevel = 0;   // 1..6 for Kind::Heading
    std::string text;       // UTF-8; a TableRow is "Header: value; Header2: value2"
    SourceLocation location;  // page / sheet+row / slide; headingPath of the enclosing headings
};

// What a parser found in a file: its sections and any page that needed OCR or could
// not be read (reported, never silently empty).
struct ParsedDocument {
    std::string type;  // "txt", "md", "html", "pdf", "docx", "xlsx", "csv", "pptx", "url"
    std::string title; // from the file (HTML <title>, docx core title), else empty
    std::vector<SourceSection> sections;
    std::vector<std::string> warnings;  // full sentences, e.g. "Page 4 has no text layer; read by OCR."
    int ocrPages = 0;
};

} // namespace flowdeck::engine
