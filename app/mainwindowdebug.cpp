// The main window's side of debugging a deployed run (widgets/debug): opening it as a document.
#include "app/mainwindow.h"

#include "engine/core/jsonread.h"
#include "widgets/canvas/graphview.h"
#include "widgets/debug/debugsession.h"
#include "widgets/debug/deployedrun.h"
#include "widgets/document/graphdocument.h"
#include "widgets/document/documentfile.h"
#include "widgets/panels/trustdialog.h"
#include "widgets/run/trustgate.h"

#include <QMessageBox>
#include <QStatusBar>

namespace flowdeck {
namespace studio {

bool MainWindow::openDeployedRun(const QString &app, const QString &runId, const QString &answerJson)
{
    QString why;
    const auto run = DeployedRun::read(engine::parseJson(answerJson.toStdString()), app, runId, &why);
    if (!run) {
        QMessageBox::warning(this, tr("Cannot open the run"), why);
        return false;
    }
    if (!maybeSave())
        return false;
    rememberView();
    // A new unsaved document, never the project's file: fixing a production run should not
    // change the project until the user saves it where they choose.
    m_trust->trustNew();  // the user's own runtime, reached with its admin token
    m_doc->reset(run->workflow);
    m_path.clear();
    m_documentName = run->title();
    m_autosaver->setDocumentPath({});
    updateTitle();
    m_debug->showDeployedRun(*run);
    m_view->zoomToFit();
    raise();
    activateWindow();
    return true;
}

} // namespace studio
} // namespace flowdeck
