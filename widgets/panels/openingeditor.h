#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace flowdeck {
namespace studio {

class GraphDocument;

// A chat app's opening (Workflow Settings → Opening): the statement the assistant greets
// the user with before the first message, and up to ten suggested questions the user can
// send with a click. Every edit is a SetOpeningCommand (typing in the statement, or in
// one question, merges into one step); the editor follows undo, redo and another file.
// A workflow-mode app has no conversation, so no opening: the editor says so, disabled.
class OpeningEditor : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxTextLength = 4000;
    static constexpr int kMaxSuggestionLength = 300;

    explicit OpeningEditor(GraphDocument *doc, QWidget *parent = nullptr);

    QPlainTextEdit *textEdit() const { return m_text; }
    QPushButton *addButton() const { return m_add; }
    QLabel *limitNote() const { return m_limit; }     // which limit was reached, when one was
    QLabel *modeNote() const { return m_modeNote; }   // why a workflow-mode app has none
    int suggestionCount() const;                      // rows shown, an empty new one included
    QLineEdit *suggestion(int row) const;
    QToolButton *removeButton(int row) const;
    void addSuggestion();

private:
    void reload();
    void commitText();
    void commitSuggestions(int row);
    void removeSuggestion(int row);
    QLineEdit *addRow(const QString &text);
    void updateLimits();

    GraphDocument *m_doc;
    QWidget *m_body;  // everything but the mode note: disabled in workflow mode
    QLabel *m_modeNote;
    QPlainTextEdit *m_text;
    QWidget *m_rows;
    QVBoxLayout *m_rowsLayout;
    QPushButton *m_add;
    QLabel *m_limit;
    QString m_textLimit;  // set while the statement is at its limit
    bool m_applying = false;  // our own change coming back from the document
    bool m_loading = false;   // filling the fields from the document
};

} // namespace studio
} // namespace flowdeck
