// Plain text: paragraphs are separated by blank lines.
#include "engine/knowledge/parse/formatparsers.h"
#include "engine/knowledge/parse/textencoding.h"

namespace flowdeck::engine::docparse {

ParseResult parseText(std::string_view bytes, const ParseContext &context)
{
    const std::optional<std::string> text = decodeText(bytes);
    if (!text)
        return ParseResult::failure(damagedFailure(context, "a text"));
    ParsedDocument document;
    std::string paragraph;
    const auto flush = [&] {
        addSection(document, SourceSection::Kind::Paragraph, trimmed(paragraph), {});
        paragraph.clear();
    };
    std::string_view rest = *text;
    while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (trimmed(line).empty()) {
            flush();
            continue;
        }
        if (!paragraph.empty())
            paragraph += '\n';
        paragraph.append(line);
    }
    flush();
    return document;
}

} // namespace flowdeck::engine::docparse
