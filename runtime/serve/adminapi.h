#pragma once

#include "runtime/serve/knowledgeuploads.h"
#include "runtime/serve/servecontext.h"

namespace flowdeck::runtime {

// /admin/v1: deploy, inspect, roll back and delete apps, manage their API keys and read
// their run history. Every call needs the admin token.
class AdminApi {
public:
    explicit AdminApi(ServeContext &context) : m_ctx(context), m_knowledge(context.options().dataDir) {}
    // `path` is the request's path split at '/' ("admin", "v1", ...).
    void handle(Request &request, const ReplyPtr &reply, const std::vector<std::string> &path);

private:
    void handleKnowledge(Request &request, const ReplyPtr &reply, const std::vector<std::string> &path);

    ServeContext &m_ctx;
    KnowledgeUploads m_knowledge;
};

} // namespace flowdeck::runtime
