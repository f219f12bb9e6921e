#include "engine/knowledge/parse/officepackage.h"

namespace flowdeck::engine::docparse {

OfficePackage::OfficePackage(std::string_view bytes, const ParseContext &context, std::string kind)
    : m_zip(ZipReader::fromMemory(bytes, context.options.maxUnpackedBytes)), m_context(context),
      m_kind(std::move(kind))
{
}

bool OfficePackage::load(const std::string &part, pugi::xml_document &document)
{
    if (!m_zip)
        return false;
    const std::optional<std::string> bytes = m_zip->read(part);
    if (!bytes)
        return false;
    // parse_ws_pcdata: <w:t xml:space="preserve"> </w:t> is a space between words.
    const pugi::xml_parse_result parsed =
        document.load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!parsed) {
        m_badPart = part;
        return false;
    }
    return true;
}

Diagnostic OfficePackage::failure() const
{
    const std::string &name = m_context.name;
    if (m_zip && m_zip->error() == ZipReader::Error::TooLarge) {
        const std::string limit = std::to_string((m_context.options.maxUnpackedBytes + (1 << 20) - 1) >> 20);
        return parseFailure("document-unpacked-too-large",
                            "'" + name + "' unpacks to more than " + limit +
                                " MB; it is too large to read or is a zip bomb.",
                            {name, limit});
    }
    if (m_zip && m_zip->error() == ZipReader::Error::Encrypted)
        return parseFailure("document-encrypted",
                            "'" + name + "' is protected by a password; save it without one and add it again.",
                            {name});
    return damagedFailure(m_context, m_kind);
}

std::map<std::string, std::string> OfficePackage::relationships(const std::string &part)
{
    const std::size_t slash = part.rfind('/');
    const std::string folder = slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
    const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
    std::map<std::string, std::string> targets;
    pugi::xml_document rels;
    if (!load(folder + "_rels/" + file + ".rels", rels))
        return targets;
    forEachElement(rels, [&](const pugi::xml_node &node) {
        if (localName(node) != "Relationship")
            return true;
        std::string target = node.attribute("Target").value();
        if (!target.empty() && target.front() == '/') {
            target.erase(0, 1);  // from the package root
        } else {
            std::string base = folder;
            while (target.starts_with("../")) {
                target.erase(0, 3);
                const std::size_t up = base.size() > 1 ? base.rfind('/', base.size() - 2) : std::string::npos;
                base = up == std::string::npos ? std::string() : base.substr(0, up + 1);
            }
            target = base + target;
        }
        targets[node.attribute("Id").value()] = target;
        return false;
    });
    return targets;
}

std::vector<std::pair<pugi::xml_node, std::string>>
OfficePackage::linkedParts(const pugi::xml_document &xml, const std::string &part, std::string_view element)
{
    const std::map<std::string, std::string> targets = relationships(part);
    std::vector<std::pair<pugi::xml_node, std::string>> linked;
    forEachElement(xml, [&](const pugi::xml_node &node) {
        if (localName(node) != element)
            return true;
        if (const auto target = targets.find(relationshipId(node)); target != targets.end())
            linked.emplace_back(node, target->second);
        return false;
    });
    return linked;
}

std::string OfficePackage::coreTitle()
{
    pugi::xml_document core;
    if (!load("docProps/core.xml", core))
        return {};
    std::string title;
    forEachElement(core, [&](const pugi::xml_node &node) {
        if (title.empty() && localName(node) == "title")
            title = collapseWhitespace(node.text().get());
        return title.empty();
    });
    return title;
}

std::string_view localName(const pugi::xml_node &node)
{
    std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node &node, std::string_view name)
{
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && localName(c) == name)
            return c;
    return {};
}

pugi::xml_attribute attribute(const pugi::xml_node &node, std::string_view name)
{
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        std::string_view full = a.name();
        const std::size_t colon = full.find(':');
        if ((colon == std::string_view::npos ? full : full.substr(colon + 1)) == name)
            return a;
    }
    return {};
}

std::string relationshipId(const pugi::xml_node &node)
{
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view name = a.name();
        if (name.size() > 3 && name.ends_with(":id"))
            return a.value();
    }
    return {};
}

std::string runText(const pugi::xml_node &root, std::string_view textElement)
{
    std::string text;
    forEachElement(root, [&](const pugi::xml_node &node) {
        const std::string_view name = localName(node);
        if (name == textElement) {
            text += node.text().get();
            return false;
        }
        if (name == "tab")
            text += '\t';
        else if (name == "br" || name == "cr")
            text += '\n';
        // Deleted text, phonetic guides and field instructions are not what a reader sees.
        // Properties hold tab stops, not tabs.
        return name != "delText" && name != "rPh" && name != "instrText" && name != "pPr" && name != "rPr";
    });
    return text;
}

} // namespace flowdeck::engine::docparse
