#include "runtime/humanprompt.h"

#include "engine/core/jsonaccess.h"
#include "engine/nodes/humanform.h"

#include <unistd.h>

#include <iostream>

namespace flowdeck::runtime {

namespace {

void printForm(const nlohmann::json &form)
{
    std::cerr << "\n== " << engine::valueOr(form, "title", "Human input") << " ==\n";
    const std::string text = engine::valueOr(form, "text", "");
    if (!text.empty())
        std::cerr << text << "\n";
    for (const auto &f : engine::valueOr<nlohmann::json>(form, "fields", nlohmann::json::array()))
        std::cerr << "  field " << engine::valueOr(f, "name", "") << " (" << engine::valueOr(f, "type", "text")
                  << (engine::valueOr(f, "required", false) ? ", required" : "") << ")\n";
    std::cerr << "  actions:";
    for (const auto &a : engine::valueOr<nlohmann::json>(form, "actions", nlohmann::json::array()))
        std::cerr << " " << engine::valueOr(a, "id", "") << " (" << engine::valueOr(a, "label", "") << ")";
    std::cerr << "\n";
}

} // namespace

std::optional<engine::HumanResponse> answerForm(const nlohmann::json &form, const std::string &respond,
                                                const std::vector<std::string> &fields, std::string &error)
{
    printForm(form);
    engine::HumanResponse response;
    if (!respond.empty()) {
        response.action = respond;
        for (const auto &pair : fields) {
            const auto eq = pair.find('=');
            if (eq == std::string::npos) {
                error = "--field takes name=value, not '" + pair + "'.";
                return std::nullopt;
            }
            response.values[pair.substr(0, eq)] = pair.substr(eq + 1);
        }
    } else if (isatty(STDIN_FILENO)) {
        for (const auto &f : engine::valueOr<nlohmann::json>(form, "fields", nlohmann::json::array())) {
            const std::string name = engine::valueOr(f, "name", "");
            std::cerr << engine::valueOr(f, "label", name) << ": " << std::flush;
            std::string line;
            if (!std::getline(std::cin, line))
                break;
            if (!line.empty())
                response.values[name] = line;
        }
        std::cerr << "action: " << std::flush;
        std::getline(std::cin, response.action);
    } else {
        error = "The run waits for a person to answer the form of node '" + engine::valueOr(form, "node", "") +
                "'. Answer it with --respond ACTION [--field name=value ...], run it in a terminal, or deploy the "
                "workflow and answer through the run API.";
        return std::nullopt;
    }
    error = engine::checkHumanResponse(form, response);
    if (!error.empty())
        return std::nullopt;
    return response;
}

} // namespace flowdeck::runtime
