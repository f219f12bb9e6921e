#include "widgets/knowledge/ingestjob.h"

#include "widgets/knowledge/backgroundjobs.h"
#include "widgets/knowledge/problemtext.h"

#include <QMetaObject>

#include <chrono>

namespace flowdeck::studio {

namespace {

struct Outcome {
    std::optional<engine::IngestReport> report;
    std::string error;
};

} // namespace

IngestJob::IngestJob(EmbeddingResolver resolver, QObject *parent)
    : QObject(parent), m_resolver(resolver), m_jobs(new BackgroundJobs(this))
{
}

IngestJob::~IngestJob()
{
    if (m_cancel)
        *m_cancel = true;
    delete m_jobs;  // waits for the thread: the engine stops at its next check
}

bool IngestJob::start(const std::filesystem::path &baseFolder, Kind kind, const QStringList &sources)
{
    if (m_running)
        return false;
    m_running = true;
    m_report = {};
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::vector<std::string> items;
    for (const QString &s : sources)
        items.push_back(s.toStdString());
    // Progress comes often (every page, every batch): at most every 50 ms reaches the window.
    auto lastSent = std::make_shared<std::chrono::steady_clock::time_point>();
    auto sendProgress = [this, lastSent](const engine::IngestProgress &p) {
        const auto now = std::chrono::steady_clock::now();
        const bool edge = p.done == 0 || p.done == p.total || p.stage == engine::IngestProgress::Stage::Done;
        if (!edge && now - *lastSent < std::chrono::milliseconds(50))
            return;
        *lastSent = now;
        const QString stage = p.stage == engine::IngestProgress::Stage::Embedding ? QStringLiteral("embedding")
                              : p.stage == engine::IngestProgress::Stage::Done    ? QStringLiteral("done")
                                                                                  : QStringLiteral("reading");
        QMetaObject::invokeMethod(this, [this, stage, doc = QString::fromStdString(p.document), p] {
            emit progress(stage, doc, p.documentIndex, p.documentCount, p.done, p.total);
        }, Qt::QueuedConnection);
    };
    auto work = [resolver = m_resolver, cancel = m_cancel, baseFolder, kind, items, sendProgress]() -> Outcome {
        auto settings = engine::KnowledgeSettings::load(baseFolder);
        if (!settings.ok())
            return {std::nullopt, firstProblem(settings.diagnostics(), "The ingestion failed.")};
        auto target = resolver.resolve(settings.value());
        if (!target.ok())
            return {std::nullopt, firstProblem(target.diagnostics(), "The ingestion failed.")};
        engine::IngestOptions options;
        options.cancel = cancel.get();
        options.progress = sendProgress;
        options.embedding = target.value();
        engine::Result<engine::IngestReport> report = engine::IngestReport{};
        switch (kind) {
        case Kind::Files:
            report = engine::KnowledgeIngest::addFiles(baseFolder, {items.begin(), items.end()}, options);
            break;
        case Kind::Urls: report = engine::KnowledgeIngest::addUrls(baseFolder, items, options); break;
        case Kind::Reindex: report = engine::KnowledgeIngest::reindex(baseFolder, options, false); break;
        case Kind::Reembed: report = engine::KnowledgeIngest::reindex(baseFolder, options, true); break;
        }
        if (!report.ok())
            return {std::nullopt, firstProblem(report.diagnostics(), "The ingestion failed.")};
        return {std::move(report.value()), {}};
    };
    m_jobs->run<Outcome>(work, [this](Outcome outcome) {
        m_running = false;
        if (outcome.report)
            m_report = std::move(*outcome.report);
        emit finished(QString::fromStdString(outcome.error));
    });
    return true;
}

void IngestJob::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

} // namespace flowdeck::studio
