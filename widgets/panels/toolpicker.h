#pragma once

#include "widgets/panels/promptedit.h"

#include <QWidget>

#include <functional>
#include <nlohmann/json.hpp>

class QComboBox;
class QFormLayout;
class QLabel;

namespace flowdeck {
namespace studio {

class ServerDirectory;

// The editor of an mcp.tool node's tool and arguments: a list of the tools its plugin
// server offers (with their descriptions) and, for the chosen tool, a form built from
// its input schema — one field per argument, required ones marked, each accepting a
// value or a {{reference}}. Until the server has listed its tools, the arguments are
// edited as JSON.
class ToolPicker : public QWidget {
    Q_OBJECT

public:
    // `apply(pointer, value)` edits the node's config; `toolChosen` picks another tool.
    using Apply = std::function<void(const std::string &pointer, nlohmann::json value)>;
    using ChooseTool = std::function<void(const QString &tool, const nlohmann::json &schema)>;
    ToolPicker(const ServerDirectory *servers, const nlohmann::json &config, PromptEdit::Candidates candidates, Apply apply,
               ChooseTool toolChosen, QWidget *parent = nullptr);
    QComboBox *toolBox() const { return m_tools; }
    QWidget *argumentEditor(const QString &name) const;  // objectName "argument:NAME"

    // The JSON an argument's text stands for, by its schema type: numbers and booleans
    // typed as such, objects and arrays as JSON, and a {{reference}} kept as text.
    // Null for empty text; `ok` false when the text fits neither.
    static nlohmann::json valueFor(const nlohmann::json &property, const QString &text, bool *ok);
    static QString textFor(const nlohmann::json &value);

private:
    void buildArguments(const nlohmann::json &tool, const nlohmann::json &arguments);
    QWidget *argumentField(const std::string &name, const nlohmann::json &property, const nlohmann::json &value, bool required);

    PromptEdit::Candidates m_candidates;
    Apply m_apply;
    QComboBox *m_tools;
    QLabel *m_about;
    QFormLayout *m_arguments;
};

} // namespace studio
} // namespace flowdeck
