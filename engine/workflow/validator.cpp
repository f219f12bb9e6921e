#include "engine/workflow/validator.h"

#include "engine/guard/guardscreen.h"
#include "engine/nodes/noderegistry.h"
#include "engine/templates/modelbinding.h"
#include "engine/workflow/reference.h"

#include <algorithm>
#include <map>
#include <set>

namespace flowdeck::engine {

namespace {

const std::set<std::string> kChatSys = {"query", "conversation_id", "history", "user"};
const std::set<std::string> kWorkflowSys = {"user"};

class Checker {
public:
    Checker(const Workflow &wf, const NodeRegistry &registry) : m_wf(wf), m_registry(registry) {}

    Diagnostics run()
    {
        indexNodes();
        checkEdges();
        checkContainers();
        checkStructure();
        for (const auto &node : m_wf.nodes)
            checkNode(node);
        // Editing and saving need no provider yet; Run and Deploy refuse (modelbinding.h).
        for (auto d : unboundModelProblems(m_wf)) {
            d.severity = Diagnostic::Severity::Warning;
            m_out.push_back(std::move(d));
        }
        return std::move(m_out);
    }

private:
    // The caller sets .args, the message's variable parts, for the Chinese (core/messages.h).
    Diagnostic &add(std::string code, std::string nodeId, std::string field, std::string message,
                    Diagnostic::Severity severity = Diagnostic::Severity::Error)
    {
        Diagnostic d;
        d.severity = severity;
        d.code = std::move(code);
        d.nodeId = std::move(nodeId);
        d.field = std::move(field);
        d.message = std::move(message);
        m_out.push_back(std::move(d));
        return m_out.back();
    }

    void indexNodes()
    {
        for (const auto &node : m_wf.nodes) {
            if (m_nodes.count(node.id))
                add("duplicate-id", node.id, "id", "Two nodes have the id '" + node.id + "'; each node needs its own id.").args = {node.id};
            m_nodes[node.id] = &node;
            if (!node.parent.empty())
                m_children[node.parent].push_back(node.id);
            if (!m_registry.find(node.type))
                add("unknown-type", node.id, "type", "'" + node.type + "' is not a node type this Flowdeck knows.").args = {node.type};
        }
    }

    void checkEdges()
    {
        std::set<std::tuple<std::string, std::string, std::string>> seen;
        for (std::size_t i = 0; i < m_wf.edges.size(); ++i) {
            const auto &e = m_wf.edges[i];
            const std::string field = "edges[" + std::to_string(i) + "]";
            bool ok = true;
            for (const auto &[end, id] : {std::pair{"from", e.from}, std::pair{"to", e.to}}) {
                if (!m_nodes.count(id)) {
                    add("dangling-edge", {}, field + "." + end,
                        std::string("A connection ") + end + " '" + id + "' points at a node that does not exist.").args = {id};
                    ok = false;
                }
            }
            if (!ok)
                continue;
            if (!seen.insert({e.from, e.fromPort, e.to}).second)
                add("duplicate-edge", e.from, field, "The connection from '" + e.from + "' to '" + e.to + "' is drawn twice.",
                    Diagnostic::Severity::Warning).args = {e.from, e.to};
            const NodeSpec &from = *m_nodes[e.from];
            if (const NodeDescriptor *d = m_registry.find(from.type)) {
                std::string port = e.fromPort.empty() ? kDefaultPort : e.fromPort;
                auto ports = d->portsOf(from);
                bool known = std::any_of(ports.begin(), ports.end(), [&](const PortSpec &p) { return p.id == port; });
                if (port == kErrorPort) {
                    known = true;
                    if (from.onError != OnError::Branch)
                        add("error-port-unused", from.id, field + ".fromPort",
                            "The node '" + from.id + "' has a connection from its error port, but its 'on error' setting "
                            "is not 'branch', so that connection is never followed.").args = {from.id};
                }
                if (!known) {
                    std::string names;
                    for (const auto &p : ports)
                        names += (names.empty() ? "" : ", ") + p.id;
                    add("unknown-port", from.id, field + ".fromPort",
                        "The node '" + from.id + "' has no port '" + port + "' (its ports: " + names + ").").args = {from.id, port, names};
                }
            }
            if (m_nodes[e.to]->type == "start")
                add("edge-into-start", e.to, field + ".to", "Nothing may connect into the start node.");
            if (from.parent != m_nodes[e.to]->parent) {
                add("edge-across-container", e.from, field,
                    "The connection from '" + e.from + "' to '" + e.to + "' crosses the edge of an iteration or loop. "
                    "Nodes inside one connect only to each other; connect the container itself instead.")
                    .args = {e.from, e.to};
                continue;
            }
            m_succ[e.from].push_back(e.to);
            m_pred[e.to].push_back(e.from);
        }
    }

    // "parent" must name an iteration or loop; containers may nest but not in a circle.
    void checkContainers()
    {
        for (const auto &node : m_wf.nodes) {
            if (node.parent.empty())
                continue;
            auto it = m_nodes.find(node.parent);
            const NodeDescriptor *d = it == m_nodes.end() ? nullptr : m_registry.find(it->second->type);
            if (it == m_nodes.end()) {
                add("unknown-parent", node.id, "parent", "The node '" + node.id + "' is placed inside '" + node.parent +
                                                             "', but no node has that id.").args = {node.id, node.parent};
            } else if (d && !d->container) {
                add("not-a-container", node.id, "parent", "The node '" + node.id + "' is placed inside '" + node.parent +
                                                              "', which is not an iteration or loop.").args = {node.id, node.parent};
            } else if (node.type == "start" || node.type == "end" || node.type == "human") {
                add("not-in-container", node.id, "parent", "A '" + node.type + "' node cannot be inside an iteration or loop; "
                                                           "move it out.").args = {node.type};
            } else {
                const auto chain = m_wf.containersOf(node.id);
                const NodeSpec *outer = chain.empty() ? nullptr : m_nodes[chain.back()];
                if (std::find(chain.begin(), chain.end(), node.id) != chain.end() || (outer && !outer->parent.empty()))
                    add("container-cycle", node.id, "parent", "The node '" + node.id + "' is inside a container that is "
                                                              "inside it again; undo the last move.").args = {node.id};
            }
        }
    }

    void checkStructure()
    {
        std::vector<std::string> starts;
        for (const auto &n : m_wf.nodes)
            if (n.type == "start")
                starts.push_back(n.id);
        if (starts.empty())
            add("no-start", {}, "nodes", "The workflow has no start node; add one so the run knows where to begin.");
        for (std::size_t i = 1; i < starts.size(); ++i)
            add("many-starts", starts[i], "type", "A workflow has exactly one start node; this is another.");

        // Cycles: depth-first search with colours.
        std::map<std::string, int> colour;
        std::vector<std::string> cycleNodes;
        std::function<bool(const std::string &)> visit = [&](const std::string &id) {
            colour[id] = 1;
            for (const auto &next : m_succ[id]) {
                if (colour[next] == 1) {
                    cycleNodes.push_back(next);
                    return true;
                }
                if (colour[next] == 0 && visit(next))
                    return true;
            }
            colour[id] = 2;
            return false;
        };
        for (const auto &n : m_wf.nodes)
            if (colour[n.id] == 0 && visit(n.id))
                break;
        for (const auto &id : cycleNodes)
            add("cycle", id, "edges", "The connections loop back to '" + id +
                                          "'. Workflows run forward only; use an iteration or loop node to repeat work.").args = {id};

        if (!starts.empty()) {
            std::set<std::string> reached{starts[0]};
            std::vector<std::string> stack{starts[0]};
            while (!stack.empty()) {
                std::string id = stack.back();
                stack.pop_back();
                for (const auto &next : m_succ[id])
                    if (reached.insert(next).second)
                        stack.push_back(next);
                // A container that runs starts the nodes inside it that nothing leads into.
                for (const auto &child : m_children[id])
                    if (m_pred[child].empty() && reached.insert(child).second)
                        stack.push_back(child);
            }
            for (const auto &n : m_wf.nodes)
                if (!reached.count(n.id))
                    add("unreachable", n.id, {}, "The node '" + n.id + "' is not connected to the start node, so it never runs.",
                        Diagnostic::Severity::Warning).args = {n.id};
        }
        bool chat = m_wf.isChat();
        bool hasOutput = std::any_of(m_wf.nodes.begin(), m_wf.nodes.end(),
                                     [&](const NodeSpec &n) { return n.type == (chat ? "answer" : "end"); });
        if (!hasOutput && !m_wf.nodes.empty())
            add(chat ? "no-answer" : "no-end", {}, "nodes",
                chat ? "A chat workflow needs an answer node to reply to the user."
                     : "A workflow needs an end node that names its outputs.",
                Diagnostic::Severity::Warning);
    }

    bool isUpstream(const std::string &ancestor, const std::string &node)
    {
        std::set<std::string> seen;
        std::vector<std::string> stack{node};
        for (const auto &container : m_wf.containersOf(node)) {
            if (container == ancestor)
                return true;
            if (seen.insert(container).second)
                stack.push_back(container);
        }
        while (!stack.empty()) {
            std::string id = stack.back();
            stack.pop_back();
            for (const auto &p : m_pred[id]) {
                if (p == ancestor)
                    return true;
                if (seen.insert(p).second)
                    stack.push_back(p);
            }
        }
        return false;
    }

    void checkReference(const NodeSpec &node, const std::string &field, const Reference &ref, bool isPrompt,
                        bool secretAllowed)
    {
        const std::string shown = "{{" + ref.text + "}}";
        switch (ref.kind) {
        case Reference::Kind::Secret:
            if (isPrompt)
                add("secret-in-prompt", node.id, field,
                    "The prompt uses " + shown + ", which would send a secret to the model. Secrets may only be used in "
                    "headers and plugin settings.").args = {shown};
            else if (!secretAllowed)
                add("secret-not-allowed", node.id, field,
                    shown + " may only be used in HTTP headers and plugin settings, where it cannot reach a model, "
                            "an answer or a log.").args = {shown};
            return;
        case Reference::Kind::Env:
            return;
        case Reference::Kind::Conversation:
            if (!m_wf.findVariable(ref.firstKey()))
                add("unknown-variable", node.id, field, shown + " names a conversation variable '" + ref.firstKey() +
                    "' that the workflow does not declare. Add it under Conversation variables.").args = {shown, ref.firstKey()};
            return;
        case Reference::Kind::Sys: {
            const auto &allowed = m_wf.isChat() ? kChatSys : kWorkflowSys;
            if (!allowed.count(ref.firstKey()))
                add("unknown-sys", node.id, field, shown + " is not available" +
                    std::string(m_wf.isChat() ? "" : " outside chat mode") + " (available: sys." +
                    (m_wf.isChat() ? "query, sys.conversation_id, sys.history, sys.user" : "user") + ").").args =
                    {shown, m_wf.isChat() ? "sys.query, sys.conversation_id, sys.history, sys.user" : "sys.user"};
            return;
        }
        case Reference::Kind::Node:
            break;
        }
        auto it = m_nodes.find(ref.root);
        if (it == m_nodes.end()) {
            add("unknown-reference", node.id, field, shown + " refers to a node '" + ref.root + "' that does not exist.").args = {shown, ref.root};
            return;
        }
        // A container's own settings read what runs inside it, and its item / loop values.
        const bool inside = ref.root == node.id ? false : isInside(ref.root, node.id);
        const bool own = ref.root == node.id && isContainer(node);
        if (!inside && !own && (ref.root == node.id || !isUpstream(ref.root, node.id))) {
            add("not-upstream", node.id, field, shown + " refers to '" + ref.root + "', which does not run before '" +
                                                    node.id + "'. Connect it upstream, or pick another value.").args =
                {shown, ref.root, node.id};
            return;
        }
        const NodeDescriptor *d = m_registry.find(it->second->type);
        if (!d)
            return;
        const auto chain = m_wf.containersOf(node.id);
        const bool fromInside = own || std::find(chain.begin(), chain.end(), ref.root) != chain.end();
        auto outs = fromInside && d->innerOutputsFor ? d->innerOutputsFor(*it->second, m_wf) : d->outputsOf(*it->second, m_wf);
        std::string name = ref.firstKey();
        bool hasErrorOutput = it->second->onError != OnError::Fail && name == "error";
        if (!hasErrorOutput && std::none_of(outs.begin(), outs.end(), [&](const OutputSpec &o) { return o.name == name; })) {
            std::string names;
            for (const auto &o : outs)
                names += (names.empty() ? "" : ", ") + o.name;
            add("unknown-output", node.id, field, shown + ": the node '" + ref.root + "' has no output '" + name + "'" +
                (names.empty() ? std::string(" (it has no outputs).") : " (its outputs: " + names + ")."))
                .args = {shown, ref.root, name, names.empty() ? "—" : names};
        }
    }

    void checkNode(const NodeSpec &node)
    {
        const NodeDescriptor *d = m_registry.find(node.type);
        if (!d)
            return;
        const auto violations = d->compiledSchema->validate(node.config);
        for (const auto &v : violations)
            add("config", node.id, v.path.empty() ? "config" : "config." + v.path, v.message);
        if (!d->mode.empty() && d->mode != m_wf.mode)
            add("wrong-mode", node.id, "type", "A '" + node.type + "' node only works in " + d->mode +
                                                   " mode, but this workflow is in " + m_wf.mode + " mode.");
        if (d->validate && violations.empty())  // type checks assume a config of the right shape
            for (auto &diag : d->validate(node, m_wf))
                m_out.push_back(std::move(diag));
        forEachString(node.config, "", [&](const std::string &field, const std::string &text) {
            const std::string top = field.substr(0, field.find_first_of(".["));
            if (isCode(*d, top))
                return;  // a program runs as written: "{{" there is its own (a Jinja or Mustache string)
            ParsedTemplate t = parseTemplate(text);
            bool isPrompt = std::find(d->promptFields.begin(), d->promptFields.end(), top) != d->promptFields.end();
            bool secretAllowed = std::find(d->secretFields.begin(), d->secretFields.end(), top) != d->secretFields.end();
            for (const auto &p : t.problems)
                add(p.code, node.id, "config." + field, p.message);
            for (const auto &s : t.segments)
                if (s.isReference)
                    checkReference(node, "config." + field, s.reference, isPrompt, secretAllowed);
        });
    }

    // A config field whose schema says it holds a program ("format": "code"), never a template.
    static bool isCode(const NodeDescriptor &d, const std::string &field)
    {
        const nlohmann::json *props = d.configSchema.is_object() && d.configSchema.contains("properties")
                                          ? &d.configSchema["properties"]
                                          : nullptr;
        if (!props || !props->is_object() || !props->contains(field) || !(*props)[field].is_object())
            return false;
        const nlohmann::json &spec = (*props)[field];
        return spec.contains("format") && spec["format"] == "code";
    }

    bool isContainer(const NodeSpec &node) const
    {
        const NodeDescriptor *d = m_registry.find(node.type);
        return d && d->container;
    }

    // Whether `node` sits (at any depth) inside the container `container`.
    bool isInside(const std::string &node, const std::string &container) const
    {
        const auto chain = m_wf.containersOf(node);
        return std::find(chain.begin(), chain.end(), container) != chain.end();
    }

    const Workflow &m_wf;
    const NodeRegistry &m_registry;
    std::map<std::string, std::vector<std::string>> m_children;  // container -> the nodes inside
    Diagnostics m_out;
    std::map<std::string, const NodeSpec *> m_nodes;
    std::map<std::string, std::vector<std::string>> m_succ, m_pred;
};

} // namespace

Diagnostics validateWorkflow(const Workflow &workflow, const NodeRegistry &registry)
{
    Diagnostics out = Checker(workflow, registry).run();
    for (auto &d : validateAppGuard(workflow))
        out.push_back(std::move(d));
    return out;
}

} // namespace flowdeck::engine
