#pragma once

#include <QPlainTextEdit>

#include <functional>

class QCompleter;
class QStringListModel;

namespace flowdeck {
namespace studio {

// A multi-line editor for prompts and templates that completes references: typing
// "{{" offers what the node can use (the outputs of the nodes before it, sys.*,
// env.*), narrowing as you type; choosing one writes it out with the closing "}}".
class PromptEdit : public QPlainTextEdit {
    Q_OBJECT

public:
    using Candidates = std::function<QStringList()>;
    explicit PromptEdit(Candidates candidates, QWidget *parent = nullptr);
    QCompleter *completer() const { return m_completer; }
    // One line high, Enter does not break the line: for short values such as arguments.
    void setSingleLine(bool on);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString openReference() const;  // what follows an unclosed "{{" before the cursor; null if none
    void insertChoice(const QString &choice);

    Candidates m_candidates;
    QCompleter *m_completer;
    QStringListModel *m_model;
    bool m_singleLine = false;
};

} // namespace studio
} // namespace flowdeck
