#pragma once

#include "engine/workflow/reference.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace flowdeck::engine {

// The list node's operations (DESIGN.md §3) on a JSON array, in the order the node applies
// them: filter, unique, sort, first/last N. Items are any JSON values; a field is a dotted
// path into an item ("customer.name", "tags[0]"; empty: the item itself). Keys may hold
// spaces or any script, as table columns do ("Order ID", "金额").
namespace listops {

using FieldPath = std::vector<PathStep>;

// The path, or nullopt with `error` when it is malformed ("a..b", "a[x]").
std::optional<FieldPath> parseField(const std::string &field, std::string *error = nullptr);
// The value at the path, or nullptr when the item has none.
const nlohmann::json *fieldOf(const nlohmann::json &item, const FieldPath &path);

struct Condition {
    std::string field;  // as written, for messages
    FieldPath path;
    std::string op;     // eq ne contains not_contains starts_with ends_with in not_in empty not_empty gt ge lt le regex
    nlohmann::json value;
};

// Keeps the items for which all (`any` false) or any of the conditions hold; the
// comparisons are the condition node's (engine/nodes/comparison.h), plus in / not_in
// (the value is a list, or text with commas). Returns a
// sentence when a condition cannot be applied (a bad pattern, a comparison with a value
// that is not a number); `skipped` counts items left out because their field was not a
// number for a numeric comparison.
std::string filter(nlohmann::json &items, const std::vector<Condition> &conditions, bool any, std::size_t &skipped);
// The first item of each distinct value of the field (or of each distinct item), in order.
void unique(nlohmann::json &items, const FieldPath &path);
// Stable: numbers (and text that reads as a number) numerically, other text by code point,
// then true/false, then anything else; items without the field last in both orders.
void sort(nlohmann::json &items, const FieldPath &path, bool descending);
// The first or last `count` items.
void limit(nlohmann::json &items, bool last, std::size_t count);

// Whether `op` compares numbers (gt, ge, lt, le).
bool isNumericOp(const std::string &op);

} // namespace listops

} // namespace flowdeck::engine
