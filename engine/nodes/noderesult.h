#pragma once

#include "engine/run/runevent.h"

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::engine {

// Why a node failed; the CLI's exit code and the runtime's HTTP status come from this.
enum class ErrorKind {
    None,
    InvalidInput,  // a bad config value or input at run time
    Timeout,
    Cancelled,
    Auth,          // 401 / 403 from an endpoint
    NotFound,      // 404: wrong model name or URL
    RateLimited,   // 429 after retries
    Network,       // connection refused, reset, DNS, cut stream
    Upstream,      // 5xx or a malformed answer from an endpoint
    Blocked,       // a policy refused the request (private address)
    Limit,         // a run limit was hit
    Internal,
};

const char *errorKindName(ErrorKind kind);
// Errors worth another attempt under a node's retry policy.
bool isRetryable(ErrorKind kind);

struct NodeResult {
    nlohmann::json outputs = nlohmann::json::object();
    std::string port;  // the branch taken; empty: the default port
    Usage usage;
    ErrorKind errorKind = ErrorKind::None;
    std::string error;

    bool ok() const { return errorKind == ErrorKind::None; }

    static NodeResult success(nlohmann::json outputs, std::string port = {})
    {
        NodeResult r;
        r.outputs = std::move(outputs);
        r.port = std::move(port);
        return r;
    }
    static NodeResult failure(ErrorKind kind, std::string message)
    {
        NodeResult r;
        r.errorKind = kind;
        r.error = std::move(message);
        return r;
    }
};

} // namespace flowdeck::engine
