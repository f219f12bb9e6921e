#include "widgets/panels/nodestatusview.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/nodes/noderegistry.h"
#include "widgets/canvas/nodeicons.h"
#include "widgets/document/localized.h"

#include <QHeaderView>
#include <QLocale>

#include <algorithm>

namespace flowdeck {
namespace studio {

namespace {

QColor statusColour(const QString &status)
{
    if (status == "running")
        return QColor(0x2f, 0x80, 0xed);
    if (status == "done" || status == "succeeded")
        return QColor(0x2e, 0x9e, 0x4f);
    if (status == "failed")
        return QColor(0xd9, 0x3f, 0x3f);
    return QColor(0x8a, 0x90, 0x98);
}

} // namespace

NodeStatusView::NodeStatusView(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName("nodeStatus");
    setHeaderLabels({tr("Node"), tr("Status"), tr("Time"), tr("Tokens")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setIconSize(QSize(16, 16));
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(NodeColumn, QHeaderView::Stretch);
    for (int c : {StatusColumn, TimeColumn, TokensColumn})
        header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
}

QString NodeStatusView::statusText(const QString &status)
{
    if (status == "waiting")
        return tr("Waiting");
    if (status == "running")
        return tr("Running…");
    if (status == "done")
        return tr("Done");
    if (status == "failed")
        return tr("Failed");
    if (status == "skipped")
        return tr("Skipped");
    if (status == "retrying")
        return tr("Retrying…");
    if (status == "succeeded")
        return tr("Succeeded");
    if (status == "cancelled")
        return tr("Cancelled");
    return status;
}

QTreeWidgetItem *NodeStatusView::addRow(const QString &nodeId, const QString &type, const QString &title)
{
    auto *item = new QTreeWidgetItem(this);
    item->setIcon(NodeColumn, nodeIcon(type));
    item->setText(NodeColumn, title);
    item->setToolTip(NodeColumn, QStringLiteral("%1 (%2)").arg(title, nodeId));
    item->setData(NodeColumn, kNodeIdRole, nodeId);
    item->setText(StatusColumn, statusText("waiting"));
    item->setForeground(StatusColumn, statusColour("waiting"));
    item->setTextAlignment(TimeColumn, Qt::AlignRight | Qt::AlignVCenter);
    item->setTextAlignment(TokensColumn, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void NodeStatusView::reset(const engine::Workflow &workflow)
{
    clear();
    std::vector<const engine::NodeSpec *> nodes;
    for (const auto &n : workflow.nodes)
        nodes.push_back(&n);
    std::stable_sort(nodes.begin(), nodes.end(), [](const engine::NodeSpec *a, const engine::NodeSpec *b) {
        return a->position[0] != b->position[0] ? a->position[0] < b->position[0] : a->position[1] < b->position[1];
    });
    for (const auto *n : nodes)
        addRow(QString::fromStdString(n->id), QString::fromStdString(n->type), nodeTitle(*n));
}

QTreeWidgetItem *NodeStatusView::row(const QString &nodeId) const
{
    for (int i = 0; i < topLevelItemCount(); ++i)
        if (topLevelItem(i)->data(NodeColumn, kNodeIdRole).toString() == nodeId)
            return topLevelItem(i);
    return nullptr;
}

void NodeStatusView::setStatus(const QString &nodeId, const QString &status, const QString &detail)
{
    QTreeWidgetItem *item = row(nodeId);
    if (!item)  // a node the list did not know (added while running)
        item = addRow(nodeId, {}, nodeId);
    // Running inside an iteration or loop: the item it is on ("Running… #3").
    item->setText(StatusColumn, status == "running" && !detail.isEmpty() ? statusText(status) + ' ' + detail : statusText(status));
    item->setForeground(StatusColumn, statusColour(status));
    item->setToolTip(StatusColumn, status == "failed" ? detail : QString());
    if (status == "running") {
        item->setText(TimeColumn, {});
        item->setText(TokensColumn, {});
    }
    scrollToItem(item);
}

void NodeStatusView::addEvent(const QString &eventJson)
{
    const nlohmann::json event = engine::parseJson(eventJson.toStdString());
    if (!event.is_object())
        return;
    const std::string kind = engine::valueOr(event, "event", "");
    const QString nodeId = QString::fromStdString(engine::valueOr(event, "node", ""));
    if (nodeId.isEmpty() || kind == "token" || kind == "answer" || kind == "log")
        return;  // the row keeps the node's own events: started, retrying, finished, failed
    QTreeWidgetItem *item = row(nodeId);
    if (!item)
        return;
    item->setData(NodeColumn, kEventRole, eventJson);
    const nlohmann::json data = engine::valueOr(event, "data", nlohmann::json::object());
    if (kind == "node_retrying") {
        item->setText(StatusColumn, statusText("retrying"));
        item->setForeground(StatusColumn, statusColour("running"));
    }
    if (kind != "node_finished" && kind != "node_failed")
        return;
    if (data.contains("elapsedMs"))
        item->setText(TimeColumn, tr("%1 ms").arg(engine::valueOr(data, "elapsedMs", 0.0), 0, 'f', 0));
    const long long tokens = engine::valueOr(engine::valueOr(data, "usage", nlohmann::json::object()), "total_tokens", 0LL);
    item->setText(TokensColumn, tokens > 0 ? QLocale().toString(tokens) : QString());
}

void NodeStatusView::runEnded(const QString &status, const QString &message, qint64 elapsedMs)
{
    auto *item = new QTreeWidgetItem(this);
    item->setText(NodeColumn, tr("Whole run"));
    QFont bold = item->font(NodeColumn);
    bold.setBold(true);
    item->setFont(NodeColumn, bold);
    item->setText(StatusColumn, statusText(status));
    item->setForeground(StatusColumn, statusColour(status));
    item->setToolTip(StatusColumn, message);
    item->setText(TimeColumn, tr("%1 ms").arg(elapsedMs));
    item->setTextAlignment(TimeColumn, Qt::AlignRight | Qt::AlignVCenter);
    scrollToItem(item);
}

} // namespace studio
} // namespace flowdeck
