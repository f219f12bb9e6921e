#include "engine/nodes/listoperations.h"

#include "engine/core/diagnostic.h"
#include "engine/nodes/comparison.h"

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <unordered_set>

namespace flowdeck::engine::listops {

namespace {

// Equal as the condition node's "eq" has it: as numbers when both read as one, else as text.
bool same(const nlohmann::json &a, const nlohmann::json &b)
{
    std::string unused;
    return compareValues("eq", a, b, unused);
}

// The choices of "in": a list, or text separated by commas ("a, b, c").
std::vector<nlohmann::json> choicesOf(const nlohmann::json &value)
{
    if (value.is_array())
        return {value.begin(), value.end()};
    std::vector<nlohmann::json> out;
    const std::string text = comparableText(value);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos)
            comma = text.size();
        std::string part = text.substr(start, comma - start);
        part.erase(0, part.find_first_not_of(' '));
        part.erase(part.find_last_not_of(' ') + 1);
        if (!part.empty())
            out.emplace_back(part);
        start = comma + 1;
    }
    return out;
}

// One condition, prepared once for all items.
struct Check {
    const Condition *condition;
    std::unique_ptr<RE2> regex;
    double number = 0;  // what gt, ge, lt, le compare with
    std::vector<nlohmann::json> choices;
};

// Whether the item passes; `numeric` false when a numeric comparison met a field that is no number.
bool holds(const Check &check, const nlohmann::json &item, bool &numeric)
{
    const Condition &c = *check.condition;
    const nlohmann::json *field = fieldOf(item, c.path);
    static const nlohmann::json kAbsent;
    const nlohmann::json &value = field ? *field : kAbsent;
    if (c.op == "in" || c.op == "not_in") {
        const bool found =
            std::any_of(check.choices.begin(), check.choices.end(), [&](const nlohmann::json &e) { return same(value, e); });
        return c.op == "in" ? found : !found;
    }
    if ((c.op == "contains" || c.op == "not_contains") && value.is_object())
        return value.contains(comparableText(c.value)) == (c.op == "contains");  // an object's keys
    // The pattern is compiled once for the list, not once per item.
    if (c.op == "regex")
        return RE2::PartialMatch(comparableText(value), *check.regex);
    if (isNumericOp(c.op)) {
        double x;
        if (!comparableNumber(value, x)) {
            numeric = false;  // an item without a number is left out rather than failing the whole list
            return false;
        }
        return c.op == "gt" ? x > check.number : c.op == "ge" ? x >= check.number : c.op == "lt" ? x < check.number
                                                                                               : x <= check.number;
    }
    std::string error;
    return compareValues(c.op, value, c.value, error);
}

// Sort order classes: numbers, text, booleans, anything else; absent last.
int rankOf(const nlohmann::json *v, double &number)
{
    if (!v || v->is_null())
        return 4;
    if (comparableNumber(*v, number))
        return 0;
    if (v->is_string())
        return 1;
    return v->is_boolean() ? 2 : 3;
}

// A key for unique(): 1 and 1.0 are one value; "1" (text) is another.
std::string uniqueKey(const nlohmann::json *v)
{
    if (!v || v->is_null())
        return "null";
    if (v->is_string())
        return "\"" + v->get<std::string>();
    if (v->is_number())
        return nlohmann::json(v->get<double>()).dump();
    return safeDump(*v);
}

} // namespace

bool isNumericOp(const std::string &op) { return op == "gt" || op == "ge" || op == "lt" || op == "le"; }

std::optional<FieldPath> parseField(const std::string &field, std::string *error)
{
    FieldPath path;
    std::size_t i = 0;
    auto fail = [&](const std::string &why) -> std::optional<FieldPath> {
        if (error)
            *error = "The field \"" + field + "\" " + why;
        return std::nullopt;
    };
    while (i < field.size()) {
        const std::size_t end = field.find_first_of(".[", i);
        std::string key = field.substr(i, end == std::string::npos ? std::string::npos : end - i);
        if (key.empty() && !(i == 0 && end != std::string::npos && field[end] == '['))
            return fail("has an empty name; write it as name.inner or name[0].");
        if (!key.empty())
            path.push_back({key});
        i = end == std::string::npos ? field.size() : end;
        while (i < field.size() && field[i] == '[') {
            const std::size_t close = field.find(']', i);
            const std::string digits = field.substr(i + 1, close == std::string::npos ? 0 : close - i - 1);
            if (digits.empty() || digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), ::isdigit))
                return fail("has an index that is not a whole number in [ ].");
            path.push_back({static_cast<std::size_t>(std::stoul(digits))});
            i = close + 1;
        }
        if (i < field.size()) {
            if (field[i] != '.' || i + 1 == field.size())
                return fail("has an empty name; write it as name.inner or name[0].");
            ++i;
        }
    }
    return path;
}

const nlohmann::json *fieldOf(const nlohmann::json &item, const FieldPath &path)
{
    return path.empty() ? &item : followPath(item, path);
}

std::string filter(nlohmann::json &items, const std::vector<Condition> &conditions, bool any, std::size_t &skipped)
{
    std::vector<Check> checks;
    for (const Condition &c : conditions) {
        Check check{&c, nullptr, 0, {}};
        if (c.op == "regex") {
            check.regex = std::make_unique<RE2>(comparableText(c.value), RE2::Quiet);
            if (!check.regex->ok())
                return "The pattern \"" + comparableText(c.value) + "\" is not a valid regular expression: " + check.regex->error();
        } else if (isNumericOp(c.op) && !comparableNumber(c.value, check.number)) {
            return "The comparison '" + c.op + "' on \"" + c.field + "\" needs a number to compare with, but got \"" +
                   comparableText(c.value) + "\".";
        } else if (c.op == "in" || c.op == "not_in") {
            check.choices = choicesOf(c.value);
        }
        checks.push_back(std::move(check));
    }
    nlohmann::json kept = nlohmann::json::array();
    for (auto &item : items) {
        bool numeric = true;
        bool pass = !any;
        for (const Check &check : checks) {
            const bool h = holds(check, item, numeric);
            pass = any ? (pass || h) : (pass && h);
        }
        if (!numeric && !pass)
            ++skipped;
        if (pass)
            kept.push_back(std::move(item));
    }
    items = std::move(kept);
    return {};
}

void unique(nlohmann::json &items, const FieldPath &path)
{
    std::unordered_set<std::string> seen;
    nlohmann::json kept = nlohmann::json::array();
    for (auto &item : items)
        if (seen.insert(uniqueKey(fieldOf(item, path))).second)
            kept.push_back(std::move(item));
    items = std::move(kept);
}

void sort(nlohmann::json &items, const FieldPath &path, bool descending)
{
    // Each item's sort key is worked out once, not in every comparison.
    struct Key {
        int rank;
        double number = 0;
        std::string text;  // text, or the JSON of anything else
        std::size_t index;
    };
    std::vector<Key> keys;
    keys.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const nlohmann::json *v = fieldOf(items[i], path);
        Key key{0, 0, {}, i};
        key.rank = rankOf(v, key.number);
        if (key.rank == 1)
            key.text = v->get<std::string>();
        else if (key.rank == 2)
            key.number = v->get<bool>() ? 1 : 0;
        else if (key.rank == 3)
            key.text = safeDump(*v);
        keys.push_back(std::move(key));
    }
    std::stable_sort(keys.begin(), keys.end(), [descending](const Key &x, const Key &y) {
        if (x.rank == 4 || y.rank == 4)
            return x.rank < y.rank;  // absent last, whatever the order
        if (x.rank != y.rank)
            return descending ? x.rank > y.rank : x.rank < y.rank;
        // Text compares by UTF-8 bytes, which is code point order.
        const int order = x.rank == 0 || x.rank == 2 ? (x.number < y.number ? -1 : x.number > y.number ? 1 : 0)
                                                     : x.text.compare(y.text);
        return descending ? order > 0 : order < 0;
    });
    nlohmann::json sorted = nlohmann::json::array();
    sorted.get_ref<nlohmann::json::array_t &>().reserve(keys.size());
    for (const Key &key : keys)
        sorted.push_back(std::move(items[key.index]));
    items = std::move(sorted);
}

void limit(nlohmann::json &items, bool last, std::size_t count)
{
    if (items.size() <= count)
        return;
    nlohmann::json kept = nlohmann::json::array();
    const std::size_t from = last ? items.size() - count : 0;
    for (std::size_t i = from; i < from + count; ++i)
        kept.push_back(std::move(items[i]));
    items = std::move(kept);
}

} // namespace flowdeck::engine::listops
