#include "runtime/serve/formsapi.h"
#include "runtime/serve/serveguard.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/core/messages.h"
#include "engine/nodes/humanform.h"
#include "runtime/serve/runapi.h"

#include <cstdio>

namespace flowdeck::runtime {

namespace http = boost::beast::http;

namespace {

constexpr auto kSweepEvery = std::chrono::seconds(1);

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

nlohmann::json formOf(const PausedRun &run, const std::string &token)
{
    for (const auto &f : run.forms)
        if (engine::valueOr(f, "token", "") == token)
            return f;
    return nlohmann::json::object();
}

std::string noForm(const std::string &token)
{
    return "There is no form waiting for the token '" + token + "': it was answered already, or never existed.";
}

std::string versionGone(const PausedRun &run)
{
    return "The run waits on version " + std::to_string(run.version) + " of '" + run.app +
           "', which is no longer on this runtime; it cannot go on.";
}

} // namespace

FormsApi::FormsApi(ServeContext &context) : m_ctx(context), m_timer(context.io())
{
    scheduleSweep();
}

void FormsApi::handle(Request &request, const ReplyPtr &reply, const std::string &name, const std::string &token)
{
    if (request.method() != http::verb::get && request.method() != http::verb::post)
        return sendError(reply, 405, "Use POST to answer a form, GET to read it.", "method_not_allowed", {{"Allow", "GET, POST"}});
    auto app = m_ctx.authorizedApp(request, reply, name);
    if (!app)
        return;
    if (request.method() == http::verb::post)
        return answer(request, reply, app, token);
    const std::string language = requestLanguage(request);
    m_ctx.paused().find(name, token, [reply, app, token, language](std::optional<PausedRun> found) {
        if (!found)
            return sendError(reply, 404, engine::localizedSentence(noForm(token), language), "not_found");
        nlohmann::json out = formOf(*found, token);
        out["app"] = found->app;
        out["runId"] = found->runId;
        reply->send(200, "application/json", app->redact(engine::safeDump(out, -1)));
    });
}

void FormsApi::answer(Request &request, const ReplyPtr &reply, const std::shared_ptr<LiveApp> &current, const std::string &token)
{
    const std::string language = requestLanguage(request);
    const auto say = [language](const std::string &english) { return engine::localizedSentence(english, language); };
    engine::JsonReadError problem;
    const auto body = engine::parseJson(request.body(), &problem);
    if (body.is_discarded())
        return sendError(reply, 400, "The request body is not valid JSON (" + problem.describe() + ").", "invalid_request");
    if (!body.is_object() || !body.contains("action") || !body["action"].is_string() ||
        (body.contains("values") && !body["values"].is_object() && !body["values"].is_null()))
        return sendError(reply, 400,
                         say("The answer must be a JSON object: {\"action\": \"<button id>\", \"values\": {...}}."),
                         "invalid_request");
    engine::HumanResponse response{body["action"].get<std::string>(),
                                   engine::valueOr<nlohmann::json>(body, "values", nlohmann::json::object())};
    if (response.values.is_null())
        response.values = nlohmann::json::object();
    if (response.action == "timeout")
        return sendError(reply, 400,
                         say("'timeout' is not a button of the form: it is taken when the form's time limit passes."),
                         "invalid_request");
    const bool stream = RunApi::wantsStream(request);
    const std::string name = current->name();
    // Checked against the waiting form first, so a wrong answer leaves the form waiting.
    m_ctx.paused().find(name, token, [this, reply, name, token, response, stream, language, say](std::optional<PausedRun> found) mutable {
        if (!found)
            return sendError(reply, 404, say(noForm(token)), "not_found");
        if (const std::string wrong = engine::checkHumanResponse(engine::valueOr<nlohmann::json>(formOf(*found, token), "form", nlohmann::json::object()), response);
            !wrong.empty())
            return sendError(reply, 400, say(wrong), "invalid_request");
        auto app = m_ctx.apps().version(name, found->version);
        if (!app)
            return sendError(reply, 409, say(versionGone(*found)), "conflict");
        m_ctx.paused().claim(name, token, [this, reply, app, token, response, stream, language, say](std::optional<PausedRun> claimed) {
            if (!claimed)
                return sendError(reply, 404, say(noForm(token)), "not_found");
            if (reply->closed())  // the caller left: the form waits for another answer
                return m_ctx.paused().store(std::move(*claimed), [](std::string) {});
            engine::RunOptions options;
            if (stream)
                options.onEvent = RunApi::eventStream(reply, app);
            std::string error;
            const std::string runId = claimed->runId;
            auto run = m_ctx.resume(app, Resumption{std::move(*claimed), {{token, response}}}, std::move(options), reply,
                                    RunApi::answer(m_ctx, reply, app, stream, language), error);
            if (!run) {
                m_ctx.uploads().discard(runId);
                return sendError(reply, 409, say(error), "conflict");
            }
            if (stream)  // the run starts on the loop's next turn, after this
                reply->begin(200, "text/event-stream", aiLabelHeaders(*app, {{"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"}}));
        });
    });
}

void FormsApi::scheduleSweep()
{
    m_timer.expires_after(kSweepEvery);
    m_timer.async_wait([this](const boost::system::error_code &ec) {
        if (!ec)
            sweep();
    });
}

void FormsApi::sweep()
{
    if (m_ctx.draining())
        return;
    const std::int64_t now = nowMs();
    m_ctx.paused().claimDue(now, m_ctx.liveRunIds(), [this, now](std::vector<PausedRun> due) {
        for (const PausedRun &stored : due) {
            Resumption resumption{stored, {}};
            for (const auto &f : stored.forms) {
                const auto deadline = engine::valueOr<std::int64_t>(f, "deadlineMs", 0);
                if (deadline > 0 && deadline <= now)
                    resumption.answers.push_back({engine::valueOr(f, "token", ""), engine::HumanResponse{"timeout", {}}});
            }
            auto app = m_ctx.apps().version(stored.app, stored.version);
            std::string error = app ? std::string() : versionGone(stored);
            if (app && !m_ctx.resume(app, std::move(resumption), {}, nullptr, [](const engine::WorkflowRun &) {}, error))
                app = nullptr;
            if (!app) {
                std::fprintf(stderr, "flowdeck serve: a run of '%s' passed its time limit but cannot go on: %s\n",
                             stored.app.c_str(), error.c_str());
                m_ctx.uploads().discard(stored.runId);
                RunRecord record;
                record.runId = stored.runId;
                record.app = stored.app;
                record.version = stored.version;
                record.api = stored.api;
                record.startedAt = stored.startedAt;
                record.elapsedMs = stored.elapsedMs;
                record.status = "failed";
                record.errorKind = "internal";
                record.error = error;
                record.inputs = stored.inputs;
                m_ctx.history().record(std::move(record));
            }
        }
        scheduleSweep();
    });
}

} // namespace flowdeck::runtime
