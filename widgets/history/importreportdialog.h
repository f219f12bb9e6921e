#pragma once

#include "engine/import/difyimport.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace flowdeck {
namespace studio {

// What a Dify import carried over and what it did not (engine/import/difyimport.h): each
// issue by kind — not carried over, needs you, changed — with where and why; the knowledge
// bases created empty, to fill; the secrets moved to the keychain (names only). Copy puts
// the report on the clipboard as text. Not modal: it stays open beside the canvas.
class ImportReportDialog : public QDialog {
    Q_OBJECT

public:
    // `history`: the version the import was recorded as, or why there is none.
    ImportReportDialog(const engine::DifyImport &import, const QString &sourceFile, const QString &workflowFile,
                       const QString &history, QWidget *parent = nullptr);

    QTreeWidget *issues() const { return m_tree; }
    // The group of rows of one kind: "unmapped", "todo", "changed", "knowledge", "secrets"; nullptr when it has none.
    QTreeWidgetItem *group(const QString &kind) const;
    QPushButton *copyButton() const { return m_copy; }
    QLabel *summary() const { return m_summary; }
    QString reportText() const;  // what Copy puts on the clipboard
    // A secret could not be stored in the keychain (the runs have it until Flowdeck quits).
    void addSecretWarning(const QString &text);

private:
    QTreeWidgetItem *addGroup(const QString &kind, const QString &title, int count);

    QLabel *m_summary;
    QTreeWidget *m_tree;
    QPushButton *m_copy;
};

} // namespace studio
} // namespace flowdeck
