#pragma once

#include "engine/guard/guardfinding.h"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

class QCheckBox;

namespace flowdeck::studio {

class GuardKeywordLists;
class GuardTestBox;

// A guard's "checks" object (docs/guard.md) as a form, shared by the guard node's
// inspector and the app policy's input and output: personal information with a box per
// type, secrets, injection, keyword lists, a link allow-list and a provider check, each
// turned on and off by its own box (off keeps its settings: "enabled": false), and a test
// box below that runs the local checks on a text as they are. Every change goes to `edit`
// as a JSON pointer under "checks" and the value there (null removes it); typing merges.
class GuardChecksEditor : public QWidget {
    Q_OBJECT

public:
    using Edit = std::function<void(const std::string &pointer, nlohmann::json value, bool merge)>;

    // `models`: the workflow's "models" object, for the provider check's model.
    GuardChecksEditor(const nlohmann::json &checks, const nlohmann::json &models, Edit edit, QWidget *parent = nullptr);

    const nlohmann::json &checks() const { return m_checks; }
    GuardTestBox *testBox() const { return m_testBox; }
    GuardKeywordLists *keywordLists() const { return m_lists; }
    // The box that turns a check on: "pii", "secrets", "injection", "keywords", "urls", "provider".
    QCheckBox *checkBox(const QString &check) const;

signals:
    void checksChanged();

private:
    void set(const std::string &pointer, nlohmann::json value, bool merge);
    void addCheck(const std::string &key, const QString &title, const QString &help, QWidget *body);
    void toggle(const std::string &key, bool on);
    QWidget *piiTypes();
    QWidget *urlAllowList();

    nlohmann::json m_checks;
    std::string m_firstModel;  // a provider check turned on uses it until another is chosen
    Edit m_edit;
    GuardKeywordLists *m_lists = nullptr;
    GuardTestBox *m_testBox = nullptr;
};

// Whether the check `key` is on in `checks`: present, and not "enabled": false.
bool guardCheckOn(const nlohmann::json &checks, const std::string &key);

} // namespace flowdeck::studio
