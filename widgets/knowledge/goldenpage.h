#pragma once

#include "widgets/knowledge/embeddingresolver.h"

#include <QWidget>

#include <filesystem>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace flowdeck::studio {

class BackgroundJobs;

// A base's golden questions (DESIGN.md §9): each with the document and a snippet its
// answer passage holds; Run Test scores them by hit@k and MRR in every mode the base
// can search, so a change of chunking or embeddings can be judged by numbers.
class GoldenPage : public QWidget {
    Q_OBJECT

public:
    enum Column { QuestionColumn, DocumentColumn, SnippetColumn, ResultColumn };

    explicit GoldenPage(EmbeddingResolver resolver, QWidget *parent = nullptr);

    void setBase(const std::filesystem::path &folder);
    void refresh();  // the questions, and the documents to choose from
    void addQuestion();
    void removeSelected();
    void runTest();
    bool busy() const;

    QTableWidget *questions() const { return m_table; }
    QLineEdit *questionField() const { return m_question; }
    QComboBox *documentBox() const { return m_document; }
    QLineEdit *snippetField() const { return m_snippet; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *runButton() const { return m_run; }
    QSpinBox *kBox() const { return m_k; }
    QLabel *scores() const { return m_scores; }

signals:
    void tested();

private:
    EmbeddingResolver m_resolver;
    BackgroundJobs *m_jobs;
    std::filesystem::path m_folder;
    QTableWidget *m_table;
    QLineEdit *m_question;
    QComboBox *m_document;
    QLineEdit *m_snippet;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_run;
    QSpinBox *m_k;
    QLabel *m_scores;
};

} // namespace flowdeck::studio
