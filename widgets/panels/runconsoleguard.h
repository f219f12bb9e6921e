#pragma once

#include <QLabel>
#include <QStringList>

#include <nlohmann/json.hpp>

class QTextBrowser;

namespace flowdeck::studio {

class NodeStatusView;

// The run console's content-safety lines: each guard_checked event of a run (the app
// guard policy's input and output checks) in one line above the answer — "Input
// blocked: personal information (ID card)" —, what was found in a flagged answer marked
// in it in its category's colour, and a run the policy blocked marked so in the node list.
class RunGuardNotes : public QLabel {
    Q_OBJECT

public:
    explicit RunGuardNotes(QWidget *parent = nullptr);

    void clear();
    // A run event from RunController::traceEvent; false when it is not a guard_checked one.
    bool addEvent(const QString &eventJson);
    const QStringList &lines() const { return m_lines; }
    bool blocked() const { return m_blocked; }
    // Marks the flagged answer's findings in `answer`, which shows `answerText` (markdown).
    // Returns how many were marked.
    int markAnswer(QTextBrowser *answer, const QString &answerText) const;
    // After NodeStatusView::runEnded: a blocked run's last row says so.
    void markRun(NodeStatusView *trace) const;

private:
    void showLines();

    QStringList m_lines;
    QStringList m_kinds;  // parallel to m_lines: the action (blocked, masked, flagged)
    bool m_blocked = false;
    nlohmann::json m_answerFindings = nlohmann::json::array();  // of flagged answers: spans into the answer
};

} // namespace flowdeck::studio
