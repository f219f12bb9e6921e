// DebugSession's dialogs: Run This Node (what the node reads, editable) and Pin Output.
#include "widgets/debug/debugsession.h"

#include "engine/core/jsonaccess.h"
#include "engine/nodes/noderegistry.h"
#include "widgets/debug/jsoneditdialog.h"
#include "widgets/document/graphdocument.h"

namespace flowdeck {
namespace studio {

JsonEditDialog *DebugSession::askRunNode(const QString &nodeId, QWidget *parent)
{
    QString why;
    if (!canRunNode(nodeId, &why)) {
        emit message(why);
        return nullptr;
    }
    auto check = [doc = m_doc](const nlohmann::json &value) -> QString {
        if (!value.is_object())
            return tr("Give an object: each node before this one by its id, with its outputs.");
        for (const auto &[id, outputs] : value.items()) {
            if (!doc->node(id))
                return tr("There is no node “%1” in this workflow.").arg(QString::fromStdString(id));
            if (!outputs.is_object())
                return tr("The outputs of “%1” must be an object, like {\"text\": \"…\"}.").arg(QString::fromStdString(id));
        }
        return {};
    };
    auto *dialog = new JsonEditDialog(
        tr("Run This Node"),
        tr("Runs only “%1”. The outputs below stand in for the nodes before it, as they were in the last run; "
           "edit them to try other inputs. Nothing else runs: no other model, tool or web call is made.")
            .arg(nameOf(nodeId)),
        lastReads(nodeId), tr("&Run"), check, parent);
    dialog->setObjectName("runNodeDialog");
    dialog->setEditLabel(tr("What it reads — the outputs of the nodes before it, by node id:"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const nlohmann::json *traced = lastRun()->trace.node(nodeId.toStdString());
    if (traced && traced->contains("inputs"))
        dialog->setReference(tr("What it was given in the last run (its settings with the values filled in):"),
                             engine::valueOr(*traced, "inputs", nlohmann::json::object()));
    connect(dialog, &JsonEditDialog::accepted, this, [this, nodeId](const nlohmann::json &reads) { runNode(nodeId, reads); });
    dialog->open();
    return dialog;
}

JsonEditDialog *DebugSession::askPin(const QString &nodeId, QWidget *parent)
{
    QString why;
    if (!canPin(nodeId, &why)) {
        emit message(why);
        return nullptr;
    }
    const engine::NodeSpec *node = m_doc->node(nodeId.toStdString());
    QStringList ports;
    if (const auto *descriptor = engine::NodeRegistry::builtin().find(node->type))
        for (const auto &p : descriptor->portsOf(*node))
            ports << QString::fromStdString(p.id);
    auto check = [ports](const nlohmann::json &value) -> QString {
        if (!value.is_object() || !value.contains("outputs") || !value["outputs"].is_object())
            return tr("Give an object with the node's \"outputs\" (an object) and the \"port\" it leaves by.");
        const nlohmann::json port = engine::valueOr(value, "port", nlohmann::json(""));
        if (!port.is_string())
            return tr("\"port\" must be a text: one of %1.").arg(ports.join(", "));
        if (!port.get<std::string>().empty() && !ports.contains(QString::fromStdString(port.get<std::string>())))
            return tr("This node has no port “%1”; its ports are %2.").arg(QString::fromStdString(port.get<std::string>()), ports.join(", "));
        return {};
    };
    nlohmann::json value = lastRunPin(nodeId);
    if (value.is_null())
        value = {{"outputs", nlohmann::json::object()}, {"port", ports.value(0).toStdString()}};
    auto *dialog = new JsonEditDialog(
        tr("Pin Output"),
        tr("Pins these outputs of “%1” as test data: runs in the studio use them instead of running the node, and the "
           "node is marked on the canvas. They start as the last run's outputs; edit them as you like. Deploys leave "
           "pins out.")
            .arg(nameOf(nodeId)),
        value, tr("&Pin"), check, parent);
    dialog->setObjectName("pinDialog");
    dialog->setEditLabel(tr("The pinned outputs, and the port the node leaves by:"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &JsonEditDialog::accepted, this, [this, nodeId](nlohmann::json pinned) {
        if (!pinned.contains("port"))
            pinned["port"] = "";
        pin(nodeId, std::move(pinned));
    });
    dialog->open();
    return dialog;
}

} // namespace studio
} // namespace flowdeck
