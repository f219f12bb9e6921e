#pragma once

#include "engine/run/runtrace.h"
#include "engine/workflow/workflow.h"

#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace flowdeck {
namespace studio {

// A run of a deployed app, as a runtime's GET /admin/v1/apps/{app}/runs/{runId} answers it:
// the workflow of the app version that ran (without pins), the run's inputs, its trace.
struct DeployedRun {
    Q_DECLARE_TR_FUNCTIONS(DeployedRun)

public:
    QString app, runId, status, error, failedNode;
    int version = 0;         // the runtime's app version
    double elapsedMs = 0;
    QString sourceVersion;   // the project version it was deployed from; empty: not known
    engine::Workflow workflow;
    nlohmann::json inputs = nlohmann::json::object();  // by start input name
    QString query;                                     // a chat run's message
    engine::RunTrace trace;
    bool traceTooLarge = false;  // the runtime kept no node values: the run's trace was over its limit

    // The document's title: "helpdesk — run 7f3a9c1e".
    QString title() const;
    // Reads the runtime's answer (hostile: checked field by field); nullopt with a sentence
    // in `why` when it holds no workflow that can be opened.
    static std::optional<DeployedRun> read(const nlohmann::json &answer, const QString &app, const QString &runId, QString *why);
};

} // namespace studio
} // namespace flowdeck
