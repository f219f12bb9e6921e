// POST /v1/chat/completions and GET /v1/models: a deployed app as an OpenAI "model".
#include "runtime/serve/openaiapi.h"
#include "engine/core/messages.h"
#include "runtime/serve/serveguard.h"
#include "runtime/serve/streamredactor.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include <ctime>
#include <type_traits>

namespace flowdeck::runtime {

namespace {

// The text of a message's content: a string, or the text parts of an array.
std::string contentText(const nlohmann::json &content)
{
    if (content.is_string())
        return content.get<std::string>();
    std::string text;
    if (content.is_array())
        for (const auto &part : content)
            if (part.is_object() && engine::valueOr(part, "type", "") == "text")
                text += (text.empty() ? "" : "\n") + engine::valueOr(part, "text", "");
    return text;
}

// What a workflow (not chat) app answers in a chat: its single text output, or all as JSON.
std::string workflowAnswer(const nlohmann::json &outputs)
{
    if (outputs.is_object() && outputs.size() == 1 && outputs.begin()->is_string())
        return outputs.begin()->get<std::string>();
    return "```json\n" + engine::safeDump(outputs, 2) + "\n```";
}

// A field of the request, or `fallback` when it is absent, null or of another type.
template <typename T>
T field(const nlohmann::json &body, const char *name, T fallback)
{
    const auto it = body.find(name);
    if (it == body.end())
        return fallback;
    if constexpr (std::is_same_v<T, bool>)
        return it->is_boolean() ? it->template get<bool>() : fallback;
    else if constexpr (std::is_same_v<T, std::string>)
        return it->is_string() ? it->template get<std::string>() : fallback;
    else
        return it->is_object() ? *it : fallback;
}

std::string sse(const nlohmann::json &data)
{
    return "data: " + engine::safeDump(data, -1) + "\n\n";
}

} // namespace

void OpenAiApi::chatCompletions(Request &request, const ReplyPtr &reply)
{
    engine::JsonReadError problem;
    const auto body = engine::parseJson(request.body(), &problem);
    if (body.is_discarded())
        return sendError(reply, 400, "The request body is not valid JSON (" + problem.describe() + ").", "invalid_request_error");
    if (!body.is_object())
        return sendError(reply, 400, "The request body is not a JSON object.", "invalid_request_error");
    const std::string model = body.contains("model") && body["model"].is_string() ? body["model"].get<std::string>() : "";
    if (model.empty())
        return sendError(reply, 400, "\"model\" is required: the name of the app to talk to.", "invalid_request_error");
    if (!body.contains("messages") || !body["messages"].is_array() || body["messages"].empty())
        return sendError(reply, 400, "\"messages\" must be a non-empty array.", "invalid_request_error");
    auto app = m_ctx.authorizedApp(request, reply, model);
    if (!app)
        return;
    const auto &messages = body["messages"];
    int lastUser = -1;
    for (int i = 0; i < static_cast<int>(messages.size()); ++i) {
        if (!messages[i].is_object() || !messages[i].contains("role") || !messages[i]["role"].is_string())
            return sendError(reply, 400, "messages[" + std::to_string(i) + "] needs a \"role\".", "invalid_request_error");
        if (messages[i]["role"] == "user")
            lastUser = i;
    }
    if (lastUser < 0)
        return sendError(reply, 400, "\"messages\" has no message with role \"user\".", "invalid_request_error");
    const std::string query = contentText(engine::valueOr(messages[lastUser], "content", nlohmann::json()));
    nlohmann::json history = nlohmann::json::array();
    for (int i = 0; i < lastUser; ++i) {
        const std::string role = engine::valueOr(messages[i], "role", "");
        if (role == "user" || role == "assistant")
            history.push_back({{"role", role}, {"content", contentText(engine::valueOr(messages[i], "content", nlohmann::json()))}});
    }

    engine::RunOptions options;
    const auto &wf = app->workflow();
    const std::string user = field<std::string>(body, "user", "api");
    // Beside the OpenAI fields, "inputs" may give the app's start inputs (files among them,
    // as {"name", "type", "data": base64}); clients that do not know it leave it out.
    options.inputs = field<nlohmann::json>(body, "inputs", nlohmann::json::object());
    if (wf.isChat()) {
        options.sys = {{"query", query}, {"history", history}, {"conversation_id", field<std::string>(body, "conversation_id", "")},
                       {"user", user}};
    } else {
        // A workflow app takes its inputs as a JSON object, or the message as its first
        // text input not given otherwise.
        auto parsed = engine::parseJson(query);
        if (parsed.is_object()) {
            options.inputs.update(parsed);
        } else {
            for (const auto &in : wf.inputs)
                if (in.type != "file" && !options.inputs.contains(in.name)) {
                    options.inputs[in.name] = query;
                    break;
                }
        }
        options.sys = {{"user", user}};
    }
    options.runId = newRunId();
    if (const auto problem = m_ctx.uploads().take(wf, options.runId, options.inputs, {})) {
        m_ctx.uploads().discard(options.runId);
        return sendError(reply, problem.status, engine::localizedSentence(problem.message, requestLanguage(request)),
                         problem.status == 500 ? "server_error" : "invalid_request_error");
    }

    const bool stream = field<bool>(body, "stream", false);
    const bool includeUsage = field<bool>(field<nlohmann::json>(body, "stream_options", nlohmann::json::object()), "include_usage", false);
    struct StreamState {
        explicit StreamState(const std::vector<std::string> *secrets) : redactor(secrets) {}
        bool started = false;
        std::string id;
        long long created = 0;
        StreamRedactor redactor;  // a secret split across two pieces is caught too
    };
    auto state = std::make_shared<StreamState>(app->secretValues());
    state->created = static_cast<long long>(std::time(nullptr));
    state->id = "chatcmpl-" + randomToken(12);
    // Every chunk and answer carries the AI-generated mark, unless the app's policy turns it off.
    auto completion = [state, model, app](const char *object) {
        nlohmann::json body = {{"id", state->id}, {"object", object}, {"created", state->created}, {"model", model}};
        markAiGenerated(*app, body);
        return body;
    };
    auto chunk = [completion](nlohmann::json delta, nlohmann::json finish) {
        nlohmann::json body = completion("chat.completion.chunk");
        body["choices"] = {{{"index", 0}, {"delta", std::move(delta)}, {"finish_reason", std::move(finish)}}};
        return sse(body);
    };
    auto startStream = [state, reply, chunk, app] {
        if (state->started)
            return;
        state->started = true;
        reply->begin(200, "text/event-stream", aiLabelHeaders(*app, {{"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"}}));
        reply->write(chunk({{"role", "assistant"}, {"content", ""}}, nullptr));
    };
    if (stream)
        options.onEvent = [reply, startStream, chunk, state](const engine::RunEvent &event) {
            if (event.type != engine::RunEventType::Answer)
                return;
            startStream();
            const std::string ready = state->redactor.push(engine::valueOr(event.data, "text", ""));
            if (!ready.empty())
                reply->write(chunk({{"content", ready}}, nullptr));
        };
    m_ctx.execute(app, "chat", std::move(options), reply,
            [this, app, reply, stream, includeUsage, state, completion, chunk, startStream, model,
             language = requestLanguage(request)](const engine::WorkflowRun &run) {
                // A run that waits for a person to answer a form: the answer so far, and the
                // forms beside the OpenAI fields ("human_input_required"), which the chat page
                // shows and answers at /v1/apps/{app}/forms/{token}.
                const PauseInfo *pause = m_ctx.pauseOf(run);
                nlohmann::json waiting;
                if (pause && pause->error.empty())
                    waiting = {{"runId", run.id()}, {"app", model}, {"tokens", pause->tokens}, {"forms", pause->forms}};
                const bool ok = run.status() == engine::RunStatus::Succeeded || !waiting.is_null();
                const auto &u = run.usage();
                const nlohmann::json usage = {{"prompt_tokens", u.promptTokens}, {"completion_tokens", u.completionTokens},
                                              {"total_tokens", u.totalTokens}};
                // A run the guard blocked answers with the policy's reply (its outputs are empty).
                const nlohmann::json blocked = blockedVerdict(run.guard());
                const std::string answer =
                    app->redact(app->workflow().isChat() || !blocked.is_null()
                                    ? run.answer()
                                    : (ok && waiting.is_null() ? workflowAnswer(run.outputs()) : ""));
                const char *finishReason = blocked.is_null() ? "stop" : "content_filter";
                if (!ok && run.status() == engine::RunStatus::Cancelled && reply->closed())
                    return;
                const std::string message =
                    app->redact(engine::localizedSentence(pause ? pause->error : run.error(), language));
                if (!ok && !(stream && state->started))
                    return sendError(reply, statusForRunError(run.errorKind()),
                                     run.failedNode().empty()
                                         ? engine::localizedText("http.app-failed", language, {model, message},
                                                                 "The app '" + model + "' failed: " + message)
                                         : engine::localizedText("http.app-failed-at", language,
                                                                 {model, run.failedNode(), message},
                                                                 "The app '" + model + "' failed at node '" +
                                                                     run.failedNode() + "': " + message),
                                     engine::errorKindName(run.errorKind()));
                // The sources the answer drew on (knowledge nodes), beside the OpenAI fields: clients
                // that do not know the field ignore it; the chat page shows them as links.
                const nlohmann::json citations = ok ? app->citations(run) : nlohmann::json::array();
                if (!stream) {
                    nlohmann::json body = completion("chat.completion");
                    body["choices"] = {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", answer}}},
                                        {"finish_reason", finishReason}}};
                    body["usage"] = usage;
                    if (!citations.empty())
                        body["citations"] = citations;
                    if (!waiting.is_null())
                        body["human_input_required"] = waiting;
                    if (!blocked.is_null())
                        body["guard"] = blocked;
                    return reply->send(200, "application/json", app->redact(engine::safeDump(body, -1)), aiLabelHeaders(*app));
                }
                if (const std::string rest = state->redactor.finish(); !rest.empty() && state->started)
                    reply->write(chunk({{"content", rest}}, nullptr));
                if (!ok) {  // the stream has begun: the error is its last event
                    reply->write(sse({{"error", {{"message", message}, {"type", engine::errorKindName(run.errorKind())},
                                                 {"code", statusForRunError(run.errorKind())}}}}));
                } else {
                    if (!state->started) {
                        startStream();
                        if (!answer.empty())
                            reply->write(chunk({{"content", answer}}, nullptr));
                    }
                    // The last chunk carries the sources, the forms waiting and the guard's verdict.
                    nlohmann::json last = completion("chat.completion.chunk");
                    last["choices"] = {{{"index", 0}, {"delta", nlohmann::json::object()}, {"finish_reason", finishReason}}};
                    if (!citations.empty())
                        last["citations"] = citations;
                    if (!waiting.is_null())
                        last["human_input_required"] = waiting;
                    if (!blocked.is_null())
                        last["guard"] = blocked;
                    reply->write(app->redact(sse(last)));
                    if (includeUsage) {
                        nlohmann::json used = completion("chat.completion.chunk");
                        used["choices"] = nlohmann::json::array();
                        used["usage"] = usage;
                        reply->write(sse(used));
                    }
                }
                reply->write("data: [DONE]\n\n");
                reply->end();
            });
}

void OpenAiApi::models(const Request &request, const ReplyPtr &reply)
{
    // The apps the caller may use: public ones, those its key opens, or all for the admin.
    const std::string key = bearerToken(request);
    const bool admin = m_ctx.isAdmin(key);
    nlohmann::json data = nlohmann::json::array();
    for (const auto &name : m_ctx.apps().names())
        if (admin || m_ctx.apps().find(name)->settings().publicAccess || m_ctx.apps().keyAllowed(name, key))
            data.push_back({{"id", name}, {"object", "model"}, {"created", 0}, {"owned_by", "flowdeck"}});
    sendJson(reply, 200, {{"object", "list"}, {"data", data}});
}

} // namespace flowdeck::runtime
