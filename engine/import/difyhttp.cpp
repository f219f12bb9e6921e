// Dify http-request nodes: method, URL, headers and parameters (Dify keeps them as "k:v"
// lines), body types, authorization and timeouts. Keys written in plain text move to secrets.
#include "engine/import/difycontext.h"

#include <algorithm>
#include <cctype>

namespace flowdeck::engine::dify {

namespace {

using Kind = ImportIssue::Kind;

// A header or parameter that carries a key: by its name, or by what its value looks like.
bool looksLikeCredential(const std::string &name, const std::string &value)
{
    const std::string h = lowercase(name);
    for (const char *word : {"authorization", "api-key", "apikey", "api_key", "token", "secret", "password", "x-auth"})
        if (h.find(word) != std::string::npos)
            return true;
    return holdsCredential(name, value);
}

// "k:v" lines, as Dify keeps headers and query parameters.
std::vector<std::pair<std::string, std::string>> keyValueLines(const std::string &text)
{
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos) {
            std::string key = trimmed(line.substr(0, colon));
            if (!key.empty())
                out.emplace_back(key, trimmed(line.substr(colon + 1)));
        }
        start = end + 1;
    }
    return out;
}

} // namespace

void mapHttp(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "http";
    const std::string here = ImportContext::where(dn);
    nlohmann::json config = nlohmann::json::object();
    std::string method = scalarText(member(dn.data, "method"));
    for (char &c : method)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (method.empty())
        method = "GET";
    if (method != "GET" && method != "POST" && method != "PUT" && method != "PATCH" && method != "DELETE" && method != "HEAD") {
        ctx.issue(Kind::Changed, here, "method " + method, "Flowdeck's HTTP node has no method " + method + "; it sends GET.");
        method = "GET";
    }
    config["method"] = method;
    std::string url = ctx.text(member(dn.data, "url"), dn, "url");
    if (url.empty()) {
        url = "https://example.com";
        ctx.issue(Kind::Todo, here, "url", "The request had no address; set its URL.");
    }
    config["url"] = url;

    nlohmann::json headers = nlohmann::json::object();
    for (const auto &[key, value] : keyValueLines(scalarText(member(dn.data, "headers")))) {
        if (value.find("{{#") == std::string::npos && looksLikeCredential(key, value) && !value.empty()) {
            const std::string name = ctx.addSecret(dn.id + "_" + key, value, "http-request node " + dn.id + " header " + key);
            headers[key] = "{{secret." + name + "}}";
        } else {
            headers[key] = ctx.text(value, dn, "headers." + key, true);
        }
    }
    nlohmann::json query = nlohmann::json::object();
    for (const auto &[key, value] : keyValueLines(scalarText(member(dn.data, "params")))) {
        if (value.find("{{#") == std::string::npos && looksLikeCredential(key, value) && !value.empty()) {
            const std::string name = ctx.addSecret(dn.id + "_" + key, value, "http-request node " + dn.id + " parameter " + key);
            ctx.issue(Kind::Todo, here + "/params." + key, key,
                      "A key was written in the address's parameters; it was moved to the secret " + name +
                          ", but Flowdeck sends secrets only in headers. Send it as a header if the service allows, "
                          "or fill in the parameter when running.");
            query[key] = "";
        } else {
            query[key] = ctx.text(value, dn, "params." + key);
        }
    }

    const nlohmann::json &auth = member(dn.data, "authorization");
    if (scalarText(member(auth, "type")) == "api-key") {
        const nlohmann::json &ac = member(auth, "config");
        const std::string kind = scalarText(member(ac, "type"));
        const std::string key = scalarText(member(ac, "api_key"));
        std::string secretRef;
        if (key.find("{{#") != std::string::npos) {
            secretRef = ctx.text(key, dn, "authorization.config.api_key", true);
        } else if (!key.empty()) {
            const std::string header = kind == "bearer" || kind == "basic" || scalarText(member(ac, "header")).empty()
                                           ? std::string("Authorization")
                                           : scalarText(member(ac, "header"));
            secretRef = "{{secret." + ctx.addSecret(dn.id + "_" + header, key, "http-request node " + dn.id + " header " + header) + "}}";
        } else {
            ctx.issue(Kind::Todo, here + "/authorization", "authorization.config.api_key",
                      "The request is authorized with a key that the file does not hold; set it as a secret.");
        }
        if (!secretRef.empty()) {
            if (kind == "bearer") {
                headers["Authorization"] = "Bearer " + secretRef;
            } else if (kind == "basic") {
                headers["Authorization"] = "Basic " + secretRef;
                ctx.issue(Kind::Todo, here + "/authorization", "authorization basic",
                          "Basic authorization sends the secret as written: store it Base64-encoded (user:password).");
            } else {
                std::string header = scalarText(member(ac, "header"));
                headers[header.empty() ? "Authorization" : header] = secretRef;
            }
        }
    }
    if (!headers.empty())
        config["headers"] = headers;
    if (!query.empty())
        config["query"] = query;

    const nlohmann::json &body = member(dn.data, "body");
    const std::string bodyType = scalarText(member(body, "type"));
    const nlohmann::json &data = member(body, "data");
    auto bodyText = [&](const nlohmann::json &d) -> std::string {
        if (d.is_string())
            return ctx.text(d.get<std::string>(), dn, "body.data");
        std::string joined;
        for (const auto &part : d.is_array() ? d : nlohmann::json::array())
            joined += ctx.text(member(part, "value"), dn, "body.data");
        return joined;
    };
    if (bodyType == "json" || bodyType == "raw-text" || bodyType == "raw_text") {
        config["body"] = bodyText(data);
        if (bodyType == "json" && !headers.contains("Content-Type") && !headers.contains("content-type"))
            headers["Content-Type"] = "application/json";
    } else if (bodyType == "x-www-form-urlencoded" || bodyType == "form-data") {
        std::vector<std::pair<std::string, std::string>> fields;
        if (data.is_string()) {
            for (const auto &[k, v] : keyValueLines(data.get<std::string>()))
                fields.emplace_back(k, ctx.text(v, dn, "body.data." + k));
        } else {
            for (const auto &part : data.is_array() ? data : nlohmann::json::array()) {
                if (scalarText(member(part, "type")) == "file") {
                    ctx.issue(Kind::Unmapped, here + "/body", "form-data file",
                              "Flowdeck's HTTP node does not upload files; the file field '" + scalarText(member(part, "key")) +
                                  "' was left out.");
                    continue;
                }
                fields.emplace_back(scalarText(member(part, "key")), ctx.text(member(part, "value"), dn, "body.data"));
            }
        }
        std::string encoded;
        for (const auto &[k, v] : fields)
            encoded += (encoded.empty() ? "" : "&") + k + "=" + v;
        config["body"] = encoded;
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        if (bodyType == "form-data")
            ctx.issue(Kind::Changed, here + "/body", "form-data",
                      "Flowdeck sends form fields URL-encoded, not as multipart form data; most services accept both.");
    } else if (bodyType == "binary") {
        ctx.issue(Kind::Unmapped, here + "/body", "body binary",
                  "Flowdeck's HTTP node does not send a file as the body; the body was left out.");
    }
    if (!headers.empty())
        config["headers"] = headers;

    const nlohmann::json &timeout = member(dn.data, "timeout");
    double longest = 0;
    for (const char *k : {"connect", "read", "write", "max_connect_timeout", "max_read_timeout", "max_write_timeout"}) {
        double v = 0;
        if (numberOf(member(timeout, k), v))
            longest = std::max(longest, v);
    }
    if (longest > 0)
        config["timeoutMs"] = static_cast<int>(std::clamp(longest * 1000.0, 1.0, 600000.0));
    if (member(dn.data, "ssl_verify").is_boolean() && !member(dn.data, "ssl_verify").get<bool>())
        ctx.issue(Kind::Unmapped, here, "ssl_verify",
                  "Flowdeck always checks the server's certificate; requests to a server without a valid one will fail.");
    config["failOnStatus"] = false;  // Dify hands 4xx/5xx answers on as outputs
    node.config = std::move(config);
}

} // namespace flowdeck::engine::dify
