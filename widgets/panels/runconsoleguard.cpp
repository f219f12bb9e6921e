#include "widgets/panels/runconsoleguard.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "widgets/editors/guardnames.h"
#include "widgets/editors/guardspans.h"
#include "widgets/panels/nodestatusview.h"

#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeWidgetItem>

namespace flowdeck::studio {

namespace {

QColor actionColour(const QString &action)
{
    if (action == QLatin1String("blocked"))
        return QColor(0xd9, 0x3f, 0x3f);
    if (action == QLatin1String("masked"))
        return QColor(0xe0, 0x8a, 0x1e);
    return QColor(0x2f, 0x80, 0xed);
}

} // namespace

RunGuardNotes::RunGuardNotes(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("guardNotes"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setToolTip(tr("What the workflow's content-safety policy found in this run (Workflow Settings → Content Safety)"));
    hide();
}

void RunGuardNotes::clear()
{
    m_lines.clear();
    m_kinds.clear();
    m_blocked = false;
    m_answerFindings = nlohmann::json::array();
    showLines();
}

bool RunGuardNotes::addEvent(const QString &eventJson)
{
    const nlohmann::json event = engine::parseJson(eventJson.toStdString());
    if (engine::valueOr(event, "event", "") != "guard_checked")
        return false;
    const nlohmann::json data = engine::valueOr(event, "data", nlohmann::json::object());
    const std::string action = engine::valueOr(data, "action", "");
    m_lines << guardEventLine(data);
    m_kinds << QString::fromStdString(action);
    if (action == "blocked")
        m_blocked = true;
    // Spans of a flagged answer point into the text the console shows; a blocked or
    // masked answer's do not (its text was dropped or changed).
    if (action == "flagged" && engine::valueOr(data, "stage", "") == "output" && engine::valueOr(data, "field", "") == "answer")
        for (const auto &f : engine::valueOr(data, "findings", nlohmann::json::array()))
            m_answerFindings.push_back(f);
    showLines();
    return true;
}

void RunGuardNotes::showLines()
{
    QStringList html;
    for (int i = 0; i < m_lines.size(); ++i)
        html << QStringLiteral("<span style=\"color:%1\">&#9670;</span> %2")
                    .arg(actionColour(m_kinds.value(i)).name(), m_lines[i].toHtmlEscaped());
    setText(html.join(QStringLiteral("<br>")));
    setVisible(!m_lines.isEmpty());
}

int RunGuardNotes::markAnswer(QTextBrowser *answer, const QString &answerText) const
{
    if (m_answerFindings.empty())
        return 0;
    engine::GuardFindings findings;
    for (const auto &f : m_answerFindings)
        findings.push_back(engine::GuardFinding::fromJson(f));
    const std::vector<GuardTextRange> ranges = guardTextRanges(answerText.toStdString(), findings);
    // The answer is shown rendered from markdown: each finding's text is looked up in
    // what is shown, in order, rather than at its offset in the source.
    QTextDocument *doc = answer->document();
    QTextCursor from(doc);
    int marked = 0;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (!ranges[i].valid())
            continue;
        const QString found = answerText.mid(ranges[i].start, ranges[i].end - ranges[i].start);
        QTextCursor at = doc->find(found, from);
        if (at.isNull())
            at = doc->find(found);  // out of order, or in a part shown before
        if (at.isNull())
            continue;
        QColor colour = guardCategoryColour(findings[i].category);
        colour.setAlpha(90);
        QTextCharFormat format;
        format.setBackground(colour);
        format.setToolTip(guardFindingTitle(findings[i], true));
        at.mergeCharFormat(format);
        from = at;
        ++marked;
    }
    return marked;
}

void RunGuardNotes::markRun(NodeStatusView *trace) const
{
    QTreeWidgetItem *last = trace->topLevelItem(trace->topLevelItemCount() - 1);
    if (!m_blocked || !last)
        return;
    last->setText(NodeStatusView::StatusColumn, tr("Blocked by content safety"));
    last->setForeground(NodeStatusView::StatusColumn, actionColour(QStringLiteral("blocked")));
    last->setToolTip(NodeStatusView::StatusColumn, m_lines.join(QLatin1Char('\n')));
}

} // namespace flowdeck::studio
