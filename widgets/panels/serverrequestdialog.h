#pragma once

#include <QDialog>

#include <nlohmann/json.hpp>

#include <functional>

class QPlainTextEdit;

namespace flowdeck {
namespace studio {

// What an MCP server asks the user during a run. sampling/createMessage shows the
// messages the server wants a model to answer and lets the user write the answer or
// decline; elicitation/create shows a form built from the requested schema (defaults
// filled in) to accept, decline or cancel. `reply` gets the result object, or an
// error message when declined.
class ServerRequestDialog : public QDialog {
    Q_OBJECT

public:
    using Reply = std::function<void(nlohmann::json result, QString error)>;

    ServerRequestDialog(const QString &server, const QString &method, const nlohmann::json &params, Reply reply,
                        QWidget *parent = nullptr);
    ~ServerRequestDialog() override;

    // For tests and keyboard users: what the form would send now.
    QPlainTextEdit *answerEdit() const { return m_answer; }
    void acceptRequest();
    void declineRequest();

private:
    nlohmann::json formContent() const;
    void finish(nlohmann::json result, QString error);

    QString m_method;
    nlohmann::json m_params;
    Reply m_reply;
    QPlainTextEdit *m_answer = nullptr;
    QList<QPair<QString, QWidget *>> m_fields;  // elicitation: property name and its editor
    nlohmann::json m_properties;
};

} // namespace studio
} // namespace flowdeck
