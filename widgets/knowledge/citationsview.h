#pragma once

#include <QLabel>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>

namespace flowdeck::studio {

// The sources a run's knowledge nodes cited, as links under the answer ("[1]
// manual.pdf, page 3"); a click opens the passage (PassageDialog). Hidden when none.
class CitationsView : public QLabel {
    Q_OBJECT

public:
    // `folder` answers the open project's knowledge folder.
    explicit CitationsView(std::function<std::filesystem::path()> folder, QWidget *parent = nullptr);

    void clear();
    // A run event (RunController::traceEvent): a knowledge node's finish adds its citations.
    void addEvent(const nlohmann::json &event);
    const nlohmann::json &citations() const { return m_citations; }
    void openCitation(int at);  // index into citations()

private:
    void render();

    std::function<std::filesystem::path()> m_folder;
    nlohmann::json m_citations = nlohmann::json::array();
    std::vector<QString> m_nodes;  // the node each citation came from
};

} // namespace flowdeck::studio
