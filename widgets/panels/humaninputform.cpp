#include "widgets/panels/humaninputform.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/messages.h"
#include "engine/nodes/humanform.h"
#include "widgets/document/localized.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

QString text(const nlohmann::json &object, const char *key) { return QString::fromStdString(engine::valueOr(object, key, "")); }

// 4:05, or 1:02:03 past an hour.
QString clockText(qint64 seconds)
{
    const qint64 h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
    return h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'))
                 : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace

HumanInputForm::HumanInputForm(const nlohmann::json &event, QWidget *parent)
    : QFrame(parent), m_form(engine::valueOr(event, "form", nlohmann::json::object())), m_token(text(event, "token")),
      m_nodeId(text(m_form, "node")), m_deadlineMs(engine::valueOr<qint64>(event, "deadlineMs", 0))
{
    setObjectName(QStringLiteral("humanForm:%1").arg(m_nodeId));
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    QString title = text(m_form, "title");
    const nlohmann::json scope = engine::valueOr(event, "scope", nlohmann::json());
    if (scope.is_object() && scope.contains("index"))
        title = tr("%1 (item %2)").arg(title).arg(engine::valueOr(scope, "index", 0) + 1);
    auto *heading = new QLabel(QStringLiteral("<b>%1</b> — %2").arg(title.toHtmlEscaped(), tr("the run waits for your answer")));
    heading->setWordWrap(true);
    layout->addWidget(heading);
    m_text = new QTextBrowser;
    m_text->setObjectName("formText");
    m_text->setOpenExternalLinks(true);
    m_text->setFrameShape(QFrame::NoFrame);  // text of the form, not a box to type in
    m_text->viewport()->setAutoFillBackground(false);
    m_text->setMarkdown(text(m_form, "text"));
    m_text->setVisible(!text(m_form, "text").trimmed().isEmpty());
    // As tall as its text (up to eight lines, then it scrolls), so the fields stay in view.
    connect(m_text->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, m_text,
            [this](const QSizeF &size) {
                const int lines = m_text->fontMetrics().lineSpacing();
                const int height = static_cast<int>(size.height()) + 2 * m_text->frameWidth();
                m_text->setFixedHeight(std::clamp(height, lines + 2 * m_text->frameWidth(), lines * 8));
            });
    layout->addWidget(m_text);
    auto *fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const auto &f : engine::valueOr(m_form, "fields", nlohmann::json::array())) {
        QString label = text(f, "label");
        if (label.isEmpty())
            label = text(f, "name");
        if (engine::valueOr(f, "required", false))
            label += QStringLiteral(" *");
        fields->addRow(label, editorFor(f));
    }
    layout->addLayout(fields);
    m_problem = new QLabel;
    m_problem->setObjectName("formProblem");
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #d93f3f;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QHBoxLayout;
    m_countdown = new QLabel;
    m_countdown->setObjectName("formCountdown");
    m_countdown->setVisible(m_deadlineMs > 0);
    buttons->addWidget(m_countdown);
    buttons->addStretch(1);
    const QString primary = primaryAction();
    for (const auto &a : engine::valueOr(m_form, "actions", nlohmann::json::array())) {
        const QString id = text(a, "id");
        auto *button = new QPushButton(text(a, "label").isEmpty() ? id : text(a, "label"));
        button->setObjectName("action:" + id);
        button->setAutoDefault(true);  // Enter on a button with the focus presses that button
        if (id == primary)
            button->setDefault(true);
        if (engine::valueOr(a, "style", "") == "danger")
            button->setStyleSheet(QStringLiteral("QPushButton { color: #d93f3f; }"));
        connect(button, &QPushButton::clicked, this, [this, id] { submit(id); });
        buttons->addWidget(button);
    }
    layout->addLayout(buttons);
    if (m_deadlineMs > 0) {
        m_clock.setInterval(1000);
        connect(&m_clock, &QTimer::timeout, this, &HumanInputForm::tick);
        m_clock.start();
        tick();
    }
}

QWidget *HumanInputForm::editorFor(const nlohmann::json &field)
{
    const std::string type = engine::valueOr(field, "type", "text");
    const nlohmann::json given = engine::valueOr(field, "default", nlohmann::json());
    const QString value = given.is_string() ? QString::fromStdString(given.get<std::string>())
                          : given.is_null() ? QString()
                                            : QString::fromStdString(given.dump());
    QWidget *editor = nullptr;
    if (type == "paragraph") {
        auto *box = new QPlainTextEdit(value);
        box->setTabChangesFocus(true);
        box->setMaximumHeight(80);
        editor = box;
    } else if (type == "select") {
        auto *box = new QComboBox;
        if (!engine::valueOr(field, "required", false))
            box->addItem(tr("(none)"), QString());
        for (const auto &option : engine::valueOr(field, "options", nlohmann::json::array()))
            if (option.is_string())
                box->addItem(QString::fromStdString(option.get<std::string>()), QString::fromStdString(option.get<std::string>()));
        box->setCurrentIndex(std::max(0, box->findData(value)));
        editor = box;
    } else if (type == "boolean") {
        auto *check = new QCheckBox;
        check->setChecked(value == "true" || value == "1" || value == "yes");
        editor = check;
    } else {
        auto *line = new QLineEdit(value);
        if (type == "number")
            line->setPlaceholderText(tr("a number"));
        editor = line;
    }
    editor->setObjectName(QString::fromStdString("field:" + engine::valueOr(field, "name", "")));
    return editor;
}

QWidget *HumanInputForm::field(const QString &name) const { return findChild<QWidget *>("field:" + name); }

QPushButton *HumanInputForm::actionButton(const QString &id) const { return findChild<QPushButton *>("action:" + id); }

nlohmann::json HumanInputForm::values() const
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto &f : engine::valueOr(m_form, "fields", nlohmann::json::array())) {
        const std::string name = engine::valueOr(f, "name", "");
        QWidget *editor = field(QString::fromStdString(name));
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            out[name] = line->text().toStdString();
        else if (auto *box = qobject_cast<QPlainTextEdit *>(editor))
            out[name] = box->toPlainText().toStdString();
        else if (auto *choice = qobject_cast<QComboBox *>(editor))
            out[name] = choice->currentData().toString().toStdString();
        else if (auto *check = qobject_cast<QCheckBox *>(editor))
            out[name] = check->isChecked();
    }
    return out;
}

QString HumanInputForm::primaryAction() const
{
    const nlohmann::json actions = engine::valueOr(m_form, "actions", nlohmann::json::array());
    for (const auto &a : actions)
        if (engine::valueOr(a, "style", "") == "primary")
            return text(a, "id");
    return actions.empty() ? QString() : text(actions.front(), "id");
}

bool HumanInputForm::submit(const QString &id)
{
    if (m_sent)
        return false;
    engine::HumanResponse response{id.toStdString(), values()};
    const std::string problem = engine::checkHumanResponse(m_form, response);
    m_problem->setText(QString::fromStdString(engine::localizedSentence(problem, studioLanguage().toStdString())));
    m_problem->setVisible(!problem.empty());
    if (!problem.empty())
        return false;
    m_sent = true;
    m_clock.stop();
    emit answered(m_token, id, response.values);
    return true;
}

void HumanInputForm::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !primaryAction().isEmpty()) {
        submit(primaryAction());
        return event->accept();
    }
    QFrame::keyPressEvent(event);
}

void HumanInputForm::tick()
{
    const qint64 left = (m_deadlineMs - QDateTime::currentMSecsSinceEpoch() + 999) / 1000;
    if (left > 0)
        return m_countdown->setText(tr("Time left: %1").arg(clockText(left)));
    // The run takes the node's timeout branch on its own.
    m_clock.stop();
    m_countdown->setText(tr("Time is up: the run goes on without an answer."));
    for (QPushButton *button : findChildren<QPushButton *>())
        button->setEnabled(false);
}

} // namespace studio
} // namespace flowdeck
