#include "widgets/editors/codebodyeditor.h"

#include "engine/core/jsonaccess.h"
#include "widgets/document/commands.h"
#include "widgets/document/graphdocument.h"
#include "widgets/editors/codeedit.h"
#include "widgets/editors/codetrypanel.h"
#include "widgets/editors/nodeeditors.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QUndoStack>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

QString languageOf(const nlohmann::json &config)
{
    const std::string fallback = engine::valueOr(schemaAt("code", "/properties/language"), "default", "python3");
    return QString::fromStdString(engine::valueOr(config, "language", fallback));
}

} // namespace

QString CodeBodyEditor::starter(const QString &language)
{
    if (language == QLatin1String("javascript"))
        return QStringLiteral("function main({arg1, arg2}) {\n"
                              "    return {\n"
                              "        result: arg1 + arg2,\n"
                              "    };\n"
                              "}\n");
    return QStringLiteral("def main(arg1: str, arg2: str) -> dict:\n"
                          "    return {\n"
                          "        \"result\": arg1 + arg2,\n"
                          "    }\n");
}

QString CodeBodyEditor::contractOf(const QString &language)
{
    return language == QLatin1String("javascript") ? tr("function main({inputs}) returns an object") : tr("def main(inputs) -> dict");
}

CodeBodyEditor::CodeBodyEditor(const NodeEditorContext &context, QWidget *parent)
    : QWidget(parent), m_context(context)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    m_language = new QComboBox;
    m_language->setObjectName("language");
    m_language->addItem(tr("Python 3"), "python3");
    m_language->addItem(tr("JavaScript"), "javascript");
    const QString language = languageOf(context.config);
    m_language->setCurrentIndex(std::max(0, m_language->findData(language)));
    m_contract = new QLabel(contractOf(language));
    m_contract->setObjectName("contract");
    m_contract->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    head->addWidget(new QLabel(tr("Language")));
    head->addWidget(m_language);
    head->addWidget(m_contract, 1);
    layout->addLayout(head);

    m_editor = new CodeEdit;
    m_editor->setObjectName("codeEditor");
    m_editor->setLanguage(language);
    m_editor->setPlainText(QString::fromStdString(engine::valueOr(context.config, "code", "")));
    m_editor->setMinimumHeight(220);
    m_editor->setToolTip(tr("Tab indents by four spaces; Ctrl+Enter runs the code with the sample input"));
    layout->addWidget(m_editor);
    m_note = new QLabel;
    m_note->setObjectName("languageNote");
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);

    m_try = new CodeTryPanel(context.doc, context.nodeId);
    layout->addWidget(m_try);

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_context.edit("/code", m_editor->toPlainText().toStdString(), true);
    });
    connect(m_editor, &CodeEdit::runRequested, m_try, &CodeTryPanel::run);
    connect(m_language, &QComboBox::activated, this, [this](int) { switchLanguage(m_language->currentData().toString()); });
}

void CodeBodyEditor::switchLanguage(const QString &language)
{
    const QString code = m_editor->toPlainText().trimmed();
    const QString engineDefault = QString::fromStdString(engine::valueOr(schemaAt("code", "/properties/code"), "default", "")).trimmed();
    const QStringList known = languages();
    if (code.isEmpty() || code == engineDefault ||
        std::any_of(known.begin(), known.end(), [&](const QString &l) { return starter(l).trimmed() == code; })) {
        // Nothing of the user's is lost: the starter of the new language, in one undo step.
        GraphDocument *doc = m_context.doc;
        const std::string id = m_context.nodeId;
        const std::string body = starter(language).toStdString();
        m_context.macro(tr("Switch to %1").arg(m_language->currentText()), [doc, id, language, body] {
            doc->undoStack()->push(new SetConfigFieldCommand(doc, id, "/language", language.toStdString(), false));
            doc->undoStack()->push(new SetConfigFieldCommand(doc, id, "/code", body, false));
        });
        return;
    }
    m_context.edit("/language", language.toStdString(), false);
    m_editor->setLanguage(language);
    m_contract->setText(contractOf(language));
    m_note->setText(tr("The code is kept as it is: rewrite it in %1 before running.").arg(m_language->currentText()));
    m_note->show();
}

} // namespace flowdeck::studio
