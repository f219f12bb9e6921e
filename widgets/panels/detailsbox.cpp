#include "widgets/panels/detailsbox.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

DetailsBox::DetailsBox(QWidget *parent) : QWidget(parent)
{
    m_line = new QLabel;
    m_line->setObjectName("detailsLine");
    m_line->setTextFormat(Qt::PlainText);
    m_line->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_details = new QToolButton;
    m_details->setObjectName("showDetails");
    m_details->setText(tr("Show details"));
    m_details->setToolTip(tr("Read the whole message"));
    m_details->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_line, 1);
    layout->addWidget(m_details);
    connect(m_details, &QToolButton::clicked, this, &DetailsBox::showDetails);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    hide();
}

void DetailsBox::setMessage(const QString &text, bool problem)
{
    m_text = text.trimmed();
    m_first = m_text.section('\n', 0, 0).simplified();
    m_line->setStyleSheet(problem ? QStringLiteral("color: #d93f3f;") : QString());
    m_line->setToolTip(m_text.left(2000));
    // The button only when there is more than the line can show.
    m_details->setVisible(m_text.contains('\n') || m_first.size() > 80);
    setVisible(!m_text.isEmpty());
    elide();
}

void DetailsBox::clear() { setMessage({}); }

QString DetailsBox::summary() const { return m_line->text(); }

void DetailsBox::elide()
{
    const int room = std::max(40, m_line->width());
    m_line->setText(m_line->fontMetrics().elidedText(m_first, Qt::ElideRight, room));
}

void DetailsBox::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    elide();
}

QSize DetailsBox::sizeHint() const { return {120, QWidget::sizeHint().height()}; }

QSize DetailsBox::minimumSizeHint() const { return {60, QWidget::minimumSizeHint().height()}; }

void DetailsBox::showDetails()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName("detailsDialog");
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Details"));
    auto *text = new QPlainTextEdit(m_text);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, dialog, [this] { QApplication::clipboard()->setText(m_text); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(640, 360);
    dialog->open();
}

} // namespace studio
} // namespace flowdeck
