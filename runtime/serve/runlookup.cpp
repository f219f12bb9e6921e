#include "runtime/serve/runlookup.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "runtime/serve/errorbody.h"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <cctype>

namespace flowdeck::runtime {

namespace {

constexpr std::size_t kMaxRunIdLength = 128;

bool possibleRunId(const std::string &id)
{
    return !id.empty() && id.size() <= kMaxRunIdLength && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_';
    });
}

// The version's workflow and source from its stored bundle; the workflow is null when the
// version is no longer kept or its bundle cannot be read.
void readVersion(const std::filesystem::path &dir, nlohmann::json &workflow, nlohmann::json &source)
{
    workflow = nullptr;
    const auto text = readFile(dir / "bundle.json");
    const nlohmann::json bundle = text ? engine::parseJson(*text) : nlohmann::json();
    if (!bundle.is_object())
        return;
    if (auto it = bundle.find("source"); it != bundle.end() && it->is_object())
        source = *it;
    auto it = bundle.find("workflow");
    if (it == bundle.end() || !it->is_object())
        return;
    workflow = *it;
    // Pinned test data is the studio's; a bundle's nodes carry none (buildDeployBundle), and
    // one that came from elsewhere is not given back as if it did.
    if (auto nodes = workflow.find("nodes"); nodes != workflow.end() && nodes->is_array())
        for (auto &node : *nodes)
            if (node.is_object())
                node.erase("pin");
}

} // namespace

void lookUpRun(ServeContext &ctx, const ReplyPtr &reply, const std::string &app, const std::string &runId)
{
    if (!ctx.apps().find(app))
        return sendError(reply, 404, "There is no app named '" + app + "'.", "not_found");
    if (!possibleRunId(runId))
        return sendError(reply, 400,
                         "'" + runId.substr(0, kMaxRunIdLength) +
                             "' is not a run id: run ids are letters, digits, '-' and '_' (like run-3f2a…), as the "
                             "run's answer and the run history give them.",
                         "invalid_request");
    const std::filesystem::path versions = ctx.apps().versionsDir(app);
    ctx.history().find(app, runId, [&io = ctx.io(), reply, app, runId, versions](nlohmann::json run) {
        // On the history's thread: the version's bundle is read here too, off the serving loop.
        nlohmann::json body;
        unsigned status = 200;
        if (run.is_null()) {
            status = 404;
            body = errorBody(404, "The app '" + app + "' has no run '" + runId +
                                      "' in its history (runs are kept as long as `flowdeck serve --history-days` and "
                                      "--history-runs say).",
                             "not_found");
        } else {
            const int version = engine::valueOr(run, "version", 0);
            nlohmann::json workflow, source = nlohmann::json::object();
            readVersion(versions / std::to_string(version), workflow, source);
            const std::string sourceVersion = engine::valueOr(run, "sourceVersion", "");
            if (!source.contains("version") && !sourceVersion.empty())
                source["version"] = sourceVersion;  // the version's files are gone; the run remembers
            body = {{"app", app}, {"run", std::move(run)}, {"version", version}, {"source", std::move(source)},
                    {"workflow", std::move(workflow)}};
        }
        boost::asio::post(io, [reply, status, body = std::move(body)] { sendJson(reply, status, body); });
    });
}

} // namespace flowdeck::runtime
