#pragma once

#include "engine/workflow/workflow.h"

#include <QTreeWidget>

namespace flowdeck {
namespace studio {

// The run console's list of nodes: one row per node of the workflow (its icon, title,
// latest status, time and tokens), updated in place as the run goes, plus a last row
// for the run itself. A row keeps its node's latest event, shown as JSON on demand.
class NodeStatusView : public QTreeWidget {
    Q_OBJECT

public:
    static constexpr int kNodeIdRole = Qt::UserRole + 1;  // on column 0: the node id
    static constexpr int kEventRole = Qt::UserRole;       // on column 0: the latest event, JSON
    enum Column { NodeColumn, StatusColumn, TimeColumn, TokensColumn };

    explicit NodeStatusView(QWidget *parent = nullptr);

    // One waiting row per node of the workflow, in the order they are drawn left to right.
    void reset(const engine::Workflow &workflow);
    void addEvent(const QString &eventJson);  // a run event from RunController::traceEvent
    void setStatus(const QString &nodeId, const QString &status, const QString &detail);
    void runEnded(const QString &status, const QString &message, qint64 elapsedMs);
    QTreeWidgetItem *row(const QString &nodeId) const;
    static QString statusText(const QString &status);  // "done" → "Done", translated

private:
    QTreeWidgetItem *addRow(const QString &nodeId, const QString &type, const QString &title);

};

} // namespace studio
} // namespace flowdeck
