#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace flowdeck::engine {

class NodeContext;

// The comparisons of condition, loop and list nodes: eq, ne, contains, not_contains,
// starts_with, ends_with, empty, not_empty, gt, ge, lt, le, regex. Numbers compare as
// numbers when both sides read as one. `error` is set when the operands do not fit.
bool compareValues(const std::string &op, const nlohmann::json &left, const nlohmann::json &right, std::string &error);
// A value as text ("" for null, JSON for objects), and as a number when it reads as one.
std::string comparableText(const nlohmann::json &value);
bool comparableNumber(const nlohmann::json &value, double &out);
bool isEmptyValue(const nlohmann::json &value);

// {logic: and|or, conditions: [{left, op, right}]}, each side rendered in `ctx`.
bool conditionsHold(const nlohmann::json &group, NodeContext &ctx, std::string &error);
bool conditionsHold(const nlohmann::json &group, const std::function<nlohmann::json(const nlohmann::json &)> &render,
                    std::string &error);

} // namespace flowdeck::engine
