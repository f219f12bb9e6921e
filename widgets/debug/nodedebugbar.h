#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace flowdeck {
namespace studio {

class DebugSession;

// Under the inspector: the selected node in the last run (done, failed, replayed, stale,
// pinned) and the buttons Run This Node…, Run From Here and Pin Output… / Unpin, each
// disabled with the reason as its tooltip when it cannot be used.
class NodeDebugBar : public QWidget {
    Q_OBJECT

public:
    explicit NodeDebugBar(DebugSession *session, QWidget *parent = nullptr);
    QLabel *state() const { return m_state; }

private:
    void refresh();

    DebugSession *m_session;
    QLabel *m_state;
};

} // namespace studio
} // namespace flowdeck
