#pragma once

#include "tests/support/peerserver.h"

#include <QString>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace flowdeck::tests {

// The scripted OpenAI-compatible peer (tests/peers/scripted-llm.cjs) with its script and
// request log in a folder of its own: answers by case, and what each case was asked.
class ScriptedModel {
public:
    bool start(QString *error = nullptr);
    // The answers requests marked [case:NAME] get, in order (see scripted-llm.cjs).
    void script(const std::string &name, nlohmann::json answers);
    // The log entries of a case: {case, n, path, auth, body}, in order.
    std::vector<nlohmann::json> log(const std::string &name) const;
    // Their request bodies.
    std::vector<nlohmann::json> requests(const std::string &name) const;
    // Every request logged so far, of any case.
    std::size_t requestCount() const;
    std::string url(const std::string &path) const { return m_peer.url(path); }

private:
    QString pathFor(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    QTemporaryDir m_dir;
    PeerServer m_peer;
};

} // namespace flowdeck::tests
