#include "widgets/editors/classeditor.h"

#include "engine/core/jsonaccess.h"
#include "widgets/editors/nodeeditors.h"
#include "widgets/editors/portedges.h"
#include "widgets/editors/rowlist.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

QPlainTextEdit *smallText(const QString &text, const QString &placeholder, int lines)
{
    auto *edit = new QPlainTextEdit(text);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 2 * (edit->frameWidth() + 4));
    return edit;
}

QString examplesText(const nlohmann::json &examples)
{
    QStringList lines;
    for (const auto &e : examples.is_array() ? examples : nlohmann::json::array())
        if (e.is_string())
            lines << QString::fromStdString(e.get<std::string>());
    return lines.join('\n');
}

nlohmann::json examplesValue(const QString &text)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &line : text.split('\n'))
        if (!line.trimmed().isEmpty())
            out.push_back(line.trimmed().toStdString());
    return out.empty() ? nlohmann::json() : out;
}

QWidget *classRow(const NodeEditorContext &context, RowList *list, int index, const nlohmann::json &item)
{
    auto edit = context.edit;
    const std::string at = "/classes/" + std::to_string(index);
    auto *row = new QWidget;
    auto *grid = new QGridLayout(row);
    grid->setContentsMargins(0, 4, 0, 4);
    grid->setVerticalSpacing(2);
    auto *name = new QLineEdit(QString::fromStdString(engine::valueOr(item, "name", "")));
    name->setObjectName("name");
    name->setPlaceholderText(QCoreApplication::translate("ClassEditor", "Class name, e.g. Refund request"));
    auto *id = new QLabel(QString::fromStdString(engine::valueOr(item, "id", "")));
    id->setObjectName("id");
    id->setToolTip(QCoreApplication::translate("ClassEditor", "The class's port id: connections and {{node.class_id}} use it"));
    id->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    id->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *description = smallText(QString::fromStdString(engine::valueOr(item, "description", "")),
                                  QCoreApplication::translate("ClassEditor", "What belongs in this class (the model reads it)"), 2);
    description->setObjectName("description");
    auto *examples = smallText(examplesText(engine::valueOr(item, "examples", nlohmann::json::array())),
                               QCoreApplication::translate("ClassEditor", "Examples, one a line (optional)"), 2);
    examples->setObjectName("examples");
    grid->addWidget(name, 0, 0);
    grid->addWidget(id, 0, 1);
    grid->addWidget(description, 1, 0, 1, 2);
    grid->addWidget(examples, 2, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    QObject::connect(name, &QLineEdit::textEdited, row, [=](const QString &text) {
        list->setValue(index, "name", text.toStdString());
        edit(at + "/name", text.toStdString(), true);
    });
    QObject::connect(description, &QPlainTextEdit::textChanged, row, [=] {
        const QString text = description->toPlainText();
        const nlohmann::json value = text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString());
        list->setValue(index, "description", value);
        edit(at + "/description", value, true);
    });
    QObject::connect(examples, &QPlainTextEdit::textChanged, row, [=] {
        const nlohmann::json value = examplesValue(examples->toPlainText());
        list->setValue(index, "examples", value);
        edit(at + "/examples", value, true);
    });
    return row;
}

QWidget *otherRow()
{
    auto *row = new QLabel(QCoreApplication::translate("ClassEditor", "<b>Other</b> — anything that fits none of the classes above goes to the <i>other</i> port."));
    row->setObjectName("otherClass");
    row->setWordWrap(true);
    row->setContentsMargins(4, 4, 4, 4);
    row->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); border-radius: 3px; }"));
    return row;
}

} // namespace

std::string freshClassId(const nlohmann::json &classes)
{
    for (int n = static_cast<int>(classes.size()) + 1;; ++n) {
        const std::string id = "class_" + std::to_string(n);
        if (std::none_of(classes.begin(), classes.end(), [&](const auto &c) { return engine::valueOr(c, "id", "") == id; }))
            return id;
    }
}

QWidget *classEditor(const NodeEditorContext &context)
{
    auto *host = new QWidget;
    host->setProperty("ownTitle", true);  // under the form's "Classes" heading
    auto *layout = new QVBoxLayout(host);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *list = new RowList(
        engine::valueOr(context.config, "classes", nlohmann::json::array()),
        [context](RowList *self, int index, const nlohmann::json &item) { return classRow(context, self, index, item); },
        [context](const nlohmann::json &items, const nlohmann::json &removed) {
            // A removed class's connections go with it, in the same undo step.
            const std::string port = engine::valueOr(removed, "id", "");
            std::map<std::string, std::string> ports;
            if (!port.empty())
                ports[port] = "";
            setConfigWithPorts(context,
                               QCoreApplication::translate("ClassEditor", "Remove class %1")
                                   .arg(QString::fromStdString(engine::valueOr(removed, "name", port))),
                               "/classes", items, ports);
        });
    list->setObjectName("classes");
    list->setMinimumRows(1);  // a classifier needs a class besides Other
    list->setFooter(otherRow());
    list->setAdd(QCoreApplication::translate("ClassEditor", "+ Class"),
                 QCoreApplication::translate("ClassEditor", "Add a class: another output port, before Other"),
                 [](const nlohmann::json &items) {
                     return nlohmann::json{
                         {"id", freshClassId(items)},
                         {"name", QCoreApplication::translate("ClassEditor", "Class %1").arg(items.size() + 1).toStdString()}};
                 });
    layout->addWidget(list);
    return host;
}

} // namespace flowdeck::studio
