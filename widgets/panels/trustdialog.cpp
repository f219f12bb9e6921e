#include "widgets/panels/trustdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

QString section(const QString &title, const std::vector<std::string> &lines)
{
    if (lines.empty())
        return {};
    QString text = title + QLatin1Char('\n');
    for (const auto &line : lines)
        text += QStringLiteral("  • ") + QString::fromStdString(line) + QLatin1Char('\n');
    return text + QLatin1Char('\n');
}

} // namespace

TrustDialog::TrustDialog(const QString &source, const engine::WorkflowReach &reach, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("trustDialog"));
    setWindowTitle(tr("Trust this workflow?"));
    auto *layout = new QVBoxLayout(this);

    auto *head = new QHBoxLayout;
    auto *icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    head->addWidget(icon, 0, Qt::AlignTop);
    auto *intro = new QLabel(
        tr("<b>%1</b> comes from outside your projects. Until you trust it, Flowdeck shows and edits it but "
           "starts none of its plugins, runs nothing and reads none of your keys.")
            .arg(source.toHtmlEscaped()));
    intro->setWordWrap(true);
    head->addWidget(intro, 1);
    layout->addLayout(head);

    m_reachText = section(tr("Commands it starts on this computer:"), reach.commands) +
                  section(tr("Addresses it sends requests to:"), reach.urls) +
                  section(tr("Secrets (API keys, tokens) it reads and may send to them:"), reach.secrets);
    if (reach.empty())
        m_reachText = tr("It starts no command, names no address and reads no secret; its model calls use your own "
                         "provider profiles.");
    auto *details = new QPlainTextEdit(m_reachText.trimmed());
    details->setObjectName(QStringLiteral("trustReach"));
    details->setReadOnly(true);
    details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    details->setMinimumSize(520, 180);
    layout->addWidget(details, 1);

    auto *advice = new QLabel(tr("Trust it only if you know where it comes from. Your choice is remembered for this "
                                 "exact file; if it changes outside Flowdeck you are asked again."));
    advice->setWordWrap(true);
    layout->addWidget(advice);

    auto *buttons = new QDialogButtonBox;
    m_trust = buttons->addButton(tr("&Trust and Continue"), QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(QStringLiteral("trustButton"));
    m_restrict = buttons->addButton(tr("Keep &Restricted"), QDialogButtonBox::RejectRole);
    m_restrict->setObjectName(QStringLiteral("restrictButton"));
    // Enter and Escape both keep it restricted: trusting takes a deliberate click or Alt+T.
    m_trust->setAutoDefault(false);
    m_restrict->setDefault(true);
    m_restrict->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace studio
} // namespace flowdeck
