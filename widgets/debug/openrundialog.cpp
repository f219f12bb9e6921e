#include "widgets/debug/openrundialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

OpenRunDialog::OpenRunDialog(const QString &app, const QList<Recent> &recent, const QString &selected, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Open Run in Studio"));
    auto *intro = new QLabel(tr("Opens the workflow version that ran, with the run's inputs and every node's inputs and "
                                "outputs, as a new unsaved document. Fix the node that failed, then Run From Here: the "
                                "nodes before it reuse the outputs from “%1” instead of running again.")
                                 .arg(app));
    intro->setWordWrap(true);
    m_run = new QComboBox;
    m_run->setObjectName("runId");
    m_run->setEditable(true);
    m_run->setInsertPolicy(QComboBox::NoInsert);
    m_run->lineEdit()->setPlaceholderText(tr("a run id, or pick a recent run"));
    // Failed runs first: they are the ones to debug.
    QList<Recent> ordered;
    for (const Recent &r : recent)
        if (r.status == "failed")
            ordered << r;
    for (const Recent &r : recent)
        if (r.status != "failed")
            ordered << r;
    for (const Recent &r : ordered) {
        const QString label = r.error.isEmpty() ? tr("%1 — %2, %3").arg(r.runId, r.status, r.started)
                                                : tr("%1 — %2, %3: %4").arg(r.runId, r.status, r.started, r.error.left(80));
        m_run->addItem(label, r.runId);
    }
    const int index = m_run->findData(selected);
    if (index >= 0)
        m_run->setCurrentIndex(index);
    else
        m_run->setEditText(selected);
    m_problem = new QLabel;
    m_problem->setObjectName("problem");
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #d93f3f;"));
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName("open");
    m_open->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_run);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(560, 200);
    connect(m_run, &QComboBox::editTextChanged, this, [this] { setProblem({}); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (runId().isEmpty())
            return setProblem(tr("Type or paste a run id, or pick one of the recent runs."));
        emit openRequested(runId());
    });
}

QString OpenRunDialog::runId() const
{
    const int index = m_run->findText(m_run->currentText());
    if (index >= 0)
        return m_run->itemData(index).toString();
    // Typed or pasted: the id is the first word ("7f3a… — failed" pasted whole works too).
    return m_run->currentText().trimmed().section(QRegularExpression(QStringLiteral("\\s")), 0, 0);
}

void OpenRunDialog::setProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void OpenRunDialog::setBusy(bool busy)
{
    m_open->setEnabled(!busy);
    if (busy)
        setProblem({});
}

} // namespace studio
} // namespace flowdeck
