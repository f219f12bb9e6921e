#include "tests/support/scriptedmodel.h"

#include <fstream>

namespace flowdeck::tests {

bool ScriptedModel::start(QString *error)
{
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("no temporary folder for the scripted model");
        return false;
    }
    return m_peer.start(QStringLiteral("scripted-llm.cjs"),
                        {QStringLiteral("--script"), pathFor("answers.json"), QStringLiteral("--log"), pathFor("requests.jsonl")},
                        error);
}

void ScriptedModel::script(const std::string &name, nlohmann::json answers)
{
    nlohmann::json all = nlohmann::json::object();
    if (std::ifstream in(pathFor("answers.json").toStdString()); in)
        all = nlohmann::json::parse(in, nullptr, false);
    if (!all.is_object())
        all = nlohmann::json::object();
    all[name] = std::move(answers);
    std::ofstream(pathFor("answers.json").toStdString()) << all.dump();
}

std::vector<nlohmann::json> ScriptedModel::log(const std::string &name) const
{
    std::vector<nlohmann::json> out;
    std::ifstream in(pathFor("requests.jsonl").toStdString());
    for (std::string line; std::getline(in, line);)
        if (nlohmann::json entry = nlohmann::json::parse(line, nullptr, false); entry.value("case", "") == name)
            out.push_back(std::move(entry));
    return out;
}

std::size_t ScriptedModel::requestCount() const
{
    std::ifstream in(pathFor("requests.jsonl").toStdString());
    std::size_t lines = 0;
    for (std::string line; std::getline(in, line);)
        ++lines;
    return lines;
}

std::vector<nlohmann::json> ScriptedModel::requests(const std::string &name) const
{
    std::vector<nlohmann::json> bodies;
    for (auto &entry : log(name))
        bodies.push_back(std::move(entry["body"]));
    return bodies;
}

} // namespace flowdeck::tests
