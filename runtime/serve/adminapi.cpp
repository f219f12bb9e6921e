// /admin/v1: deploy, inspect, roll back and delete apps, manage their API keys and
// read their run history. Every call needs the admin token.
#include "runtime/serve/adminapi.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "runtime/serve/runlookup.h"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <charconv>

namespace flowdeck::runtime {

namespace http = boost::beast::http;

namespace {

int queryInt(std::string_view target, std::string_view name, int fallback)
{
    const auto q = target.find('?');
    if (q == std::string_view::npos)
        return fallback;
    const std::string key = std::string(name) + "=";
    for (std::size_t at = q + 1; at < target.size();) {
        const std::size_t end = std::min(target.find('&', at), target.size());
        const auto pair = target.substr(at, end - at);
        if (pair.substr(0, key.size()) == key) {
            int value = fallback;
            std::from_chars(pair.data() + key.size(), pair.data() + pair.size(), value);
            return value;
        }
        at = end + 1;
    }
    return fallback;
}

void send(const ReplyPtr &reply, const AppStore::Outcome &outcome) { sendJson(reply, outcome.status, outcome.body); }

} // namespace

// /admin/v1/knowledge/<sha256>: GET whether a packed base is here; PUT .../parts/<n>
// a part of it; POST .../complete {"parts": N} to join and check them.
void AdminApi::handleKnowledge(Request &request, const ReplyPtr &reply, const std::vector<std::string> &path)
{
    const auto send = [&](const KnowledgeUploads::Outcome &o) { sendJson(reply, o.status, o.body); };
    const std::string &sha = path[3];
    const auto method = request.method();
    if (path.size() == 4 && method == http::verb::get)
        return send(m_knowledge.describe(sha));
    if (path.size() == 6 && path[4] == "parts" && method == http::verb::put)
        return send(m_knowledge.putPart(sha, path[5], request.body()));
    if (path.size() == 5 && path[4] == "complete" && method == http::verb::post) {
        const auto body = engine::parseJson(request.body());
        const auto parts = body.is_object() ? body.find("parts") : body.end();
        if (!body.is_object() || parts == body.end() || !parts->is_number_integer())
            return sendError(reply, 400, "The body must be {\"parts\": N}, N the number of parts uploaded (a whole number).",
                             "invalid_request");
        return send(m_knowledge.complete(sha, static_cast<int>(std::clamp<long long>(parts->get<long long>(), -1, 1000000))));
    }
    sendError(reply, 405, "Use GET /admin/v1/knowledge/<sha256>, PUT .../parts/<n> or POST .../complete.", "method_not_allowed");
}

void AdminApi::handle(Request &request, const ReplyPtr &reply, const std::vector<std::string> &path)
{
    const std::string token = bearerToken(request);
    if (token.empty())
        return sendError(reply, 401, "The admin API needs the admin token: 'Authorization: Bearer <token>'.", "unauthorized",
                         {{"WWW-Authenticate", "Bearer"}});
    if (!m_ctx.isAdmin(token))
        return sendError(reply, 403, "The admin token is not right.", "forbidden");
    const auto method = request.method();
    if (path.size() == 3 && path[2] == "apps") {
        if (method != http::verb::get)
            return sendError(reply, 405, "Use GET to list the apps.", "method_not_allowed");
        nlohmann::json apps = nlohmann::json::array();
        for (const auto &name : m_ctx.apps().names())
            apps.push_back(m_ctx.apps().describe(name).body);
        return sendJson(reply, 200, {{"apps", apps}});
    }
    if (path.size() >= 4 && path[2] == "knowledge")
        return handleKnowledge(request, reply, path);
    if (path.size() < 4 || path[2] != "apps")
        return sendError(reply, 404, "There is nothing at " + std::string(request.target()) + ".", "not_found");
    const std::string &name = path[3];
    if (path.size() == 4) {
        if (method == http::verb::get)
            return send(reply, m_ctx.apps().describe(name));
        if (method == http::verb::delete_) {
            m_ctx.appRemoved(name);
            return send(reply, m_ctx.apps().remove(name));
        }
        if (method != http::verb::put)
            return sendError(reply, 405, "Use PUT to deploy, GET to read or DELETE to remove an app.", "method_not_allowed");
        engine::JsonReadError problem;
        const auto bundle = engine::parseJson(request.body(), &problem);
        if (bundle.is_discarded())
            return sendError(reply, 400, "The deploy bundle is not valid JSON (" + problem.describe() + ").", "invalid_request");
        const bool modelCall = queryInt(request.target(), "modelCheck", 0) != 0;
        return m_ctx.apps().deploy(name, bundle, [reply](AppStore::Outcome outcome) { send(reply, outcome); }, modelCall);
    }
    const std::string &what = path[4];
    if (what == "rollback" && path.size() == 5) {
        if (method != http::verb::post)
            return sendError(reply, 405, "Use POST to roll back.", "method_not_allowed");
        const auto body = request.body().empty() ? nlohmann::json::object() : engine::parseJson(request.body());
        std::optional<int> version;
        if (body.is_object() && body.contains("version") && body["version"].is_number_integer())
            version = body["version"].get<int>();
        return m_ctx.apps().rollback(name, version, [reply](AppStore::Outcome outcome) { send(reply, outcome); });
    }
    if (what == "keys" && path.size() == 5) {
        if (method == http::verb::get)
            return send(reply, m_ctx.apps().listKeys(name));
        if (method != http::verb::post)
            return sendError(reply, 405, "Use POST to create a key or GET to list them.", "method_not_allowed");
        const auto body = request.body().empty() ? nlohmann::json::object() : engine::parseJson(request.body());
        const std::string label = body.is_object() ? engine::valueOr(body, "label", "") : "";
        return send(reply, m_ctx.apps().createKey(name, label));
    }
    if (what == "keys" && path.size() == 6) {
        if (method != http::verb::delete_)
            return sendError(reply, 405, "Use DELETE to revoke a key.", "method_not_allowed");
        return send(reply, m_ctx.apps().revokeKey(name, path[5]));
    }
    if (what == "runs" && path.size() == 5) {
        if (!m_ctx.apps().find(name))
            return sendError(reply, 404, "There is no app named '" + name + "'.", "not_found");
        const int limit = std::clamp(queryInt(request.target(), "limit", 50), 1, 1000);
        const int offset = std::max(0, queryInt(request.target(), "offset", 0));
        // Answered by the history's own thread, then sent from the serving loop.
        return m_ctx.history().list(name, limit, offset, [&io = m_ctx.io(), reply, name](nlohmann::json runs) {
            boost::asio::post(io, [reply, name, runs = std::move(runs)]() mutable {
                sendJson(reply, 200, {{"app", name}, {"runs", std::move(runs)}});
            });
        });
    }
    if (what == "runs" && path.size() == 6) {
        if (method != http::verb::get)
            return sendError(reply, 405, "Use GET to read a run.", "method_not_allowed");
        return lookUpRun(m_ctx, reply, name, path[5]);
    }
    sendError(reply, 404, "There is nothing at " + std::string(request.target()) + ".", "not_found");
}

} // namespace flowdeck::runtime
