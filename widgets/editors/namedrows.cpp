#include "widgets/editors/namedrows.h"

#include "engine/core/jsonaccess.h"
#include "widgets/editors/nodeeditors.h"
#include "widgets/editors/rowlist.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>

namespace flowdeck::studio {

namespace {

QStringList namesBut(const nlohmann::json &items, int except)
{
    QStringList names;
    for (int i = 0; i < static_cast<int>(items.size()); ++i)
        if (i != except)
            names << QString::fromStdString(engine::valueOr(items[static_cast<std::size_t>(i)], "name", ""));
    return names;
}

// Shows each row's name problem: a name typed twice marks both rows.
void checkNames(RowList *list, const NamedRows &rows)
{
    for (int i = 0; i < static_cast<int>(list->items().size()); ++i) {
        QWidget *row = list->row(i);
        auto *name = row ? row->findChild<QLineEdit *>("name") : nullptr;
        auto *note = row ? row->findChild<QLabel *>("problem") : nullptr;
        if (name && note)
            showProblem(name, note, fieldNameProblem(name->text(), namesBut(list->items(), i), rows.reserveDunder, rows.reserved));
    }
}

} // namespace

QString fieldNameProblem(const QString &name, const QStringList &others, bool reserveDunder, const QStringList &reserved)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (name.isEmpty())
        return QCoreApplication::translate("FieldName", "A name is needed.");
    if (!identifier.match(name).hasMatch())
        return QCoreApplication::translate("FieldName", "\"%1\" is not a name: use letters, digits and _, not starting with a digit.")
            .arg(name);
    if (reserved.contains(name))
        return QCoreApplication::translate("FieldName", "\"%1\" is kept for the node's own output.").arg(name);
    if (reserveDunder && name.startsWith(QLatin1String("__")))
        return QCoreApplication::translate("FieldName", "Names starting with __ are kept for the node's own outputs.");
    if (others.contains(name))
        return QCoreApplication::translate("FieldName", "\"%1\" is used twice.").arg(name);
    return {};
}

QLabel *problemNote()
{
    auto *note = new QLabel;
    note->setObjectName("problem");
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #d93f3f;"));
    note->hide();
    return note;
}

void showProblem(QLineEdit *line, QLabel *note, const QString &problem)
{
    line->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d93f3f; }"));
    line->setToolTip(problem);
    note->setText(problem);
    note->setVisible(!problem.isEmpty());
}

std::string freshName(const nlohmann::json &items, const std::string &stem, bool numberFirst)
{
    for (int n = 1;; ++n) {
        const std::string name = n == 1 && !numberFirst ? stem : stem + std::to_string(n);
        if (std::none_of(items.begin(), items.end(), [&](const auto &i) { return engine::valueOr(i, "name", "") == name; }))
            return name;
    }
}

RowList *namedRows(const NodeEditorContext &context, NamedRows rows)
{
    auto edit = context.edit;
    return new RowList(
        engine::valueOr(context.config, rows.field, nlohmann::json::array()),
        [edit, rows](RowList *self, int index, const nlohmann::json &item) -> QWidget * {
            auto *row = new QWidget;
            auto *grid = new QGridLayout(row);
            grid->setContentsMargins(0, 0, 0, 0);
            grid->setHorizontalSpacing(4);
            grid->setVerticalSpacing(2);
            auto *name = new QLineEdit(QString::fromStdString(engine::valueOr(item, "name", "")));
            name->setObjectName("name");
            name->setPlaceholderText(QCoreApplication::translate("FieldName", "name"));
            auto *note = problemNote();
            grid->addWidget(name, 0, 0);
            grid->addWidget(rows.beside(self, index, item), 0, 1);
            grid->addWidget(note, 1, 0, 1, 2);
            if (rows.below)
                grid->addWidget(rows.below(self, index, item), 2, 0, 1, 2);
            grid->setColumnStretch(0, 2);
            grid->setColumnStretch(1, 3);
            showProblem(name, note, fieldNameProblem(name->text(), namesBut(self->items(), index), rows.reserveDunder, rows.reserved));
            QObject::connect(name, &QLineEdit::textEdited, row, [=](const QString &text) {
                self->setValue(index, "name", text.toStdString());
                edit("/" + rows.field + "/" + std::to_string(index) + "/name", text.toStdString(), true);
                checkNames(self, rows);
            });
            return row;
        },
        [edit, field = rows.field](const nlohmann::json &items, const nlohmann::json &) { edit("/" + field, items, false); });
}

QWidget *columnTitles(const QString &first, const QString &second)
{
    auto *header = new QWidget;
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *a = new QLabel(first), *b = new QLabel(second);
    for (QLabel *l : {a, b})
        l->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    layout->addWidget(a, 2);
    layout->addWidget(b, 3);
    layout->addSpacing(72);  // above the row buttons
    return header;
}

} // namespace flowdeck::studio
