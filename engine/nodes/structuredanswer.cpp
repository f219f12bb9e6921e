#include "engine/nodes/structuredanswer.h"

#include "engine/core/jsonread.h"
#include "engine/nodes/modelrequest.h"
#include "engine/nodes/nodecontext.h"
#include "engine/run/runservices.h"

namespace flowdeck::engine {

namespace {

constexpr std::string_view kThinkOpen = "<think>";
constexpr std::string_view kThinkClose = "</think>";
constexpr int kMaxObjectCandidates = 32;  // '{' positions tried in one answer

std::string_view trimmed(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

nlohmann::json objectOrDiscarded(std::string_view text)
{
    nlohmann::json value = parseJson(trimmed(text));
    if (!value.is_discarded() && !value.is_object())
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return value;
}

// The end (one past the closing brace) of the object starting at `open`, skipping braces
// inside strings; npos when it never closes.
std::size_t objectEnd(std::string_view text, std::size_t open)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

// The text inside the first ``` fence (its language tag dropped), or empty.
std::string_view fenced(std::string_view text)
{
    const auto open = text.find("```");
    if (open == std::string_view::npos)
        return {};
    const auto lineEnd = text.find('\n', open);
    if (lineEnd == std::string_view::npos)
        return {};
    const auto close = text.find("```", lineEnd);
    return text.substr(lineEnd + 1, close == std::string_view::npos ? std::string_view::npos : close - lineEnd - 1);
}

} // namespace

std::string withoutReasoning(std::string_view text)
{
    std::string out(text);
    // A reply whose template opened the block itself starts inside it: "…reasoning</think>answer".
    if (const auto close = out.find(kThinkClose); close != std::string::npos) {
        const auto open = out.find(kThinkOpen);
        if (open == std::string::npos || open > close)
            out.erase(0, close + kThinkClose.size());
    }
    for (auto open = out.find(kThinkOpen); open != std::string::npos; open = out.find(kThinkOpen, open)) {
        const auto close = out.find(kThinkClose, open);
        out.erase(open, close == std::string::npos ? std::string::npos : close + kThinkClose.size() - open);
    }
    return std::string(trimmed(out));
}

nlohmann::json findJsonObject(std::string_view text)
{
    if (auto whole = objectOrDiscarded(text); !whole.is_discarded())
        return whole;
    if (const auto inFence = fenced(text); !inFence.empty())
        if (auto value = objectOrDiscarded(inFence); !value.is_discarded())
            return value;
    int tried = 0;
    for (auto open = text.find('{'); open != std::string_view::npos && tried < kMaxObjectCandidates;
         open = text.find('{', open + 1), ++tried) {
        const auto end = objectEnd(text, open);
        if (end == std::string_view::npos)
            continue;  // a stray brace in prose ("use {name}"): a later one may still open the object
        if (auto value = objectOrDiscarded(text.substr(open, end - open)); !value.is_discarded())
            return value;
    }
    return nlohmann::json(nlohmann::json::value_t::discarded);
}

std::optional<JsonRequest> jsonRequest(NodeContext &ctx, const std::string &system, const std::string &user,
                                       const nlohmann::json &schema, const std::string &schemaName, bool strict,
                                       NodeResult &error)
{
    auto base = modelRequest(ctx, error);
    if (!base)
        return std::nullopt;
    JsonRequest out;
    out.chat = std::move(*base);
    // The node has no system or prompt field of its own: what modelRequest built is the
    // history turns and an empty user message, which `user` replaces.
    nlohmann::json &messages = out.chat.messages;
    if (!messages.empty())
        messages.erase(messages.end() - 1);
    messages.insert(messages.begin(), nlohmann::json{{"role", "system"}, {"content", system}});
    messages.push_back({{"role", "user"}, {"content", user}});
    out.chat.stream = true;
    const std::string &model = out.chat.model.empty() ? out.chat.profile.defaultModel : out.chat.model;
    out.mode = structuredOutputFor(out.chat.profile, model);
    out.chat.responseFormat = responseFormatFor(out.mode, schema, schemaName, strict);
    return out;
}

void askForJson(const std::shared_ptr<NodeContext> &ctx, ChatRequest request, JsonAnswerDone done)
{
    RunServices &svc = ctx->services();
    ChatCallbacks cb = modelCallbacks(ctx);
    cb.onDelta = nullptr;
    auto withoutFormat = request.responseFormat.is_null() ? nullptr : std::make_shared<ChatRequest>(request);
    cb.onComplete = [ctx, done, withoutFormat](ChatResult result, ChatError error) {
        const bool formatRefused = error.kind == ErrorKind::InvalidInput && (error.status == 400 || error.status == 422);
        if (formatRefused && withoutFormat) {
            ctx->log("warning", "The model refused the request with its structured-output setting (" + error.detail +
                                    "); asking again with the JSON shape in the prompt only.");
            withoutFormat->responseFormat = nullptr;
            return askForJson(ctx, std::move(*withoutFormat), done);
        }
        if (error)
            return done({}, std::move(result), std::move(error));
        std::string text = withoutReasoning(result.text);
        done(std::move(text), std::move(result), {});
    };
    // The call's callbacks hold the context; a weak handle here avoids a cycle.
    std::weak_ptr<ChatCall> call = startChat(ctx->io(), *svc.http, std::move(request), std::move(cb));
    ctx->cancelSignal().onCancel([call] {
        if (auto c = call.lock())
            c->cancel();
    });
}

} // namespace flowdeck::engine
