#include "widgets/editors/codefields.h"

#include "engine/core/jsonaccess.h"
#include "engine/sandbox/codeconfig.h"
#include "widgets/editors/codebodyeditor.h"
#include "widgets/editors/namedrows.h"
#include "widgets/editors/nodeeditors.h"
#include "widgets/editors/rowlist.h"
#include "widgets/panels/fieldtitles.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

namespace flowdeck::studio {

QStringList codeOutputTypes()
{
    QStringList types;
    for (const std::string &t : engine::CodeConfig::types())
        types << QString::fromStdString(t);
    return types;
}

QWidget *codeInputsEditor(const NodeEditorContext &context)
{
    auto edit = context.edit;
    auto candidates = context.candidates;
    NamedRows rows;
    rows.field = "inputs";
    rows.beside = [edit, candidates](RowList *self, int index, const nlohmann::json &item) -> QWidget * {
        auto *value = new PromptEdit(candidates);
        value->setObjectName("value");
        value->setSingleLine(true);
        value->setPlaceholderText(QCoreApplication::translate("CodeFields", "{{node.output}}"));
        value->setPlainText(QString::fromStdString(engine::valueOr(item, "value", "")));
        QObject::connect(value, &QPlainTextEdit::textChanged, value, [=] {
            const std::string text = value->toPlainText().toStdString();
            self->setValue(index, "value", text);
            edit("/inputs/" + std::to_string(index) + "/value", text, true);
        });
        return value;
    };
    RowList *list = namedRows(context, std::move(rows));
    list->setHeader(columnTitles(QCoreApplication::translate("CodeFields", "Name in the code"),
                                 QCoreApplication::translate("CodeFields", "Value")));
    list->setAdd(QCoreApplication::translate("CodeFields", "+ Input"),
                 QCoreApplication::translate("CodeFields", "Add an argument of main(), bound to a value or a reference"),
                 [](const nlohmann::json &items) { return nlohmann::json{{"name", freshName(items, "arg", true)}, {"value", ""}}; });
    return list;
}

QWidget *codeOutputsEditor(const NodeEditorContext &context)
{
    auto edit = context.edit;
    NamedRows rows;
    rows.field = "outputs";
    rows.beside = [edit](RowList *self, int index, const nlohmann::json &item) -> QWidget * {
        auto *type = new QComboBox;
        type->setObjectName("type");
        for (const QString &t : codeOutputTypes())
            type->addItem(t, t);
        type->setCurrentIndex(std::max(0, type->findData(QString::fromStdString(engine::valueOr(item, "type", "string")))));
        QObject::connect(type, &QComboBox::activated, type, [=](int) {
            const std::string chosen = type->currentData().toString().toStdString();
            self->setValue(index, "type", chosen);
            edit("/outputs/" + std::to_string(index) + "/type", chosen, false);
        });
        return type;
    };
    RowList *list = namedRows(context, std::move(rows));
    list->setHeader(columnTitles(QCoreApplication::translate("CodeFields", "Key of the returned object"),
                                 QCoreApplication::translate("CodeFields", "Type")));
    list->setAdd(QCoreApplication::translate("CodeFields", "+ Output"),
                 QCoreApplication::translate("CodeFields", "Declare a key of the object main() returns, with its type"),
                 [](const nlohmann::json &items) { return nlohmann::json{{"name", freshName(items, "result")}, {"type", "string"}}; });
    return list;
}

QWidget *codeLimitsEditor(const NodeEditorContext &context)
{
    const nlohmann::json found = schemaAt("code", "/properties/limits/properties");
    const nlohmann::json limits = found.is_object() ? found : nlohmann::json::object();
    const nlohmann::json current = engine::valueOr(context.config, "limits", nlohmann::json::object());
    auto *host = new QWidget;
    auto *form = new QFormLayout(host);
    form->setContentsMargins(12, 0, 0, 0);
    auto edit = context.edit;
    // Time first, as a person thinks of it; a limit the engine adds later follows.
    std::vector<std::string> keys = {"wallMs", "cpuMs", "memoryMb", "outputKb", "printKb"};
    keys.erase(std::remove_if(keys.begin(), keys.end(), [&](const std::string &k) { return !limits.contains(k); }), keys.end());
    for (const auto &[key, property] : limits.items())
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(key);
    for (const std::string &key : keys) {
        const nlohmann::json &property = limits[key];
        const long long fallback = engine::valueOr(property, "default", 0LL);
        auto *spin = new QSpinBox;
        spin->setObjectName(QString::fromStdString("limit:" + key));
        spin->setRange(static_cast<int>(engine::valueOr(property, "minimum", 1LL)),
                       static_cast<int>(std::min<long long>(engine::valueOr(property, "maximum", 1000000000LL), 2000000000LL)));
        spin->setValue(static_cast<int>(engine::valueOr(current, key, fallback)));
        spin->setGroupSeparatorShown(true);
        spin->setToolTip(QString::fromStdString(engine::valueOr(property, "description", "")));
        auto *hint = new QLabel(QCoreApplication::translate("CodeFields", "default %1").arg(QLocale().toString(fallback)));
        hint->setObjectName(QString::fromStdString("default:" + key));
        hint->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
        auto *row = new QHBoxLayout;
        row->addWidget(spin, 1);
        row->addWidget(hint);
        // The default is not written out: the node follows it if it changes.
        QObject::connect(spin, &QSpinBox::valueChanged, spin, [edit, key, fallback](int v) {
            edit("/limits/" + key, v == fallback ? nlohmann::json() : nlohmann::json(v), true);
        });
        form->addRow(fieldTitle(engine::valueOr(property, "title", key)), row);
    }
    return host;
}

QWidget *codeNodeEditor(const NodeEditorContext &context)
{
    // Read top to bottom as the code runs: what goes in, the code, what comes out, its limits.
    auto *host = new QWidget;
    host->setProperty("ownTitle", true);
    auto *layout = new QVBoxLayout(host);
    layout->setContentsMargins(0, 0, 0, 0);
    auto part = [layout](const std::string &field, const char *fallback, QWidget *editor) {
        auto *heading = new QLabel(fieldTitle(engine::valueOr(schemaAt("code", "/properties/" + field), "title", std::string(fallback))));
        heading->setObjectName(QString::fromStdString("heading:" + field));
        QFont font = heading->font();
        font.setBold(true);
        heading->setFont(font);
        heading->setContentsMargins(0, 8, 0, 0);
        editor->setObjectName(QString::fromStdString("part:" + field));
        layout->addWidget(heading);
        layout->addWidget(editor);
    };
    part("inputs", "Input variables", codeInputsEditor(context));
    part("code", "Code", new CodeBodyEditor(context));
    part("outputs", "Output variables", codeOutputsEditor(context));
    part("limits", "Limits", codeLimitsEditor(context));
    return host;
}

} // namespace flowdeck::studio
