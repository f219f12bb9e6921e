#pragma once

#include "runtime/serve/servecontext.h"

namespace flowdeck::runtime {

// GET /healthz (the process answers), /readyz (it takes work: 503 while draining) and
// /metrics (Prometheus text format).
class ProbesApi {
public:
    explicit ProbesApi(ServeContext &context) : m_ctx(context) {}
    // True when `probe` ("healthz", "readyz", "metrics") was one of these and was answered.
    // /metrics shows private apps' series only to the admin token.
    bool handle(const std::string &probe, const Request &request, const ReplyPtr &reply);

private:
    ServeContext &m_ctx;
};

} // namespace flowdeck::runtime
