#include "runtime/cliconfig.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"

#include <iomanip>
#include <iostream>
#include <memory>

namespace flowdeck::runtime {

void addProfilesCommand(CLI::App &app, std::function<int()> &action)
{
    struct Options {
        bool json = false;
        std::string profilesFile;
    };
    auto opts = std::make_shared<Options>();
    CLI::App *cmd = app.add_subcommand("profiles", "List the model provider profiles and whether their keys are set.");
    cmd->add_flag("--json", opts->json, "Print as JSON");
    cmd->add_option("--profiles", opts->profilesFile, "A profiles.json to use instead of the config folder's");
    cmd->callback([opts, &action] {
        action = [opts] {
            CliConfig config;
            config.load(opts->profilesFile);
            nlohmann::json list = nlohmann::json::array();
            for (const auto *p : config.profiles.all()) {
                const bool hasKey = !p->apiKeySecret.empty() && config.secrets.get(p->apiKeySecret).has_value();
                nlohmann::json j = p->toJson();
                j["keySet"] = hasKey;
                j["ready"] = hasKey || !p->needsKey;
                list.push_back(j);
            }
            if (opts->json) {
                std::cout << list.dump(2) << "\n";
                return kExitOk;
            }
            std::cout << std::left << std::setw(11) << "PROFILE" << std::setw(28) << "PROVIDER" << std::setw(18)
                      << "DEFAULT MODEL" << std::setw(7) << "READY" << "BASE URL\n";
            for (const auto &j : list) {
                std::string ready = j["ready"].get<bool>() ? "yes" : "no key";
                std::cout << std::setw(11) << j["name"].get<std::string>() << std::setw(28) << j["title"].get<std::string>()
                          << std::setw(18) << j["defaultModel"].get<std::string>() << std::setw(7) << ready
                          << j["baseUrl"].get<std::string>() << "\n";
            }
            std::cout << "\nKeys come from the environment variable named in apiKeySecret, or from "
                      << (engine::defaultConfigDir() / "secrets.json").string() << " (mode 0600).\n";
            return kExitOk;
        };
    });
}

} // namespace flowdeck::runtime
