#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

class QLabel;
class QLineEdit;
class QWidget;

namespace flowdeck::studio {

class RowList;
struct NodeEditorContext;

// Why `name` cannot name a code node's input or output, or an extractor's parameter:
// empty, not a letter or "_" followed by letters, digits or "_", taken twice, or
// reserved (one of `reserved`, or starting with "__" with `reserveDunder`); an empty
// string when it can.
QString fieldNameProblem(const QString &name, const QStringList &others, bool reserveDunder = false,
                         const QStringList &reserved = {});

// A line's problem shown beside it: a red border on the line and the sentence in
// `note` (hidden when there is none).
void showProblem(QLineEdit *line, QLabel *note, const QString &problem);
QLabel *problemNote();  // a red, word-wrapped note, hidden until there is a problem

// A fresh "name" for a new item: "<stem>", "<stem>2", ... (or "<stem>1", "<stem>2", ...
// with `numberFirst`) that no item has.
std::string freshName(const nlohmann::json &items, const std::string &stem, bool numberFirst = false);

// A list of objects with a "name" under /<field> of a node's config (a code node's
// inputs and outputs, an extractor's parameters): each row has the name, checked as it
// is typed (its problem shown under it), `beside` it the row's other main field, and
// optionally more fields `below`. Typing merges into one undo step per field; adding,
// removing and moving rows are steps of their own.
struct NamedRows {
    using Part = std::function<QWidget *(RowList *list, int index, const nlohmann::json &item)>;
    std::string field;
    Part beside;
    Part below;                  // may be empty
    bool reserveDunder = false;  // names starting with "__" are the node's own
    QStringList reserved;        // and these (an output port's name)
};
RowList *namedRows(const NodeEditorContext &context, NamedRows rows);

// Column titles over a named list's rows: the name's, then the `beside` part's.
QWidget *columnTitles(const QString &first, const QString &second);

} // namespace flowdeck::studio
