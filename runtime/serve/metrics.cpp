#include "runtime/serve/metrics.h"

#include <sstream>

namespace flowdeck::runtime {

namespace {

// A label value with \, " and newlines escaped.
std::string label(const std::string &value)
{
    std::string out;
    for (char c : value)
        out += c == '\\' ? std::string("\\\\") : c == '"' ? std::string("\\\"") : c == '\n' ? std::string("\\n") : std::string(1, c);
    return out;
}

} // namespace

void Metrics::request(const std::string &app, const std::string &route, unsigned status, double seconds)
{
    ++m_requests[{app, route, status}];
    Histogram &h = m_latency[{app, route}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i])
            ++h.counts[i];
    ++h.total;
    h.sum += seconds;
}

void Metrics::run(const std::string &app, const std::string &status) { ++m_runs[{app, status}]; }

void Metrics::nodeFailure(const std::string &app, const std::string &nodeType) { ++m_nodeFailures[{app, nodeType}]; }

void Metrics::tokens(const std::string &app, long long prompt, long long completion)
{
    m_tokens[{app, "prompt"}] += static_cast<unsigned long long>(prompt);
    m_tokens[{app, "completion"}] += static_cast<unsigned long long>(completion);
}

void Metrics::guardFinding(const std::string &app, const std::string &stage, const std::string &category)
{
    ++m_guardFindings[{app, stage, category}];
}

void Metrics::guardBlocked(const std::string &app, const std::string &stage) { ++m_guardBlocked[{app, stage}]; }

std::string Metrics::text(const std::function<bool(const std::string &)> &shown) const
{
    // Series of apps the caller may not see are left out ("" is the runtime's own).
    const auto show = [&](const std::string &app) { return app.empty() || !shown || shown(app); };
    std::ostringstream out;
    out << "# HELP flowdeck_http_requests_total HTTP requests answered, by app, route and status.\n"
        << "# TYPE flowdeck_http_requests_total counter\n";
    for (const auto &[key, n] : m_requests)
        if (show(std::get<0>(key)))
            out << "flowdeck_http_requests_total{app=\"" << label(std::get<0>(key)) << "\",route=\"" << label(std::get<1>(key))
            << "\",status=\"" << std::get<2>(key) << "\"} " << n << "\n";
    out << "# HELP flowdeck_http_request_duration_seconds Time from a request to the end of its answer.\n"
        << "# TYPE flowdeck_http_request_duration_seconds histogram\n";
    for (const auto &[key, h] : m_latency) {
        if (!show(key.first))
            continue;
        const std::string labels = "app=\"" + label(key.first) + "\",route=\"" + label(key.second) + "\"";
        for (std::size_t i = 0; i < kBuckets.size(); ++i)
            out << "flowdeck_http_request_duration_seconds_bucket{" << labels << ",le=\"" << kBuckets[i] << "\"} "
                << h.counts[i] << "\n";
        out << "flowdeck_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << h.total << "\n"
            << "flowdeck_http_request_duration_seconds_sum{" << labels << "} " << h.sum << "\n"
            << "flowdeck_http_request_duration_seconds_count{" << labels << "} " << h.total << "\n";
    }
    out << "# HELP flowdeck_runs_total Workflow runs, by app and outcome.\n# TYPE flowdeck_runs_total counter\n";
    for (const auto &[key, n] : m_runs)
        if (show(key.first))
            out << "flowdeck_runs_total{app=\"" << label(key.first) << "\",status=\"" << label(key.second) << "\"} " << n << "\n";
    out << "# HELP flowdeck_node_failures_total Nodes that failed, by app and node type.\n"
        << "# TYPE flowdeck_node_failures_total counter\n";
    for (const auto &[key, n] : m_nodeFailures)
        if (show(key.first))
            out << "flowdeck_node_failures_total{app=\"" << label(key.first) << "\",type=\"" << label(key.second) << "\"} " << n
            << "\n";
    out << "# HELP flowdeck_tokens_total Model tokens used, by app and kind.\n# TYPE flowdeck_tokens_total counter\n";
    for (const auto &[key, n] : m_tokens)
        if (show(key.first))
            out << "flowdeck_tokens_total{app=\"" << label(key.first) << "\",kind=\"" << label(key.second) << "\"} " << n << "\n";
    out << "# HELP flowdeck_guard_findings_total What the app guard policies found, by app, stage and category.\n"
        << "# TYPE flowdeck_guard_findings_total counter\n";
    for (const auto &[key, n] : m_guardFindings)
        if (show(std::get<0>(key)))
            out << "flowdeck_guard_findings_total{app=\"" << label(std::get<0>(key)) << "\",stage=\"" << label(std::get<1>(key))
                << "\",category=\"" << label(std::get<2>(key)) << "\"} " << n << "\n";
    out << "# HELP flowdeck_guard_blocked_total Runs the app guard policies blocked, by app and stage.\n"
        << "# TYPE flowdeck_guard_blocked_total counter\n";
    for (const auto &[key, n] : m_guardBlocked)
        if (show(key.first))
            out << "flowdeck_guard_blocked_total{app=\"" << label(key.first) << "\",stage=\"" << label(key.second) << "\"} " << n
                << "\n";
    for (const auto &[name, value] : m_gauges)
        out << "# TYPE " << name << " gauge\n" << name << " " << value << "\n";
    return out.str();
}

} // namespace flowdeck::runtime
