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

// The workflow's conversation variables as a table: name, type, default value and
// description, one row each, with a button to add one and one per row to remove it.
// Values kept for a conversation are read as {{conversation.name}} and written by
// assigner nodes. A name is checked as it is typed and taken when the field is left;
// every change is a SetVariablesCommand (typing in a cell merges into one step).
class ConversationVariablesEditor : public QWidget {
    Q_OBJECT

public:
    explicit ConversationVariablesEditor(GraphDocument *doc, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QLabel *problem() const { return m_problem; }
    // The editor in `row` of `column` ("name", "type", "default", "description", "remove"), for tests.
    QWidget *cell(int row, const QString &column) const;
    void addVariable();

private:
    enum Column { NameColumn, TypeColumn, DefaultColumn, DescriptionColumn, RemoveColumn };
    void reload();
    void change(int row, const QString &what, const std::function<void(engine::VariableSpec &)> &edit, bool merge);
    void commitName(int row);
    void commitDefault(int row);
    void removeVariable(int row);
    QString nameProblem(const QString &name, int row) const;
    void showProblem(const QString &problem);

    GraphDocument *m_doc;
    QTableWidget *m_table;
    QPushButton *m_add;
    QLabel *m_problem;
    bool m_applying = false;  // our own change coming back from the document
};

} // namespace studio
} // namespace flowdeck
