#pragma once

#include <QDialog>

#include <filesystem>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace flowdeck::studio {

class ChunkingForm;
class EmbeddingProfileBox;
class RunController;

// Creates a knowledge base in the project's knowledge folder: its name (a folder name,
// checked as it is typed), a title, how documents are cut into passages, and the
// profile that embeds them (or none: keyword search only).
class NewBaseDialog : public QDialog {
    Q_OBJECT

public:
    NewBaseDialog(std::filesystem::path knowledgeFolder, RunController *runner, QWidget *parent = nullptr);

    QString createdName() const { return m_created; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *titleField() const { return m_title; }
    EmbeddingProfileBox *profileBox() const { return m_profile; }
    ChunkingForm *chunking() const { return m_chunking; }
    QLabel *problem() const { return m_problem; }
    void accept() override;

private:
    void check();

    std::filesystem::path m_folder;
    QLineEdit *m_name;
    QLineEdit *m_title;
    ChunkingForm *m_chunking;
    EmbeddingProfileBox *m_profile;
    QLineEdit *m_model;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QString m_created;
};

} // namespace flowdeck::studio
