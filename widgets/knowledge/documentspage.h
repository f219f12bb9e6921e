#pragma once

#include "widgets/knowledge/embeddingresolver.h"

#include <QWidget>

#include <filesystem>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace flowdeck::studio {

class IngestJob;

// A base's documents: add files, folders (the panel takes them dropped) and web pages, each
// read off the GUI thread with a bar for the file and one for the whole; Cancel; the
// documents with their type, status, passages and reason; Remove; and the passages of
// the selected document with where each comes from.
class DocumentsPage : public QWidget {
    Q_OBJECT

public:
    enum Column { PathColumn, TypeColumn, StatusColumn, PassagesColumn, NotesColumn };

    explicit DocumentsPage(EmbeddingResolver resolver, QWidget *parent = nullptr);

    void setBase(const std::filesystem::path &folder);  // empty: none
    void refresh();
    bool addPaths(const QStringList &paths);  // false when busy or without a base
    bool addUrls(const QStringList &urls);
    bool reindex(bool reembed);
    void cancel();
    bool busy() const;
    void selectDocument(const QString &path);
    void showPassage(qint64 chunkId);  // selects it in the passage list when shown

    QTableWidget *documents() const { return m_documents; }
    QTableWidget *passages() const { return m_passages; }
    QPlainTextEdit *passageText() const { return m_passageText; }
    QProgressBar *overallProgress() const { return m_overall; }
    QProgressBar *fileProgress() const { return m_file; }
    QPushButton *cancelButton() const { return m_cancel; }
    QListWidget *failures() const { return m_failures; }
    QLabel *status() const { return m_status; }

signals:
    void changed();   // documents were added, read again or removed
    void finished();  // an ingestion ended (done, failed or cancelled)

private:
    bool startJob(int kind, const QStringList &sources);
    void chooseFiles();
    void chooseFolder();
    void askForWebPage();
    void removeSelected();
    void showPassages();
    void onProgress(const QString &stage, const QString &document, int index, int count, int done, int total);
    void onFinished(const QString &error);
    void setBusy(bool busy);

    std::filesystem::path m_folder;
    std::filesystem::path m_jobFolder;
    IngestJob *m_job;
    QPushButton *m_addFiles;
    QPushButton *m_addFolder;
    QPushButton *m_addUrl;
    QPushButton *m_remove;
    QPushButton *m_cancel;
    QLabel *m_status;
    QProgressBar *m_overall;
    QProgressBar *m_file;
    QListWidget *m_failures;
    QTableWidget *m_documents;
    QTableWidget *m_passages;
    QPlainTextEdit *m_passageText;
    qint64 m_wantedChunk = 0;
};

} // namespace flowdeck::studio
