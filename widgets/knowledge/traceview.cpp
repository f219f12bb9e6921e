#include "widgets/knowledge/traceview.h"

#include "engine/core/jsonaccess.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <QCoreApplication>

#include <cstring>

namespace flowdeck::studio {

namespace {

// The engine's trace sentences (engine/knowledge/knowledgesearch.cpp, documentfilter.cpp)
// in the studio's language; their variable parts (numbers, names) are kept as written.
QString traceText(const std::string &english)
{
    struct Known {
        const char *prefix;
        const char *text;  // %1: what follows the prefix
    };
    static const Known known[] = {
        {"below threshold ", QT_TRANSLATE_NOOP("flowdeck::studio::TraceView", "below threshold %1")},
        {"beyond top ", QT_TRANSLATE_NOOP("flowdeck::studio::TraceView", "beyond top %1")},
        {"same parent passage as chunk ", QT_TRANSLATE_NOOP("flowdeck::studio::TraceView", "same parent passage as passage %1")},
        {"no longer in the base", QT_TRANSLATE_NOOP("flowdeck::studio::TraceView", "no longer in the base%1")},
        {"filtered out: ", QT_TRANSLATE_NOOP("flowdeck::studio::TraceView", "filtered out: %1")},
        {"left out words found in more than 5% of the passages: ",
         QT_TRANSLATE_NOOP("flowdeck::studio::TraceView", "left out words found in more than 5% of the passages: %1")},
        {"no embedding of the question was given: keyword results only",
         QT_TRANSLATE_NOOP("flowdeck::studio::TraceView", "no embedding of the question was given: keyword results only%1")},
        {"the question has no words to search by keyword",
         QT_TRANSLATE_NOOP("flowdeck::studio::TraceView", "the question has no words to search by keyword%1")},
        {"no passage holds any word of the question",
         QT_TRANSLATE_NOOP("flowdeck::studio::TraceView", "no passage holds any word of the question%1")},
        {"the base has no vectors yet: keyword results only",
         QT_TRANSLATE_NOOP("flowdeck::studio::TraceView", "the base has no vectors yet: keyword results only%1")},
    };
    for (const auto &k : known)
        if (english.rfind(k.prefix, 0) == 0)
            return QCoreApplication::translate("flowdeck::studio::TraceView", k.text)
                .arg(QString::fromStdString(english.substr(std::strlen(k.prefix))));
    return QString::fromStdString(english);
}

QString rankText(const nlohmann::json &candidate, const char *rank, const char *score)
{
    const int r = engine::valueOr(candidate, rank, 0);
    if (r <= 0)
        return QStringLiteral("–");
    return QStringLiteral("#%1  %2").arg(r).arg(engine::valueOr(candidate, score, 0.0), 0, 'f', 3);
}

// A stage's or a mode's name, as the engine's trace writes it.
QString termName(const std::string &stage)
{
    if (stage == "hybrid")
        return TraceView::tr("hybrid");
    if (stage == "filter")
        return TraceView::tr("filter");
    if (stage == "keyword")
        return TraceView::tr("keyword");
    if (stage == "vector")
        return TraceView::tr("vector");
    if (stage == "fuse")
        return TraceView::tr("fuse");
    return QString::fromStdString(stage);
}

} // namespace

TraceView::TraceView(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel;
    m_summary->setObjectName("traceSummary");
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableWidget(0, 7);
    m_table->setObjectName("traceTable");
    m_table->setHorizontalHeaderLabels({tr("Base"), tr("Document"), tr("Passage"), tr("Keyword rank · BM25"),
                                        tr("Vector rank · cosine"), tr("Score"), tr("Kept, or why dropped")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    clear();
}

void TraceView::clear()
{
    m_table->setRowCount(0);
    m_summary->setText(tr("The trace of a search shows here: every candidate passage, its ranks and scores, and why "
                          "it was kept or dropped."));
}

void TraceView::setTrace(const nlohmann::json &trace)
{
    m_table->setRowCount(0);
    QStringList lines;
    const nlohmann::json bases = engine::valueOr(trace, "bases", nlohmann::json());
    if (bases.is_array()) {  // a knowledge node's trace: one per base
        for (const auto &b : bases)
            addBase(engine::valueOr(b, "base", ""), b, lines);
        if (trace.contains("rerank"))
            lines << tr("Reranked by profile %1.").arg(QString::fromStdString(engine::valueOr(trace["rerank"], "profile", "")));
    } else if (trace.is_object()) {
        addBase({}, trace, lines);
    }
    m_table->setColumnHidden(BaseColumn, !bases.is_array());
    m_summary->setText(lines.join('\n'));
}

void TraceView::addBase(const std::string &base, const nlohmann::json &trace, QStringList &lines)
{
    const QString name = QString::fromStdString(base);
    QStringList stages;
    for (const auto &s : engine::valueOr(trace, "stages", nlohmann::json::array()))
        stages << tr("%1: %2 in %3 ms")
                      .arg(termName(engine::valueOr(s, "stage", "")))
                      .arg(engine::valueOr(s, "count", 0))
                      .arg(engine::valueOr(s, "micros", 0.0) / 1000.0, 0, 'f', 1);
    QString line = tr("%1 search, %2 ms").arg(termName(engine::valueOr(trace, "mode", "")))
                       .arg(engine::valueOr(trace, "totalMicros", 0.0) / 1000.0, 0, 'f', 1);
    if (!stages.isEmpty())
        line += QStringLiteral(" — ") + stages.join(QStringLiteral(" · "));
    lines << (name.isEmpty() ? line : QStringLiteral("%1: %2").arg(name, line));
    const std::string fts = engine::valueOr(trace, "ftsExpression", "");
    if (!fts.empty())
        lines << tr("Keyword query: %1").arg(QString::fromStdString(fts));
    for (const auto &note : engine::valueOr(trace, "notes", nlohmann::json::array()))
        if (note.is_string())
            lines << tr("Note: %1").arg(traceText(note.get<std::string>()));
    if (const int filtered = engine::valueOr(trace, "filteredDocumentCount", 0); filtered > 0)
        lines << tr("%n document(s) left out by the filters.", nullptr, filtered);
    const std::string baseNote = engine::valueOr(trace, "note", "");
    if (!baseNote.empty())
        lines << QString::fromStdString(baseNote);

    for (const auto &c : engine::valueOr(trace, "candidates", nlohmann::json::array())) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const bool kept = engine::valueOr(c, "kept", false);
        const QStringList cells = {name,
                                   QString::fromStdString(engine::valueOr(c, "documentPath", "")),
                                   QString::number(engine::valueOr(c, "chunkId", 0LL)),
                                   rankText(c, "keywordRank", "keywordScore"),
                                   rankText(c, "vectorRank", "vectorScore"),
                                   QString::number(engine::valueOr(c, "score", 0.0), 'f', 3),
                                   kept ? tr("kept") : traceText(engine::valueOr(c, "reason", ""))};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (!kept)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_table->setItem(row, column, item);
        }
    }
}

} // namespace flowdeck::studio
