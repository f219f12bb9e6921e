#pragma once

#include "widgets/editors/nodeeditors.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace flowdeck::studio {

class CodeEdit;
class CodeTryPanel;

// A code node's body (DESIGN.md §3 `code`): the language, the code in a highlighting
// editor, and below it the panel that runs it once with sample input (Ctrl+Enter in the
// editor). Switching the language puts in that language's starter body when the code
// is empty or still the other language's starter; other code is kept as written.
class CodeBodyEditor : public QWidget {
    Q_OBJECT

public:
    explicit CodeBodyEditor(const NodeEditorContext &context, QWidget *parent = nullptr);
    CodeEdit *editor() const { return m_editor; }
    QComboBox *languageBox() const { return m_language; }
    CodeTryPanel *tryPanel() const { return m_try; }

    // The body a new node of `language` starts with: main() with two arguments, as in Dify.
    static QString starter(const QString &language);
    static QStringList languages() { return {QStringLiteral("python3"), QStringLiteral("javascript")}; }

private:
    static QString contractOf(const QString &language);  // what main() takes and returns, in a line
    void switchLanguage(const QString &language);

    QComboBox *m_language;
    CodeEdit *m_editor;
    QLabel *m_contract;
    QLabel *m_note;
    CodeTryPanel *m_try;
    NodeEditorContext m_context;
};

} // namespace flowdeck::studio
