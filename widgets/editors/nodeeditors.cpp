#include "widgets/editors/nodeeditors.h"

#include "engine/nodes/noderegistry.h"
#include "widgets/editors/assignereditor.h"
#include "widgets/editors/classeditor.h"
#include "widgets/editors/codefields.h"
#include "widgets/editors/guardnodeeditor.h"
#include "widgets/editors/humanformeditor.h"
#include "widgets/editors/iterationeditor.h"
#include "widgets/editors/listopseditor.h"
#include "widgets/editors/loopeditor.h"
#include "widgets/editors/parametertable.h"

namespace flowdeck::studio {

void NodeEditors::add(const std::string &type, const std::string &field, Factory factory, std::set<std::string> covers)
{
    m_factories[{type, field}] = std::move(factory);
    for (const auto &other : covers)
        m_covered.insert({type, other});
}

QWidget *NodeEditors::create(const std::string &type, const std::string &field, const NodeEditorContext &context) const
{
    const auto it = m_factories.find({type, field});
    return it == m_factories.end() ? nullptr : it->second(context);
}

bool NodeEditors::covered(const std::string &type, const std::string &field) const { return m_covered.count({type, field}) > 0; }

const NodeEditors &NodeEditors::builtin()
{
    static const NodeEditors editors = [] {
        NodeEditors e;
        e.add("code", "code", codeNodeEditor, {"language", "inputs", "outputs", "limits"});
        e.add("classifier", "classes", classEditor);
        e.add("extractor", "parameters", parameterTable);
        e.add("list", "filter", [](const NodeEditorContext &c) { return new ListOpsEditor(c); }, {"unique", "sort", "limit"});
        e.add("iteration", "items", iterationEditor, {"output", "parallel", "maxParallel", "errorMode", "itemRetry", "flatten"});
        e.add("loop", "variables", loopEditor, {"maxRounds", "breakWhen"});
        e.add("assigner", "items", assignerEditor);
        e.add("human", "text", humanFormEditor, {"fields", "actions", "timeout"});
        e.add("guard", "text", guardNodeEditor, {"mode", "source", "checks"});
        return e;
    }();
    return editors;
}

nlohmann::json schemaAt(const std::string &type, const std::string &pointer)
{
    const auto *descriptor = engine::NodeRegistry::builtin().find(type);
    const nlohmann::json::json_pointer at(pointer);
    return descriptor && descriptor->configSchema.contains(at) ? descriptor->configSchema[at] : nlohmann::json();
}

} // namespace flowdeck::studio
