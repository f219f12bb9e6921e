#pragma once

#include <array>
#include <functional>
#include <map>
#include <string>
#include <tuple>

namespace flowdeck::runtime {

// The runtime's figures in Prometheus text format (/metrics): requests by app, route
// and status with a latency histogram; runs by outcome; node failures; tokens; what the
// app guard policies found (by stage and category) and blocked.
class Metrics {
public:
    void request(const std::string &app, const std::string &route, unsigned status, double seconds);
    void run(const std::string &app, const std::string &status);
    void nodeFailure(const std::string &app, const std::string &nodeType);
    void tokens(const std::string &app, long long prompt, long long completion);
    void guardFinding(const std::string &app, const std::string &stage, const std::string &category);
    void guardBlocked(const std::string &app, const std::string &stage);
    void setGauge(const std::string &name, double value) { m_gauges[name] = value; }
    // The text; with `shown`, only the series of apps it says yes to (and the runtime's own).
    std::string text(const std::function<bool(const std::string &app)> &shown = {}) const;

private:
    static constexpr std::array<double, 12> kBuckets{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 30};
    struct Histogram {
        std::array<unsigned long long, kBuckets.size()> counts{};
        unsigned long long total = 0;
        double sum = 0;
    };
    std::map<std::tuple<std::string, std::string, unsigned>, unsigned long long> m_requests;
    std::map<std::pair<std::string, std::string>, Histogram> m_latency;
    std::map<std::pair<std::string, std::string>, unsigned long long> m_runs;
    std::map<std::pair<std::string, std::string>, unsigned long long> m_nodeFailures;
    std::map<std::pair<std::string, std::string>, unsigned long long> m_tokens;
    std::map<std::tuple<std::string, std::string, std::string>, unsigned long long> m_guardFindings;
    std::map<std::pair<std::string, std::string>, unsigned long long> m_guardBlocked;
    std::map<std::string, double> m_gauges;
};

} // namespace flowdeck::runtime
