#pragma once

#include "runtime/serve/servecontext.h"

namespace flowdeck::runtime {

// POST /v1/apps/{app}/run: JSON inputs in, outputs out; with Accept: text/event-stream,
// the run's node events as server-sent events.
class RunApi {
public:
    explicit RunApi(ServeContext &context) : m_ctx(context) {}
    void handle(Request &request, const ReplyPtr &reply, const std::string &app);
    // GET /v1/apps/{app}/sources/{base}/{chunkId}: the passage a citation points at.
    void source(Request &request, const ReplyPtr &reply, const std::string &app, const std::string &base,
                const std::string &chunkId);

private:
    ServeContext &m_ctx;
};

} // namespace flowdeck::runtime
