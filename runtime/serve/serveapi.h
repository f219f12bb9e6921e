#pragma once

#include "runtime/serve/adminapi.h"
#include "runtime/serve/chatpage.h"
#include "runtime/serve/formsapi.h"
#include "runtime/serve/mcpendpoint.h"
#include "runtime/serve/openaiapi.h"
#include "runtime/serve/probesapi.h"
#include "runtime/serve/runapi.h"
#include "runtime/serve/servecontext.h"

namespace flowdeck::runtime {

// Every route of `flowdeck serve` (DESIGN.md §6), each surface a class of its own over
// one ServeContext: the admin API, the OpenAI-compatible endpoint, the run API, each
// app's MCP endpoint and chat page, health and metrics. This class only routes and
// counts each reply in the metrics. Errors are JSON: {"error": {"message", "type", "code"}}.
class ServeApi {
public:
    ServeApi(boost::asio::io_context &io, engine::HttpClient &http, const SecretBox &box, RunHistory &history,
             ServeOptions options);
    void load(const std::function<void(const std::string &)> &log) { m_ctx.apps().loadAll(log); }
    void handle(Request &request, ReplyPtr reply);
    // Whether a request (its header) may carry files for a run: POST to the run API or the
    // chat completions, which get the larger body limit (ServerLimits::allowsUpload).
    static bool takesFiles(const Request &header);
    void setDraining() { m_ctx.setDraining(); }
    AppStore &apps() { return m_ctx.apps(); }
    std::size_t activeRuns() const { return m_ctx.activeRuns(); }
    void cancelAll() { m_ctx.cancelAll(); }  // at shutdown, the runs still going

private:
    ServeContext m_ctx;
    AdminApi m_admin{m_ctx};
    OpenAiApi m_openai{m_ctx};
    RunApi m_run{m_ctx};
    FormsApi m_forms{m_ctx};
    McpEndpoint m_mcp{m_ctx};
    ChatPage m_chat{m_ctx};
    ProbesApi m_probes{m_ctx};
};

} // namespace flowdeck::runtime
