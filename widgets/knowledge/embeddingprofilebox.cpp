#include "widgets/knowledge/embeddingprofilebox.h"

#include "engine/model/embeddingclient.h"
#include "engine/model/providerprofile.h"
#include "engine/templates/modelbinding.h"
#include "widgets/run/runcontroller.h"
#include "widgets/settings/modelspanel.h"

#include <algorithm>

namespace flowdeck::studio {

namespace {

engine::ProfileStore profilesOf(const RunController *runner)
{
    return runner ? runner->profileStore() : engine::ProfileStore();
}

} // namespace

EmbeddingProfileBox::EmbeddingProfileBox(RunController *runner, QWidget *parent) : QComboBox(parent), m_runner(runner)
{
    addItem(tr("None: keyword search only"), QString());
    const engine::ProfileStore store = profilesOf(runner);
    std::vector<const engine::ProviderProfile *> profiles = engine::profilesInOrder(store);
    std::stable_partition(profiles.begin(), profiles.end(),
                          [](const engine::ProviderProfile *p) { return !engine::embeddingModelFor(*p, {}).empty(); });
    for (const engine::ProviderProfile *p : profiles) {
        const QString label = runner ? providerText(*p, runner) : QString::fromStdString(p->titleIn(modelsLanguage().toStdString()));
        addItem(label, QString::fromStdString(p->name));
    }
}

void EmbeddingProfileBox::setProfile(const QString &name)
{
    int at = findData(name);
    if (at < 0) {  // a profile this studio does not know: kept, and said so
        addItem(tr("“%1” (not set up here)").arg(name), name);
        at = count() - 1;
    }
    setCurrentIndex(at);
}

QString EmbeddingProfileBox::defaultModel() const
{
    const engine::ProfileStore store = profilesOf(m_runner);
    const engine::ProviderProfile *p = store.find(profile().toStdString());
    return p ? QString::fromStdString(engine::embeddingModelFor(*p, {})) : QString();
}

} // namespace flowdeck::studio
