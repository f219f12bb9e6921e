#include "engine/mcp/schemadefaults.h"
#include "engine/core/jsonaccess.h"

namespace flowdeck::engine {

namespace {

const nlohmann::json &properties(const nlohmann::json &schema)
{
    static const nlohmann::json none = nlohmann::json::object();
    if (schema.is_object() && schema.contains("properties") && schema["properties"].is_object())
        return schema["properties"];
    return none;
}

nlohmann::json exampleValue(const nlohmann::json &property)
{
    if (!property.is_object())
        return "example";
    if (property.contains("default"))
        return property["default"];
    if (property.contains("const"))
        return property["const"];
    if (property.contains("enum") && property["enum"].is_array() && !property["enum"].empty())
        return property["enum"][0];
    nlohmann::json type = engine::valueOr(property, "type", nlohmann::json("string"));
    if (type.is_array())  // ["string", "null"]: the first that is not null
        for (const auto &t : type)
            if (t != "null") {
                type = t;
                break;
            }
    if (type == "integer")
        return property.contains("minimum") && property["minimum"].is_number() ? property["minimum"] : nlohmann::json(1);
    if (type == "number")
        return property.contains("minimum") && property["minimum"].is_number() ? property["minimum"] : nlohmann::json(1);
    if (type == "boolean")
        return true;
    if (type == "array")
        return nlohmann::json::array();
    if (type == "object")
        return exampleArguments(property);
    if (type == "null")
        return nullptr;
    return "example";
}

} // namespace

nlohmann::json elicitationDefaults(const nlohmann::json &requestedSchema)
{
    nlohmann::json content = nlohmann::json::object();
    for (const auto &[name, property] : properties(requestedSchema).items())
        if (property.is_object() && property.contains("default"))
            content[name] = property["default"];
    return content;
}

nlohmann::json exampleArguments(const nlohmann::json &inputSchema)
{
    nlohmann::json args = nlohmann::json::object();
    const nlohmann::json required = inputSchema.is_object() ? engine::valueOr(inputSchema, "required", nlohmann::json::array())
                                                            : nlohmann::json::array();
    for (const auto &[name, property] : properties(inputSchema).items()) {
        const bool isRequired = required.is_array() && std::find(required.begin(), required.end(), name) != required.end();
        if (isRequired || (property.is_object() && property.contains("default")))
            args[name] = exampleValue(property);
    }
    return args;
}

} // namespace flowdeck::engine
