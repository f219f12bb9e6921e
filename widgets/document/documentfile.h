#pragma once

#include "widgets/document/graphdocument.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace flowdeck {
namespace studio {

// Writes the document atomically (QSaveFile): the old file stays as it was unless the
// whole new text is on disk. Marks the undo stack clean on success.
bool saveDocument(GraphDocument &doc, const QString &path, QString *error);
// Reads, migrates and checks a *.flow.json file (the engine's loader) into `doc`.
bool openDocument(GraphDocument &doc, const QString &path, QString *error);

// Keeps a copy of unsaved work in `directory` every `intervalMs` while there are
// changes, so a crash loses at most that much. A proper save or close discards it;
// what is left at the next start is offered for recovery.
class Autosaver : public QObject {
    Q_OBJECT

public:
    struct Recovery {
        QString autosavePath;
        QString originalPath;  // empty for a document never saved
        QDateTime savedAt;
    };

    Autosaver(GraphDocument *doc, QString directory, int intervalMs = 30000, QObject *parent = nullptr);

    void setDocumentPath(const QString &path);
    bool saveNow(QString *error = nullptr);
    void discard();
    QString autosavePath() const;

    // Autosaves left behind by a session that did not end cleanly, newest first.
    static QList<Recovery> pending(const QString &directory);
    // Opens a recovery into `doc` (modified, not clean) and removes it from the directory.
    static bool recover(GraphDocument &doc, const Recovery &recovery, QString *error);

private:
    void tick();

    GraphDocument *m_doc;
    QString m_directory;
    QString m_documentPath;
    QString m_key;
    QTimer m_timer;
    int m_savedIndex = -1;
};

} // namespace studio
} // namespace flowdeck
