#include "widgets/history/deployversion.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonread.h"
#include "engine/history/projecthistory.h"
#include "widgets/history/projectversions.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace flowdeck {
namespace studio {

namespace {

// The texts of this file, translated under one context.
class Text {
    Q_DECLARE_TR_FUNCTIONS(DeployVersion)
};

} // namespace

DeployVersion recordDeployVersion(const QString &workflowFile, const std::string &deployedText, const QString &target,
                                  const QString &app)
{
    DeployVersion out;
    ProjectVersions versions(workflowFile);
    if (workflowFile.isEmpty() || !versions.exists())
        return out;
    QFile file(workflowFile);
    if (!file.open(QIODevice::ReadOnly) || file.readAll().toStdString() != deployedText) {
        out.note = Text::tr("not kept as a version: the workflow has unsaved changes");
        return out;
    }
    const auto version = versions.record(Text::tr("Deployed %1 to %2").arg(app, target), "deploy", target);
    if (!version) {
        QString why = versions.problem();
        while (why.endsWith('.'))
            why.chop(1);
        out.note = Text::tr("not kept as a version: %1").arg(why);
        return out;
    }
    out.shortId = QString::fromStdString(version->shortId());
    out.source = {{"version", QString::fromStdString(version->id)},
                  {"message", QString::fromStdString(version->message)},
                  {"time", static_cast<double>(version->time)}};
    return out;
}

bool withdrawDeployVersion(const QString &workflowFile, const QString &versionId)
{
    if (workflowFile.isEmpty() || versionId.isEmpty())
        return false;
    auto history = engine::ProjectHistory::open(QFileInfo(workflowFile).absolutePath().toStdString());
    if (!history)
        return false;
    auto withdrawn = history.value()->withdrawDeploy(versionId.toStdString());
    return withdrawn && withdrawn.value();
}

QString withSourceFields(const QString &bundle, const QJsonObject &fields)
{
    nlohmann::json document = engine::parseJson(bundle.toStdString());
    if (!document.is_object() || fields.isEmpty())
        return bundle;
    if (!document["source"].is_object())
        document["source"] = nlohmann::json::object();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.value().isDouble())
            document["source"][it.key().toStdString()] = static_cast<std::int64_t>(it.value().toDouble());
        else
            document["source"][it.key().toStdString()] = it.value().toString().toStdString();
    }
    return QString::fromStdString(engine::safeDump(document));
}

} // namespace studio
} // namespace flowdeck
