#include "engine/workflow/reference.h"

#include <cctype>
#include <functional>

namespace flowdeck::engine {

namespace {

bool isIdentChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

} // namespace

bool ParsedTemplate::hasReferences() const
{
    for (const auto &s : segments)
        if (s.isReference)
            return true;
    return false;
}

std::optional<Reference> parseReference(std::string_view inner, std::string *error)
{
    auto fail = [&](std::string why) -> std::optional<Reference> {
        if (error)
            *error = std::move(why);
        return std::nullopt;
    };
    std::string_view text = trim(inner);
    if (text.empty())
        return fail("The reference {{ }} is empty; write it as {{node_id.output}}.");

    Reference ref;
    ref.text = std::string(text);
    std::size_t i = 0;
    auto readName = [&]() {
        std::size_t start = i;
        while (i < text.size() && isIdentChar(text[i]))
            ++i;
        return std::string(text.substr(start, i - start));
    };
    ref.root = readName();
    if (ref.root.empty())
        return fail("The reference {{" + ref.text + "}} must start with a node id, sys, env or secret.");
    while (i < text.size()) {
        char c = text[i];
        if (c == '.') {
            ++i;
            std::string key = readName();
            if (key.empty())
                return fail("The reference {{" + ref.text + "}} has an empty name after a dot.");
            ref.path.push_back({key});
        } else if (c == '[') {
            ++i;
            std::size_t start = i;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
                ++i;
            if (i == start || i >= text.size() || text[i] != ']')
                return fail("The reference {{" + ref.text + "}} has an index that is not a whole number in [ ].");
            if (i - start > 9)
                return fail("The reference {{" + ref.text + "}} has an index too large to be a list position.");
            ref.path.push_back({static_cast<std::size_t>(std::stoul(std::string(text.substr(start, i - start))))});
            ++i;
        } else {
            return fail("The reference {{" + ref.text + "}} contains '" + std::string(1, c) +
                        "'; only names, dots and [index] are allowed.");
        }
    }
    if (ref.root == "sys")
        ref.kind = Reference::Kind::Sys;
    else if (ref.root == "env")
        ref.kind = Reference::Kind::Env;
    else if (ref.root == "secret")
        ref.kind = Reference::Kind::Secret;
    else if (ref.root == "conversation")
        ref.kind = Reference::Kind::Conversation;
    if (ref.kind != Reference::Kind::Node && (ref.path.empty() || ref.path[0].isIndex()))
        return fail("The reference {{" + ref.text + "}} needs a name, e.g. {{" + ref.root + ".NAME}}.");
    if (ref.kind == Reference::Kind::Node && (ref.path.empty() || ref.path[0].isIndex()))
        return fail("The reference {{" + ref.text + "}} needs an output name, e.g. {{" + ref.root + ".text}}.");
    return ref;
}

ParsedTemplate parseTemplate(std::string_view text)
{
    ParsedTemplate out;
    std::string literal;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t open = text.find("{{", i);
        if (open == std::string_view::npos) {
            literal.append(text.substr(i));
            break;
        }
        literal.append(text.substr(i, open - i));
        std::size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos) {
            Diagnostic d;
            d.code = "unclosed-reference";
            d.message = "A reference opened with {{ is never closed with }}.";
            out.problems.push_back(d);
            literal.append(text.substr(open));
            break;
        }
        std::string error;
        auto ref = parseReference(text.substr(open + 2, close - open - 2), &error);
        if (!ref) {
            Diagnostic d;
            d.code = "malformed-reference";
            d.message = error;
            out.problems.push_back(d);
            literal.append(text.substr(open, close + 2 - open));
        } else {
            if (!literal.empty())
                out.segments.push_back({false, std::move(literal), {}});
            literal.clear();
            out.segments.push_back({true, {}, std::move(*ref)});
        }
        i = close + 2;
    }
    if (!literal.empty())
        out.segments.push_back({false, std::move(literal), {}});
    return out;
}

const nlohmann::json *followPath(const nlohmann::json &value, const std::vector<PathStep> &path,
                                 std::size_t from)
{
    const nlohmann::json *cur = &value;
    for (std::size_t i = from; i < path.size(); ++i) {
        const auto &step = path[i];
        if (step.isIndex()) {
            if (!cur->is_array() || step.index() >= cur->size())
                return nullptr;
            cur = &(*cur)[step.index()];
        } else {
            if (!cur->is_object())
                return nullptr;
            auto it = cur->find(step.key());
            if (it == cur->end())
                return nullptr;
            cur = &*it;
        }
    }
    return cur;
}

void forEachString(const nlohmann::json &value, const std::string &field,
                   const std::function<void(const std::string &, const std::string &)> &fn)
{
    if (value.is_string()) {
        fn(field, value.get_ref<const std::string &>());
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            forEachString(it.value(), field.empty() ? it.key() : field + "." + it.key(), fn);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            forEachString(value[i], field + "[" + std::to_string(i) + "]", fn);
    }
}

} // namespace flowdeck::engine
