#include "runtime/serve/probesapi.h"

namespace flowdeck::runtime {

bool ProbesApi::handle(const std::string &probe, const ReplyPtr &reply)
{
    if (probe == "healthz") {
        sendJson(reply, 200, {{"status", "ok"}});
        return true;
    }
    if (probe == "readyz") {
        if (m_ctx.draining())
            sendJson(reply, 503, {{"status", "draining"}});
        else
            sendJson(reply, 200, {{"status", "ready"}, {"apps", m_ctx.apps().names().size()}});
        return true;
    }
    if (probe == "metrics") {
        m_ctx.metrics().setGauge("flowdeck_apps", static_cast<double>(m_ctx.apps().names().size()));
        reply->send(200, "text/plain; version=0.0.4", m_ctx.metrics().text());
        return true;
    }
    return false;
}

} // namespace flowdeck::runtime
