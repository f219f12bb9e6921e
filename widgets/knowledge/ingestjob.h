#pragma once

#include "engine/knowledge/knowledgeingest.h"
#include "widgets/knowledge/embeddingresolver.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <filesystem>
#include <memory>

namespace flowdeck::studio {

class BackgroundJobs;

// One ingestion into a base, off the GUI thread (DESIGN.md §9): files and folders, web
// pages, a reindex or a re-embed. Progress arrives as queued signals; cancel() sets the
// flag the engine checks between documents and embedding batches, so what was stored
// stays whole and the next run goes on from there.
class IngestJob : public QObject {
    Q_OBJECT

public:
    enum class Kind { Files, Urls, Reindex, Reembed };

    IngestJob(EmbeddingResolver resolver, QObject *parent = nullptr);
    ~IngestJob() override;

    // False when a job is running already.
    bool start(const std::filesystem::path &baseFolder, Kind kind, const QStringList &sources = {});
    void cancel();
    bool running() const { return m_running; }
    const engine::IngestReport &report() const { return m_report; }

signals:
    // stage: "reading" or "embedding"; `done` of `total` parts of the document (reading)
    // or passages (embedding).
    void progress(const QString &stage, const QString &document, int documentIndex, int documentCount, int done, int total);
    // `error` when the job could not run at all (report() is then empty).
    void finished(const QString &error);

private:
    EmbeddingResolver m_resolver;
    BackgroundJobs *m_jobs;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
    engine::IngestReport m_report;
};

} // namespace flowdeck::studio
