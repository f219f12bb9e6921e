#pragma once

#include <QDialog>

#include <nlohmann/json.hpp>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace flowdeck {
namespace studio {

// A JSON value to look at and change before something uses it (the debugging dialogs):
// an explanation, optionally a read-only reference (what the last run saw), the JSON to
// edit, and a button that is refused with a sentence while the text is not what `check`
// accepts. `accepted` hands over the parsed value.
class JsonEditDialog : public QDialog {
    Q_OBJECT

public:
    // `check` returns an empty string for a value it accepts, else why not.
    using Check = std::function<QString(const nlohmann::json &)>;
    JsonEditDialog(const QString &title, const QString &intro, const nlohmann::json &value, const QString &okText,
                   Check check, QWidget *parent = nullptr);

    void setReference(const QString &label, const nlohmann::json &value);
    void setEditLabel(const QString &label);  // what the editable JSON is
    QPlainTextEdit *editor() const { return m_editor; }
    QPlainTextEdit *reference() const { return m_reference; }
    QPushButton *okButton() const { return m_ok; }
    QLabel *problem() const { return m_problem; }

signals:
    void accepted(const nlohmann::json &value);

private:
    void validate();

    QPlainTextEdit *m_editor;
    QPlainTextEdit *m_reference;
    QLabel *m_referenceLabel;
    QLabel *m_editLabel;
    QLabel *m_problem;
    QPushButton *m_ok;
    Check m_check;
    nlohmann::json m_value;
};

} // namespace studio
} // namespace flowdeck
