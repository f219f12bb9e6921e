#pragma once

#include "widgets/panels/promptedit.h"

#include <QWidget>

#include <functional>
#include <nlohmann/json.hpp>

class QVBoxLayout;

namespace flowdeck {
namespace studio {

// The editor of a condition node's cases: for each case (one output port) its label,
// whether all or any of its conditions must hold, and its conditions — a value (with
// {{ completion), a comparison chosen by name, and what to compare with. Cases and
// conditions are added and removed with buttons; the Else port is always there.
class ConditionBuilder : public QWidget {
    Q_OBJECT

public:
    // `edit(pointer, value, merge)` edits the node's config: typing merges, adding or
    // removing does not. `removeCase(id)` removes a case with the edges from its port.
    using Edit = std::function<void(const std::string &pointer, nlohmann::json value, bool merge)>;
    using RemoveCase = std::function<void(const std::string &caseId)>;
    ConditionBuilder(const nlohmann::json &cases, PromptEdit::Candidates candidates, Edit edit, RemoveCase removeCase,
                     QWidget *parent = nullptr);
    // One group of conditions ({logic, conditions}, a loop's "stop when") at `pointer` of
    // the config: no cases, labels or Else; its last condition may be removed too.
    ConditionBuilder(const nlohmann::json &group, std::string pointer, PromptEdit::Candidates candidates, Edit edit,
                     QWidget *parent = nullptr);

    // Every comparison the engine knows, in the order offered, with its label.
    static QList<QPair<QString, QString>> operators();
    static bool takesRight(const QString &op);  // "empty" and "not_empty" compare with nothing

private:
    QWidget *caseBox(int index, const nlohmann::json &c);
    QWidget *conditionRow(int caseIndex, int index, const nlohmann::json &condition);
    std::string freshCaseId() const;
    void change(const std::string &pointer, nlohmann::json value, bool merge);

    nlohmann::json m_cases;
    PromptEdit::Candidates m_candidates;
    Edit m_edit;
    RemoveCase m_removeCase;
    std::string m_group;  // one group's pointer; empty: the cases
};

} // namespace studio
} // namespace flowdeck
