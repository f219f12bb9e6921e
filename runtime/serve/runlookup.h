#pragma once

#include "runtime/serve/servecontext.h"

#include <string>

namespace flowdeck::runtime {

// GET /admin/v1/apps/{app}/runs/{runId} (admin token checked by the caller): one run as
// the history keeps it, with what is needed to open it in the studio and replay it:
//   {"app", "run": {runId, version, sourceVersion, api, startedAt, elapsedMs, status,
//                   usage, inputs, outputs, error?, guard?, failedNode, trace},
//    "version": N (the runtime version it ran on), "source": that version's bundle source
//    ({project, path, host, version, message, time}), "workflow": that version's workflow
//    (no pins; null once the runtime no longer keeps the version)}
// 404 for an unknown app or run, 400 for a run id that cannot be one. The history is
// asked and the version's bundle read on the history's thread; the answer goes out from
// the serving loop.
void lookUpRun(ServeContext &ctx, const ReplyPtr &reply, const std::string &app, const std::string &runId);

} // namespace flowdeck::runtime
