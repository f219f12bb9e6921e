#include "widgets/history/livechanges.h"

#include "engine/history/workflowdiff.h"
#include "engine/workflow/workflowfile.h"
#include "widgets/deploy/runtimeadmin.h"
#include "widgets/history/changetext.h"
#include "widgets/history/projectversions.h"

#include <QFileInfo>
#include <QLabel>
#include <QPointer>
#include <QTextDocument>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

constexpr int kListed = 8;  // changes listed; the rest are counted

} // namespace

LiveChanges::LiveChanges(QWidget *parent) : QGroupBox(tr("Changes since the live version"), parent), m_admin(new RuntimeAdmin(this))
{
    setObjectName("liveChanges");
    m_label = new QLabel;
    m_label->setObjectName("liveChangesText");
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label);
    showNote(tr("Not checked yet."));
}

void LiveChanges::check(const QString &baseUrl, const QString &token, const QString &app, const QString &workflowFile,
                        const engine::Workflow &current)
{
    const int asked = ++m_asked;
    showNote(tr("Asking the runtime for the live version of '%1'…").arg(app));
    m_asked = asked;
    m_admin->setRuntime(baseUrl, token);
    m_admin->get("apps/" + app, [self = QPointer<LiveChanges>(this), asked, app, workflowFile, current](RuntimeAdmin::Answer a) {
        if (self && asked == self->m_asked)
            self->showAnswer(a.status, a.body, a.error, app, workflowFile, current);
    });
}

void LiveChanges::showAnswer(int status, const QJsonObject &app, const QString &error, const QString &appName,
                             const QString &workflowFile, const engine::Workflow &current)
{
    ++m_asked;  // this answer is the newest
    if (status == 404)
        return setText(tr("First deploy: '%1' is not on the runtime yet.").arg(appName), {});
    if (!error.isEmpty())
        return setText(tr("The live version could not be checked: %1").arg(error), {});
    const QJsonObject source = app.value("source").toObject();
    const QString version = source.value("version").toString();
    if (version.isEmpty())
        return setText(tr("The live version of '%1' carries no project version (it was deployed without a history, or by an "
                          "older Flowdeck), so its changes cannot be listed.").arg(appName), {});
    ProjectVersions versions(workflowFile);
    engine::ProjectHistory *history = versions.open(false);
    if (!history) {
        QString why = versions.problem();
        while (why.endsWith('.'))
            why.chop(1);
        return setText(tr("This project keeps no version history (%1), so the changes since the live version (%2) cannot be "
                          "listed.").arg(why, version.left(8)), {});
    }
    const auto live = history->find(version.toStdString());
    if (!live)
        return setText(tr("The live version (%1) is not in this project's history: it was deployed from another copy of the "
                          "project, or from another project.").arg(version.left(8)), {});
    auto text = history->fileAt(live->id, versions.relativePath());
    auto before = text ? engine::parseWorkflow(text.value()) : engine::Result<engine::Workflow>(text.diagnostics());
    if (!before)
        return setText(tr("The live version (%1) has no readable %2.").arg(QString::fromStdString(live->shortId()),
                                                                           QFileInfo(workflowFile).fileName()), {});
    const auto changes = engine::diffWorkflows(before.value(), current);
    const NodeNamer name = nodeNamer(current, before.value());
    QStringList sentences;
    for (const auto &c : changes)
        sentences << changeSentence(c, name);
    const QString which = tr("%1, %2, “%3”").arg(QString::fromStdString(live->shortId()), versionTimeText(live->time),
                                                 QString::fromStdString(live->message));
    if (sentences.isEmpty())
        return setText(tr("No changes since the live version (%1).").arg(which), {});
    setText(tr("%n change(s) since the live version (%1):", nullptr, static_cast<int>(sentences.size())).arg(which), sentences);
}

void LiveChanges::showNote(const QString &text)
{
    ++m_asked;
    setText(text, {});
}

void LiveChanges::setText(const QString &lead, const QStringList &changes)
{
    m_changes = changes;
    QString html = lead.toHtmlEscaped();
    if (!changes.isEmpty()) {
        html += QStringLiteral("<ul style=\"margin-left: 12px; -qt-list-indent: 0;\">");
        for (int i = 0; i < changes.size() && i < kListed; ++i)
            html += QStringLiteral("<li>%1</li>").arg(changes[i].toHtmlEscaped());
        html += QStringLiteral("</ul>");
        if (changes.size() > kListed)
            html += tr("… and %n more", nullptr, static_cast<int>(changes.size() - kListed)).toHtmlEscaped();
    }
    m_label->setText(html);
    emit shown();
}

QString LiveChanges::text() const
{
    QTextDocument document;
    document.setHtml(m_label->text());
    return document.toPlainText();
}

} // namespace studio
} // namespace flowdeck
