// PowerPoint (.pptx): slides in presentation order. A title placeholder is a heading;
// every other shape's paragraphs are one section, a table one row with its header each,
// all with their slide number and the slide's title as heading path. Speaker notes are
// left out (they are not what the audience sees).
#include "engine/knowledge/parse/officepackage.h"

#include <algorithm>

namespace flowdeck::engine::docparse {
namespace {

// The paragraphs of a text body, one per line.
std::string shapeText(const pugi::xml_node &shape)
{
    std::string text;
    forEachElement(shape, [&](const pugi::xml_node &node) {
        if (localName(node) != "p")
            return true;
        const std::string line = trimmed(runText(node));
        if (!line.empty())
            text += (text.empty() ? "" : "\n") + line;
        return false;
    });
    return text;
}

bool isTitle(const pugi::xml_node &shape)
{
    const pugi::xml_node placeholder = child(child(child(shape, "nvSpPr"), "nvPr"), "ph");
    const std::string_view type = attribute(placeholder, "type").value();
    return placeholder && (type == "title" || type == "ctrTitle");
}

void readSlide(const pugi::xml_node &root, int slide, ParsedDocument &document)
{
    SourceLocation location;
    location.slide = slide;
    std::vector<std::string> title;
    // The title first, wherever its shape is on the slide.
    forEachElement(root, [&](const pugi::xml_node &node) {
        if (localName(node) != "sp")
            return true;
        if (title.empty() && isTitle(node)) {
            const std::string text = collapseWhitespace(shapeText(node));
            addSection(document, SourceSection::Kind::Heading, text, location, 1);
            if (!text.empty())
                title.push_back(text);
        }
        return false;
    });
    location.headingPath = title;
    forEachElement(root, [&](const pugi::xml_node &node) {
        const std::string_view name = localName(node);
        if (name == "sp") {
            if (!isTitle(node))
                addSection(document, SourceSection::Kind::Paragraph, shapeText(node), location);
            return false;
        }
        if (name == "tbl") {
            std::vector<std::vector<std::string>> rows;
            for (pugi::xml_node row = node.first_child(); row; row = row.next_sibling()) {
                if (localName(row) != "tr")
                    continue;
                rows.emplace_back();
                for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling())
                    if (localName(cell) == "tc")
                        rows.back().push_back(collapseWhitespace(shapeText(cell)));
            }
            addTableRows(document, rows, location);
            return false;
        }
        return true;
    });
}

} // namespace

ParseResult parsePptx(std::string_view bytes, const ParseContext &context)
{
    OfficePackage package(bytes, context, "a PowerPoint (.pptx)");
    pugi::xml_document presentation;
    if (!package.load("ppt/presentation.xml", presentation))
        return ParseResult::failure(package.failure());
    std::vector<std::string> slides;
    for (const auto &[node, part] : package.linkedParts(presentation, "ppt/presentation.xml", "sldId"))
        slides.push_back(part);
    ParsedDocument document;
    for (std::size_t i = 0; i < slides.size(); ++i) {
        if (context.cancelled())
            return ParseResult::failure(cancelledFailure(context));
        pugi::xml_document slide;
        if (package.load(slides[i], slide))
            readSlide(slide, int(i + 1), document);
        else if (package.failure().code != "document-damaged")
            return ParseResult::failure(package.failure());
        else
            document.warnings.push_back("Slide " + std::to_string(i + 1) + " of '" + context.name +
                                        "' could not be read and was left out.");
        context.progress(int(i + 1), int(slides.size()));
    }
    document.title = package.coreTitle();
    return document;
}

} // namespace flowdeck::engine::docparse
