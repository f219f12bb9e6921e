// POST /v1/apps/{app}/run: JSON inputs in (or multipart/form-data with files), outputs
// out; with Accept: text/event-stream, the run's node events as server-sent events.
#include "runtime/serve/runapi.h"
#include "engine/core/messages.h"
#include "runtime/serve/serveguard.h"
#include "runtime/serve/streamredactor.h"

#include <charconv>
#include <map>

#include "engine/knowledge/knowledgelibrary.h"
#include "engine/net/urlcoding.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "runtime/serve/multipart.h"

namespace flowdeck::runtime {

namespace http = boost::beast::http;

void RunApi::source(Request &request, const ReplyPtr &reply, const std::string &name, const std::string &base,
                    const std::string &chunkId)
{
    auto app = m_ctx.authorizedApp(request, reply, name);
    if (!app)
        return;
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(chunkId.data(), chunkId.data() + chunkId.size(), id);
    if (ec != std::errc() || end != chunkId.data() + chunkId.size() || id <= 0)
        return sendError(reply, 400, "'" + chunkId + "' is not a passage number.", "invalid_request");
    auto library = app->knowledge();
    if (!library)
        return sendError(reply, 404, "The app '" + name + "' searches no knowledge base.", "not_found");
    auto passage = library->passage(engine::urlDecode(base), id, requestLanguage(request));
    if (!passage.ok())
        return sendError(reply, 404, passage.diagnostics().front().message, "not_found");
    sendJson(reply, 200, passage.value());
}

bool RunApi::wantsStream(const Request &request)
{
    const auto accept = request.find(http::field::accept);
    return accept != request.end() &&
           std::string_view(accept->value().data(), accept->value().size()).find("text/event-stream") != std::string_view::npos;
}

engine::RunEventSink RunApi::eventStream(const ReplyPtr &reply, const std::shared_ptr<LiveApp> &app)
{
    // Text pieces (answer, tokens of each node) go through a StreamRedactor each, so a
    // secret split across two pieces is caught; held text goes out before any other event.
    // With an output guard, only the guarded answer and outputs carry the model's text: a
    // node's tokens, inputs and outputs would show what the guard holds back or cuts.
    auto redactors = std::make_shared<std::map<std::string, StreamRedactor>>();
    const bool guarded = app->guardPolicy().output.enabled();
    return [reply, app, redactors, guarded](const engine::RunEvent &event) {
        if (guarded && event.type == engine::RunEventType::Token)
            return;
        auto send = [&](const engine::RunEvent &e) {
            nlohmann::json data = e.toJson();
            if (guarded && (e.type == engine::RunEventType::NodeStarted || e.type == engine::RunEventType::NodeFinished) &&
                data["data"].is_object()) {
                data["data"].erase("inputs");
                data["data"].erase("outputs");
            }
            markAiGenerated(*app, data);
            reply->write("event: " + std::string(engine::runEventTypeName(e.type)) + "\ndata: " +
                         app->redact(engine::safeDump(data, -1)) + "\n\n");
        };
        const bool piece = event.type == engine::RunEventType::Answer || event.type == engine::RunEventType::Token;
        if (piece) {
            const std::string key = std::string(engine::runEventTypeName(event.type)) + "\n" + event.nodeId;
            auto &redactor = redactors->try_emplace(key, app->secretValues()).first->second;
            engine::RunEvent safe = event;
            safe.data["text"] = redactor.push(engine::valueOr(event.data, "text", ""));
            if (!safe.data["text"].get_ref<const std::string &>().empty() || !engine::valueOr(event.data, "reasoning", "").empty())
                send(safe);
            return;
        }
        for (auto &[key, redactor] : *redactors) {
            if (!redactor.holding())
                continue;
            engine::RunEvent rest;
            rest.type = key.rfind("answer", 0) == 0 ? engine::RunEventType::Answer : engine::RunEventType::Token;
            rest.runId = event.runId;
            rest.nodeId = key.substr(key.find('\n') + 1);
            rest.data = {{"text", redactor.finish()}};
            send(rest);
        }
        send(event);
    };
}

std::function<void(const engine::WorkflowRun &)> RunApi::answer(ServeContext &ctx, const ReplyPtr &reply,
                                                                const std::shared_ptr<LiveApp> &app, bool stream,
                                                                std::string language)
{
    return [&ctx, reply, app, stream, language = std::move(language)](const engine::WorkflowRun &run) {
        const auto &u = run.usage();
        nlohmann::json out = {{"runId", run.id()}, {"app", app->name()}, {"version", app->version()},
                              {"status", engine::runStatusName(run.status())}, {"elapsedMs", run.elapsedMs()},
                              {"usage", {{"prompt_tokens", u.promptTokens}, {"completion_tokens", u.completionTokens},
                                         {"total_tokens", u.totalTokens}}}};
        if (hasGuardFindings(run.guard()))
            out["guard"] = run.guard().toJson();
        if (const PauseInfo *pause = ctx.pauseOf(run)) {
            const std::string error = engine::localizedSentence(pause->error, language);
            if (stream) {  // human_input_required went out with each form; the stream ends here
                nlohmann::json last =
                    pause->error.empty()
                        ? nlohmann::json{{"event", "run_paused"}, {"run", run.id()}, {"data", {{"tokens", pause->tokens}}}}
                        : nlohmann::json{{"event", "run_failed"}, {"run", run.id()},
                                         {"data", {{"kind", "internal"}, {"message", error}}}};
                markAiGenerated(*app, last);
                reply->write("event: " + last["event"].get<std::string>() + "\ndata: " + engine::safeDump(last, -1) + "\n\n");
                return reply->end();
            }
            if (!pause->error.empty())
                return sendError(reply, 500, error, "internal");
            out["tokens"] = pause->tokens;
            out["forms"] = pause->forms;
            if (app->workflow().isChat())
                out["answer"] = run.answer();
            markAiGenerated(*app, out);
            return reply->send(202, "application/json", app->redact(engine::safeDump(out, -1)), aiLabelHeaders(*app));
        }
        if (stream)
            return reply->end();  // the last event (run_finished, run_failed, run_cancelled) said how it ended
        if (run.status() == engine::RunStatus::Succeeded) {
            out["outputs"] = run.outputs();
            if (app->workflow().isChat() || run.guard().blocked)  // blocked: the policy's reply
                out["answer"] = run.answer();
            markAiGenerated(*app, out);
            return reply->send(200, "application/json", app->redact(engine::safeDump(out, -1)), aiLabelHeaders(*app));
        }
        out["error"] = {{"message", app->redact(engine::localizedSentence(run.error(), language))},
                        {"type", engine::errorKindName(run.errorKind())},
                        {"node", run.failedNode()},
                        {"code", statusForRunError(run.errorKind())}};
        sendJson(reply, statusForRunError(run.errorKind()), out);
    };
}

void RunApi::handle(Request &request, const ReplyPtr &reply, const std::string &name)
{
    const std::string language = requestLanguage(request);
    nlohmann::json body;
    std::vector<MultipartPart> files;
    const std::string contentType(request[http::field::content_type]);
    if (isMultipartFormData(contentType)) {
        std::string problem;
        auto parts = parseMultipart(request.body(), contentType, problem);
        if (!parts)
            return sendError(reply, 400, problem, "invalid_request");
        body = Uploads::formBody(*parts, files);
        if (body.is_discarded())
            return sendError(reply, 400, "The field \"inputs\" of the form must be a JSON object.", "invalid_request");
    } else {
        engine::JsonReadError problem;
        body = request.body().empty() ? nlohmann::json::object() : engine::parseJson(request.body(), &problem);
        if (body.is_discarded())
            return sendError(reply, 400, "The request body is not valid JSON (" + problem.describe() + ").", "invalid_request");
    }
    if (!body.is_object())
        return sendError(reply, 400, "The request body must be a JSON object: {\"inputs\": {...}}.", "invalid_request");
    auto app = m_ctx.authorizedApp(request, reply, name);
    if (!app)
        return;
    engine::RunOptions options;
    options.inputs = body.contains("inputs") ? body["inputs"] : body;
    if (!options.inputs.is_object())
        return sendError(reply, 400, "\"inputs\" must be a JSON object of the app's start inputs.", "invalid_request");
    options.inputs.erase("query");
    if (app->workflow().isChat()) {
        const std::string query = engine::valueOr(body, "query", body.contains("inputs") ? engine::valueOr(body["inputs"], "query", "") : "");
        if (query.empty())
            return sendError(reply, 400, "'" + name + "' is a chat app: give the user's message as \"query\".", "invalid_request");
        options.sys = {{"query", query}, {"history", engine::valueOr(body, "history", nlohmann::json::array())},
                       {"conversation_id", engine::valueOr(body, "conversation_id", "")}, {"user", engine::valueOr(body, "user", "api")}};
    } else {
        options.sys = {{"user", engine::valueOr(body, "user", "api")}};
    }
    options.runId = newRunId();
    if (const auto problem = m_ctx.uploads().take(app->workflow(), options.runId, options.inputs, files)) {
        m_ctx.uploads().discard(options.runId);
        return sendError(reply, problem.status, engine::localizedSentence(problem.message, language),
                         problem.status == 413 ? "too_large" : problem.status == 400 ? "invalid_request" : "storage_error");
    }
    const bool stream = wantsStream(request);
    if (stream) {
        reply->begin(200, "text/event-stream", aiLabelHeaders(*app, {{"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"}}));
        options.onEvent = eventStream(reply, app);
    }
    m_ctx.execute(app, "run", std::move(options), reply, answer(m_ctx, reply, app, stream, language));
}

} // namespace flowdeck::runtime
