#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"

#include <boost/asio/steady_timer.hpp>

namespace flowdeck::engine {

namespace {

// One iteration node's work: items handed out in order, at most `bound` at once, each
// retried as configured; results kept by index so they come out in the items' order.
class IterationRun : public std::enable_shared_from_this<IterationRun> {
public:
    IterationRun(std::shared_ptr<NodeContext> ctx, NodeDone done, nlohmann::json items)
        : m_ctx(std::move(ctx)), m_done(std::move(done)), m_items(std::move(items))
    {
        const auto &config = m_ctx->node().config;
        m_output = valueOr<nlohmann::json>(config, "output", "");
        m_bound = valueOr(config, "parallel", false) ? std::max(1, valueOr(config, "maxParallel", 4)) : 1;
        m_errorMode = valueOr(config, "errorMode", "stop");
        const nlohmann::json retry = valueOr<nlohmann::json>(config, "itemRetry", nlohmann::json::object());
        m_retries = std::clamp(valueOr(retry, "max", 0), 0, 10);
        m_backoffMs = std::max(0, valueOr(retry, "backoffMs", 500));
        m_flatten = valueOr(config, "flatten", false);
        m_results.assign(m_items.size(), nlohmann::json());
        m_dropped.assign(m_items.size(), false);
    }

    void start()
    {
        if (m_items.empty())
            return finish();
        pump();
    }

private:
    void pump()
    {
        while (!m_finished && m_inFlight < m_bound && m_next < m_items.size())
            launch(m_next++, 1);
    }

    void launch(std::size_t index, int attempt)
    {
        ++m_inFlight;
        nlohmann::json frame = {{"item", m_items[index]}, {"index", index}};
        m_ctx->runScope(std::move(frame), [self = shared_from_this(), index, attempt](const ScopeOutcome &o) {
            self->itemDone(index, attempt, o);
        });
    }

    void itemDone(std::size_t index, int attempt, const ScopeOutcome &outcome)
    {
        --m_inFlight;
        if (m_finished || outcome.cancelled)
            return;
        m_usage.add(outcome.usage);
        if (outcome.ok) {
            m_results[index] = m_output.is_string() && m_output.get_ref<const std::string &>().empty()
                                   ? nlohmann::json()
                                   : outcome.render(m_output);
            reportProgress(index, true);
        } else if (attempt <= m_retries && outcome.errorKind != ErrorKind::Limit) {
            return retryLater(index, attempt + 1, outcome);
        } else if (m_errorMode == "stop") {
            return fail(index, outcome);
        } else {
            m_dropped[index] = m_errorMode == "drop";
            m_ctx->log("warning", "Item " + std::to_string(index) + " failed" +
                                      (outcome.failedNode.empty() ? "" : " at '" + outcome.failedNode + "'") + ": " +
                                      outcome.error + (m_dropped[index] ? " It was left out." : " Its result is empty."));
            reportProgress(index, false);
        }
        if (++m_completed == m_items.size())
            return finish();
        pump();
    }

    void retryLater(std::size_t index, int attempt, const ScopeOutcome &outcome)
    {
        m_ctx->log("info", "Item " + std::to_string(index) + " failed (" + outcome.error + "); trying it again (attempt " +
                               std::to_string(attempt) + ").");
        ++m_inFlight;  // the slot stays taken while it waits
        auto timer = std::make_shared<boost::asio::steady_timer>(m_ctx->io());
        timer->expires_after(std::chrono::milliseconds(static_cast<long>(m_backoffMs) << (attempt - 2)));
        m_ctx->cancelSignal().onCancel([timer] { timer->cancel(); });
        timer->async_wait([self = shared_from_this(), timer, index, attempt](const boost::system::error_code &ec) {
            --self->m_inFlight;
            if (ec || self->m_finished)
                return;
            self->launch(index, attempt);
        });
    }

    void reportProgress(std::size_t index, bool ok)
    {
        m_ctx->progress({{"done", m_completed + 1}, {"total", m_items.size()}, {"index", index}, {"ok", ok}});
    }

    void fail(std::size_t index, const ScopeOutcome &outcome)
    {
        m_finished = true;
        m_ctx->cancelSignal().cancel();  // stops the items still running
        NodeResult r = NodeResult::failure(
            outcome.errorKind == ErrorKind::None ? ErrorKind::Internal : outcome.errorKind,
            "Item " + std::to_string(index) + " of " + std::to_string(m_items.size()) + " failed" +
                (outcome.failedNode.empty() ? "" : " at '" + outcome.failedNode + "'") + ": " + outcome.error);
        r.usage = m_usage;
        m_done(std::move(r));
    }

    void finish()
    {
        m_finished = true;
        nlohmann::json results = nlohmann::json::array();
        for (std::size_t i = 0; i < m_results.size(); ++i) {
            if (m_dropped[i])
                continue;
            if (m_flatten && m_results[i].is_array())
                for (auto &v : m_results[i])
                    results.push_back(std::move(v));
            else
                results.push_back(std::move(m_results[i]));
        }
        NodeResult r = NodeResult::success({{"results", std::move(results)}});
        r.usage = m_usage;
        m_done(std::move(r));
    }

    std::shared_ptr<NodeContext> m_ctx;
    NodeDone m_done;
    nlohmann::json m_items;
    nlohmann::json m_output;
    std::vector<nlohmann::json> m_results;
    std::vector<bool> m_dropped;
    std::string m_errorMode;
    Usage m_usage;
    std::size_t m_next = 0;
    std::size_t m_completed = 0;
    int m_inFlight = 0;
    int m_bound = 1;
    int m_retries = 0;
    int m_backoffMs = 500;
    bool m_flatten = false;
    bool m_finished = false;
};

} // namespace

NodeDescriptor iterationNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "iteration";
    d.title = "Iteration";
    d.titleZh = "迭代";
    d.description = "Runs the nodes inside it once for each item of a list, one by one or several at once, and "
                    "collects what each gives, in order.";
    d.descriptionZh = "对列表中的每一项运行一次其中的节点（逐个或并行），按原顺序收集每一项的结果。";
    d.icon = "iteration";
    d.category = "logic";
    d.container = true;
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["items"], "additionalProperties": false,
      "properties": {
        "items": { "type": "string", "title": "List", "format": "template" },
        "output": { "type": "string", "title": "Result of each item", "format": "template" },
        "parallel": { "type": "boolean", "title": "Run items in parallel" },
        "maxParallel": { "type": "integer", "minimum": 1, "maximum": 64, "title": "At most at once" },
        "errorMode": { "enum": ["stop", "continue", "drop"], "title": "When an item fails" },
        "itemRetry": { "type": "object", "additionalProperties": false, "title": "Retry a failed item",
          "properties": { "max": { "type": "integer", "minimum": 0, "maximum": 10 },
                          "backoffMs": { "type": "integer", "minimum": 0, "maximum": 600000 } } },
        "flatten": { "type": "boolean", "title": "Flatten lists into one" }
      }
    })json");
    d.outputs = {{"results", "array", "What each item gave, in the items' order"}};
    d.innerOutputsFor = [](const NodeSpec &, const Workflow &) {
        return std::vector<OutputSpec>{{"item", "any", "The current item"}, {"index", "number", "Its position, from 0"}};
    };
    d.defaultOutputs = [](const NodeSpec &) { return nlohmann::json{{"results", nlohmann::json::array()}}; };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        const auto &config = ctx->node().config;
        nlohmann::json items = ctx->renderValue(valueOr<nlohmann::json>(config, "items", ""));
        if (items.is_string()) {  // a list written out as JSON text (a model's answer, a code result)
            nlohmann::json parsed = parseJson(items.get_ref<const std::string &>());
            if (parsed.is_array())
                items = std::move(parsed);
        }
        if (!items.is_array())
            return done(NodeResult::failure(
                ErrorKind::InvalidInput, "The iteration's list " + valueOr(config, "items", "") + " is " +
                                             (items.is_null() ? std::string("empty") : "not a list but " +
                                                                                          std::string(items.type_name())) +
                                             "."));
        const int limit = ctx->limits().maxIterationItems;
        if (items.size() > static_cast<std::size_t>(limit))
            return done(NodeResult::failure(ErrorKind::Limit, "The list has " + std::to_string(items.size()) +
                                                                  " items, more than the limit of " +
                                                                  std::to_string(limit) + " for one iteration."));
        std::make_shared<IterationRun>(ctx, std::move(done), std::move(items))->start();
    };
    return d;
}

} // namespace flowdeck::engine
