#pragma once

#include "runtime/serve/servecontext.h"

#include <boost/asio/steady_timer.hpp>

namespace flowdeck::runtime {

// Human input in a deployed runtime (DESIGN.md §3, §6). A run that pauses at a human node
// is kept by ServeContext; here it goes on:
//   POST /v1/apps/{app}/forms/{token} {"action", "values"} answers the form (checked first:
//   400 with what is wrong), claims the run once (a second answer finds nothing: 404),
//   rebuilds it on the app version it paused in (409 when that version is gone) and
//   answers as the run API does, SSE or JSON; it may pause again.
//   GET /v1/apps/{app}/forms/{token} shows the form still waiting.
// A sweep every second takes the runs whose form's time limit has passed and lets them go
// on by the timeout port, in the background; their outcome goes to the run history.
class FormsApi {
public:
    explicit FormsApi(ServeContext &context);
    void handle(Request &request, const ReplyPtr &reply, const std::string &app, const std::string &token);

private:
    void answer(Request &request, const ReplyPtr &reply, const std::shared_ptr<LiveApp> &app, const std::string &token);
    void scheduleSweep();
    void sweep();

    ServeContext &m_ctx;
    boost::asio::steady_timer m_timer;
};

} // namespace flowdeck::runtime
