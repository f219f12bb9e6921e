// GET /apps/{app}/chat: the embeddable chat page (web/chat, built into one chat.html),
// and /apps/{app}/chat/info, what the page shows about the app.
#include "runtime/serve/chatpage.h"

#include "engine/workflow/localized.h"

namespace flowdeck::runtime {

namespace http = boost::beast::http;

void ChatPage::handle(Request &request, const ReplyPtr &reply, const std::string &name, bool info)
{
    if (request.method() != http::verb::get && request.method() != http::verb::head)
        return sendError(reply, 405, "Use GET for the chat page.", "method_not_allowed", {{"Allow", "GET"}});
    auto app = m_ctx.apps().find(name);
    if (!app)
        return sendError(reply, 404,
                         userMessage(request, "http.no-app", {name}, "There is no app named '" + name + "' on this runtime."),
                         "not_found");
    if (info) {
        // A private app says no more than that it needs a key until the caller has one.
        const std::string key = bearerToken(request);
        if (!app->settings().publicAccess && !m_ctx.isAdmin(key) && !m_ctx.apps().keyAllowed(name, key))
            return sendJson(reply, 200, {{"app", name}, {"needsKey", true}});
        // The workflow's own Chinese (its "i18n") when the browser prefers Chinese.
        const auto &wf = app->workflow();
        const std::string language = engine::languageFromAcceptLanguage(std::string(request[http::field::accept_language]));
        nlohmann::json inputs = nlohmann::json::array();
        for (const auto &input : wf.inputs) {
            nlohmann::json entry = {{"name", input.name}, {"label", engine::localizedLabel(input, language)},
                                    {"type", input.type}, {"required", input.required}};
            if (input.options.is_array())
                entry["options"] = input.options, entry["optionLabels"] = engine::localizedOptions(input, language);
            if (!input.accept.empty())
                entry["accept"] = input.accept;  // a file input's types, for the file chooser
            if (input.type == "file")
                entry["maxBytes"] = input.maxBytes > 0 ? input.maxBytes : engine::kDefaultFileInputBytes;
            if (!input.defaultValue.is_null())
                entry["default"] = input.defaultValue;
            inputs.push_back(std::move(entry));
        }
        const std::string title = engine::localizedName(wf, language);
        nlohmann::json body = {{"app", name}, {"title", title.empty() ? name : title},
                               {"description", engine::localizedDescription(wf, language)}, {"language", language},
                               {"mode", wf.mode}, {"needsKey", !app->settings().publicAccess}, {"inputs", inputs},
                               {"aiLabel", app->guardPolicy().labelChatPage}};  // "AI-generated" under each answer
        // The greeting and suggested questions the page shows before the first message
        // (a workflow app has none, whatever its file says).
        if (wf.isChat() && !wf.opening.empty())
            body["opening"] = {{"text", wf.opening.text}, {"suggestions", wf.opening.suggestions}};
        return sendJson(reply, 200, body, {{"Vary", "Accept-Language"}});
    }
    if (m_page.empty()) {
        if (auto page = readFile(m_ctx.options().webDir / "chat.html"))
            m_page = std::move(*page);
        else
            return sendError(reply, 503,
                             "The chat page is not installed: build it with `npm ci && npm run build` in resources/chat, or set "
                             "FLOWDECK_WEB_DIR to the folder holding chat.html (looked in " + m_ctx.options().webDir.string() + ").",
                             "unavailable");
    }
    // The page may be embedded in other sites (an iframe), but runs no one else's scripts.
    reply->send(200, "text/html; charset=utf-8", m_page,
                {{"Cache-Control", "no-cache"},
                 {"Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' "
                                             "'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'"},
                 {"X-Content-Type-Options", "nosniff"}});
}

} // namespace flowdeck::runtime
