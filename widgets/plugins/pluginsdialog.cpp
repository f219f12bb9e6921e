#include "widgets/plugins/pluginsdialog.h"
#include "engine/core/jsonaccess.h"

#include "engine/mcp/mcpserversimport.h"
#include "widgets/document/commands.h"
#include "widgets/plugins/catalogpage.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/serverdirectory.h"
#include "widgets/settings/keystore.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

constexpr int kAliasRole = Qt::UserRole;

QIcon dot(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(color);
    p.setPen(Qt::NoPen);
    p.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}

} // namespace

PluginsDialog::PluginsDialog(GraphDocument *doc, ServerDirectory *servers, RunController *runner, KeyStore *keys,
                             QWidget *parent)
    : QDialog(parent), m_doc(doc), m_servers(servers), m_runner(runner), m_keys(keys)
{
    setWindowTitle(tr("Plugins"));
    m_list = new QListWidget;
    m_list->setObjectName("pluginList");
    m_detail = new QLabel;
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet("color: #d93f3f;");
    m_tools = new QTreeWidget;
    m_tools->setHeaderLabels({tr("Tool"), tr("What it does")});
    m_tools->setRootIsDecorated(false);
    m_tools->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_reconnect = new QPushButton(tr("Re&connect"));
    m_remove = new QPushButton(tr("&Remove"));
    auto *importButton = new QPushButton(tr("&Import mcpServers File…"));
    importButton->setToolTip(tr("Add the servers of a Claude Desktop, Cursor or Cherry Studio configuration"));
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    rightLayout->addWidget(m_detail);
    rightLayout->addWidget(m_error);
    rightLayout->addWidget(m_tools, 1);
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(m_reconnect);
    rowButtons->addWidget(m_remove);
    rowButtons->addStretch(1);
    rowButtons->addWidget(importButton);
    rightLayout->addLayout(rowButtons);
    auto *split = new QSplitter;
    split->addWidget(m_list);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    auto *workflowPage = new QWidget;
    auto *workflowLayout = new QVBoxLayout(workflowPage);
    workflowLayout->addWidget(split);

    m_catalog = new CatalogPage(doc, servers, runner, keys);
    m_tabs = new QTabWidget;
    m_tabs->addTab(workflowPage, tr("In This &Workflow"));
    m_tabs->addTab(m_catalog, tr("&Catalog"));
    m_message = new QLabel;
    m_message->setWordWrap(true);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    layout->addWidget(close);
    resize(880, 560);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentItemChanged, this, &PluginsDialog::showSelected);
    connect(m_reconnect, &QPushButton::clicked, this, &PluginsDialog::reconnectSelected);
    connect(m_remove, &QPushButton::clicked, this, &PluginsDialog::removeSelected);
    connect(importButton, &QPushButton::clicked, this, &PluginsDialog::importDialog);
    connect(servers, &ServerDirectory::changed, this, &PluginsDialog::updateRow);
    connect(servers, &ServerDirectory::removed, this, &PluginsDialog::fillList);
    connect(servers, &ServerDirectory::cleared, this, &PluginsDialog::fillList);
    connect(m_catalog, &CatalogPage::added, this, [this](const QString &alias) {
        m_message->setText(tr("'%1' was added to the workflow (Ctrl+Z undoes it).").arg(alias));
    });
    fillList();
    m_tabs->setCurrentIndex(m_doc->workflow().plugins.empty() ? 1 : 0);
}

QString PluginsDialog::statusText() const { return m_message->text(); }

QString PluginsDialog::errorText() const { return m_error->text(); }

void PluginsDialog::fillList()
{
    const QString selected = m_list->currentItem() ? m_list->currentItem()->data(kAliasRole).toString() : QString();
    m_list->clear();
    for (const auto &[alias, entry] : m_doc->workflow().plugins.items()) {
        auto *item = new QListWidgetItem(QString::fromStdString(alias), m_list);
        item->setData(kAliasRole, QString::fromStdString(alias));
        updateRow(QString::fromStdString(alias));
    }
    if (!selected.isEmpty())
        selectPlugin(selected);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    showSelected();
}

void PluginsDialog::updateRow(const QString &alias)
{
    QListWidgetItem *item = nullptr;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(kAliasRole).toString() == alias)
            item = m_list->item(i);
    if (!item) {  // added while the dialog is open
        item = new QListWidgetItem(alias, m_list);
        item->setData(kAliasRole, alias);
    }
    const ServerDirectory::Entry *e = m_servers->entry(alias);
    if (!e || e->state == ServerDirectory::State::Starting) {
        item->setText(tr("%1 — starting…").arg(alias));
        item->setIcon(dot(QColor(0x3b, 0x82, 0xf6)));
    } else if (e->state == ServerDirectory::State::Ready) {
        item->setText(tr("%1 — %n tool(s)", nullptr, static_cast<int>(e->tools.size())).arg(alias));
        item->setIcon(dot(QColor(0x22, 0xa0, 0x5a)));
    } else {
        item->setText(tr("%1 — not available").arg(alias));
        item->setIcon(dot(QColor(0xd9, 0x3f, 0x3f)));
    }
    item->setToolTip(e ? e->error : QString());
    if (m_list->currentItem() == item)
        showSelected();
}

void PluginsDialog::selectPlugin(const QString &alias)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(kAliasRole).toString() == alias)
            m_list->setCurrentRow(i);
}

void PluginsDialog::showSelected()
{
    m_tools->clear();
    const QString alias = m_list->currentItem() ? m_list->currentItem()->data(kAliasRole).toString() : QString();
    const nlohmann::json &plugins = m_doc->workflow().plugins;
    m_reconnect->setEnabled(!alias.isEmpty());
    m_remove->setEnabled(!alias.isEmpty());
    if (alias.isEmpty() || !plugins.contains(alias.toStdString())) {
        m_detail->setText(tr("The workflow has no plugins yet. Add one from the Catalog tab, or import an mcpServers file."));
        m_error->clear();
        return;
    }
    const nlohmann::json &entry = plugins[alias.toStdString()];
    QString source;
    if (entry.contains("catalog")) {
        const auto *m = m_servers->catalog().find(engine::valueOr(entry, "catalog", ""));
        source = tr("From the catalog: %1").arg(m ? QString::fromStdString(QLocale().language() == QLocale::Chinese && !m->nameZh.empty() ? m->nameZh : m->name)
                                                   : QString::fromStdString(engine::valueOr(entry, "catalog", "")));
    } else if (entry.contains("url")) {
        source = tr("Remote server: %1").arg(QString::fromStdString(engine::valueOr(entry, "url", "")));
    } else {
        std::string line = engine::valueOr(entry, "command", "");
        for (const auto &a : engine::valueOr(entry, "args", nlohmann::json::array()))
            line += " " + (a.is_string() ? a.get<std::string>() : engine::safeDump(a));
        source = tr("Command: %1").arg(QString::fromStdString(line));
    }
    const ServerDirectory::Entry *e = m_servers->entry(alias);
    m_detail->setText(QStringLiteral("<b>%1</b><br>%2").arg(alias.toHtmlEscaped(), source.toHtmlEscaped()));
    m_error->setText(e ? e->error : QString());
    if (!e)
        return;
    for (const auto &tool : e->tools) {
        auto *row = new QTreeWidgetItem(m_tools, {QString::fromStdString(engine::valueOr(tool, "name", "")),
                                                  QString::fromStdString(engine::valueOr(tool, "description", "")).section('\n', 0, 0)});
        row->setToolTip(1, QString::fromStdString(engine::valueOr(tool, "description", "")));
    }
}

void PluginsDialog::removeSelected()
{
    if (!m_list->currentItem())
        return;
    const QString alias = m_list->currentItem()->data(kAliasRole).toString();
    m_doc->undoStack()->push(new SetPluginsCommand(m_doc, {{alias.toStdString(), nullptr}}, tr("Remove plugin %1").arg(alias)));
    m_message->setText(tr("'%1' was removed (Ctrl+Z brings it back).").arg(alias));
}

void PluginsDialog::reconnectSelected()
{
    if (m_list->currentItem())
        m_servers->refresh(m_list->currentItem()->data(kAliasRole).toString(), true);
}

void PluginsDialog::importDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import mcpServers file"), {}, tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool PluginsDialog::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_message->setText(tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return false;
    }
    auto imported = engine::importMcpServers(file.readAll().toStdString());
    if (!imported) {
        QStringList lines;
        for (const auto &d : imported.diagnostics())
            lines << QString::fromStdString(d.message);
        m_message->setText(tr("%1 was not imported: %2").arg(path, lines.join(' ')));
        return false;
    }
    // Names the workflow already uses get a suffix; secrets go to the keychain.
    std::map<std::string, nlohmann::json> entries;
    QStringList names;
    for (const auto &[alias, entry] : imported->plugins.items()) {
        std::string name = alias;
        for (int n = 2; m_doc->workflow().plugins.contains(name) || entries.count(name); ++n)
            name = alias + "_" + std::to_string(n);
        entries[name] = entry;
        names << QString::fromStdString(name);
    }
    for (const auto &[name, value] : imported->secrets.items()) {
        const QString key = QString::fromStdString(name), text = QString::fromStdString(value.get<std::string>());
        m_runner->setSecret(key, text);
        m_keys->save(key, text, [](bool, QString) {});
    }
    QStringList notes;
    for (const auto &d : imported->notes)
        notes << QString::fromStdString(d.message);
    if (entries.empty()) {
        m_message->setText(tr("%1 has no servers to import.").arg(path) + (notes.isEmpty() ? QString() : " " + notes.join(' ')));
        return false;
    }
    m_doc->undoStack()->push(new SetPluginsCommand(m_doc, std::move(entries), tr("Import %n plugin(s)", nullptr, static_cast<int>(names.size()))));
    m_message->setText(tr("Imported %1; %n secret(s) went to the keychain.", nullptr, static_cast<int>(imported->secrets.size()))
                           .arg(names.join(", ")) +
                       (notes.isEmpty() ? QString() : " " + notes.join(' ')));
    m_tabs->setCurrentIndex(0);
    selectPlugin(names.front());
    return true;
}

} // namespace studio
} // namespace flowdeck
