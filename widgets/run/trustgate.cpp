#include "widgets/run/trustgate.h"

#include "engine/templates/solutiontemplate.h"
#include "engine/templates/workflowreach.h"
#include "engine/workflow/workflowfile.h"
#include "widgets/document/graphdocument.h"
#include "widgets/panels/trustdialog.h"

#include <QFile>
#include <QFileInfo>
#include <QPushButton>

#include <utility>

namespace flowdeck {
namespace studio {

TrustGate::TrustGate(GraphDocument *doc, const engine::PluginCatalog &catalog, WorkspaceTrust trust, QWidget *window)
    : QObject(window), m_doc(doc), m_catalog(catalog), m_trust(std::move(trust)), m_window(window)
{
    m_indicator = new QPushButton(tr("Restricted: review…"));
    m_indicator->setObjectName(QStringLiteral("trustIndicator"));
    m_indicator->setFlat(true);
    m_indicator->setToolTip(tr("This workflow comes from outside your projects: its plugins are not started and "
                               "nothing runs until you trust it."));
    m_indicator->hide();
    connect(m_indicator, &QPushButton::clicked, this, [this] { askNow(); });
    connect(doc, &GraphDocument::trustChanged, this, &TrustGate::updateIndicator);
    doc->setTrustAsker([this] { return askNow(); });
}

void TrustGate::beforeOpen(const QString &path, const QByteArray &content, bool fromOutside)
{
    m_previousSource = std::exchange(m_source, QFileInfo(path).fileName());
    m_previousContent = std::exchange(m_content, content);
    m_previousTrusted = m_doc->trusted();
    m_doc->setTrusted(fromOutside ? WorkspaceTrust::remembered(content) : m_trust.isTrusted(path, content));
}

void TrustGate::openFailed()
{
    m_source = m_previousSource;
    m_content = m_previousContent;
    m_doc->setTrusted(m_previousTrusted);
}

void TrustGate::afterOpen()
{
    updateIndicator();
    if (m_doc->trusted() || m_dialog)
        return;
    TrustDialog *dialog = makeDialog(m_source);
    connect(dialog, &QDialog::accepted, this, &TrustGate::approve);
    dialog->open();
}

void TrustGate::trustNew()
{
    m_content.clear();
    m_source.clear();
    if (m_dialog)
        m_dialog->reject();
    m_doc->setTrusted(true);
}

void TrustGate::afterSave(const QString &path)
{
    if (!m_doc->trusted())
        return;  // saving does not make someone else's workflow the user's own
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        WorkspaceTrust::remember(m_content = file.readAll());
}

bool TrustGate::askNow()
{
    if (m_doc->trusted())
        return true;
    if (m_dialog)
        m_dialog->reject();
    TrustDialog *dialog = makeDialog(m_source);
    if (dialog->exec() == QDialog::Accepted)
        approve();
    return m_doc->trusted();
}

bool TrustGate::approveTemplate(const engine::SolutionTemplate &t)
{
    if (m_trust.inTrustedFolder(QString::fromStdString(t.dir.string())))
        return true;  // the shipped library (or the user's own folder)
    auto workflow = engine::parseWorkflow(t.workflow.dump());
    engine::WorkflowReach reach;
    if (workflow)
        reach = engine::workflowReach(workflow.value(), m_catalog);
    TrustDialog dialog(tr("The template “%1” (from %2)").arg(QString::fromStdString(t.id),
                                                              QString::fromStdString(t.dir.string())),
                       reach, m_window);
    return dialog.exec() == QDialog::Accepted;
}

TrustDialog *TrustGate::makeDialog(const QString &source)
{
    auto *dialog = new TrustDialog(source.isEmpty() ? tr("This workflow") : source,
                                   engine::workflowReach(m_doc->workflow(), m_catalog), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_dialog = dialog;
    return dialog;
}

void TrustGate::approve()
{
    if (!m_content.isEmpty())
        WorkspaceTrust::remember(m_content);
    m_doc->setTrusted(true);
}

void TrustGate::updateIndicator() { m_indicator->setVisible(!m_doc->trusted()); }

} // namespace studio
} // namespace flowdeck
