// Dify's references ({{#node.var#}} in text, [node, var, ...] selectors, sys / env /
// conversation) rewritten as Flowdeck's {{node.output}} references (DESIGN.md §2).
#include "engine/import/difycontext.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace flowdeck::engine::dify {

namespace {

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

bool isName(const std::string &s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!isNameChar(c))
            return false;
    return true;
}

bool isIndex(const std::string &s)
{
    if (s.empty() || s.size() > 9)
        return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

std::vector<std::string> splitDots(const std::string &s)
{
    std::vector<std::string> parts;
    std::string cur;
    for (char c : s) {
        if (c == '.') {
            parts.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    parts.push_back(cur);
    return parts;
}

const nlohmann::json kNull;
const nlohmann::json kEmptyArray = nlohmann::json::array();

} // namespace

std::string identifier(const std::string &text, const std::string &fallback, std::size_t maxLength)
{
    std::string out;
    for (char c : text) {
        if (out.size() >= maxLength)
            break;
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_')
            out += c;
        else if (!out.empty() && out.back() != '_')
            out += '_';
    }
    while (!out.empty() && out.back() == '_' && out.size() > 1)
        out.pop_back();
    if (out.empty() || out == "_")
        return fallback;
    if (std::isdigit(static_cast<unsigned char>(out[0])))
        out = (fallback.empty() ? std::string("v") : fallback) + "_" + out;
    return out.substr(0, maxLength);
}

std::string scalarText(const nlohmann::json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_integer())
        return std::to_string(value.get<long long>());
    if (value.is_number_unsigned())
        return std::to_string(value.get<unsigned long long>());
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
            return std::to_string(static_cast<long long>(d));
        return value.dump();
    }
    if (value.is_boolean())
        return value.get<bool>() ? "true" : "false";
    return {};
}

bool numberOf(const nlohmann::json &value, double &out)
{
    if (value.is_number()) {
        out = value.get<double>();
        return std::isfinite(out);
    }
    if (!value.is_string())
        return false;
    const std::string &s = value.get_ref<const std::string &>();
    char *end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end != s.c_str() && *end == '\0' && std::isfinite(out);
}

std::string trimmed(const std::string &s)
{
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a])))
        ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1])))
        --b;
    return s.substr(a, b - a);
}

std::string lowercase(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool truthy(const nlohmann::json &value)
{
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_number())
        return value.get<double>() != 0;
    if (value.is_string())
        return value == "true" || value == "True" || value == "1" || value == "yes";
    return false;
}

const nlohmann::json &member(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return kNull;
    auto it = object.find(key);
    return it == object.end() ? kNull : *it;
}

const nlohmann::json &arrayOf(const nlohmann::json &object, const char *key)
{
    const nlohmann::json &v = member(object, key);
    return v.is_array() ? v : kEmptyArray;
}

void ImportContext::issue(ImportIssue::Kind kind, std::string where, std::string what, std::string why)
{
    for (const auto &i : out.issues)  // one line per thing: a reference used ten times is reported once
        if (i.kind == kind && i.where == where && i.what == what && i.why == why)
            return;
    out.issues.push_back({kind, std::move(where), std::move(what), std::move(why)});
}

std::string ImportContext::where(const DifyNode &node)
{
    const std::string id = node.id.empty() ? node.difyId : node.id;
    return "node " + id + (node.title.empty() ? "" : " (" + node.title + ")");
}

std::string ImportContext::addSecret(const std::string &wanted, const std::string &value, const std::string &from)
{
    std::string base = identifier(wanted, "SECRET");
    for (char &c : base)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const auto &s : out.secrets)
        if (s.value == value && s.name.rfind(base, 0) == 0)
            return s.name;  // the same key used twice is one secret
    std::string name = base;
    for (int n = 2;; ++n) {
        bool taken = false;
        for (const auto &s : out.secrets)
            taken = taken || s.name == name;
        if (!taken)
            break;
        name = base + "_" + std::to_string(n);
    }
    out.secrets.push_back({name, value, from});
    return name;
}

std::string ImportContext::uniqueId(const std::string &wanted, const std::string &fallback)
{
    std::string base = wanted;
    bool valid = !base.empty() && base.size() <= 40 && (std::isalpha(static_cast<unsigned char>(base[0])) || base[0] == '_');
    for (char c : base)
        valid = valid && isNameChar(c);
    if (!valid)
        base = fallback;
    std::string id = base;
    for (int n = 2; usedIds.count(id); ++n)
        id = base + "_" + std::to_string(n);
    usedIds.insert(id);
    return id;
}

std::string ImportContext::idOf(const std::string &difyId) const
{
    auto it = nodes.find(difyId);
    return it == nodes.end() ? std::string() : it->second.id;
}

std::string ImportContext::selector(const nlohmann::json &sel, const DifyNode &at, const std::string &field,
                                    bool secretAllowed)
{
    if (!sel.is_array() || sel.empty())
        return {};
    std::vector<std::string> parts;
    for (const auto &p : sel)
        parts.push_back(scalarText(p));
    std::string shown;
    for (const auto &p : parts)
        shown += (shown.empty() ? "" : ".") + p;
    const std::string here = where(at) + "/" + field;
    auto lost = [&](ImportIssue::Kind kind, const std::string &why) {
        issue(kind, here, shown, why);
        return std::string();
    };
    if (parts.size() < 2)
        return lost(ImportIssue::Kind::Unmapped, "This value points at nothing usable in the Dify file, so it was left empty.");
    // Older exports reach sys through the start node: [start, "sys.query"] or {{#start.sys.query#}}.
    if (auto start = nodes.find(parts[0]); start != nodes.end() && start->second.difyType == "start") {
        if (parts[1].rfind("sys.", 0) == 0) {
            parts.insert(parts.begin() + 2, parts[1].substr(4));
            parts[0] = "sys";
            parts.erase(parts.begin() + 1);
        } else if (parts[1] == "sys" && parts.size() > 2) {
            parts.erase(parts.begin());
        }
    }
    std::string ref;
    const std::string &root = parts[0];
    std::size_t restFrom = 2;
    if (root == "sys") {
        const std::string &name = parts[1];
        if (name == "query" || name == "conversation_id") {
            if (!chat())
                return lost(ImportIssue::Kind::Unmapped,
                            "sys." + name + " exists only in chat apps; this workflow has no chat message, so the value was left empty.");
            ref = "sys." + name;
        } else if (name == "user_id") {
            ref = "sys.user";
        } else if (name == "files") {
            return lost(ImportIssue::Kind::Unmapped,
                        "Flowdeck has no files attached to a chat message; add a file input to the start node and use it here.");
        } else {
            return lost(ImportIssue::Kind::Unmapped, "Flowdeck has no sys." + name + "; the value was left empty.");
        }
    } else if (root == "env") {
        const std::string &name = parts[1];
        if (auto s = secretEnv.find(name); s != secretEnv.end()) {
            if (!secretAllowed)
                return lost(ImportIssue::Kind::Todo,
                            "The secret " + name + " is used here, but Flowdeck lets secrets only into HTTP headers and "
                            "plugin settings, so it never reaches a model or a log. Move it into a header.");
            ref = "secret." + s->second;
        } else if (envNames.count(name)) {
            ref = "env." + name;
        } else {
            return lost(ImportIssue::Kind::Unmapped, "The file declares no environment variable " + name + ".");
        }
    } else if (root == "conversation") {
        if (!conversationNames.count(parts[1]))
            return lost(ImportIssue::Kind::Unmapped, "The file declares no conversation variable " + parts[1] + ".");
        ref = "conversation." + parts[1];
    } else {
        auto it = nodes.find(root);
        if (it == nodes.end())
            return lost(ImportIssue::Kind::Unmapped, "It refers to a node that is not in the file; the value was left empty.");
        const DifyNode &target = it->second;
        if (target.id.empty())
            return lost(ImportIssue::Kind::Unmapped, "It refers to a node that was not carried over; the value was left empty.");
        std::string name = parts[1];
        if (auto o = target.outputs.find(name); o != target.outputs.end()) {
            if (o->second.empty())
                return lost(ImportIssue::Kind::Unmapped, "Flowdeck's " + target.difyType + " node has no output like Dify's '" +
                                                             name + "'; the value was left empty.");
            name = o->second;
        }
        if (!isName(splitDots(name).front()))
            return lost(ImportIssue::Kind::Unmapped, "The output name cannot be written as a Flowdeck reference.");
        ref = target.id + "." + name;
    }
    for (std::size_t i = restFrom; i < parts.size(); ++i) {
        if (isIndex(parts[i]))
            ref += "[" + parts[i] + "]";
        else if (isName(parts[i]))
            ref += "." + parts[i];
        else
            return lost(ImportIssue::Kind::Unmapped, "The path '" + parts[i] + "' cannot be written as a Flowdeck reference.");
    }
    return "{{" + ref + "}}";
}

std::string ImportContext::text(const nlohmann::json &value, const DifyNode &at, const std::string &field,
                                bool secretAllowed, const std::map<std::string, std::string> *special)
{
    if (value.is_string())
        return text(value.get<std::string>(), at, field, secretAllowed, special);
    return scalarText(value);
}

std::string ImportContext::text(const std::string &difyText, const DifyNode &at, const std::string &field,
                                bool secretAllowed, const std::map<std::string, std::string> *special)
{
    std::string result;
    bool escaped = false;
    std::size_t i = 0;
    while (i < difyText.size()) {
        const std::size_t open = difyText.find("{{", i);
        if (open == std::string::npos) {
            result.append(difyText, i, std::string::npos);
            break;
        }
        result.append(difyText, i, open - i);
        const std::size_t close = open + 2 < difyText.size() && difyText[open + 2] == '#'
                                      ? difyText.find("#}}", open + 3)
                                      : std::string::npos;
        const std::string inner = close == std::string::npos ? std::string() : difyText.substr(open + 3, close - open - 3);
        bool wellFormed = !inner.empty() && inner.size() <= 300 && inner.find('\n') == std::string::npos &&
                          inner.find("{{") == std::string::npos;
        if (!wellFormed) {
            // Literal braces: Flowdeck would read "{{" as a reference, so they are kept apart.
            result += "{ {";
            escaped = true;
            i = open + 2;
            continue;
        }
        if (special) {
            if (auto s = special->find(inner); s != special->end()) {
                result += s->second;
                i = close + 3;
                continue;
            }
        }
        nlohmann::json sel = nlohmann::json::array();
        for (const auto &p : splitDots(inner))
            sel.push_back(p);
        result += selector(sel, at, field, secretAllowed);
        i = close + 3;
    }
    if (escaped)
        issue(ImportIssue::Kind::Changed, where(at) + "/" + field, "{{",
              "The text has double braces that are not a Dify reference; Flowdeck would read them as one, so they "
              "are written \"{ {\".");
    return result;
}

} // namespace flowdeck::engine::dify
