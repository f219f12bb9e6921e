#include "widgets/deploy/bundlebuilder.h"

#include "engine/deploy/deploybundle.h"
#include "engine/knowledge/knowledgepack.h"
#include "engine/run/runhost.h"
#include "widgets/document/localized.h"
#include "widgets/run/runcontroller.h"

#include <QMetaObject>
#include <QObject>

#include <memory>

namespace flowdeck {
namespace studio {

void buildDeployBundle(RunController *runner, const engine::Workflow &workflow, bool publicAccess,
                       std::function<void(QString, QStringList, QVector<PackedBase>)> done, nlohmann::json source,
                       QString workflowFile, QString packFolder)
{
    auto wf = std::make_shared<engine::Workflow>(workflow);
    runner->onEngine([runner, wf, publicAccess, done = std::move(done), source = std::move(source),
                      workflowFile = workflowFile.toStdString(), packFolder = packFolder.toStdString()](engine::RunHost &host) {
        engine::BundleOptions options;
        options.publicAccess = publicAccess;
        auto bundle = engine::buildDeployBundle(*wf, host.profiles(), host.secrets(), host.catalog(), options);
        QString text;
        QStringList problems;
        QVector<PackedBase> bases;
        if (bundle && !engine::knowledgeBasesUsed(*wf).empty()) {
            engine::Diagnostics found;
            if (workflowFile.empty()) {
                problems << QObject::tr("Save the workflow in its project folder first: its knowledge bases live there.");
            } else {
                auto packed = engine::packKnowledgeForWorkflow(*wf, engine::knowledgeFolderFor(workflowFile), packFolder);
                if (packed.ok()) {
                    found = engine::addKnowledgeToBundle(bundle.value(), packed.value(), host.profiles(), host.secrets());
                    for (const auto &b : packed.value())
                        bases.push_back({QString::fromStdString(b.name), QString::fromStdString(b.file.string()),
                                         QString::fromStdString(b.sha256), static_cast<qint64>(b.bytes)});
                } else {
                    found = packed.diagnostics();
                }
            }
            for (const auto &d : found)
                problems << diagnosticText(d);
        }
        if (bundle && problems.isEmpty()) {
            if (!source.empty())
                bundle.value()["source"] = source;
            text = QString::fromStdString(bundle->dump());
        } else if (!bundle) {
            for (const auto &d : bundle.diagnostics())
                problems << diagnosticText(d);
        }
        QMetaObject::invokeMethod(runner, [done, text, problems, bases] { done(text, problems, bases); }, Qt::QueuedConnection);
    });
}

} // namespace studio
} // namespace flowdeck
