#include "widgets/knowledge/basespicker.h"

#include "engine/knowledge/knowledgesettings.h"
#include "widgets/knowledge/projectbases.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <set>

namespace flowdeck::studio {

namespace fs = std::filesystem;

namespace {

constexpr int kNameRole = Qt::UserRole;

} // namespace

BasesPicker::BasesPicker(const fs::path &knowledgeFolder, const nlohmann::json &value, std::function<void(nlohmann::json)> apply,
                         std::function<void(const QString &)> manage, QWidget *parent)
    : QWidget(parent), m_apply(std::move(apply))
{
    std::set<std::string> chosen;
    if (value.is_array())
        for (const auto &name : value)
            if (name.is_string())
                chosen.insert(name.get<std::string>());
    const std::vector<std::string> bases = projectBases(knowledgeFolder);
    const std::set<std::string> present(bases.begin(), bases.end());
    m_list = new QListWidget;
    m_list->setObjectName("basesList");
    auto addRow = [this, &chosen, &knowledgeFolder](const std::string &name, bool missing) {
        QString label = QString::fromStdString(name);
        if (missing) {
            label = tr("%1 (not in this project)").arg(label);
        } else if (auto s = engine::KnowledgeSettings::load(knowledgeFolder / name); s.ok() && !s->title.empty() && s->title != name) {
            label += QStringLiteral(" — ") + QString::fromStdString(s->title);
        }
        auto *item = new QListWidgetItem(label, m_list);
        item->setData(kNameRole, QString::fromStdString(name));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.count(name) ? Qt::Checked : Qt::Unchecked);
        if (missing)
            item->setForeground(QColor(0xd9, 0x3f, 0x3f));
    };
    for (const auto &name : present)
        addRow(name, false);
    for (const auto &name : chosen)
        if (!present.count(name))
            addRow(name, true);
    m_list->setMaximumHeight(std::max(48, std::min(6, m_list->count()) * 24 + 8));
    m_empty = new QLabel(knowledgeFolder.empty() ? tr("Save the workflow, then create knowledge bases beside it with Manage….")
                                                 : tr("This project has no knowledge base yet: create one with Manage…."));
    m_empty->setWordWrap(true);
    m_empty->setVisible(m_list->count() == 0);
    m_list->setVisible(m_list->count() > 0);
    m_manage = new QPushButton(tr("Manage…"));
    m_manage->setObjectName("manageBases");
    m_manage->setToolTip(tr("Create bases, add documents and try searches (Workflow → Knowledge Bases…)"));
    connect(m_manage, &QPushButton::clicked, this, [this, manage] {
        const auto *item = m_list->currentItem();
        if (manage)
            manage(item ? item->data(kNameRole).toString() : QString());
    });
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (m_apply)
            m_apply(checkedNames());
    });
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_manage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addWidget(m_empty);
    layout->addLayout(row);
}

nlohmann::json BasesPicker::checkedNames() const
{
    nlohmann::json names = nlohmann::json::array();
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            names.push_back(m_list->item(i)->data(kNameRole).toString().toStdString());
    return names;
}

} // namespace flowdeck::studio
