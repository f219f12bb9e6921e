#pragma once

#include "engine/workflow/workflow.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace flowdeck {
namespace studio {

class GraphDocument;

// The workflow's environment variables (Workflow Settings → Environment Variables): name,
// type (text or number), value and description, one row each. Prompts read them as
// {{env.NAME}}; a host's own setting of the same name wins over the value here. Secrets
// never belong here (the file is plain text): the editor says so, and warns about names
// that look like one. Names are checked as typed and taken when the field is left; every
// change is a SetEnvCommand (typing in one description merges into one step).
class EnvironmentVariablesEditor : public QWidget {
    Q_OBJECT

public:
    explicit EnvironmentVariablesEditor(GraphDocument *doc, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QLabel *problem() const { return m_problem; }
    // The editor in `row` of `column` ("name", "type", "value", "description", "remove"), for tests.
    QWidget *cell(int row, const QString &column) const;
    void addVariable();

    // Why `name` cannot name an environment variable (empty, bad characters, over 64
    // characters, taken by another row than `row`); empty when it can.
    static QString nameProblem(const std::vector<engine::EnvSpec> &env, const QString &name, int row);

private:
    enum Column { NameColumn, TypeColumn, ValueColumn, DescriptionColumn, RemoveColumn };
    void reload();
    void change(int row, const QString &what, const std::function<void(engine::EnvSpec &)> &edit, bool merge);
    void commitName(int row);
    void commitValue(int row);
    void changeType(int row, const QString &type);
    void removeVariable(int row);
    void showProblem(const QString &problem);

    GraphDocument *m_doc;
    QTableWidget *m_table;
    QPushButton *m_add;
    QLabel *m_problem;
    bool m_applying = false;  // our own change coming back from the document
};

} // namespace studio
} // namespace flowdeck
