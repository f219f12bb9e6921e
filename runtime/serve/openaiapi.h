#pragma once

#include "runtime/serve/servecontext.h"

namespace flowdeck::runtime {

// POST /v1/chat/completions and GET /v1/models: each deployed app as an OpenAI "model",
// streaming and not.
class OpenAiApi {
public:
    explicit OpenAiApi(ServeContext &context) : m_ctx(context) {}
    void chatCompletions(Request &request, const ReplyPtr &reply);
    void models(const Request &request, const ReplyPtr &reply);

private:
    ServeContext &m_ctx;
};

} // namespace flowdeck::runtime
