#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::runtime {

// What the `flowdeck kb` subcommands are given.
struct KbOptions {
    std::string folder = "knowledge";
    std::string profilesFile;
    bool json = false;
    std::string base;
    std::string title;
    std::string chunking;
    int chunkSize = 0;
    int overlap = -1;
    std::string embeddingProfile;
    std::string embeddingModel;
    std::vector<std::string> paths;
    std::vector<std::string> urls;
    std::vector<std::string> tags;
    bool force = false;
    bool reembed = false;
    // search and test
    std::string query;
    std::string mode = "hybrid";
    int topK = 5;
    double threshold = 0;
    bool trace = false;
    std::vector<std::string> types;
    std::vector<std::string> files;
    std::string expect;  // kb test --add: "DOCUMENT:SNIPPET"
    bool adding = false;  // kb test --add was given (even empty)
    long long removeGolden = 0;
};

// search and test (kbsearchcommand.cpp).
void addKbSearchCommands(CLI::App &kb, std::function<int()> &action, std::shared_ptr<KbOptions> options);

} // namespace flowdeck::runtime
