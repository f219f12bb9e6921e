#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QTextBrowser;
class QToolButton;
class QTreeWidget;

namespace flowdeck {
namespace studio {

class AnswerCharts;
class CitationsView;
class DetailsBox;
class FileInputField;
class HumanInputForm;
class GraphDocument;
class GraphScene;
class NodeStatusView;
class RunController;
class RunGuardNotes;
class TraceView;

// The run console: an input form built from the start node (the message for a chat
// workflow), Run and Stop, the streamed answer rendered as markdown with its charts
// beside it, one row per node (status, time, tokens; click for its event as JSON), a
// failed run's error in one line with *Show details*, and the model profile to run with.
// A file input gets a file picker; a human node's form appears above the answer while
// the run waits for it; a chat keeps its conversation variables until *New Conversation*.
// Before a chat's first message the answer shows the app's opening statement and, under
// it, a button per suggested question, which sends that question as the message.
// It asks for little height, so the canvas above keeps the room.
class RunConsole : public QWidget {
    Q_OBJECT

public:
    RunConsole(GraphDocument *doc, GraphScene *scene, RunController *runner, QWidget *parent = nullptr);

    void run();
    void stop();
    QLineEdit *inputField(const QString &name) const;  // "query" for the chat message
    FileInputField *fileField(const QString &name) const;  // a file input's picker
    QList<HumanInputForm *> humanForms() const;           // the forms the run waits for
    QPushButton *newConversationButton() const { return m_newConversation; }
    const QString &conversationId() const { return m_conversation; }
    // Forgets the chat's conversation variables and starts a fresh conversation.
    void newConversation();
    QTextBrowser *answerView() const { return m_answer; }
    AnswerCharts *chartView() const { return m_charts; }
    NodeStatusView *trace() const { return m_trace; }
    DetailsBox *errorBox() const { return m_error; }
    QToolButton *detailsToggle() const { return m_detailsToggle; }  // shows the event and the log
    QPlainTextEdit *eventView() const { return m_eventView; }
    QPlainTextEdit *logView() const { return m_log; }
    QComboBox *profileBox() const { return m_profile; }
    CitationsView *citations() const { return m_citations; }    // a knowledge node's sources, as links
    TraceView *retrievalTrace() const { return m_retrieval; }  // the selected (or last) knowledge node's trace
    QPushButton *runButton() const { return m_runButton; }
    // The suggested questions' buttons ("suggestion:0", ...); shown until the conversation starts.
    QWidget *suggestionsView() const;
    QList<QPushButton *> suggestionButtons() const;
    const QString &answerText() const { return m_answerText; }
    const QString &lastStatus() const { return m_lastStatus; }
    const QString &lastOutputs() const { return m_lastOutputs; }  // the end node's outputs, JSON
    RunGuardNotes *guardNotes() const { return m_guardNotes; }  // the content-safety policy's findings

signals:
    void finished(const QString &status);

private:
    void rebuildInputs();
    void setRunning(bool running);
    void showAnswer();
    void showHumanForm(const QString &nodeId, const QString &dataJson);
    void setFormsShown(bool shown);  // while a form waits it has the answer's room
    void showProgress(const QString &nodeId, const QString &dataJson);
    // A chat's opening in the answer and its suggestions' buttons while m_greeting, else neither.
    void showOpening();

    GraphDocument *m_doc;
    GraphScene *m_scene;
    RunController *m_runner;
    QFormLayout *m_inputs;
    QWidget *m_inputsHost;
    QComboBox *m_profile;
    QPushButton *m_runButton;
    QPushButton *m_stopButton;
    QPushButton *m_newConversation;
    QWidget *m_forms;  // the human input forms waiting
    QScrollArea *m_formsArea;
    QString m_conversation;
    bool m_greeting = true;  // no message sent in this conversation yet: the opening is shown
    bool m_answerIsOpening = false;
    QWidget *m_suggestions;  // the suggested questions' buttons
    QScrollArea *m_suggestionsArea;
    QTextBrowser *m_answer;
    AnswerCharts *m_charts;
    NodeStatusView *m_trace;
    DetailsBox *m_error;
    QToolButton *m_detailsToggle;
    QWidget *m_details;
    qint64 m_startedAt = 0;
    QPlainTextEdit *m_eventView;  // the selected trace row's event: inputs, outputs, timing
    QPlainTextEdit *m_log;        // what nodes logged, retries, failures
    CitationsView *m_citations;
    TraceView *m_retrieval;
    RunGuardNotes *m_guardNotes;
    QTabWidget *m_detailTabs;
    QString m_answerText;
    QString m_lastStatus;
    QString m_lastOutputs;
};

} // namespace studio
} // namespace flowdeck
