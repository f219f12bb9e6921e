#include "engine/core/jsonschema.h"

// valijson aborts the process on what it cannot handle (a schema it cannot parse, a
// "format" on a value that is not a string) unless told to throw; schemas come from MCP
// servers and files, so it throws here and the throws become errors.
#define VALIJSON_USE_EXCEPTIONS 1

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>

namespace flowdeck::engine {

struct JsonSchema::Compiled {
    valijson::Schema schema;
};

JsonSchema::~JsonSchema() = default;

std::shared_ptr<const JsonSchema> JsonSchema::compile(const nlohmann::json &schema, std::string *error)
{
    std::shared_ptr<JsonSchema> out(new JsonSchema);
    out->m_source = schema;
    out->m_compiled = std::make_unique<Compiled>();
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        valijson::adapters::NlohmannJsonAdapter adapter(out->m_source);
        parser.populateSchema(adapter, out->m_compiled->schema);
    } catch (const std::exception &e) {
        if (error)
            *error = e.what();
        return nullptr;
    }
    return out;
}

namespace {

// valijson contexts look like {"<root>", "[nodes]", "[2]", "[config]"}.
std::string pathFromContext(const std::vector<std::string> &context)
{
    std::string path;
    for (const auto &part : context) {
        if (part == "<root>" || part.size() < 2)
            continue;
        std::string inner = part.substr(1, part.size() - 2);
        bool numeric = !inner.empty() && std::all_of(inner.begin(), inner.end(), ::isdigit);
        if (numeric)
            path += "[" + inner + "]";
        else
            path += (path.empty() ? "" : ".") + inner;
    }
    return path;
}

bool isPrefix(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    return a.size() < b.size() && std::equal(a.begin(), a.end(), b.begin());
}

} // namespace

std::vector<JsonSchema::Violation> JsonSchema::validate(const nlohmann::json &document) const
{
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(document);
    try {
        if (validator.validate(m_compiled->schema, target, &results))
            return {};
    } catch (const std::exception &e) {
        return {{"", std::string("the value could not be checked against its schema: ") + e.what()}};
    }
    std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
    std::vector<Violation> out;
    for (const auto &e : errors) {
        // valijson repeats a deeper failure at every enclosing level with one of these
        // wrapper sentences; a real problem of the enclosing object itself is kept.
        static const char *kWrappers[] = {"Failed to validate against schema associated with property name",
                                          "Failed to validate item #",
                                          "Failed to validate against schema associated with pattern",
                                          "Failed to validate against additional properties schema"};
        bool wrapper = std::any_of(std::begin(kWrappers), std::end(kWrappers),
                                   [&](const char *w) { return e.description.rfind(w, 0) == 0; });
        bool enclosing = wrapper && std::any_of(errors.begin(), errors.end(), [&](const auto &other) {
                             return isPrefix(e.context, other.context);
                         });
        if (enclosing)
            continue;
        Violation v{pathFromContext(e.context), e.description};
        bool dup = std::any_of(out.begin(), out.end(), [&](const Violation &o) {
            return o.path == v.path && o.message == v.message;
        });
        if (!dup)
            out.push_back(std::move(v));
    }
    return out;
}

std::string JsonSchema::describe(const std::vector<Violation> &violations)
{
    std::string out;
    for (const auto &v : violations)
        out += (out.empty() ? "" : "; ") + (v.path.empty() ? std::string("arguments") : v.path) + ": " + v.message;
    return out;
}

} // namespace flowdeck::engine
