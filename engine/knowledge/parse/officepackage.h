#pragma once

#include "engine/knowledge/parse/formatparsers.h"
#include "engine/knowledge/parse/zipreader.h"

#include <pugixml.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flowdeck::engine::docparse {

// The XML parts of an Office Open XML file (docx, xlsx, pptx) and their relationships.
// Elements are matched by local name, whatever namespace prefix a producer chose.
class OfficePackage {
public:
    // `kind` names the format in messages: "a Word" → "'a.docx' is not a Word file or is damaged."
    OfficePackage(std::string_view bytes, const ParseContext &context, std::string kind);

    bool opened() const { return m_zip != nullptr; }
    // Parses a part into `document`; false when it is missing or not XML, and failure() says why.
    bool load(const std::string &part, pugi::xml_document &document);
    bool contains(const std::string &part) { return m_zip && m_zip->contains(part); }
    // Relationship ids of `part` (e.g. "xl/workbook.xml") mapped to the parts they name.
    std::map<std::string, std::string> relationships(const std::string &part);
    // The elements named `element` in `xml` (the part `part`) that point at another part by
    // relationship id, in document order, with that part: a workbook's sheets, a deck's slides.
    std::vector<std::pair<pugi::xml_node, std::string>> linkedParts(const pugi::xml_document &xml,
                                                                    const std::string &part, std::string_view element);
    // The title in docProps/core.xml, or empty.
    std::string coreTitle();
    // Why the package or a part could not be read.
    Diagnostic failure() const;

private:
    std::unique_ptr<ZipReader> m_zip;
    const ParseContext &m_context;
    std::string m_kind;
    std::string m_badPart;  // a part that is not XML
};

// The element's name without its namespace prefix.
std::string_view localName(const pugi::xml_node &node);
// The first child element with that local name.
pugi::xml_node child(const pugi::xml_node &node, std::string_view name);
// The attribute with that local name ("w:val" → "val"), or an empty one.
pugi::xml_attribute attribute(const pugi::xml_node &node, std::string_view name);
// The relationship id ("r:id") of an element such as <p:sldId id="256" r:id="rId2">.
std::string relationshipId(const pugi::xml_node &node);

// Calls visit(element) for the elements under `root` (not root itself) in document order,
// without recursion; visit returns whether to go into that element's children.
template <typename Visit>
void forEachElement(const pugi::xml_node &root, Visit visit)
{
    pugi::xml_node node = root.first_child();
    while (node && node != root) {
        if (node.type() == pugi::node_element && visit(node) && node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && node != root && !node.next_sibling())
            node = node.parent();
        if (node && node != root)
            node = node.next_sibling();
    }
}

// The text of the run-text elements (`textElement`: "t") under `root`, with tabs and line breaks.
std::string runText(const pugi::xml_node &root, std::string_view textElement = "t");

} // namespace flowdeck::engine::docparse
