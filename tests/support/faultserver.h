#pragma once

#include <atomic>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace flowdeck::tests {

// An HTTP server on 127.0.0.1 that misbehaves on purpose, for what real peers cannot
// do: cut a stream, stall, send garbage, answer 429 with Retry-After. Each accepted
// connection reads one request and plays the next script; the last script repeats.
class FaultServer {
public:
    struct Step {
        std::string send;   // bytes written as they are
        int sleepMs = 0;    // then wait
        bool close = false; // then close the connection
    };
    using Script = std::vector<Step>;

    FaultServer();
    ~FaultServer();

    void addScript(Script script);
    int port() const { return m_port; }
    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    std::vector<std::string> requests() const;  // every request received, head and body
    int connections() const { return m_connections; }

    // Helpers for common answers.
    static std::string httpHead(int status, const std::string &contentType,
                                const std::vector<std::string> &extraHeaders = {}, long contentLength = -1);
    static Script json(int status, const std::string &body, const std::vector<std::string> &extraHeaders = {});
    static std::string sseChunk(const std::string &data);  // one chunked-encoding piece holding "data: ...\n\n"

private:
    void acceptLoop();
    void serve(int fd);

    int m_listenFd = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_connections{0};
    std::thread m_acceptThread;
    mutable std::mutex m_mutex;
    std::deque<Script> m_scripts;
    std::vector<std::string> m_requests;
    std::vector<std::thread> m_workers;
    std::vector<int> m_clientFds;
};

} // namespace flowdeck::tests
