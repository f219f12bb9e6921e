#pragma once

#include "engine/core/diagnostic.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace flowdeck::engine {

// One step of a reference's path: a key (".title") or an index ("[0]").
struct PathStep {
    std::variant<std::string, std::size_t> step;
    bool isIndex() const { return step.index() == 1; }
    const std::string &key() const { return std::get<0>(step); }
    std::size_t index() const { return std::get<1>(step); }
};

// {{root.first.rest[0]}}: root is a node id or one of sys, env, secret, conversation.
struct Reference {
    enum class Kind { Node, Sys, Env, Secret, Conversation };
    Kind kind = Kind::Node;
    std::string root;             // node id, or "sys" / "env" / "secret"
    std::vector<PathStep> path;   // for a node: path[0] is the output name
    std::string text;             // the reference as written, without braces

    std::string firstKey() const { return path.empty() || path[0].isIndex() ? std::string() : path[0].key(); }
};

// A text split into literal pieces and references.
struct TemplateSegment {
    bool isReference = false;
    std::string literal;
    Reference reference;
};

struct ParsedTemplate {
    std::vector<TemplateSegment> segments;
    Diagnostics problems;  // field is left empty: the caller knows it

    bool hasReferences() const;
};

// Parses "Hi {{start.name}}, see {{search.results[0].title}}". Malformed references
// ("{{ }}", "{{a..b}}", "{{a[x]}}", an unclosed "{{") are reported, never thrown.
ParsedTemplate parseTemplate(std::string_view text);
std::optional<Reference> parseReference(std::string_view inner, std::string *error = nullptr);

// Follows path steps (from `from`) through a JSON value; nullptr when absent.
const nlohmann::json *followPath(const nlohmann::json &value, const std::vector<PathStep> &path,
                                 std::size_t from = 0);

// Every string inside a config value, with its JSON-pointer-like field name.
void forEachString(const nlohmann::json &value, const std::string &field,
                   const std::function<void(const std::string &field, const std::string &text)> &fn);

} // namespace flowdeck::engine
