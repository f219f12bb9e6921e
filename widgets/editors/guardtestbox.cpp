#include "widgets/editors/guardtestbox.h"

#include "engine/core/jsonaccess.h"
#include "engine/guard/localguard.h"
#include "widgets/document/localized.h"
#include "widgets/editors/guardformparts.h"
#include "widgets/editors/guardnames.h"

#include <QHelpEvent>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QToolTip>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

QIcon dot(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}

bool providerOn(const nlohmann::json &checks)
{
    const nlohmann::json provider = engine::valueOr(checks, "provider", nlohmann::json());
    return provider.is_object() && engine::valueOr(provider, "enabled", true);
}

} // namespace

GuardTestBox::GuardTestBox(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("guardTestBox"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("testText"));
    m_text->setPlaceholderText(tr("Type or paste a text here to see what the checks find in it"));
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4 + 2 * (m_text->frameWidth() + 4));
    m_text->viewport()->installEventFilter(this);
    layout->addWidget(m_text);
    m_providerHint = guardHint(tr("The provider check is not called here: it runs when the workflow runs. "
                                  "What is marked comes from the local checks."));
    m_providerHint->setObjectName(QStringLiteral("providerHint"));
    m_providerHint->hide();
    layout->addWidget(m_providerHint);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("testFindings"));
    m_list->setMaximumHeight(m_list->fontMetrics().lineSpacing() * 6);
    m_list->hide();
    layout->addWidget(m_list);
    m_maskedTitle = new QLabel(tr("Masked text (what the next node gets):"));
    m_maskedTitle->hide();
    layout->addWidget(m_maskedTitle);
    m_masked = new QPlainTextEdit;
    m_masked->setObjectName(QStringLiteral("maskedText"));
    m_masked->setReadOnly(true);
    m_masked->setFixedHeight(m_text->height());
    m_masked->hide();
    layout->addWidget(m_masked);

    m_soon.setSingleShot(true);
    m_soon.setInterval(250);  // a scan after a pause in typing, not at every key
    connect(&m_soon, &QTimer::timeout, this, &GuardTestBox::scanNow);
    connect(m_text, &QPlainTextEdit::textChanged, &m_soon, qOverload<>(&QTimer::start));
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= static_cast<int>(m_ranges.size()) || !m_ranges[static_cast<std::size_t>(row)].valid())
            return;
        QTextCursor cursor(m_text->document());
        cursor.setPosition(m_ranges[static_cast<std::size_t>(row)].start);
        cursor.setPosition(m_ranges[static_cast<std::size_t>(row)].end, QTextCursor::KeepAnchor);
        m_text->setTextCursor(cursor);
    });
    scanNow();
}

GuardTestBox::~GuardTestBox() = default;

void GuardTestBox::setChecks(const nlohmann::json &checks)
{
    m_checks = checks.is_object() ? checks : nlohmann::json::object();
    m_stale = true;
    m_providerHint->setVisible(providerOn(m_checks));
    if (!m_text->document()->isEmpty())
        m_soon.start();
}

void GuardTestBox::setSource(engine::TextSource source)
{
    m_source = source;
    if (!m_text->document()->isEmpty())
        m_soon.start();
}

void GuardTestBox::setMasking(bool masking)
{
    m_masking = masking;
    scanNow();
}

void GuardTestBox::compile()
{
    m_stale = false;
    m_guard.reset();
    m_compileError.clear();
    auto compiled = engine::LocalGuard::compile(m_checks);
    if (compiled)
        m_guard = compiled.value();
    else if (!compiled.diagnostics().empty())
        m_compileError = diagnosticText(compiled.diagnostics().front());
    else
        m_compileError = tr("The checks cannot be used as they are.");
}

void GuardTestBox::scanNow()
{
    m_soon.stop();
    const std::string text = m_text->toPlainText().toStdString();
    m_findings.clear();
    if (!text.empty()) {
        if (m_stale)
            compile();
        if (m_guard)
            m_findings = m_guard->scan(text, m_source);
    }
    m_ranges = guardTextRanges(text, m_findings);
    mark();
    m_list->clear();
    for (const auto &f : m_findings) {
        auto *item = new QListWidgetItem(dot(guardCategoryColour(f.category)), guardFindingTitle(f, true), m_list);
        item->setToolTip(guardCategoryTip(f.category));
    }
    m_list->setVisible(!m_findings.empty());
    QString status;
    if (text.empty())
        status = tr("Nothing to check yet.");
    else if (!m_compileError.isEmpty())
        status = tr("The checks cannot run: %1").arg(m_compileError);
    else if (m_findings.empty())
        status = tr("The local checks find nothing in this text.");
    else
        status = tr("%n finding(s): %1", nullptr, static_cast<int>(m_findings.size())).arg(guardFindingsSummary(m_findings));
    m_status->setText(status);
    m_status->setStyleSheet(m_compileError.isEmpty() || text.empty() ? QString() : QStringLiteral("color: #d93f3f;"));
    const bool masked = m_masking && !text.empty() && m_guard;
    m_maskedTitle->setVisible(masked);
    m_masked->setVisible(masked);
    if (masked)
        m_masked->setPlainText(QString::fromStdString(engine::maskFindings(text, m_findings)));
    emit scanned();
}

void GuardTestBox::mark()
{
    QList<QTextEdit::ExtraSelection> marks;
    for (std::size_t i = 0; i < m_findings.size(); ++i) {
        if (!m_ranges[i].valid())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_text->document());
        mark.cursor.setPosition(m_ranges[i].start);
        mark.cursor.setPosition(m_ranges[i].end, QTextCursor::KeepAnchor);
        QColor colour = guardCategoryColour(m_findings[i].category);
        mark.format.setUnderlineColor(colour);
        mark.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        colour.setAlpha(90);
        mark.format.setBackground(colour);
        mark.format.setProperty(QTextFormat::UserProperty, QString::fromStdString(m_findings[i].category));
        marks << mark;
    }
    m_text->setExtraSelections(marks);
}

QString GuardTestBox::toolTipAt(int position) const
{
    QStringList lines;
    for (std::size_t i = 0; i < m_findings.size(); ++i)
        if (m_ranges[i].valid() && m_ranges[i].start <= position && position < m_ranges[i].end)
            lines << guardFindingTitle(m_findings[i], true);
    lines.removeDuplicates();
    return lines.join(QLatin1Char('\n'));
}

bool GuardTestBox::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text->viewport() && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        // The character under the pointer: the cursor position on its left.
        QTextCursor cursor = m_text->cursorForPosition(help->pos());
        const QRect box = m_text->cursorRect(cursor);
        int position = cursor.position();
        if (help->pos().x() < box.left() && position > cursor.block().position())
            --position;
        const QString tip = toolTipAt(position);
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, m_text->viewport());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace flowdeck::studio
