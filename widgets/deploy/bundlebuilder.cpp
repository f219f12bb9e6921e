#include "widgets/deploy/bundlebuilder.h"

#include "engine/deploy/deploybundle.h"
#include "engine/run/runhost.h"
#include "widgets/document/localized.h"
#include "widgets/run/runcontroller.h"

#include <QMetaObject>

#include <memory>

namespace flowdeck {
namespace studio {

void buildDeployBundle(RunController *runner, const engine::Workflow &workflow, bool publicAccess,
                       std::function<void(QString, QStringList)> done, nlohmann::json source)
{
    auto wf = std::make_shared<engine::Workflow>(workflow);
    runner->onEngine([runner, wf, publicAccess, done = std::move(done), source = std::move(source)](engine::RunHost &host) {
        engine::BundleOptions options;
        options.publicAccess = publicAccess;
        auto bundle = engine::buildDeployBundle(*wf, host.profiles(), host.secrets(), host.catalog(), options);
        QString text;
        QStringList problems;
        if (bundle) {
            if (!source.empty())
                bundle.value()["source"] = source;
            text = QString::fromStdString(bundle->dump());
        }
        else
            for (const auto &d : bundle.diagnostics())
                problems << diagnosticText(d);
        QMetaObject::invokeMethod(runner, [done, text, problems] { done(text, problems); }, Qt::QueuedConnection);
    });
}

} // namespace studio
} // namespace flowdeck
