#pragma once

#include "engine/model/providerprofile.h"
#include "engine/workflow/workflow.h"

#include <QObject>

#include <optional>

class QWidget;

namespace flowdeck::studio {

class GraphDocument;
class KeyStore;
class RunController;

// How the studio picks the provider of new projects' models: the first provider the
// user has a key for (Huawei Cloud MaaS first), else the one they chose before
// (remembered in QSettings), else it asks once (ProviderDialog). Also Workflow →
// Models… and the question at the first start without any key.
class ModelChoice : public QObject {
    Q_OBJECT

public:
    static constexpr const char *kSettingsKey = "models/provider";

    ModelChoice(RunController *runner, KeyStore *keys, QWidget *window);

    // Without asking: the provider with a key, else the remembered choice.
    std::optional<engine::ProviderProfile> knownProvider() const;
    // knownProvider(), else asks (and remembers the answer); nullopt when cancelled.
    std::optional<engine::ProviderProfile> providerForNewProject();
    // Binds the unbound models of `workflow` to knownProvider(), if there is one.
    void bindKnown(engine::Workflow &workflow) const;
    // At the first start with no key anywhere and no choice made: asks once.
    void askOnFirstStart();
    // The workflow's settings in a dialog: Workflow → Models… opens it on its Models tab,
    // Workflow → Conversation Variables… (and the assigner's Manage…) on its variables tab,
    // Safety on the app guard policy (Content Safety), Environment on the env variables,
    // Opening on a chat app's greeting and suggested questions.
    enum class Page { Models, Variables, Safety, Environment, Opening };
    void showModelsDialog(GraphDocument *doc, Page page = Page::Models);

signals:
    void keyRequested(const QString &profile);

private:
    std::optional<engine::ProviderProfile> ask();

    RunController *m_runner;
    KeyStore *m_keys;
    QWidget *m_window;
};

} // namespace flowdeck::studio
