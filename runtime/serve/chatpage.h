#pragma once

#include "runtime/serve/servecontext.h"

namespace flowdeck::runtime {

// GET /apps/{app}/chat: the embeddable chat page (resources/chat, built into one
// chat.html), and /apps/{app}/chat/info, what the page shows about the app.
class ChatPage {
public:
    explicit ChatPage(ServeContext &context) : m_ctx(context) {}
    void handle(Request &request, const ReplyPtr &reply, const std::string &app, bool info);

private:
    ServeContext &m_ctx;
    std::string m_page;  // chat.html, read once
};

} // namespace flowdeck::runtime
