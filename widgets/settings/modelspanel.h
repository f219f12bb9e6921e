#pragma once

#include <QWidget>

#include <map>

class QComboBox;
class QGridLayout;
class QLabel;

namespace flowdeck::engine {
struct ProviderProfile;
}

namespace flowdeck::studio {

class GraphDocument;
class RunController;

// The workflow's *Models* section: one row per declared model (its name and kind), a
// provider combo with friendly names and a "key set" mark, and an editable model combo
// with the provider's suggestions. Each change is one undoable document command, and
// the rows follow the document (undo, redo, open) and the keys and profiles the studio
// knows. Shown in Workflow → Models… and in *Before You Run*.
class ModelsPanel : public QWidget {
    Q_OBJECT

public:
    ModelsPanel(GraphDocument *doc, RunController *runner, QWidget *parent = nullptr);

    void refresh();
    QComboBox *providerBox(const QString &alias) const;
    QComboBox *modelBox(const QString &alias) const;

signals:
    void keyRequested(const QString &profile);  // open the settings on this profile

private:
    void chooseProvider(const QString &alias, const QString &profile);
    void chooseModel(const QString &alias, const QString &model);

    GraphDocument *m_doc;
    RunController *m_runner;
    QGridLayout *m_grid;
    QLabel *m_empty;
    struct Row {
        QComboBox *provider;
        QComboBox *model;
    };
    std::map<QString, Row> m_rows;
};

// "Huawei Cloud MaaS — ✓ key set", "DeepSeek — no key yet", "Ollama (this computer)".
QString providerText(const engine::ProviderProfile &p, const RunController *runner);
// The interface language's code for engine texts: "zh" or "en".
QString modelsLanguage();
// Fills `box` with the providers (MaaS first; friendly names; "key set" marks) and keeps
// it showing the provider every model of the workflow uses; choosing one binds every
// model to it as one undoable command. The run console's provider combo.
void setUpProviderBox(QComboBox *box, GraphDocument *doc, RunController *runner);

} // namespace flowdeck::studio
