#pragma once

#include <filesystem>

namespace flowdeck::engine {

// What Flowdeck ships besides its programs, under <prefix>/share/flowdeck/<folder>.
enum class Resource {
    Plugins,     // plugins/: the MCP plugin catalog
    Templates,   // templates/: the solution templates
    Web,         // web/: chat.html (deployed apps' chat page) and charts.html (run console)
    Kubernetes,  // kubernetes/: the manifests the studio's Kubernetes export copies
};

// The one place that finds installed resources. Each has an environment override
// ($FLOWDECK_PLUGINS_DIR, $FLOWDECK_TEMPLATES_DIR, $FLOWDECK_WEB_DIR,
// $FLOWDECK_KUBERNETES_DIR); otherwise it is <prefix>/share/flowdeck/<folder>, where
// <prefix> is the folder above the running program's. An installed /usr/bin/flowdeck
// finds /usr/share/flowdeck; a build tree is laid out the same way (build/bin holds the
// programs, build/share/flowdeck links into the source tree), so no path of the build
// machine is compiled into a program.
std::filesystem::path resourceDir(Resource resource);
// Where the resource is shipped with this program, whatever the environment says
// (<prefix>/share/flowdeck/<folder>): what the studio trusts without asking.
std::filesystem::path shippedResourceDir(Resource resource);

// The folder of the running program (from /proc/self/exe).
std::filesystem::path programDir();

// The headless `flowdeck` program: $FLOWDECK_RUNTIME_BINARY, else beside the running one.
std::filesystem::path runtimeProgram();

} // namespace flowdeck::engine
