#pragma once

#include "engine/model/chatclient.h"
#include "engine/model/structuredoutput.h"
#include "engine/nodes/noderesult.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace flowdeck::engine {

class NodeContext;

// A model's answer with its reasoning taken out: every <think>...</think> block, and an
// unclosed <think> to the end (a reply cut short while still thinking).
std::string withoutReasoning(std::string_view text);

// The first JSON object in a model's answer, which may be wrapped in a ``` fence or in
// prose ("Here is the JSON: {...} Hope this helps"); a discarded value when there is none.
nlohmann::json findJsonObject(std::string_view text);

// A chat request for a node that needs a JSON answer (classifier, extractor): the node's
// model alias, history turns and sampling settings (as the llm node reads them), then
// `system` and `user` as the messages, streamed (reasoning models stay within the stall
// timeout) and with the response_format the provider supports for `schema`.
struct JsonRequest {
    ChatRequest chat;
    StructuredOutput mode = StructuredOutput::JsonObject;
};
std::optional<JsonRequest> jsonRequest(NodeContext &ctx, const std::string &system, const std::string &user,
                                       const nlohmann::json &schema, const std::string &schemaName, bool strict,
                                       NodeResult &error);

// Calls the model; `done` gets the answer's text without reasoning, or the error. A
// provider that refuses the response_format (HTTP 400/422) is asked once more without it,
// with a warning in the run's log. Nothing is streamed into the run: the JSON is not for
// the user to read.
using JsonAnswerDone = std::function<void(std::string text, ChatResult result, ChatError error)>;
void askForJson(const std::shared_ptr<NodeContext> &ctx, ChatRequest request, JsonAnswerDone done);

} // namespace flowdeck::engine
