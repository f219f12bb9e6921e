#include "engine/nodes/nodecontext.h"
#include "engine/core/jsonread.h"
#include "engine/nodes/noderegistry.h"

#include <cstdlib>

namespace flowdeck::engine {

namespace {

// Command lines and forms give text; the input's declared type decides the JSON value.
NodeResult coerceInputs(const Workflow &wf, const nlohmann::json &given)
{
    nlohmann::json out = nlohmann::json::object();
    for (const InputSpec &in : wf.inputs) {
        nlohmann::json value = given.contains(in.name) ? given[in.name] : in.defaultValue;
        auto bad = [&](const std::string &why) {
            return NodeResult::failure(ErrorKind::InvalidInput, "The input '" + in.name + "' " + why);
        };
        if (value.is_null() || (value.is_string() && value.get<std::string>().empty())) {
            if (in.required)
                return bad("is required but was not given.");
            out[in.name] = in.type == "number" || in.type == "boolean" || in.type == "json" ? nlohmann::json()
                                                                                                : nlohmann::json("");
            continue;
        }
        if (in.type == "number" && value.is_string()) {
            const std::string &s = value.get_ref<const std::string &>();
            char *end = nullptr;
            double d = std::strtod(s.c_str(), &end);
            if (end == s.c_str() || *end != '\0')
                return bad("must be a number, but got \"" + s + "\".");
            value = d == static_cast<double>(static_cast<long long>(d)) ? nlohmann::json(static_cast<long long>(d))
                                                                        : nlohmann::json(d);
        } else if (in.type == "number" && !value.is_number()) {
            return bad("must be a number.");
        } else if (in.type == "boolean" && value.is_string()) {
            const std::string &s = value.get_ref<const std::string &>();
            if (s == "true" || s == "yes" || s == "1")
                value = true;
            else if (s == "false" || s == "no" || s == "0")
                value = false;
            else
                return bad("must be true or false, but got \"" + s + "\".");
        } else if (in.type == "json" && value.is_string()) {
            auto parsed = engine::parseJson(value.get<std::string>());
            if (parsed.is_discarded())
                return bad("must be JSON, but the text given is not valid JSON.");
            value = std::move(parsed);
        } else if (in.type == "select") {
            bool allowed = !in.options.is_array() || in.options.empty();
            for (const auto &o : in.options)
                allowed = allowed || o == value;
            if (!allowed)
                return bad("must be one of " + safeDump(in.options) + ", but got " + safeDump(value) + ".");
        }
        out[in.name] = std::move(value);
    }
    return NodeResult::success(std::move(out));
}

} // namespace

NodeDescriptor startNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "start";
    d.title = "Start";
    d.titleZh = "开始";
    d.description = "Where the run begins; declares the inputs the user gives.";
    d.descriptionZh = "运行的起点，声明用户提供的输入。";
    d.icon = "start";
    d.category = "basic";
    d.configSchema = {{"type", "object"}, {"additionalProperties", false}, {"properties", nlohmann::json::object()}};
    d.outputsFor = [](const NodeSpec &, const Workflow &wf) {
        std::vector<OutputSpec> outs;
        for (const auto &in : wf.inputs)
            outs.push_back({in.name, in.type == "number" ? "number" : in.type == "boolean" ? "boolean" : "string",
                            in.label});
        return outs;
    };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        done(coerceInputs(ctx->workflow(), ctx->runInputs()));
    };
    return d;
}

} // namespace flowdeck::engine
