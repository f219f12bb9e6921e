// The code node (DESIGN.md §3): Python 3 `def main(...) -> dict` or JavaScript
// `function main({...}) { return {...} }`, run in a sandboxed worker of the run host's
// pool (engine/sandbox), its result checked against the declared outputs.
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/runservices.h"
#include "engine/sandbox/coderun.h"

namespace flowdeck::engine {

namespace {

void run(std::shared_ptr<NodeContext> ctx, NodeDone done)
{
    const std::shared_ptr<CodeSandboxPool> pool = ctx->services().sandbox;
    if (!pool)
        return done(NodeResult::failure(ErrorKind::Internal, "No code sandbox is set up for this run."));
    CodeConfig config(ctx->node().config);
    if (const auto problems = config.problems(ctx->node().id); hasErrors(problems))
        return done(NodeResult::failure(ErrorKind::InvalidInput, problems.front().message));
    // A value that is exactly one reference keeps its JSON type (a list stays a list).
    nlohmann::json inputs = nlohmann::json::object();
    for (const auto &input : config.inputs)
        inputs[input.name] = ctx->renderValue(input.value);
    const auto id = pool->run(codeCallFor(config, inputs), [ctx, done, config](CodeOutcome outcome) {
        outcome = checkedAgainst(config, std::move(outcome));
        if (!outcome.logs.empty())
            ctx->log("info", outcome.logs);
        if (!outcome.ok)
            return done(NodeResult::failure(outcome.errorKind, outcome.error));
        done(NodeResult::success(std::move(outcome.outputs)));
    });
    ctx->cancelSignal().onCancel([weak = std::weak_ptr<CodeSandboxPool>(pool), id] {
        if (auto p = weak.lock())
            p->cancel(id);
    });
}

} // namespace

NodeDescriptor codeNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "code";
    d.title = "Code";
    d.titleZh = "代码";
    d.description = "Runs Python 3 or JavaScript in a sandbox: main gets the inputs by name and returns an object "
                    "whose fields are the outputs.";
    d.descriptionZh = "在沙箱中运行 Python 3 或 JavaScript：main 按名称接收输入，返回一个对象，对象的字段就是输出。";
    d.icon = "code";
    d.category = "logic";
    d.asynchronous = true;  // a worker process: other branches go on meanwhile
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["code"], "additionalProperties": false,
      "properties": {
        "language": { "type": "string", "enum": ["python3", "javascript"], "default": "python3", "title": "Language" },
        "code": { "type": "string", "title": "Code", "format": "code",
                  "default": "def main(arg1: str, arg2: str) -> dict:\n    return {\"result\": arg1 + arg2}\n" },
        "inputs": { "type": "array", "title": "Input variables",
          "default": [ { "name": "arg1", "value": "" }, { "name": "arg2", "value": "" } ],
          "items": { "type": "object", "required": ["name"], "additionalProperties": false,
            "properties": { "name": { "type": "string", "title": "Name" },
                            "value": { "title": "Value", "format": "template" } } } },
        "outputs": { "type": "array", "title": "Output variables",
          "default": [ { "name": "result", "type": "string" } ],
          "items": { "type": "object", "required": ["name", "type"], "additionalProperties": false,
            "properties": { "name": { "type": "string", "title": "Name" },
                            "type": { "type": "string", "title": "Type" } } } },
        "limits": { "type": "object", "title": "Limits", "additionalProperties": false,
          "properties": {
            "cpuMs": { "type": "integer", "minimum": 100, "maximum": 600000, "default": 5000, "title": "CPU time (ms)" },
            "wallMs": { "type": "integer", "minimum": 100, "maximum": 3600000, "default": 10000, "title": "Time limit (ms)" },
            "memoryMb": { "type": "integer", "minimum": 32, "maximum": 16384, "default": 256, "title": "Memory (MiB)" },
            "outputKb": { "type": "integer", "minimum": 1, "maximum": 65536, "default": 1024, "title": "Result size (KiB)" },
            "printKb": { "type": "integer", "minimum": 0, "maximum": 65536, "default": 256, "title": "Printed text (KiB)" }
          } }
      }
    })json");
    d.outputsFor = [](const NodeSpec &node, const Workflow &) { return CodeConfig(node.config).outputSpecs(); };
    d.validate = [](const NodeSpec &node, const Workflow &) { return CodeConfig(node.config).problems(node.id); };
    d.defaultOutputs = [](const NodeSpec &node) { return CodeConfig(node.config).nullOutputs(); };
    d.execute = run;
    return d;
}

} // namespace flowdeck::engine
