#include "widgets/settings/modelchoice.h"

#include "engine/templates/modelbinding.h"
#include "widgets/editors/guardpolicyeditor.h"
#include "widgets/panels/conversationvariableseditor.h"
#include "widgets/panels/enveditor.h"
#include "widgets/panels/openingeditor.h"
#include "widgets/run/runcontroller.h"
#include "widgets/settings/modelspanel.h"
#include "widgets/settings/providerdialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace flowdeck::studio {

ModelChoice::ModelChoice(RunController *runner, KeyStore *keys, QWidget *window)
    : QObject(window), m_runner(runner), m_keys(keys), m_window(window)
{
    setObjectName(QStringLiteral("modelChoice"));
}

std::optional<engine::ProviderProfile> ModelChoice::knownProvider() const
{
    const engine::ProfileStore store = m_runner->profileStore();
    const auto hasKey = [this](const engine::ProviderProfile &p) {
        return m_runner->hasSecret(QString::fromStdString(p.apiKeySecret));
    };
    if (const engine::ProviderProfile *p = engine::preferredProfile(store, hasKey))
        return *p;
    const QString remembered = QSettings().value(QLatin1String(kSettingsKey)).toString();
    if (const engine::ProviderProfile *p = store.find(remembered.toStdString()))
        return *p;
    if (remembered == QLatin1String(ProviderDialog::kDemoProfile)) {  // chosen before this Flowdeck had the preset
        engine::ProviderProfile demo;
        demo.name = ProviderDialog::kDemoProfile;
        demo.needsKey = false;
        return demo;
    }
    return std::nullopt;
}

std::optional<engine::ProviderProfile> ModelChoice::providerForNewProject()
{
    if (auto known = knownProvider())
        return known;
    return ask();
}

void ModelChoice::bindKnown(engine::Workflow &workflow) const
{
    if (auto known = knownProvider())
        engine::bindModels(workflow, *known, true);
}

std::optional<engine::ProviderProfile> ModelChoice::ask()
{
    ProviderDialog dialog(m_runner, m_keys, m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.chosenProfile().isEmpty())
        return std::nullopt;
    QSettings().setValue(QLatin1String(kSettingsKey), dialog.chosenProfile());
    return knownProvider();
}

void ModelChoice::askOnFirstStart()
{
    QSettings settings;
    if (settings.value(QStringLiteral("models/askedOnFirstStart")).toBool() || knownProvider())
        return;
    settings.setValue(QStringLiteral("models/askedOnFirstStart"), true);  // once, whatever the answer
    ask();
}

void ModelChoice::showModelsDialog(GraphDocument *doc, Page page)
{
    QDialog dialog(m_window);
    dialog.setObjectName(QStringLiteral("modelsDialog"));
    dialog.setWindowTitle(tr("Workflow Settings"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *tabs = new QTabWidget;
    auto *models = new QWidget;
    auto *modelsLayout = new QVBoxLayout(models);
    auto *intro = new QLabel(tr("Which provider and model each model of this workflow uses, for runs and deploys. "
                                "Keys stay in the system keychain."));
    intro->setWordWrap(true);
    modelsLayout->addWidget(intro);
    auto *panel = new ModelsPanel(doc, m_runner);
    connect(panel, &ModelsPanel::keyRequested, this, [this, &dialog](const QString &profile) {
        dialog.accept();
        emit keyRequested(profile);
    });
    modelsLayout->addWidget(panel);
    modelsLayout->addStretch(1);
    tabs->addTab(models, tr("Models"));
    const int variables = tabs->addTab(new ConversationVariablesEditor(doc), tr("Conversation Variables"));
    const int opening = tabs->addTab(new OpeningEditor(doc), tr("Opening"));
    const int env = tabs->addTab(new EnvironmentVariablesEditor(doc), tr("Environment Variables"));
    const int safety = tabs->addTab(new GuardPolicyEditor(doc), tr("Content Safety"));
    const int shown = page == Page::Safety        ? safety
                      : page == Page::Environment ? env
                      : page == Page::Opening     ? opening
                      : page == Page::Variables   ? variables
                                                  : 0;
    tabs->setCurrentIndex(shown);
    layout->addWidget(tabs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(680, page == Page::Safety ? 560 : page == Page::Opening ? 480 : 340);  // the policy and the opening are long forms
    dialog.exec();
}

} // namespace flowdeck::studio
