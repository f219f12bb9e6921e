#pragma once

// The parsers behind parseDocumentBytes (documentparser.h), one file each, and what they
// share: how a failure is worded, cancellation, table rows with their header, heading paths.

#include "engine/knowledge/parse/documentparser.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowdeck::engine::docparse {

// What every parser is given: the document's name for messages and the caller's options.
struct ParseContext {
    std::string name;  // "report.pdf", quoted in messages
    const ParseOptions &options;

    bool cancelled() const { return options.cancel && options.cancel->load(); }
    void progress(int done, int total) const
    {
        if (options.progress)
            options.progress(done, total);
    }
};

// An error diagnostic with a stable code; `args` are the message's variable parts.
Diagnostic parseFailure(std::string code, std::string message, std::vector<std::string> args = {});
// "'name' is not a <kind> file or is damaged."
Diagnostic damagedFailure(const ParseContext &context, const std::string &kind);
Diagnostic cancelledFailure(const ParseContext &context);

// "Header: value; Header2: value2", empty cells left out; a column without a header is
// named after its letter ("Column C"). Empty when every cell is empty.
std::string tableRowText(const std::vector<std::string> &headers, const std::vector<std::string> &cells);
// "A", "B", ... "Z", "AA" for a 0-based column.
std::string columnLetters(int column);
// Runs of whitespace as one space, without leading or trailing whitespace.
std::string collapseWhitespace(std::string_view text);
std::string trimmed(std::string_view text);

// The headings that enclose the current position, outermost first.
class HeadingTrail {
public:
    // Enters a heading; returns the path of its parents (the heading's own location).
    std::vector<std::string> enter(int level, const std::string &text);
    // The path of body text here: every enclosing heading.
    std::vector<std::string> path() const;

private:
    std::vector<std::pair<int, std::string>> m_open;
};

// A table's rows: the first is the header of each later row's section. A table of one
// row is layout, not data: its cells become one paragraph.
void addTableRows(ParsedDocument &document, const std::vector<std::vector<std::string>> &rows,
                  const SourceLocation &location);

// Adds a section unless its text is empty.
void addSection(ParsedDocument &document, SourceSection::Kind kind, std::string text, SourceLocation location,
                int headingLevel = 0);

using ParseResult = Result<ParsedDocument>;
ParseResult parseText(std::string_view bytes, const ParseContext &context);
ParseResult parseMarkdown(std::string_view bytes, const ParseContext &context);
ParseResult parseHtml(std::string_view bytes, const ParseContext &context);
ParseResult parsePdf(std::string_view bytes, const ParseContext &context);
ParseResult parseDocx(std::string_view bytes, const ParseContext &context);
ParseResult parseXlsx(std::string_view bytes, const ParseContext &context);
ParseResult parseCsv(std::string_view bytes, const ParseContext &context);
ParseResult parsePptx(std::string_view bytes, const ParseContext &context);

} // namespace flowdeck::engine::docparse
