#include "engine/nodes/comparison.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"
#include "engine/nodes/nodecontext.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>

namespace flowdeck::engine {

std::string comparableText(const nlohmann::json &v)
{
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_null())
        return {};
    return safeDump(v);
}

bool comparableNumber(const nlohmann::json &v, double &out)
{
    if (v.is_number()) {
        out = v.get<double>();
        return true;
    }
    if (!v.is_string())
        return false;
    const std::string &s = v.get_ref<const std::string &>();
    char *end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end != s.c_str() && *end == '\0';
}

bool isEmptyValue(const nlohmann::json &v)
{
    return v.is_null() || (v.is_string() && v.get_ref<const std::string &>().empty()) ||
           ((v.is_array() || v.is_object()) && v.empty());
}

// Evaluates one comparison; `error` is set when the operands do not fit the operator.
bool compareValues(const std::string &op, const nlohmann::json &left, const nlohmann::json &right, std::string &error)
{
    if (op == "empty")
        return isEmptyValue(left);
    if (op == "not_empty")
        return !isEmptyValue(left);
    if (op == "eq" || op == "ne") {
        double a, b;
        bool same = (comparableNumber(left, a) && comparableNumber(right, b)) ? a == b : comparableText(left) == comparableText(right);
        return op == "eq" ? same : !same;
    }
    const std::string l = comparableText(left), r = comparableText(right);
    if (op == "contains" || op == "not_contains") {
        bool has = left.is_array() ? std::find(left.begin(), left.end(), right) != left.end() ||
                                         std::any_of(left.begin(), left.end(), [&](auto &e) { return comparableText(e) == r; })
                                   : l.find(r) != std::string::npos;
        return op == "contains" ? has : !has;
    }
    if (op == "starts_with")
        return l.rfind(r, 0) == 0;
    if (op == "ends_with")
        return l.size() >= r.size() && l.compare(l.size() - r.size(), r.size(), r) == 0;
    if (op == "regex") {
        RE2 re(r, RE2::Quiet);
        if (!re.ok()) {
            error = "The pattern \"" + r + "\" is not a valid regular expression: " + re.error();
            return false;
        }
        return RE2::PartialMatch(l, re);
    }
    double a, b;
    if (!comparableNumber(left, a) || !comparableNumber(right, b)) {
        error = "The comparison '" + op + "' needs numbers, but got \"" + l + "\" and \"" + r + "\".";
        return false;
    }
    if (op == "gt") return a > b;
    if (op == "ge") return a >= b;
    if (op == "lt") return a < b;
    if (op == "le") return a <= b;
    error = "Unknown comparison '" + op + "'.";
    return false;
}


bool conditionsHold(const nlohmann::json &group, NodeContext &ctx, std::string &error)
{
    return conditionsHold(group, [&](const nlohmann::json &v) { return ctx.renderValue(v); }, error);
}

bool conditionsHold(const nlohmann::json &group, const std::function<nlohmann::json(const nlohmann::json &)> &render,
                    std::string &error)
{
    const bool any = valueOr(group, "logic", "and") == "or";
    bool result = !any;
    for (const auto &cond : valueOr<nlohmann::json>(group, "conditions", nlohmann::json::array())) {
        const bool holds = compareValues(valueOr(cond, "op", ""), render(valueOr<nlohmann::json>(cond, "left", "")),
                                         render(valueOr<nlohmann::json>(cond, "right", "")), error);
        if (!error.empty())
            return false;
        result = any ? (result || holds) : (result && holds);
    }
    return result;
}

} // namespace flowdeck::engine
