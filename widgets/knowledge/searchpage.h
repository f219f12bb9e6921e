#pragma once

#include "widgets/knowledge/embeddingresolver.h"

#include <QWidget>

#include <filesystem>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace flowdeck::studio {

class BackgroundJobs;
class TraceView;

// Tries a base out: a question, the mode, top-k and the threshold; the passages found
// with their scores and where they come from, and the trace of every candidate.
class SearchPage : public QWidget {
    Q_OBJECT

public:
    enum Column { RankColumn, ScoreColumn, DocumentColumn, WhereColumn, TextColumn };

    explicit SearchPage(EmbeddingResolver resolver, QWidget *parent = nullptr);

    void setBase(const std::filesystem::path &folder);
    void search();
    bool busy() const;

    QLineEdit *queryField() const { return m_query; }
    QComboBox *modeBox() const { return m_mode; }
    QSpinBox *topKBox() const { return m_topK; }
    QDoubleSpinBox *thresholdBox() const { return m_threshold; }
    QPushButton *searchButton() const { return m_searchButton; }
    QTreeWidget *results() const { return m_results; }
    TraceView *trace() const { return m_trace; }
    QLabel *status() const { return m_status; }

signals:
    void searched();  // results (or a failure) are shown

private:
    EmbeddingResolver m_resolver;
    BackgroundJobs *m_jobs;
    std::filesystem::path m_folder;
    QLineEdit *m_query;
    QComboBox *m_mode;
    QSpinBox *m_topK;
    QDoubleSpinBox *m_threshold;
    QPushButton *m_searchButton;
    QLabel *m_status;
    QTreeWidget *m_results;
    TraceView *m_trace;
};

} // namespace flowdeck::studio
