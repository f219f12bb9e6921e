#include "app/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

QString plain(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\(&\\w\\)")));  // Chinese menus: "文件(&F)"
    text.remove('&');
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

void addMenu(QTreeWidget *list, QMenu *menu, const QString &path)
{
    QTreeWidgetItem *group = nullptr;
    for (QAction *a : menu->actions()) {
        if (a->menu()) {
            addMenu(list, a->menu(), path + QStringLiteral(" › ") + plain(a->text()));
            continue;
        }
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        if (keys.isEmpty())
            continue;
        if (!group) {
            group = new QTreeWidgetItem(list, {path});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
        }
        new QTreeWidgetItem(group, {plain(a->text()), keys.join(QStringLiteral(", "))});
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QMenuBar *menus, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list = new QTreeWidget;
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    for (QAction *a : menus->actions())
        if (a->menu())
            addMenu(m_list, a->menu(), plain(a->text()));
    auto *canvas = new QTreeWidgetItem(m_list, {tr("Canvas")});
    QFont bold = canvas->font(0);
    bold.setBold(true);
    canvas->setFont(0, bold);
    canvas->setFirstColumnSpanned(true);
    for (const auto &[what, keys] : {std::pair{tr("Zoom in and out"), tr("Mouse wheel")},
                                      {tr("Select several nodes"), tr("Drag on an empty spot")},
                                      {tr("Connect two nodes"), tr("Drag from a port to the other node")},
                                      {tr("Add a node"), tr("Drag it from the Nodes panel")}})
        new QTreeWidgetItem(canvas, {what, keys});
    m_list->expandAll();
    auto *filter = new QLineEdit;
    filter->setPlaceholderText(tr("Find a shortcut…"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
            QTreeWidgetItem *group = m_list->topLevelItem(g);
            int shown = 0;
            for (int i = 0; i < group->childCount(); ++i) {
                QTreeWidgetItem *row = group->child(i);
                const bool match = row->text(0).contains(text, Qt::CaseInsensitive) || row->text(1).contains(text, Qt::CaseInsensitive);
                row->setHidden(!match);
                shown += match;
            }
            group->setHidden(shown == 0);
        }
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filter);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(520, 560);
}

QStringList ShortcutsDialog::keys() const
{
    QStringList all;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g)
        for (int i = 0; i < m_list->topLevelItem(g)->childCount(); ++i)
            all << m_list->topLevelItem(g)->child(i)->text(1);
    return all;
}

} // namespace studio
} // namespace flowdeck
