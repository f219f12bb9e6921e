#pragma once

#include "runtime/serve/servecontext.h"

namespace flowdeck::runtime {

// POST /v1/apps/{app}/run: JSON inputs in (or multipart/form-data with files), outputs
// out; with Accept: text/event-stream, the run's node events as server-sent events.
class RunApi {
public:
    explicit RunApi(ServeContext &context) : m_ctx(context) {}
    void handle(Request &request, const ReplyPtr &reply, const std::string &app);
    // GET /v1/apps/{app}/sources/{base}/{chunkId}: the passage a citation points at.
    void source(Request &request, const ReplyPtr &reply, const std::string &app, const std::string &base,
                const std::string &chunkId);

    // What the run API and the forms API share: whether a request asks for SSE, the run's
    // events as server-sent events (secrets redacted), and the answer when a run ends or
    // pauses (202 with its forms, or the run_paused event).
    static bool wantsStream(const Request &request);
    static engine::RunEventSink eventStream(const ReplyPtr &reply, const std::shared_ptr<LiveApp> &app);
    static std::function<void(const engine::WorkflowRun &)> answer(ServeContext &ctx, const ReplyPtr &reply,
                                                                    const std::shared_ptr<LiveApp> &app, bool stream,
                                                                    std::string language);

private:
    ServeContext &m_ctx;
};

} // namespace flowdeck::runtime
