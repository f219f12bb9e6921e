#include "widgets/knowledge/newbasedialog.h"

#include "engine/core/messages.h"
#include "engine/knowledge/knowledgeingest.h"
#include "engine/knowledge/knowledgepack.h"
#include "widgets/document/localized.h"
#include "widgets/knowledge/chunkingform.h"
#include "widgets/knowledge/embeddingprofilebox.h"
#include "widgets/knowledge/problemtext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowdeck::studio {

NewBaseDialog::NewBaseDialog(std::filesystem::path knowledgeFolder, RunController *runner, QWidget *parent)
    : QDialog(parent), m_folder(std::move(knowledgeFolder))
{
    setObjectName("newKnowledgeBase");
    setWindowTitle(tr("New Knowledge Base"));
    m_name = new QLineEdit;
    m_name->setObjectName("baseName");
    m_name->setPlaceholderText(tr("e.g. handbook"));
    m_name->setToolTip(tr("The base's folder name, which workflows use: letters, digits, '-', '_' or '.'."));
    m_title = new QLineEdit;
    m_title->setObjectName("baseTitle");
    m_title->setPlaceholderText(tr("e.g. Employee handbook"));
    m_chunking = new ChunkingForm;
    m_profile = new EmbeddingProfileBox(runner);
    m_profile->setObjectName("embeddingProfile");
    m_model = new QLineEdit;
    m_model->setObjectName("embeddingModel");
    m_problem = new QLabel;
    m_problem->setObjectName("baseProblem");
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet("color: #d93f3f;");
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Title"), m_title);
    form->addRow(m_chunking);
    form->addRow(tr("Embedding profile"), m_profile);
    form->addRow(tr("Embedding model"), m_model);
    auto *hint = new QLabel(tr("Without an embedding profile the base is searched by keyword. Vector and hybrid search "
                               "need one; its passages are embedded as documents are added."));
    hint->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewBaseDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewBaseDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, &NewBaseDialog::check);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setEnabled(!m_profile->profile().isEmpty());
        m_model->setPlaceholderText(m_profile->defaultModel());
    });
    m_model->setEnabled(false);
    check();
}

void NewBaseDialog::check()
{
    const std::string name = m_name->text().trimmed().toStdString();
    QString problem;
    if (name.empty())
        problem = tr("Give the base a name.");
    else if (!engine::validKnowledgeBaseName(name))
        problem = tr("“%1” cannot name a base: use letters, digits, '-', '_' or '.', not starting with '.', at most 64 bytes.")
                      .arg(m_name->text().trimmed());
    else if (std::error_code ec; std::filesystem::exists(m_folder / name, ec))
        problem = tr("There is a base named “%1” already.").arg(m_name->text().trimmed());
    m_problem->setText(m_name->text().isEmpty() ? QString() : problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void NewBaseDialog::accept()
{
    check();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    engine::KnowledgeSettings settings;
    settings.name = m_name->text().trimmed().toStdString();
    settings.title = m_title->text().trimmed().toStdString();
    settings.chunking = m_chunking->settings(settings.chunking);
    settings.embedding.profile = m_profile->profile().toStdString();
    if (!settings.embedding.profile.empty())
        settings.embedding.model = m_model->text().trimmed().toStdString();
    auto checked = engine::KnowledgeSettings::fromJson(settings.toJson());
    auto created = checked.ok() ? engine::KnowledgeIngest::create(m_folder / settings.name, settings) : checked;
    if (!created.ok()) {
        m_problem->setText(localizedProblem(firstProblem(created.diagnostics(), "The base could not be created.")));
        return;
    }
    m_created = QString::fromStdString(settings.name);
    QDialog::accept();
}

} // namespace flowdeck::studio
