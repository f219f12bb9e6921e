#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace flowdeck::studio {

// The knowledge node's "bases" field ("format": "knowledge-bases"): the project's bases
// as a checkable list, names the node uses that are not there marked as missing, and
// *Manage…* to open the Knowledge Bases panel. Each tick writes the list through `apply`.
class BasesPicker : public QWidget {
    Q_OBJECT

public:
    BasesPicker(const std::filesystem::path &knowledgeFolder, const nlohmann::json &value,
                std::function<void(nlohmann::json)> apply, std::function<void(const QString &base)> manage,
                QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QPushButton *manageButton() const { return m_manage; }

private:
    nlohmann::json checkedNames() const;

    QListWidget *m_list;
    QPushButton *m_manage;
    QLabel *m_empty;
    std::function<void(nlohmann::json)> m_apply;
};

} // namespace flowdeck::studio
