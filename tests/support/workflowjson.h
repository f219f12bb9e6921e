#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::tests {

// A node of a workflow document, as tests write one (RunHarness::workflow reads it):
// inside container `parent` when one is given.
inline nlohmann::json node(const std::string &id, const std::string &type, nlohmann::json config = nlohmann::json::object(),
                           const std::string &parent = {})
{
    nlohmann::json n = {{"id", id}, {"type", type}, {"config", std::move(config)}};
    if (!parent.empty())
        n["parent"] = parent;
    return n;
}

// An edge of a workflow document, from `port` of `from` (its default port when empty).
inline nlohmann::json edge(const std::string &from, const std::string &to, const std::string &port = {})
{
    nlohmann::json e = {{"from", from}, {"to", to}};
    if (!port.empty())
        e["fromPort"] = port;
    return e;
}

} // namespace flowdeck::tests
