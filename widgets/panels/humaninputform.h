#pragma once

#include <QFrame>
#include <QTimer>

#include <nlohmann/json.hpp>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace flowdeck {
namespace studio {

// The form a human node waits for, as the run console shows it: its title, its text
// rendered as markdown (as answers are), one proper editor per field (a line, a box of
// lines, a number, a choice, a check box), one button per action and, with a time
// limit, the time left. A button checks the answer with engine::checkHumanResponse and
// either says what is missing under the fields or emits `answered`. Enter presses the
// first primary button (the first button when none is primary).
class HumanInputForm : public QFrame {
    Q_OBJECT

public:
    // `event`: a human_input_required event's data ({token, form, deadlineMs, scope}).
    explicit HumanInputForm(const nlohmann::json &event, QWidget *parent = nullptr);

    const QString &token() const { return m_token; }
    const QString &nodeId() const { return m_nodeId; }
    QWidget *field(const QString &name) const;  // the editor of a field, for tests
    QPushButton *actionButton(const QString &id) const;
    QLabel *problem() const { return m_problem; }
    QLabel *countdown() const { return m_countdown; }
    QTextBrowser *textView() const { return m_text; }
    // Presses the action `id`: true when the answer fits the form and was sent.
    bool submit(const QString &id);

signals:
    // The checked answer: the action's id and every field's value, typed.
    void answered(const QString &token, const QString &action, const nlohmann::json &values);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *editorFor(const nlohmann::json &field);
    nlohmann::json values() const;
    QString primaryAction() const;
    void tick();

    nlohmann::json m_form;
    QString m_token;
    QString m_nodeId;
    qint64 m_deadlineMs = 0;
    QTextBrowser *m_text;
    QLabel *m_problem;
    QLabel *m_countdown;
    QTimer m_clock;
    bool m_sent = false;
};

} // namespace studio
} // namespace flowdeck
