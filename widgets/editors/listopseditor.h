#pragma once

#include <QWidget>

#include "widgets/editors/nodeeditors.h"

class QGroupBox;

namespace flowdeck::studio {

// The list operator's operations (DESIGN.md §3 `list`), in the order the node applies
// them: filter (conditions on a field of each item, all or any), remove duplicates (by a
// field), sort (by a field, ascending or descending) and keep the first or last N. Each
// is switched on with its box; a switched-off operation is left out of the config.
class ListOpsEditor : public QWidget {
    Q_OBJECT

public:
    explicit ListOpsEditor(const NodeEditorContext &context, QWidget *parent = nullptr);
    QGroupBox *operation(const QString &key) const;  // "filter", "unique", "sort", "limit"

    // Every comparison a filter condition can make, in the order offered, with its label.
    static QList<QPair<QString, QString>> comparisons();

private:
    QGroupBox *operationBox(const std::string &key, const QString &title, const nlohmann::json &fresh);
    void fillFilter(QGroupBox *box, const nlohmann::json &filter);
    void fillUnique(QGroupBox *box, const nlohmann::json &unique);
    void fillSort(QGroupBox *box, const nlohmann::json &sort);
    void fillLimit(QGroupBox *box, const nlohmann::json &limit);
    QWidget *conditionRow(class RowList *list, int index, const nlohmann::json &condition);

    NodeEditorContext m_context;
};

} // namespace flowdeck::studio
