#include "widgets/history/importreportdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>

namespace flowdeck {
namespace studio {

namespace {

enum Column { Where, What, Why };

QString text(const std::string &s) { return QString::fromStdString(s); }

} // namespace

ImportReportDialog::ImportReportDialog(const engine::DifyImport &import, const QString &sourceFile, const QString &workflowFile,
                                       const QString &history, QWidget *parent)
    : QDialog(parent)
{
    setObjectName("importReport");
    setWindowTitle(tr("Import Report — %1").arg(QFileInfo(sourceFile).fileName()));
    using Kind = engine::ImportIssue::Kind;
    int counts[3] = {0, 0, 0};
    for (const auto &issue : import.issues)
        ++counts[static_cast<int>(issue.kind)];
    const QString name = text(import.workflow.name.empty() ? import.workflow.id : import.workflow.name);
    QString lead = tr("<b>%1</b> (Dify DSL %2, %3 app) was imported from %4 into %5: %n node(s).", nullptr,
                      static_cast<int>(import.workflow.nodes.size()))
                       .arg(name.toHtmlEscaped(), text(import.dslVersion).toHtmlEscaped(), text(import.appMode).toHtmlEscaped(),
                            QDir::toNativeSeparators(sourceFile).toHtmlEscaped(),
                            QDir::toNativeSeparators(workflowFile).toHtmlEscaped());
    lead += "<br>" + (counts[static_cast<int>(Kind::Unmapped)] == 0
                          ? tr("Everything was carried over.")
                          : tr("%n item(s) could not be carried over; the workflow works without them or marks where they were.",
                               nullptr, counts[static_cast<int>(Kind::Unmapped)]));
    if (!history.isEmpty())
        lead += "<br>" + history.toHtmlEscaped();
    m_summary = new QLabel(lead);
    m_summary->setObjectName("importSummary");
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree = new QTreeWidget;
    m_tree->setObjectName("importIssues");
    m_tree->setHeaderLabels({tr("Where"), tr("What"), tr("Why")});
    m_tree->header()->setSectionResizeMode(Why, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(true);

    const std::pair<Kind, std::pair<const char *, QString>> kinds[] = {
        {Kind::Unmapped, {"unmapped", tr("Not carried over")}},
        {Kind::Todo, {"todo", tr("Needs you")}},
        {Kind::Changed, {"changed", tr("Carried over differently")}},
    };
    for (const auto &[kind, label] : kinds) {
        QTreeWidgetItem *group = addGroup(QLatin1String(label.first), label.second, counts[static_cast<int>(kind)]);
        for (const auto &issue : import.issues)
            if (issue.kind == kind && group)
                new QTreeWidgetItem(group, {text(issue.where), text(issue.what), text(issue.why)});
    }
    // The bases created empty, unless an issue above already says so.
    std::vector<std::string> unnamed;
    for (const auto &base : import.knowledgeBases)
        if (std::none_of(import.issues.begin(), import.issues.end(),
                         [&base](const engine::ImportIssue &i) { return i.where.find(base) != std::string::npos; }))
            unnamed.push_back(base);
    if (QTreeWidgetItem *group = addGroup("knowledge", tr("Knowledge bases to fill"), static_cast<int>(unnamed.size())))
        for (const auto &base : unnamed)
            new QTreeWidgetItem(group, {text(base), tr("knowledge base"),
                                        tr("Created empty: add its documents in Workflow → Knowledge Bases… before you run.")});
    if (QTreeWidgetItem *group = addGroup("secrets", tr("Secrets moved to the keychain"), static_cast<int>(import.secrets.size())))
        for (const auto &secret : import.secrets)
            new QTreeWidgetItem(group, {text(secret.from), text(secret.name),
                                        tr("Kept in the keychain and given to runs as {{secret.%1}}; never written into the workflow.")
                                            .arg(text(secret.name))});
    m_tree->expandAll();
    for (int c : {Where, What}) {
        m_tree->resizeColumnToContents(c);
        m_tree->setColumnWidth(c, std::min(m_tree->columnWidth(c), c == Where ? 240 : 180));
    }
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        for (int c = Where; c <= Why; ++c)
            (*it)->setToolTip(c, (*it)->text(c));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_copy = buttons->addButton(tr("&Copy Report"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName("copyReport");
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(reportText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    // The selected row in full, wrapped: a long why does not fit a column.
    auto *detail = new QLabel;
    detail->setObjectName("importDetail");
    detail->setWordWrap(true);
    detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail->setMinimumHeight(detail->fontMetrics().lineSpacing() * 3);
    detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    connect(m_tree, &QTreeWidget::currentItemChanged, detail, [detail](QTreeWidgetItem *item) {
        detail->setText(!item || !item->parent() ? QString()
                                                 : QStringLiteral("<b>%1</b> — %2<br>%3")
                                                       .arg(item->text(Where).toHtmlEscaped(), item->text(What).toHtmlEscaped(),
                                                            item->text(Why).toHtmlEscaped()));
    });
    if (m_tree->topLevelItemCount() > 0 && m_tree->topLevelItem(0)->childCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0)->child(0));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(detail);
    layout->addWidget(buttons);
    resize(820, 520);
}

QTreeWidgetItem *ImportReportDialog::addGroup(const QString &kind, const QString &title, int count)
{
    if (count == 0)
        return nullptr;
    auto *group = new QTreeWidgetItem(m_tree, {QStringLiteral("%1 (%2)").arg(title).arg(count)});
    group->setData(Where, Qt::UserRole, kind);
    group->setFirstColumnSpanned(true);
    QFont bold = group->font(Where);
    bold.setBold(true);
    group->setFont(Where, bold);
    return group;
}

QTreeWidgetItem *ImportReportDialog::group(const QString &kind) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->data(Where, Qt::UserRole).toString() == kind)
            return m_tree->topLevelItem(i);
    return nullptr;
}

void ImportReportDialog::addSecretWarning(const QString &warning)
{
    QTreeWidgetItem *group = this->group("secrets");
    if (!group)
        group = addGroup("secrets", tr("Secrets moved to the keychain"), 1);
    auto *item = new QTreeWidgetItem(group, {QString(), QString(), warning});
    item->setForeground(Why, QColor(0xb3, 0x59, 0x00));
    group->setExpanded(true);
}

QString ImportReportDialog::reportText() const
{
    QTextDocument summary;
    summary.setHtml(m_summary->text());
    QStringList lines{summary.toPlainText()};
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(i);
        lines << QString() << group->text(Where);
        for (int j = 0; j < group->childCount(); ++j) {
            const QTreeWidgetItem *row = group->child(j);
            QStringList parts;
            for (int c = Where; c <= Why; ++c)
                if (!row->text(c).isEmpty())
                    parts << row->text(c);
            lines << QStringLiteral("- ") + parts.join(QStringLiteral(" — "));
        }
    }
    return lines.join('\n') + '\n';
}

} // namespace studio
} // namespace flowdeck
