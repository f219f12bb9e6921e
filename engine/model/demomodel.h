#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace flowdeck::engine {

// The offline demo model behind the preset profile "demo" (base URL "demo:"). It answers
// an OpenAI /chat/completions request in-process, deterministically and without any
// network: plain text marked as a demo answer (in Chinese when the question is Chinese),
// JSON that satisfies the requested json_schema (or the JSON example in the prompt for
// json_object), and one call of a read-only-looking tool before answering in text, so
// every template runs end to end with no key. ChatCall routes "demo:" URLs here.
class DemoModel {
public:
    static constexpr const char *kUrlScheme = "demo:";
    static constexpr const char *kMarkerEn = "[Demo answer — offline, no model called]";
    static constexpr const char *kMarkerZh = "[演示回答 — 离线，未调用模型]";

    static bool handles(const std::string &baseUrl);

    // A whole chat.completion object for a request body (as chatRequestBody() builds it).
    static nlohmann::json complete(const nlohmann::json &request);

    // The completion as the SSE lines a streaming provider sends, one event per element
    // ("data: {chunk}\n\n"), ending with usage and "data: [DONE]".
    static std::vector<std::string> streamEvents(const nlohmann::json &completion);

    // A value that satisfies a JSON Schema (required keys, types, enums, bounds).
    // `allProperties`: fill optional properties too (answers), not only required ones (tool arguments).
    static nlohmann::json exampleFor(const nlohmann::json &schema, bool allProperties);

    // True when the text is mostly Chinese (decides the answer's language).
    static bool isChinese(const std::string &text);
};

} // namespace flowdeck::engine
