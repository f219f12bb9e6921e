#pragma once

#include "engine/workflow/workflow.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QToolButton;

namespace flowdeck {
namespace studio {

class GraphDocument;

// The Start node's inspector: the workflow's inputs as a list (add, remove, move up and
// down) and a form for the chosen one: name, label in English and Chinese (i18n.zh),
// type, required, default value, the choices of a select and the file types a file
// input accepts. Each change is one SetInputsCommand; typing in a field merges.
class StartInputsEditor : public QWidget {
    Q_OBJECT

public:
    explicit StartInputsEditor(GraphDocument *doc, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    int currentIndex() const;
    void select(int index);
    // The editors, by what they edit ("name", "label", "labelZh", "type", "required",
    // "default", "options", "optionsZh", "accept"), for tests.
    QWidget *field(const QString &name) const;
    QToolButton *addButton() const { return m_add; }
    QToolButton *removeButton() const { return m_remove; }
    QLabel *problem() const { return m_problem; }

    void addInput();
    void removeInput();
    void moveInput(int delta);

private:
    void reload();      // the list and the form from the document
    void showCurrent(); // the form for the chosen input
    void change(const QString &what, const std::function<void(engine::InputSpec &)> &edit, bool merge = true);
    void commitName();
    void commitDefault();
    QString nameProblem(const QString &name, int index) const;

    GraphDocument *m_doc;
    QListWidget *m_list;
    QToolButton *m_add, *m_remove, *m_up, *m_down;
    QWidget *m_form;
    QLineEdit *m_name, *m_label, *m_labelZh, *m_default, *m_accept;
    QComboBox *m_type;
    QCheckBox *m_required;
    QPlainTextEdit *m_options, *m_optionsZh;
    QLabel *m_problem;
    bool m_applying = false;  // our own change coming back from the document
};

} // namespace studio
} // namespace flowdeck
