#include "widgets/document/graphdocument.h"
#include "widgets/document/localized.h"

#include "engine/nodes/noderegistry.h"
#include "engine/workflow/validator.h"
#include "engine/workflow/workflowfile.h"

namespace flowdeck {
namespace studio {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

} // namespace

bool sameEdge(const engine::EdgeSpec &a, const engine::EdgeSpec &b)
{
    return a.from == b.from && a.to == b.to && a.fromPort == b.fromPort;
}

GraphDocument::GraphDocument(QObject *parent) : QObject(parent)
{
    m_validateSoon.setSingleShot(true);
    m_validateSoon.setInterval(300);
    connect(&m_validateSoon, &QTimer::timeout, this, &GraphDocument::revalidate);
    for (auto signal : {&GraphDocument::nodeAdded, &GraphDocument::nodeRemoved, &GraphDocument::nodeChanged})
        connect(this, signal, &m_validateSoon, qOverload<>(&QTimer::start));
    connect(this, &GraphDocument::edgeAdded, &m_validateSoon, qOverload<>(&QTimer::start));
    connect(this, &GraphDocument::edgeRemoved, &m_validateSoon, qOverload<>(&QTimer::start));
    connect(this, &GraphDocument::documentReset, &m_validateSoon, qOverload<>(&QTimer::start));
    connect(this, &GraphDocument::modelChanged, &m_validateSoon, qOverload<>(&QTimer::start));
    connect(this, &GraphDocument::variablesChanged, &m_validateSoon, qOverload<>(&QTimer::start));
    connect(this, &GraphDocument::guardChanged, &m_validateSoon, qOverload<>(&QTimer::start));
    connect(this, &GraphDocument::envChanged, &m_validateSoon, qOverload<>(&QTimer::start));
    connect(this, &GraphDocument::openingChanged, &m_validateSoon, qOverload<>(&QTimer::start));
}

void GraphDocument::revalidate()
{
    m_validateSoon.stop();
    m_nodeProblems.clear();
    m_workflowProblems.clear();
    m_problemCount = 0;
    for (const auto &d : engine::validateWorkflow(m_workflow, engine::NodeRegistry::builtin())) {
        if (!d.isError())
            continue;
        ++m_problemCount;
        const QString text = diagnosticText(d);
        if (!d.nodeId.empty() && m_workflow.findNode(d.nodeId))
            m_nodeProblems[q(d.nodeId)] << text;
        else
            m_workflowProblems << text;
    }
    emit validated(m_problemCount);
}

std::string GraphDocument::toText() const { return engine::serializeWorkflow(m_workflow); }

void GraphDocument::reset(engine::Workflow workflow)
{
    m_workflow = std::move(workflow);
    m_undo.clear();
    emit documentReset();
}

std::string GraphDocument::freshNodeId(const std::string &type) const
{
    std::string base;
    for (char c : type)
        base.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    for (int n = 1;; ++n) {
        std::string id = base + "_" + std::to_string(n);
        if (!m_workflow.findNode(id))
            return id;
    }
}

std::size_t GraphDocument::nodeIndex(const std::string &id) const
{
    for (std::size_t i = 0; i < m_workflow.nodes.size(); ++i)
        if (m_workflow.nodes[i].id == id)
            return i;
    return std::string::npos;
}

void GraphDocument::insertNode(engine::NodeSpec node, std::size_t index)
{
    const QString id = q(node.id);
    index = std::min(index, m_workflow.nodes.size());
    m_workflow.nodes.insert(m_workflow.nodes.begin() + static_cast<long>(index), std::move(node));
    emit nodeAdded(id);
}

void GraphDocument::setPlugin(const std::string &alias, nlohmann::json entry)
{
    if (!m_workflow.plugins.is_object())
        m_workflow.plugins = nlohmann::json::object();
    if (entry.is_null())
        m_workflow.plugins.erase(alias);
    else
        m_workflow.plugins[alias] = std::move(entry);
    emit pluginChanged(q(alias));
}

void GraphDocument::setModel(const std::string &alias, nlohmann::json entry)
{
    if (!m_workflow.models.is_object())
        m_workflow.models = nlohmann::json::object();
    if (entry.is_null())
        m_workflow.models.erase(alias);
    else
        m_workflow.models[alias] = std::move(entry);
    emit modelChanged(q(alias));
}

void GraphDocument::setVariables(std::vector<engine::VariableSpec> variables)
{
    m_workflow.variables = std::move(variables);
    emit variablesChanged();
}

void GraphDocument::setGuard(nlohmann::json guard)
{
    m_workflow.guard = guard.is_object() ? std::move(guard) : nlohmann::json::object();
    emit guardChanged();
}

void GraphDocument::setEnv(std::vector<engine::EnvSpec> env)
{
    m_workflow.env = std::move(env);
    emit envChanged();
}

void GraphDocument::setOpening(engine::OpeningSpec opening)
{
    m_workflow.opening = std::move(opening);
    emit openingChanged();
}

const engine::NoteSpec *GraphDocument::note(const std::string &id) const
{
    for (const auto &n : m_workflow.notes)
        if (n.id == id)
            return &n;
    return nullptr;
}

std::string GraphDocument::freshNoteId() const
{
    for (int n = 1;; ++n) {
        std::string id = "note_" + std::to_string(n);
        if (!note(id))
            return id;
    }
}

void GraphDocument::insertNote(engine::NoteSpec note, std::size_t index)
{
    const QString id = q(note.id);
    index = std::min(index, m_workflow.notes.size());
    m_workflow.notes.insert(m_workflow.notes.begin() + static_cast<long>(index), std::move(note));
    emit noteAdded(id);
}

std::optional<std::pair<engine::NoteSpec, std::size_t>> GraphDocument::removeNote(const std::string &id)
{
    auto &notes = m_workflow.notes;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (notes[i].id != id)
            continue;
        engine::NoteSpec gone = std::move(notes[i]);
        notes.erase(notes.begin() + static_cast<long>(i));
        emit noteRemoved(q(id));
        return std::make_pair(std::move(gone), i);
    }
    return std::nullopt;
}

void GraphDocument::setNote(engine::NoteSpec note)
{
    for (auto &n : m_workflow.notes)
        if (n.id == note.id) {
            n = std::move(note);
            emit noteChanged(q(n.id));
            return;
        }
}

std::optional<std::pair<engine::NodeSpec, std::size_t>> GraphDocument::removeNode(const std::string &id)
{
    const std::size_t i = nodeIndex(id);
    if (i == std::string::npos)
        return std::nullopt;
    engine::NodeSpec node = std::move(m_workflow.nodes[i]);
    m_workflow.nodes.erase(m_workflow.nodes.begin() + static_cast<long>(i));
    emit nodeRemoved(q(id));
    return std::make_pair(std::move(node), i);
}

void GraphDocument::setNodePosition(const std::string &id, std::array<double, 2> position)
{
    const std::size_t i = nodeIndex(id);
    if (i == std::string::npos)
        return;
    m_workflow.nodes[i].position = position;
    emit nodeMoved(q(id));
}

void GraphDocument::setNodeConfig(const std::string &id, nlohmann::json config)
{
    const std::size_t i = nodeIndex(id);
    if (i == std::string::npos)
        return;
    m_workflow.nodes[i].config = std::move(config);
    emit nodeChanged(q(id));
}

void GraphDocument::setNodeTitle(const std::string &id, const std::string &title)
{
    const std::size_t i = nodeIndex(id);
    if (i == std::string::npos)
        return;
    m_workflow.nodes[i].title = title;
    emit nodeChanged(q(id));
}

void GraphDocument::setNodeI18n(const std::string &id, nlohmann::json i18n)
{
    const std::size_t i = nodeIndex(id);
    if (i == std::string::npos)
        return;
    m_workflow.nodes[i].i18n = i18n.is_object() ? std::move(i18n) : nlohmann::json::object();
    emit nodeChanged(q(id));
}

void GraphDocument::setNodeDisabled(const std::string &id, bool disabled)
{
    const std::size_t i = nodeIndex(id);
    if (i == std::string::npos)
        return;
    m_workflow.nodes[i].disabled = disabled;
    emit nodeChanged(q(id));
}

void GraphDocument::setNodePin(const std::string &id, nlohmann::json pin)
{
    const std::size_t i = nodeIndex(id);
    if (i == std::string::npos)
        return;
    m_workflow.nodes[i].pin = std::move(pin);
    emit nodeChanged(q(id));
}

void GraphDocument::setNodeParent(const std::string &id, const std::string &parent)
{
    const std::size_t i = nodeIndex(id);
    if (i == std::string::npos)
        return;
    m_workflow.nodes[i].parent = parent;
    emit nodeChanged(q(id));
}

void GraphDocument::setInputs(std::vector<engine::InputSpec> inputs)
{
    m_workflow.inputs = std::move(inputs);
    emit inputsChanged();
    for (const auto &n : m_workflow.nodes)
        if (n.type == "start")
            emit nodeChanged(q(n.id));
}

void GraphDocument::insertEdge(engine::EdgeSpec edge, std::size_t index)
{
    index = std::min(index, m_workflow.edges.size());
    const QString from = q(edge.from), to = q(edge.to), port = q(edge.fromPort);
    m_workflow.edges.insert(m_workflow.edges.begin() + static_cast<long>(index), std::move(edge));
    emit edgeAdded(from, to, port);
}

std::optional<std::size_t> GraphDocument::removeEdge(const engine::EdgeSpec &edge)
{
    for (std::size_t i = 0; i < m_workflow.edges.size(); ++i) {
        if (sameEdge(m_workflow.edges[i], edge)) {
            m_workflow.edges.erase(m_workflow.edges.begin() + static_cast<long>(i));
            emit edgeRemoved(q(edge.from), q(edge.to), q(edge.fromPort));
            return i;
        }
    }
    return std::nullopt;
}

void GraphDocument::setTrusted(bool trusted)
{
    if (trusted == m_trusted)
        return;
    m_trusted = trusted;
    emit trustChanged(trusted);
}

bool GraphDocument::ensureTrusted()
{
    if (!m_trusted && m_askTrust && m_askTrust())
        setTrusted(true);
    return m_trusted;
}

} // namespace studio
} // namespace flowdeck
