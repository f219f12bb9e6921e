#include "engine/sandbox/sandboxprograms.h"

#include "engine/core/installpaths.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace flowdeck::engine {

namespace embedded {
extern const char sandbox_python_runner[];
extern const char sandbox_javascript_runner[];
} // namespace embedded

namespace fs = std::filesystem;

namespace {

fs::path fromEnvironment(const char *name)
{
    const char *value = std::getenv(name);
    return value && *value ? fs::path(value) : fs::path();
}

// An executable program file, not a script (a version manager's shim would need a shell
// and its own files, which the sandbox does not offer).
bool isProgram(const fs::path &path)
{
    std::error_code ec;
    if (path.empty() || !fs::is_regular_file(path, ec) || ::access(path.c_str(), X_OK) != 0)
        return false;
    std::ifstream in(path, std::ios::binary);
    char magic[2] = {};
    in.read(magic, 2);
    return !(magic[0] == '#' && magic[1] == '!');
}

fs::path resolved(const fs::path &path)
{
    std::error_code ec;
    const fs::path real = fs::canonical(path, ec);
    return ec ? path : real;
}

fs::path findNode()
{
    if (fs::path p = fromEnvironment("FLOWDECK_NODE"); !p.empty())
        return p;
    if (const char *path = std::getenv("PATH")) {
        std::string list = path;
        for (std::size_t start = 0; start <= list.size();) {
            const std::size_t end = std::min(list.find(':', start), list.size());
            const fs::path dir = list.substr(start, end - start);
            if (!dir.empty() && dir.is_absolute() && isProgram(resolved(dir / "node")))
                return resolved(dir / "node");
            start = end + 1;
        }
    }
    return "/usr/bin/node";
}

bool underUsr(const fs::path &path)
{
    const std::string text = path.string();
    return text.rfind("/usr/", 0) == 0;
}

} // namespace

SandboxPrograms SandboxPrograms::find()
{
    SandboxPrograms p;
    p.launcher = fromEnvironment("FLOWDECK_SANDBOX_BINARY");
    if (p.launcher.empty())
        p.launcher = programDir() / "flowdeck-sandbox";
    p.python = fromEnvironment("FLOWDECK_PYTHON");
    if (p.python.empty())
        p.python = resolved("/usr/bin/python3");
    p.node = findNode();
    if (const char *mode = std::getenv("FLOWDECK_SANDBOX_MODE"); mode && *mode)
        p.mode = mode;
    return p;
}

std::string SandboxPrograms::missing(CodeLanguage language) const
{
    if (!isProgram(launcher))
        return "The code sandbox program is missing (" + launcher.string() +
               "). Reinstall Flowdeck, or set FLOWDECK_SANDBOX_BINARY to flowdeck-sandbox.";
    if (language == CodeLanguage::Python && !isProgram(python))
        return "Python 3 is not installed (looked for " + python.string() +
               "). Install the python3 and python3-jinja2 packages.";
    if (language == CodeLanguage::JavaScript && !isProgram(node))
        return "Node.js is not installed (looked for node on PATH and " + node.string() +
               "). Install the nodejs package.";
    return {};
}

std::vector<std::string> SandboxPrograms::workerCommand(CodeLanguage language, int memoryMb,
                                                        const fs::path &scratch) const
{
    std::vector<std::string> cmd = {launcher.string(), "--scratch",   scratch.string(), "--parent-pid",
                                    std::to_string(::getpid()),          "--mode",      mode,
                                    "--cpu-seconds", "3600",  // the host sets it per call
                                    "--file-mb", "64", "--open-files", "256", "--threads", "256"};
    if (language == CodeLanguage::Python) {
        // malloc counts against the data limit; the address-space limit also catches
        // shared mappings, with room for thread stacks.
        cmd.insert(cmd.end(), {"--data-mb", std::to_string(memoryMb + 32), "--address-space-mb",
                               std::to_string(memoryMb + 512), "--", python.string(), "-I", "-B", "-c",
                               embedded::sandbox_python_runner});
    } else {
        // V8 reserves far more address space than it uses, so only data is limited; the
        // heap limit makes V8 stop first, with room for node's own 50 MB and buffers.
        const fs::path program = resolved(node);
        if (!underUsr(program))
            cmd.insert(cmd.end(), {"--read", program.string()});
        cmd.insert(cmd.end(), {"--data-mb", std::to_string(memoryMb + 160), "--", program.string(),
                               "--max-old-space-size=" + std::to_string(memoryMb), "--no-addons", "-e",
                               embedded::sandbox_javascript_runner});
    }
    return cmd;
}

} // namespace flowdeck::engine
