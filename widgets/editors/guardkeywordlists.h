#pragma once

#include "widgets/editors/guardcheckseditor.h"

#include <QWidget>

#include <nlohmann/json.hpp>

class QLabel;

namespace flowdeck::studio {

class RowList;

// The keyword check's lists ("checks.keywords.lists"): each has a name, a category of
// the guard's taxonomy (shown in the studio's language) and its terms, one a line, typed
// or imported from a .txt or .csv file of any size (guardtermsfile.h). Terms match in
// simplified and traditional forms and across inserted spaces and symbols.
class GuardKeywordLists : public QWidget {
    Q_OBJECT

public:
    // `lists`: the lists as they are; `edit` takes pointers under "checks".
    GuardKeywordLists(const nlohmann::json &lists, GuardChecksEditor::Edit edit, QWidget *parent = nullptr);

    RowList *rows() const { return m_rows; }
    // Adds the terms of the file at `path` to list `index` (terms it already has are kept
    // once) as one undo step; false with the reason shown under the list if it cannot be read.
    bool importFile(int index, const QString &path);
    void chooseFile(int index);  // "Import from file…": a file dialog, then importFile

private:
    QWidget *listRow(int index, const nlohmann::json &item);

    GuardChecksEditor::Edit m_edit;
    RowList *m_rows;
};

} // namespace flowdeck::studio
