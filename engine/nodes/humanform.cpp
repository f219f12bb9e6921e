#include "engine/nodes/humanform.h"

#include "engine/core/jsonaccess.h"
#include "engine/nodes/comparison.h"

namespace flowdeck::engine {

std::string checkHumanResponse(const nlohmann::json &form, HumanResponse &response)
{
    if (response.action == "timeout")
        return {};
    bool known = false;
    for (const auto &a : valueOr<nlohmann::json>(form, "actions", nlohmann::json::array()))
        known = known || valueOr(a, "id", "") == response.action;
    if (!known)
        return "The form has no action '" + response.action + "'.";
    if (!response.values.is_object())
        return "The form's values must be an object of field names and values.";
    nlohmann::json typed = nlohmann::json::object();
    for (const auto &f : valueOr<nlohmann::json>(form, "fields", nlohmann::json::array())) {
        const std::string name = valueOr(f, "name", "");
        const std::string type = valueOr(f, "type", "text");
        const std::string label = valueOr(f, "label", name);
        nlohmann::json value = response.values.contains(name) ? response.values[name]
                                                              : valueOr<nlohmann::json>(f, "default", nullptr);
        if (isEmptyValue(value)) {
            if (valueOr(f, "required", false))
                return "The field '" + label + "' is required.";
            typed[name] = type == "number" || type == "boolean" ? nlohmann::json() : nlohmann::json("");
            continue;
        }
        if (type == "number") {
            double d;
            if (!comparableNumber(value, d) || value.is_boolean())
                return "The field '" + label + "' needs a number.";
            value = d;
        } else if (type == "boolean") {
            if (value.is_string())
                value = value == "true" || value == "1" || value == "yes";
            if (!value.is_boolean())
                return "The field '" + label + "' needs yes or no.";
        } else {
            value = comparableText(value);
            if (type == "select") {
                const auto options = valueOr<nlohmann::json>(f, "options", nlohmann::json::array());
                if (std::find(options.begin(), options.end(), value) == options.end())
                    return "The field '" + label + "' must be one of its options.";
            }
        }
        typed[name] = std::move(value);
    }
    response.values = std::move(typed);
    return {};
}

} // namespace flowdeck::engine
