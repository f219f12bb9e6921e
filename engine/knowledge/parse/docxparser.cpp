// Word (.docx): word/document.xml in reading order. A paragraph is a heading when its
// style is one (Heading1..9 or Title by id, or a style named "heading 1" in
// word/styles.xml, since localized Word writes other ids) or it has an outline level;
// a table is one row with its header (the first row) each. The title is the core title.
#include "engine/knowledge/parse/officepackage.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace flowdeck::engine::docparse {
namespace {

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// 1..9 for "heading 3" / "Heading3" / "title", 0 otherwise.
int headingLevelOfStyleName(std::string_view name)
{
    std::string n = lowered(name);
    n.erase(std::remove(n.begin(), n.end(), ' '), n.end());
    if (n == "title")
        return 1;
    if (n.size() == 8 && n.starts_with("heading") && n[7] >= '1' && n[7] <= '9')
        return n[7] - '0';
    return 0;
}

// An outline level attribute ("0".."8") as a heading level; 0 for body text ("9") or none.
int outlineLevel(const pugi::xml_node &properties)
{
    const pugi::xml_node level = child(properties, "outlineLvl");
    if (!level)
        return 0;
    const int value = attribute(level, "val").as_int(9);
    return value >= 0 && value < 9 ? value + 1 : 0;
}

// Paragraph style ids that are headings, with their levels.
std::unordered_map<std::string, int> headingStyles(OfficePackage &package)
{
    std::unordered_map<std::string, int> levels;
    pugi::xml_document styles;
    if (!package.load("word/styles.xml", styles))
        return levels;  // optional part
    forEachElement(styles, [&](const pugi::xml_node &node) {
        if (localName(node) != "style")
            return true;
        int level = headingLevelOfStyleName(attribute(child(node, "name"), "val").value());
        if (!level)
            level = outlineLevel(child(node, "pPr"));
        if (level)
            levels[attribute(node, "styleId").value()] = level;
        return false;
    });
    return levels;
}

class DocxReader {
public:
    ParsedDocument document;
    std::unordered_map<std::string, int> styles;

    void read(const pugi::xml_node &body)
    {
        forEachElement(body, [this](const pugi::xml_node &node) {
            const std::string_view name = localName(node);
            if (name == "p")
                paragraph(node);
            else if (name == "tbl")
                table(node);
            // Content controls, inserted revisions and the like hold paragraphs further down.
            return name != "p" && name != "tbl" && name != "sectPr";
        });
    }

private:
    int headingLevel(const pugi::xml_node &paragraphNode) const
    {
        const pugi::xml_node properties = child(paragraphNode, "pPr");
        if (int level = outlineLevel(properties))
            return level;
        const std::string styleId = attribute(child(properties, "pStyle"), "val").value();
        if (styleId.empty())
            return 0;
        if (auto found = styles.find(styleId); found != styles.end())
            return found->second;
        return headingLevelOfStyleName(styleId);
    }

    void paragraph(const pugi::xml_node &node)
    {
        const std::string text = trimmed(runText(node));
        if (text.empty())
            return;
        SourceLocation location;
        if (int level = headingLevel(node)) {
            location.headingPath = m_trail.enter(level, collapseWhitespace(text));
            addSection(document, SourceSection::Kind::Heading, collapseWhitespace(text), std::move(location), level);
            return;
        }
        location.headingPath = m_trail.path();
        addSection(document, SourceSection::Kind::Paragraph, text, std::move(location));
    }

    void table(const pugi::xml_node &node)
    {
        std::vector<std::vector<std::string>> rows;
        for (pugi::xml_node row = node.first_child(); row; row = row.next_sibling()) {
            if (localName(row) != "tr")
                continue;
            std::vector<std::string> cells;
            for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling())
                if (localName(cell) == "tc")
                    cells.push_back(collapseWhitespace(runText(cell)));
            if (std::any_of(cells.begin(), cells.end(), [](const std::string &c) { return !c.empty(); }))
                rows.push_back(std::move(cells));
        }
        SourceLocation location;
        location.headingPath = m_trail.path();
        addTableRows(document, rows, location);
    }

    HeadingTrail m_trail;
};

} // namespace

ParseResult parseDocx(std::string_view bytes, const ParseContext &context)
{
    OfficePackage package(bytes, context, "a Word (.docx)");
    pugi::xml_document xml;
    if (!package.load("word/document.xml", xml))
        return ParseResult::failure(package.failure());
    DocxReader reader;
    reader.styles = headingStyles(package);
    pugi::xml_node body;
    forEachElement(xml, [&](const pugi::xml_node &node) {
        if (!body && localName(node) == "body")
            body = node;
        return !body;
    });
    if (!body)
        return ParseResult::failure(damagedFailure(context, "a Word (.docx)"));
    reader.read(body);
    reader.document.title = package.coreTitle();
    return std::move(reader.document);
}

} // namespace flowdeck::engine::docparse
