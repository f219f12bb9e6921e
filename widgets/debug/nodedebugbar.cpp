#include "widgets/debug/nodedebugbar.h"

#include "engine/core/jsonaccess.h"
#include "widgets/debug/debugsession.h"
#include "widgets/document/graphdocument.h"
#include "widgets/panels/nodestatusview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

NodeDebugBar::NodeDebugBar(DebugSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName("nodeDebugBar");
    m_state = new QLabel;
    m_state->setObjectName("debugState");
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {session->runNodeAction(), session->runFromAction(), session->pinAction()}) {
        auto *button = new QToolButton;
        button->setObjectName("button:" + action->objectName());
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_state);
    layout->addLayout(buttons);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(session, &DebugSession::marksChanged, this, &NodeDebugBar::refresh);
    connect(session->runFromAction(), &QAction::changed, this, &NodeDebugBar::refresh);
    refresh();
}

void NodeDebugBar::refresh()
{
    const QString id = m_session->selectedNode();
    setVisible(!id.isEmpty());
    if (id.isEmpty())
        return;
    // One short line; what each part means is in the tooltip.
    QStringList parts, meaning;
    const RunController::LastRun *run = m_session->lastRun();
    const nlohmann::json *traced = run ? run->trace.node(id.toStdString()) : nullptr;
    if (!traced) {
        parts << (run ? tr("Not in the last run") : tr("Not run yet"));
    } else {
        const QString status = QString::fromStdString(engine::valueOr(*traced, "status", ""));
        parts << tr("Last run: %1").arg(NodeStatusView::statusText(status));
        if (!run->source.isEmpty())
            meaning << tr("The last run is %1.").arg(run->source);
        if (engine::valueOr(*traced, "replayed", false)) {
            parts << tr("replayed");
            meaning << tr("Replayed: it did not run; its saved output was used.");
        }
    }
    if (m_session->isStale(id)) {
        parts << tr("stale");
        meaning << tr("Stale: it or a node before it changed since the last run.");
    }
    if (const auto *n = static_cast<GraphDocument *>(m_session->parent())->node(id.toStdString()); n && !n->pin.is_null()) {
        parts << tr("pinned");
        meaning << tr("Pinned: runs in the studio use its pinned output instead of running it.");
    }
    m_state->setText(parts.join(QStringLiteral(" · ")));
    m_state->setToolTip(meaning.join('\n'));
}

} // namespace studio
} // namespace flowdeck
