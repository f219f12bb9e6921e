#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::studio {

// A node config field's title (the "title" of its JSON Schema property, written in
// English by the engine) in the studio's language.
QString fieldTitle(const std::string &englishTitle);

// An MCP tool's title and description (tools/list) in the studio's language: Flowdeck's
// own plugins' tools are translated; other servers' are shown as the server writes them.
QString toolTitle(const nlohmann::json &tool);
QString toolDescription(const nlohmann::json &tool);

} // namespace flowdeck::studio
