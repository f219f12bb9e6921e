#include "widgets/debug/deployedrun.h"

#include "engine/core/jsonaccess.h"
#include "engine/workflow/workflowfile.h"

namespace flowdeck {
namespace studio {

QString DeployedRun::title() const
{
    const QString id = runId.startsWith(QStringLiteral("run-")) ? runId.mid(4) : runId;  // the runtime's "run-<hex>"
    return tr("%1 — run %2").arg(app, id.left(8));
}

std::optional<DeployedRun> DeployedRun::read(const nlohmann::json &answer, const QString &app, const QString &runId, QString *why)
{
    auto fail = [why](const QString &text) {
        if (why)
            *why = text;
        return std::nullopt;
    };
    if (!answer.is_object())
        return fail(tr("The runtime's answer about run %1 is not a JSON object.").arg(runId));
    const nlohmann::json run = engine::valueOr(answer, "run", nlohmann::json::object());
    const nlohmann::json workflow = engine::valueOr(answer, "workflow", nlohmann::json());
    if (!workflow.is_object())
        return fail(tr("The runtime did not send the workflow that run %1 ran, so it cannot be opened. "
                       "Update the runtime (flowdeck serve) to this version of Flowdeck.")
                        .arg(runId));
    auto parsed = engine::parseWorkflow(engine::safeDump(workflow));
    if (!parsed) {
        QStringList problems;
        for (const auto &d : parsed.diagnostics())
            problems << QString::fromStdString(d.message);
        return fail(tr("The workflow of run %1 could not be read: %2").arg(runId, problems.join(' ')));
    }
    DeployedRun out;
    out.app = app;
    out.runId = QString::fromStdString(engine::valueOr(run, "runId", runId.toStdString()));
    out.status = QString::fromStdString(engine::valueOr(run, "status", ""));
    out.failedNode = QString::fromStdString(engine::valueOr(run, "failedNode", ""));
    const nlohmann::json error = engine::valueOr(run, "error", nlohmann::json());
    out.error = QString::fromStdString(error.is_object() ? engine::valueOr(error, "message", "")
                                       : error.is_string() ? error.get<std::string>()
                                                           : std::string());
    out.version = engine::valueOr(answer, "version", 0);
    out.elapsedMs = engine::valueOr(run, "elapsedMs", 0.0);
    out.sourceVersion = QString::fromStdString(
        engine::valueOr(engine::valueOr(answer, "source", nlohmann::json::object()), "version", ""));
    out.workflow = std::move(parsed.value());
    for (auto &n : out.workflow.nodes)  // a runtime never runs pins; none come into the studio from one
        n.pin = nullptr;
    // The history keeps {"inputs": {...}, "query", "conversation"} for a run.
    const nlohmann::json given = engine::valueOr(run, "inputs", nlohmann::json::object());
    const nlohmann::json inputs = engine::valueOr(given, "inputs", nlohmann::json::object());
    out.inputs = inputs.is_object() ? inputs : nlohmann::json::object();
    out.query = QString::fromStdString(engine::valueOr(given, "query", ""));
    const nlohmann::json trace = engine::valueOr(run, "trace", nlohmann::json::object());
    out.trace = engine::RunTrace::fromJson(trace);
    out.traceTooLarge = trace.is_object() && engine::valueOr(trace, "truncated", false) &&
                        engine::valueOr(trace, "nodes", nlohmann::json::object()).empty();
    return out;
}

} // namespace studio
} // namespace flowdeck
