#include "runtime/serve/probesapi.h"

namespace flowdeck::runtime {

bool ProbesApi::handle(const std::string &probe, const Request &request, const ReplyPtr &reply)
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
        const bool admin = m_ctx.isAdmin(bearerToken(request));
        reply->send(200, "text/plain; version=0.0.4", m_ctx.metrics().text([this, admin](const std::string &app) {
            if (admin)
                return true;
            auto live = m_ctx.apps().find(app);
            return live && live->settings().publicAccess;
        }));
        return true;
    }
    return false;
}

} // namespace flowdeck::runtime
