#pragma once

#include <QDialog>

#include <filesystem>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace flowdeck::studio {

class BaseSettingsPage;
class DocumentsPage;
class GoldenPage;
class RunController;
class SearchPage;

// Workflow → Knowledge Bases… (Ctrl+Shift+K): the bases of the open project, kept in
// <the workflow's folder>/knowledge (DESIGN.md §9). Create a base, add documents (drop
// them anywhere on the panel), read its passages, try searches with their trace, keep
// golden questions and score them, and change its settings.
class KnowledgePanel : public QDialog {
    Q_OBJECT

public:
    explicit KnowledgePanel(RunController *runner, QWidget *parent = nullptr);

    // The open workflow's file; empty for one never saved (bases need its folder).
    void setProjectFile(const QString &flowFile);
    std::filesystem::path knowledgeFolder() const { return m_folder; }
    void reloadBases();
    bool selectBase(const QString &name);
    QString currentBase() const;
    // Shows a passage: its base and document selected, the passage in view.
    void showPassage(const QString &base, const QString &document, qint64 chunkId);
    void newBase();  // asks with NewBaseDialog

    QListWidget *baseList() const { return m_bases; }
    QPushButton *newBaseButton() const { return m_newBase; }
    QTabWidget *tabs() const { return m_tabs; }
    DocumentsPage *documents() const { return m_documents; }
    SearchPage *searchPage() const { return m_search; }
    GoldenPage *golden() const { return m_golden; }
    BaseSettingsPage *settingsPage() const { return m_settings; }

signals:
    void basesChanged();  // a base was created (the inspector's lists follow)

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showBase();
    void showStats();

    RunController *m_runner;
    std::filesystem::path m_folder;
    QLabel *m_where;
    QListWidget *m_bases;
    QPushButton *m_newBase;
    QLabel *m_stats;
    QTabWidget *m_tabs;
    DocumentsPage *m_documents;
    SearchPage *m_search;
    GoldenPage *m_golden;
    BaseSettingsPage *m_settings;
};

} // namespace flowdeck::studio
