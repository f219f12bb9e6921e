#pragma once

#include "engine/knowledge/knowledgesettings.h"

#include <QWidget>

#include <filesystem>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace flowdeck::studio {

class ChunkingForm;
class EmbeddingProfileBox;
class RunController;

// A base's kb.json: title, chunking, embedding profile and model, OCR. Saving a change
// that makes the stored passages stale says what it costs and offers the fix: a new
// embedding profile or model needs every passage embedded again (re-embed), a new
// chunking needs every document cut again (reindex).
class BaseSettingsPage : public QWidget {
    Q_OBJECT

public:
    explicit BaseSettingsPage(RunController *runner, QWidget *parent = nullptr);

    void setBase(const std::filesystem::path &folder);
    void save();

    QLineEdit *titleField() const { return m_title; }
    ChunkingForm *chunking() const { return m_chunking; }
    EmbeddingProfileBox *profileBox() const { return m_profile; }
    QLineEdit *modelField() const { return m_model; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *offer() const { return m_offer; }
    QPushButton *offerButton() const { return m_offerButton; }

signals:
    void saved();
    void reindexRequested(bool reembed);

private:
    void load();
    void offerFix(bool reembed, long long passages);

    std::filesystem::path m_folder;
    engine::KnowledgeSettings m_loaded;
    QLineEdit *m_title;
    ChunkingForm *m_chunking;
    EmbeddingProfileBox *m_profile;
    QLineEdit *m_model;
    QCheckBox *m_ocr;
    QPushButton *m_save;
    QLabel *m_status;
    QWidget *m_offerRow;
    QLabel *m_offer;
    QPushButton *m_offerButton;
    bool m_offerReembed = false;
};

} // namespace flowdeck::studio
