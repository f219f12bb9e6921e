#pragma once

#include "runtime/serve/servecontext.h"

namespace flowdeck::runtime {

// /admin/v1: deploy, inspect, roll back and delete apps, manage their API keys and read
// their run history. Every call needs the admin token.
class AdminApi {
public:
    explicit AdminApi(ServeContext &context) : m_ctx(context) {}
    // `path` is the request's path split at '/' ("admin", "v1", ...).
    void handle(Request &request, const ReplyPtr &reply, const std::vector<std::string> &path);

private:
    ServeContext &m_ctx;
};

} // namespace flowdeck::runtime
