#include "widgets/knowledge/passagedialog.h"

#include "engine/core/jsonaccess.h"
#include "engine/knowledge/knowledgestore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

// The chunk's text from its base, or empty when the base or the chunk is gone.
QString passageText(const std::filesystem::path &folder, std::int64_t chunkId)
{
    if (folder.empty() || chunkId <= 0)
        return {};
    auto store = engine::KnowledgeStore::open(folder, engine::KnowledgeStore::Mode::ReadOnly);
    if (!store.ok())
        return {};
    auto chunks = store.value()->chunksById({chunkId});
    return chunks.ok() && !chunks->empty() ? QString::fromStdString(chunks->front().text) : QString();
}

} // namespace

PassageDialog::PassageDialog(const std::filesystem::path &knowledgeFolder, const nlohmann::json &citation, QWidget *parent)
    : QDialog(parent)
{
    setObjectName("passageDialog");
    setWindowTitle(tr("Source Passage"));
    const std::string base = engine::valueOr(citation, "base", "");
    const QString document = QString::fromStdString(engine::valueOr(citation, "document", ""));
    const QString where = QString::fromStdString(engine::valueOr(citation, "where", ""));
    m_source = new QLabel(QStringLiteral("[%1] %2").arg(engine::valueOr(citation, "index", 0))
                              .arg(QString::fromStdString(engine::valueOr(citation, "source", ""))));
    m_source->setObjectName("passageSource");
    m_source->setWordWrap(true);
    QFont bold = m_source->font();
    bold.setBold(true);
    m_source->setFont(bold);
    auto *details = new QLabel(tr("Base %1 · document %2%3")
                                   .arg(QString::fromStdString(base), document, where.isEmpty() ? QString() : QStringLiteral(" · ") + where));
    details->setWordWrap(true);
    details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text = new QPlainTextEdit;
    m_text->setObjectName("passageText");
    m_text->setReadOnly(true);
    const bool valid = !base.empty() && base.find('/') == std::string::npos && base.find("..") == std::string::npos;
    QString text = valid ? passageText(knowledgeFolder / base, engine::valueOr(citation, "chunkId", 0LL)) : QString();
    if (text.isEmpty())  // the base changed since the run: what the run quoted
        text = QString::fromStdString(engine::valueOr(citation, "quote", ""));
    m_text->setPlainText(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addWidget(details);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(640, 420);
}

} // namespace flowdeck::studio
