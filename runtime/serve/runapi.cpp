// POST /v1/apps/{app}/run: JSON inputs in, outputs out; with Accept: text/event-stream,
// the run's node events as server-sent events.
#include "runtime/serve/runapi.h"
#include "engine/core/messages.h"
#include "runtime/serve/streamredactor.h"

#include <charconv>
#include <map>

#include "engine/knowledge/knowledgelibrary.h"
#include "engine/net/urlcoding.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

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

void RunApi::handle(Request &request, const ReplyPtr &reply, const std::string &name)
{
    engine::JsonReadError problem;
    auto body = request.body().empty() ? nlohmann::json::object() : engine::parseJson(request.body(), &problem);
    if (body.is_discarded())
        return sendError(reply, 400, "The request body is not valid JSON (" + problem.describe() + ").", "invalid_request");
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
    const auto accept = request.find(http::field::accept);
    const bool stream = accept != request.end() && std::string_view(accept->value().data(), accept->value().size()).find("text/event-stream") != std::string_view::npos;
    if (stream) {
        reply->begin(200, "text/event-stream", {{"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"}});
        // Text pieces (answer, tokens of each node) go through a StreamRedactor each, so a
        // secret split across two pieces is caught; held text goes out before any other event.
        auto redactors = std::make_shared<std::map<std::string, StreamRedactor>>();
        options.onEvent = [reply, app, redactors](const engine::RunEvent &event) {
            auto send = [&](const engine::RunEvent &e) {
                reply->write("event: " + std::string(engine::runEventTypeName(e.type)) + "\ndata: " +
                             app->redact(engine::safeDump(e.toJson(), -1)) + "\n\n");
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
    m_ctx.execute(app, "run", std::move(options), reply,
                  [reply, app, stream, name, language = requestLanguage(request)](const engine::WorkflowRun &run) {
        if (stream)
            return reply->end();  // the last event (run_finished, run_failed, run_cancelled) said how it ended
        const auto &u = run.usage();
        nlohmann::json out = {{"runId", run.id()}, {"app", name}, {"version", app->version()},
                              {"status", engine::runStatusName(run.status())}, {"elapsedMs", run.elapsedMs()},
                              {"usage", {{"prompt_tokens", u.promptTokens}, {"completion_tokens", u.completionTokens},
                                         {"total_tokens", u.totalTokens}}}};
        if (run.status() == engine::RunStatus::Succeeded) {
            out["outputs"] = run.outputs();
            if (app->workflow().isChat())
                out["answer"] = run.answer();
            return reply->send(200, "application/json",
                               app->redact(engine::safeDump(out, -1)));
        }
        out["error"] = {{"message", app->redact(engine::localizedSentence(run.error(), language))}, {"type", engine::errorKindName(run.errorKind())},
                        {"node", run.failedNode()}, {"code", statusForRunError(run.errorKind())}};
        sendJson(reply, statusForRunError(run.errorKind()), out);
    });
}

} // namespace flowdeck::runtime
