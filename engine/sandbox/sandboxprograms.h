#pragma once

#include "engine/sandbox/codecall.h"

#include <filesystem>
#include <string>
#include <vector>

namespace flowdeck::engine {

// The programs a code sandbox worker is made of: the launcher that confines it and the
// interpreters. Found the way installpaths.h finds Flowdeck's other parts.
struct SandboxPrograms {
    std::filesystem::path launcher;  // flowdeck-sandbox
    std::filesystem::path python;    // Debian's python3 (with python3-jinja2)
    std::filesystem::path node;      // Node.js
    std::string mode = "auto";       // the launcher's --mode: auto, landlock or namespaces

    // $FLOWDECK_SANDBOX_BINARY, else flowdeck-sandbox beside the running program;
    // $FLOWDECK_PYTHON, else /usr/bin/python3 (never a pyenv or virtualenv shim on PATH);
    // $FLOWDECK_NODE, else the first node program on PATH, else /usr/bin/node.
    static SandboxPrograms find();

    // Why a worker for `language` cannot start here (a sentence naming what to install),
    // or empty.
    std::string missing(CodeLanguage language) const;

    // The command line of a worker for `language` whose code may use `memoryMb`, working
    // in `scratch`.
    std::vector<std::string> workerCommand(CodeLanguage language, int memoryMb,
                                           const std::filesystem::path &scratch) const;
};

} // namespace flowdeck::engine
