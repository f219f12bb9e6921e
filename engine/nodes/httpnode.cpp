#include "engine/net/httpclient.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/net/urlcoding.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/runservices.h"

namespace flowdeck::engine {

namespace {

void run(std::shared_ptr<NodeContext> ctx, NodeDone done)
{
    const nlohmann::json &config = ctx->node().config;
    RunServices &svc = ctx->services();
    if (!svc.http)
        return done(NodeResult::failure(ErrorKind::Internal, "No HTTP client is set up for this run."));
    HttpRequest req;
    req.method = engine::valueOr(config, "method", "GET");
    req.url = ctx->render(engine::valueOr(config, "url", ""));
    if (req.url.rfind("http://", 0) != 0 && req.url.rfind("https://", 0) != 0)
        return done(NodeResult::failure(ErrorKind::InvalidInput,
                                        "The URL \"" + req.url + "\" must start with http:// or https://."));
    if (config.contains("query")) {
        std::string query;
        for (const auto &[k, v] : config["query"].items())
            query += (query.empty() ? "" : "&") + urlEncode(k) + "=" + urlEncode(ctx->render(v.get<std::string>()));
        if (!query.empty())
            req.url += (req.url.find('?') == std::string::npos ? "?" : "&") + query;
    }
    const nlohmann::json headers = engine::valueOr(config, "headers", nlohmann::json::object());
    for (const auto &[k, v] : headers.items())
        req.headers.emplace_back(k, ctx->render(v.get<std::string>()));
    if (config.contains("body")) {
        const auto &body = config["body"];
        if (body.is_string()) {
            req.body = ctx->render(body.get<std::string>());
        } else {
            req.body = safeDump(ctx->renderValue(body));
            bool hasType = false;
            for (const auto &[k, v] : req.headers)
                hasType = hasType || (k.size() == 12 && strncasecmp(k.c_str(), "content-type", 12) == 0);
            if (!hasType)
                req.headers.emplace_back("Content-Type", "application/json");
        }
    }
    req.timeoutMs = engine::valueOr(config, "timeoutMs", 30000);
    req.allowPrivateNetwork = svc.allowPrivateNetwork;
    req.allowedAddresses = svc.allowedAddresses;
    req.maxResponseBytes = 8 * 1024 * 1024;
    const bool failOnStatus = engine::valueOr(config, "failOnStatus", true);
    const std::string url = req.url;

    HttpCallbacks cb;
    cb.onComplete = [done, failOnStatus, url](HttpResponse response, HttpError error) {
        if (error) {
            ErrorKind kind = error.kind == HttpError::Kind::Timeout   ? ErrorKind::Timeout
                             : error.kind == HttpError::Kind::Blocked ? ErrorKind::Blocked
                             : error.kind == HttpError::Kind::BadRequest ? ErrorKind::InvalidInput
                                                                         : ErrorKind::Network;
            return done(NodeResult::failure(kind, "The request to " + url + " failed: " + error.message + "."));
        }
        nlohmann::json headers = nlohmann::json::object();
        for (const auto &[k, v] : response.headers)
            headers[k] = v;
        nlohmann::json json = engine::parseJson(response.body);
        if (json.is_discarded())
            json = nullptr;
        if (failOnStatus && response.status >= 400) {
            ErrorKind kind = response.status == 429 ? ErrorKind::RateLimited
                             : response.status >= 500 ? ErrorKind::Upstream
                             : response.status == 401 || response.status == 403 ? ErrorKind::Auth
                             : response.status == 404 ? ErrorKind::NotFound
                                                      : ErrorKind::InvalidInput;
            return done(NodeResult::failure(kind, url + " answered " + std::to_string(response.status) + ": " +
                                                      truncateUtf8(response.body, 200)));
        }
        done(NodeResult::success({{"status", response.status},
                                  {"body", std::move(response.body)},
                                  {"json", std::move(json)},
                                  {"headers", std::move(headers)}}));
    };
    HttpClient *http = svc.http;
    const auto id = http->start(std::move(req), std::move(cb));
    ctx->cancelSignal().onCancel([http, id] { http->cancel(id); });
}

} // namespace

NodeDescriptor httpNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "http";
    d.title = "HTTP request";
    d.titleZh = "HTTP 请求";
    d.description = "Calls a web API: method, URL, headers and body may use references; secrets go in headers.";
    d.descriptionZh = "调用网络接口：方法、地址、请求头和请求体都可引用变量；密钥放在请求头中。";
    d.icon = "http";
    d.category = "io";
    d.asynchronous = true;
    d.secretFields = {"headers"};
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["url"], "additionalProperties": false,
      "properties": {
        "method": { "enum": ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"], "default": "GET", "title": "Method" },
        "url": { "type": "string", "minLength": 1, "title": "URL", "format": "template" },
        "query": { "type": "object", "title": "Query parameters", "additionalProperties": { "type": "string" } },
        "headers": { "type": "object", "title": "Headers", "additionalProperties": { "type": "string" } },
        "body": { "title": "Body", "type": ["string", "object", "array"] },
        "timeoutMs": { "type": "integer", "minimum": 1, "maximum": 600000, "default": 30000, "title": "Timeout (ms)" },
        "failOnStatus": { "type": "boolean", "default": true, "title": "Fail on 4xx/5xx" }
      }
    })json");
    d.outputs = {{"status", "number", "The HTTP status"},
                 {"body", "string", "The answer's body as text"},
                 {"json", "object", "The body parsed as JSON, or null"},
                 {"headers", "object", "The answer's headers, names in lower case"}};
    d.defaultOutputs = [](const NodeSpec &) {
        return nlohmann::json{{"status", 0}, {"body", ""}, {"json", nullptr}, {"headers", nlohmann::json::object()}};
    };
    d.execute = run;
    return d;
}

} // namespace flowdeck::engine
