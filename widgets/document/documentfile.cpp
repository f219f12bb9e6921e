#include "widgets/document/documentfile.h"

#include "engine/workflow/workflowfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

namespace flowdeck {
namespace studio {

namespace {

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QObject::tr("Saving %1 failed (%2); the file on disk was not changed.").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

QString diagnosticsText(const engine::Diagnostics &diagnostics)
{
    QStringList lines;
    for (const auto &d : diagnostics)
        lines << QString::fromStdString(d.message);
    return lines.join('\n');
}

} // namespace

bool saveDocument(GraphDocument &doc, const QString &path, QString *error)
{
    if (!writeAtomically(path, QByteArray::fromStdString(doc.toText()), error))
        return false;
    doc.undoStack()->setClean();
    return true;
}

bool openDocument(GraphDocument &doc, const QString &path, QString *error)
{
    auto loaded = engine::loadWorkflowFile(path.toStdString());
    if (!loaded) {
        if (error)
            *error = diagnosticsText(loaded.diagnostics());
        return false;
    }
    doc.reset(std::move(loaded.value()));
    return true;
}

Autosaver::Autosaver(GraphDocument *doc, QString directory, int intervalMs, QObject *parent)
    : QObject(parent), m_doc(doc), m_directory(std::move(directory)),
      m_key(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Autosaver::tick);
    m_timer.start();
}

void Autosaver::setDocumentPath(const QString &path)
{
    discard();
    m_documentPath = path;
    // One autosave per document file, so a second crash does not pile them up.
    m_key = QString::fromLatin1(QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

QString Autosaver::autosavePath() const { return QDir(m_directory).filePath(m_key + ".autosave.flow.json"); }

void Autosaver::tick()
{
    if (m_doc->undoStack()->isClean() || m_doc->undoStack()->index() == m_savedIndex)
        return;
    saveNow();
}

bool Autosaver::saveNow(QString *error)
{
    QDir().mkpath(m_directory);
    if (!writeAtomically(autosavePath(), QByteArray::fromStdString(m_doc->toText()), error))
        return false;
    QJsonObject meta{{"original", m_documentPath}, {"savedAt", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    if (!writeAtomically(QDir(m_directory).filePath(m_key + ".autosave.json"), QJsonDocument(meta).toJson(), error))
        return false;
    m_savedIndex = m_doc->undoStack()->index();
    return true;
}

void Autosaver::discard()
{
    QFile::remove(autosavePath());
    QFile::remove(QDir(m_directory).filePath(m_key + ".autosave.json"));
    m_savedIndex = -1;
}

QList<Autosaver::Recovery> Autosaver::pending(const QString &directory)
{
    QList<Recovery> out;
    const QDir dir(directory);
    for (const QString &name : dir.entryList({"*.autosave.flow.json"}, QDir::Files)) {
        Recovery r;
        r.autosavePath = dir.filePath(name);
        QFile meta(dir.filePath(name.left(name.size() - QStringLiteral(".flow.json").size()) + ".json"));
        if (meta.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
            r.originalPath = o.value("original").toString();
            r.savedAt = QDateTime::fromString(o.value("savedAt").toString(), Qt::ISODateWithMs);
        }
        out << r;
    }
    std::sort(out.begin(), out.end(), [](const Recovery &a, const Recovery &b) { return a.savedAt > b.savedAt; });
    return out;
}

bool Autosaver::recover(GraphDocument &doc, const Recovery &recovery, QString *error)
{
    if (!openDocument(doc, recovery.autosavePath, error))
        return false;
    // The recovered work is not saved anywhere yet: mark it modified.
    doc.undoStack()->resetClean();
    QFile::remove(recovery.autosavePath);
    QFile::remove(recovery.autosavePath.left(recovery.autosavePath.size() - QStringLiteral(".flow.json").size()) + ".json");
    return true;
}

} // namespace studio
} // namespace flowdeck
