#pragma once

#include "engine/model/providerprofile.h"

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::engine {

// How a provider can be made to answer in JSON (the extractor and classifier nodes):
// - JsonSchema: response_format {type: json_schema}: the answer follows the schema;
// - JsonObject: response_format {type: json_object}: valid JSON, its shape only asked for
//   in the prompt (where the schema is written);
// - PromptOnly: no response_format at all (servers that refuse json_object): the prompt asks.
enum class StructuredOutput { JsonSchema, JsonObject, PromptOnly };

const char *structuredOutputName(StructuredOutput mode);  // "json_schema", "json_object", "none"

// What the provider behind `profile` supports for `model`, from its documentation; a
// profile's own "structuredOutput" setting wins (a user's vLLM gateway, say). Unknown
// OpenAI-compatible servers get JsonObject, the mode most of them take.
StructuredOutput structuredOutputFor(const ProviderProfile &profile, const std::string &model);

// The response_format for a mode: null for PromptOnly. `strict` asks the provider to hold
// to the schema exactly (OpenAI's strict mode needs every property required and closed objects).
nlohmann::json responseFormatFor(StructuredOutput mode, const nlohmann::json &schema, const std::string &name,
                                 bool strict);

} // namespace flowdeck::engine
