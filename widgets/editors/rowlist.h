#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

#include <functional>

class QPushButton;
class QVBoxLayout;

namespace flowdeck::studio {

// A list of JSON objects edited one row each (a code node's inputs, a classifier's
// classes, an extractor's parameters): the rows are made by `makeRow`; each has buttons
// to move it up or down and to remove it, and "+ Add" appends a fresh item. Edits
// inside a row are the row's own business (it calls setValue to keep the list's copy
// current); a change of the list's shape is handed to `changed` with the new items and
// the removed one, if any, then the rows are made again.
class RowList : public QWidget {
    Q_OBJECT

public:
    using MakeRow = std::function<QWidget *(RowList *list, int index, const nlohmann::json &item)>;
    using Changed = std::function<void(const nlohmann::json &items, const nlohmann::json &removed)>;

    RowList(const nlohmann::json &items, MakeRow makeRow, Changed changed, QWidget *parent = nullptr);
    // The add button's text, tip and what it appends (called with the current items).
    void setAdd(const QString &text, const QString &tip, std::function<nlohmann::json(const nlohmann::json &items)> fresh);
    void setMinimumRows(int rows);  // rows cannot be removed below this count
    void setHeader(QWidget *header);  // column titles above the rows
    void setFooter(QWidget *footer);  // a fixed last row, below the others
    const nlohmann::json &items() const { return m_items; }
    void setValue(int index, const std::string &key, nlohmann::json value);  // the list's copy only
    QWidget *row(int index) const;
    QPushButton *addButton() const { return m_add; }

private:
    void rebuild(int focusRow);
    void reshape(nlohmann::json items, const nlohmann::json &removed, int focusRow);

    nlohmann::json m_items;
    MakeRow m_makeRow;
    Changed m_changed;
    std::function<nlohmann::json(const nlohmann::json &)> m_fresh;
    int m_minimumRows = 0;
    QVBoxLayout *m_rows;
    QWidget *m_rowsHost;
    QVBoxLayout *m_layout;
    QPushButton *m_add;
};

} // namespace flowdeck::studio
