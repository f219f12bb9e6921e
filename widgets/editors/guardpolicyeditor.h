#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

#include <string>

class QScrollArea;

namespace flowdeck::studio {

class GraphDocument;
class GuardChecksEditor;

// Workflow Settings → Content Safety: the workflow's app guard policy, its top-level
// "guard" (DESIGN.md §10, docs/guard.md), which the runtime applies to every request and
// answer of the deployed app and the run console to every run. The input's checks and
// what to do on a finding; the output's checks, action and hold-back window; the reply
// shown when blocked; the AI-generated label on the chat page and the API's marker. Each
// change is a SetGuardPolicyCommand on the document's undo stack.
class GuardPolicyEditor : public QWidget {
    Q_OBJECT

public:
    explicit GuardPolicyEditor(GraphDocument *doc, QWidget *parent = nullptr);

    GuardChecksEditor *checks(const QString &stage) const;  // "input" or "output"
    QWidget *field(const QString &name) const;              // "input:action", "output:holdBack", "reply", "label:api", ...

private:
    void reload();
    QWidget *stage(const std::string &name);
    void set(const std::string &pointer, nlohmann::json value, bool merge);

    GraphDocument *m_doc;
    QScrollArea *m_scroll;
    bool m_applying = false;  // our own change coming back from the document
};

} // namespace flowdeck::studio
