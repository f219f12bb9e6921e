#include "widgets/knowledge/basesettingspage.h"

#include "engine/core/messages.h"
#include "engine/knowledge/knowledgestore.h"
#include "widgets/document/localized.h"
#include "widgets/knowledge/chunkingform.h"
#include "widgets/knowledge/embeddingprofilebox.h"
#include "widgets/knowledge/problemtext.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowdeck::studio {

BaseSettingsPage::BaseSettingsPage(RunController *runner, QWidget *parent) : QWidget(parent)
{
    m_title = new QLineEdit;
    m_title->setObjectName("settingsTitle");
    m_chunking = new ChunkingForm;
    m_profile = new EmbeddingProfileBox(runner);
    m_profile->setObjectName("settingsEmbeddingProfile");
    m_model = new QLineEdit;
    m_model->setObjectName("settingsEmbeddingModel");
    m_ocr = new QCheckBox(tr("Read scanned PDF pages with OCR (tesseract)"));
    m_save = new QPushButton(tr("Save Settings"));
    m_save->setObjectName("saveBaseSettings");
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_offer = new QLabel;
    m_offer->setObjectName("reindexOffer");
    m_offer->setWordWrap(true);
    m_offerButton = new QPushButton;
    m_offerButton->setObjectName("reindexNow");
    m_offerRow = new QWidget;
    auto *offerLayout = new QHBoxLayout(m_offerRow);
    offerLayout->setContentsMargins(0, 0, 0, 0);
    offerLayout->addWidget(m_offer, 1);
    offerLayout->addWidget(m_offerButton);
    m_offerRow->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("Title"), m_title);
    form->addRow(m_chunking);
    form->addRow(tr("Embedding profile"), m_profile);
    form->addRow(tr("Embedding model"), m_model);
    form->addRow(QString(), m_ocr);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_offerRow);
    layout->addStretch(1);
    connect(m_save, &QPushButton::clicked, this, &BaseSettingsPage::save);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setEnabled(!m_profile->profile().isEmpty());
        m_model->setPlaceholderText(m_profile->defaultModel());
    });
    connect(m_offerButton, &QPushButton::clicked, this, [this] {
        m_offerRow->hide();
        emit reindexRequested(m_offerReembed);
    });
    setBase({});
}

void BaseSettingsPage::setBase(const std::filesystem::path &folder)
{
    m_folder = folder;
    m_offerRow->hide();
    m_status->clear();
    setEnabled(!folder.empty());
    load();
}

void BaseSettingsPage::load()
{
    auto settings = m_folder.empty() ? engine::Result<engine::KnowledgeSettings>(engine::KnowledgeSettings{})
                                     : engine::KnowledgeSettings::load(m_folder);
    m_loaded = settings.ok() ? settings.value() : engine::KnowledgeSettings{};
    m_title->setText(QString::fromStdString(m_loaded.title));
    m_chunking->setSettings(m_loaded.chunking);
    m_profile->setProfile(QString::fromStdString(m_loaded.embedding.profile));
    m_model->setText(QString::fromStdString(m_loaded.embedding.model));
    m_model->setEnabled(!m_loaded.embedding.profile.empty());
    m_model->setPlaceholderText(m_profile->defaultModel());
    m_ocr->setChecked(m_loaded.ocr);
}

void BaseSettingsPage::save()
{
    if (m_folder.empty())
        return;
    engine::KnowledgeSettings next = m_loaded;
    next.title = m_title->text().trimmed().toStdString();
    next.chunking = m_chunking->settings(next.chunking);
    next.embedding.profile = m_profile->profile().toStdString();
    next.embedding.model = next.embedding.profile.empty() ? std::string() : m_model->text().trimmed().toStdString();
    if (next.embedding.profile != m_loaded.embedding.profile || next.embedding.model != m_loaded.embedding.model)
        next.embedding.dimensions = 0;  // the new model's own
    next.ocr = m_ocr->isChecked();
    std::string error;
    auto checked = engine::KnowledgeSettings::fromJson(next.toJson());
    if (!checked.ok() || !next.save(m_folder, error)) {
        if (!checked.ok())
            error = firstProblem(checked.diagnostics(), "The settings are not valid.");
        m_status->setText(localizedProblem(error));
        return;
    }
    const bool embeddingChanged = next.embedding.profile != m_loaded.embedding.profile || next.embedding.model != m_loaded.embedding.model;
    const auto &a = next.chunking, &b = m_loaded.chunking;
    const bool chunkingChanged = a.mode != b.mode || a.size != b.size || a.overlap != b.overlap || a.parentSize != b.parentSize ||
                                 a.childSize != b.childSize;
    m_loaded = next;
    m_status->setText(tr("Saved."));
    long long passages = 0;
    if (auto store = engine::KnowledgeStore::open(m_folder, engine::KnowledgeStore::Mode::ReadOnly); store.ok())
        if (auto stats = store.value()->stats(); stats.ok())
            passages = stats->chunks;
    m_offerRow->hide();
    if (embeddingChanged && !next.embedding.profile.empty() && passages > 0)
        offerFix(true, passages);
    else if (chunkingChanged && passages > 0)
        offerFix(false, passages);
    emit saved();
}

void BaseSettingsPage::offerFix(bool reembed, long long passages)
{
    m_offerReembed = reembed;
    const int n = static_cast<int>(passages);
    if (reembed) {
        m_offer->setText(tr("The embedding model changed: %n passage(s) must be embedded again before vector and hybrid "
                            "search find them. Keyword search works meanwhile.", nullptr, n));
        m_offerButton->setText(tr("Re-embed Now"));
    } else {
        m_offer->setText(tr("The chunking changed: every document must be cut again (%n passage(s) now). Searches use the "
                            "old passages until then.", nullptr, n));
        m_offerButton->setText(tr("Reindex Now"));
    }
    m_offerRow->show();
}

} // namespace flowdeck::studio
