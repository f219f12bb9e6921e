#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace flowdeck::studio {

struct NodeEditorContext;

// Sets a config field that decides a node's ports (a human node's buttons, its time
// limit) in one undo step with what that does to the connections: `ports` maps an old
// port id to its new id (a renamed button: its connections follow) or to "" (a removed
// one: its connections go).
void setConfigWithPorts(const NodeEditorContext &context, const QString &text, const std::string &pointer,
                        nlohmann::json value, const std::map<std::string, std::string> &ports);

} // namespace flowdeck::studio
