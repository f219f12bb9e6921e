#include "engine/core/installpaths.h"

#include <cstdlib>

namespace flowdeck::engine {

namespace fs = std::filesystem;

namespace {

struct ResourceInfo {
    const char *envName;
    const char *folder;
};

ResourceInfo info(Resource resource)
{
    switch (resource) {
    case Resource::Plugins: return {"FLOWDECK_PLUGINS_DIR", "plugins"};
    case Resource::Templates: return {"FLOWDECK_TEMPLATES_DIR", "templates"};
    case Resource::Web: return {"FLOWDECK_WEB_DIR", "web"};
    case Resource::Kubernetes: return {"FLOWDECK_KUBERNETES_DIR", "kubernetes"};
    }
    return {"", ""};
}

} // namespace

fs::path programDir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path(ec) : exe.parent_path();
}

fs::path resourceDir(Resource resource)
{
    const ResourceInfo r = info(resource);
    if (const char *dir = std::getenv(r.envName); dir && *dir)
        return dir;
    return shippedResourceDir(resource);
}

fs::path shippedResourceDir(Resource resource)
{
    return programDir().parent_path() / "share" / "flowdeck" / info(resource).folder;
}

fs::path runtimeProgram()
{
    if (const char *path = std::getenv("FLOWDECK_RUNTIME_BINARY"); path && *path)
        return path;
    return programDir() / "flowdeck";
}

} // namespace flowdeck::engine
