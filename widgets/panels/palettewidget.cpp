#include "widgets/panels/palettewidget.h"
#include "widgets/panels/fieldtitles.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/nodes/noderegistry.h"
#include "widgets/canvas/graphview.h"
#include "widgets/canvas/nodeicons.h"

#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace flowdeck {
namespace studio {

namespace {

constexpr int kTypeRole = Qt::UserRole;
constexpr int kSearchRole = Qt::UserRole + 1;
constexpr int kConfigRole = Qt::UserRole + 2;  // JSON: the config a dropped node starts with
constexpr int kServerRole = Qt::UserRole + 3;  // on a plugin server's group
constexpr int kBlurbRole = Qt::UserRole + 4;   // one line under the title

// The first sentence of a description, for the line under an entry's title.
QString firstSentence(const QString &text)
{
    const QString simple = text.simplified();
    for (const QString &stop : {QStringLiteral(". "), QStringLiteral("。")}) {
        const qsizetype at = simple.indexOf(stop);
        if (at > 0)
            return simple.left(at + 1);  // with its full stop
    }
    return simple;
}

// Entries as an icon, the title and a dimmer one-line description; groups as they are.
class PaletteDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (!index.data(kBlurbRole).toString().isEmpty())
            size.setHeight(std::max(size.height(), option.fontMetrics.height() * 2 + 8));
        return size;
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString blurb = index.data(kBlurbRole).toString();
        if (blurb.isEmpty())
            return QStyledItemDelegate::paint(painter, option, index);
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString title = opt.text;
        opt.text.clear();
        opt.icon = QIcon();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);  // background and selection
        const QRect r = option.rect.adjusted(4, 3, -4, -3);
        const int icon = std::min(24, r.height());
        index.data(Qt::DecorationRole).value<QIcon>().paint(painter, QRect(r.left(), r.top() + (r.height() - icon) / 2, icon, icon));
        const QRect text = r.adjusted(icon + 8, 0, 0, 0);
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette &pal = option.palette;
        painter->save();
        painter->setPen(selected ? pal.highlightedText().color() : pal.text().color());
        const QFontMetrics fm(option.font);
        painter->drawText(QRect(text.left(), text.top(), text.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(title, Qt::ElideRight, text.width()));
        painter->setPen(selected ? pal.highlightedText().color() : pal.placeholderText().color());
        painter->drawText(QRect(text.left(), text.top() + fm.height(), text.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(blurb, Qt::ElideRight, text.width()));
        painter->restore();
    }
};

QString categoryTitle(const std::string &category)
{
    if (category == "basic")
        return PaletteWidget::tr("Basics");
    if (category == "model")
        return PaletteWidget::tr("Models and agents");
    if (category == "logic")
        return PaletteWidget::tr("Logic");
    if (category == "transform")
        return PaletteWidget::tr("Transform");
    if (category == "tools")
        return PaletteWidget::tr("MCP tools");
    if (category == "io")
        return PaletteWidget::tr("HTTP");
    if (category == "output")
        return PaletteWidget::tr("Output");
    return QString::fromStdString(category);
}

} // namespace

QStringList PaletteTree::mimeTypes() const { return {GraphView::kNodeMime}; }

QMimeData *PaletteTree::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    if (items.isEmpty() || items.front()->data(0, kTypeRole).toString().isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    nlohmann::json payload = {{"type", items.front()->data(0, kTypeRole).toString().toStdString()}};
    const QString config = items.front()->data(0, kConfigRole).toString();
    if (!config.isEmpty())
        payload["config"] = engine::parseJson(config.toStdString());
    mime->setData(GraphView::kNodeMime, QByteArray::fromStdString(payload.dump()));
    return mime;
}

PaletteWidget::PaletteWidget(QWidget *parent) : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search nodes…"));
    m_search->setClearButtonEnabled(true);
    m_tree = new PaletteTree(this);
    m_tree->setHeaderHidden(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setRootIsDecorated(false);
    m_tree->setItemDelegate(new PaletteDelegate(m_tree));
    m_tree->setIconSize(QSize(24, 24));
    m_tree->setToolTip(tr("Drag a node onto the canvas to add it"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);

    const bool chinese = QLocale().language() == QLocale::Chinese;
    std::map<std::string, QTreeWidgetItem *> groups;
    for (const std::string category : {"basic", "model", "tools", "logic", "transform", "io", "output"}) {
        auto *group = new QTreeWidgetItem(m_tree, {categoryTitle(category)});
        group->setFlags(Qt::ItemIsEnabled);
        QFont f = group->font(0);
        f.setBold(true);
        group->setFont(0, f);
        groups[category] = group;
    }
    for (const auto *d : engine::NodeRegistry::builtin().all()) {
        if (d->type.rfind("test.", 0) == 0 || d->category == "imported")
            continue;  // test types, and placeholders only an import makes
        QTreeWidgetItem *group = groups.count(d->category) ? groups[d->category] : nullptr;
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {categoryTitle(d->category)});
            groups[d->category] = group;
        }
        const QString title = QString::fromStdString(chinese && !d->titleZh.empty() ? d->titleZh : d->title);
        auto *item = new QTreeWidgetItem(group, {title});
        item->setData(0, kTypeRole, QString::fromStdString(d->type));
        item->setData(0, kSearchRole,
                      QString::fromStdString(d->type + " " + d->title + " " + d->titleZh + " " + d->description + " " +
                                             d->descriptionZh)
                          .toLower());
        const QString description = QString::fromStdString(chinese && !d->descriptionZh.empty() ? d->descriptionZh : d->description);
        item->setIcon(0, nodeIcon(QString::fromStdString(d->type)));
        item->setData(0, kBlurbRole, firstSentence(description));
        // Hover help: the whole description and how to use the entry.
        item->setToolTip(0, QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
                                .arg(title.toHtmlEscaped(), description.toHtmlEscaped(), tr("Drag onto the canvas to add it.")));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    for (auto &[category, group] : groups)
        if (group->childCount() == 0)
            delete group;
    m_tree->expandAll();
    connect(m_search, &QLineEdit::textChanged, this, &PaletteWidget::filter);
}

QTreeWidgetItem *PaletteWidget::itemForType(const QString &type) const
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        for (int i = 0; i < m_tree->topLevelItem(g)->childCount(); ++i)
            if (m_tree->topLevelItem(g)->child(i)->data(0, kTypeRole).toString() == type)
                return m_tree->topLevelItem(g)->child(i);
    return nullptr;
}

QTreeWidgetItem *PaletteWidget::serverGroup(const QString &server)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        if (m_tree->topLevelItem(g)->data(0, kServerRole).toString() == server)
            return m_tree->topLevelItem(g);
    auto *group = new QTreeWidgetItem(m_tree, {tr("Plugin: %1").arg(server)});
    group->setData(0, kServerRole, server);
    group->setFlags(Qt::ItemIsEnabled);
    QFont f = group->font(0);
    f.setBold(true);
    group->setFont(0, f);
    return group;
}

void PaletteWidget::setServerTools(const QString &server, const QString &toolsJson, const QString &error)
{
    QTreeWidgetItem *group = serverGroup(server);
    qDeleteAll(group->takeChildren());
    group->setToolTip(0, error);
    if (!error.isEmpty()) {
        auto *item = new QTreeWidgetItem(group, {tr("Not available: %1").arg(error.left(120))});
        item->setToolTip(0, error);
        item->setFlags(Qt::ItemIsEnabled);
        item->setForeground(0, QColor(0xd9, 0x3f, 0x3f));
        return;
    }
    const auto tools = engine::parseJson(toolsJson.toStdString());
    for (const auto &tool : tools.is_array() ? tools : nlohmann::json::array()) {
        const std::string name = engine::valueOr(tool, "name", "");
        const QString description = toolDescription(tool);
        auto *item = new QTreeWidgetItem(group, {toolTitle(tool)});
        item->setData(0, kTypeRole, QStringLiteral("mcp.tool"));
        const nlohmann::json config = {{"server", server.toStdString()}, {"tool", name}, {"arguments", nlohmann::json::object()}};
        item->setData(0, kConfigRole, QString::fromStdString(config.dump()));
        // Found by its name, its words as the server wrote them and as shown, and its plugin.
        item->setData(0, kSearchRole, (QString::fromStdString(name + " " + engine::valueOr(tool, "title", "") + " " +
                                                              engine::valueOr(tool, "description", "")) +
                                       " " + toolTitle(tool) + " " + description + " " + server)
                                          .toLower());
        item->setIcon(0, nodeIcon(QStringLiteral("mcp.tool")));
        item->setData(0, kBlurbRole, description.isEmpty() ? tr("A tool of %1").arg(server) : firstSentence(description));
        item->setToolTip(0, description);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    group->setExpanded(true);
    filter(m_search->text());
}

void PaletteWidget::clearServerTools()
{
    for (int g = m_tree->topLevelItemCount() - 1; g >= 0; --g)
        if (!m_tree->topLevelItem(g)->data(0, kServerRole).toString().isEmpty())
            delete m_tree->takeTopLevelItem(g);
}

void PaletteWidget::removeServerTools(const QString &server)
{
    for (int g = m_tree->topLevelItemCount() - 1; g >= 0; --g)
        if (m_tree->topLevelItem(g)->data(0, kServerRole).toString() == server)
            delete m_tree->takeTopLevelItem(g);
}

QTreeWidgetItem *PaletteWidget::itemForTool(const QString &server, const QString &tool) const
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        if (group->data(0, kServerRole).toString() != server)
            continue;
        for (int i = 0; i < group->childCount(); ++i) {
            const auto config = engine::parseJson(group->child(i)->data(0, kConfigRole).toString().toStdString());
            if (config.is_object() && engine::valueOr(config, "tool", "") == tool.toStdString())
                return group->child(i);
        }
    }
    return nullptr;
}

void PaletteWidget::filter(const QString &text)
{
    const QString needle = text.trimmed().toLower();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            const bool match = needle.isEmpty() || group->child(i)->data(0, kSearchRole).toString().contains(needle);
            group->child(i)->setHidden(!match);
            shown += match;
        }
        group->setHidden(shown == 0);
    }
}

} // namespace studio
} // namespace flowdeck
