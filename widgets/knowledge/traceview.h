#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

class QLabel;
class QTableWidget;

namespace flowdeck::studio {

// Why a search found what it found (DESIGN.md §9): every candidate passage with its
// keyword rank and BM25 score, vector rank and cosine, the fused score, and kept or why
// dropped; above it the stages and what each cost. Takes one base's trace (the test
// search) or a knowledge node's, which holds a trace per base.
class TraceView : public QWidget {
    Q_OBJECT

public:
    enum Column { BaseColumn, DocumentColumn, ChunkColumn, KeywordColumn, VectorColumn, ScoreColumn, KeptColumn };

    explicit TraceView(QWidget *parent = nullptr);

    void setTrace(const nlohmann::json &trace);
    void clear();
    QTableWidget *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }

private:
    void addBase(const std::string &base, const nlohmann::json &trace, QStringList &lines);

    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace flowdeck::studio
