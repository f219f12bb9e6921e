#include "tests/support/faultserver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>

namespace flowdeck::tests {

FaultServer::FaultServer()
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(m_listenFd, 64) != 0)
        throw std::runtime_error("FaultServer: cannot listen on 127.0.0.1");
    socklen_t len = sizeof addr;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

FaultServer::~FaultServer()
{
    m_stopping = true;
    ::shutdown(m_listenFd, SHUT_RDWR);
    m_acceptThread.join();
    ::close(m_listenFd);
    {
        std::lock_guard lock(m_mutex);
        for (int fd : m_clientFds)
            ::shutdown(fd, SHUT_RDWR);
    }
    for (auto &t : m_workers)
        t.join();
}

void FaultServer::addScript(Script script)
{
    std::lock_guard lock(m_mutex);
    m_scripts.push_back(std::move(script));
}

std::vector<std::string> FaultServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void FaultServer::acceptLoop()
{
    while (!m_stopping) {
        pollfd p{m_listenFd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        ++m_connections;
        std::lock_guard lock(m_mutex);
        m_clientFds.push_back(fd);
        m_workers.emplace_back([this, fd] { serve(fd); });
    }
}

void FaultServer::serve(int fd)
{
    // Read the head, then the body by Content-Length.
    std::string request;
    char buf[4096];
    std::size_t headEnd = std::string::npos;
    std::size_t want = 0;
    while (true) {
        if (headEnd != std::string::npos && request.size() >= headEnd + 4 + want)
            break;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        request.append(buf, static_cast<std::size_t>(n));
        if (headEnd == std::string::npos && (headEnd = request.find("\r\n\r\n")) != std::string::npos) {
            std::string head = request.substr(0, headEnd);
            for (auto &c : head)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            auto pos = head.find("content-length:");
            if (pos != std::string::npos)
                want = std::stoul(head.substr(pos + 15));
        }
    }
    Script script;
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(request);
        if (!m_scripts.empty()) {
            script = m_scripts.front();
            if (m_scripts.size() > 1)
                m_scripts.pop_front();
        }
    }
    for (const auto &step : script) {
        if (m_stopping)
            break;
        if (!step.send.empty())
            ::send(fd, step.send.data(), step.send.size(), MSG_NOSIGNAL);
        for (int waited = 0; waited < step.sleepMs && !m_stopping; waited += 10)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (step.close)
            break;
    }
    ::shutdown(fd, SHUT_RDWR);
    std::lock_guard lock(m_mutex);
    for (auto it = m_clientFds.begin(); it != m_clientFds.end(); ++it)
        if (*it == fd) {
            m_clientFds.erase(it);
            break;
        }
    ::close(fd);
}

std::string FaultServer::httpHead(int status, const std::string &contentType,
                                  const std::vector<std::string> &extraHeaders, long contentLength)
{
    std::string head = "HTTP/1.1 " + std::to_string(status) + " Status\r\nContent-Type: " + contentType + "\r\n";
    for (const auto &h : extraHeaders)
        head += h + "\r\n";
    if (contentLength >= 0)
        head += "Content-Length: " + std::to_string(contentLength) + "\r\n";
    else
        head += "Transfer-Encoding: chunked\r\n";
    head += "Connection: close\r\n\r\n";
    return head;
}

FaultServer::Script FaultServer::json(int status, const std::string &body, const std::vector<std::string> &extraHeaders)
{
    return {{httpHead(status, "application/json", extraHeaders, static_cast<long>(body.size())) + body, 0, true}};
}

std::string FaultServer::sseChunk(const std::string &data)
{
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    return std::string(size) + data + "\r\n";
}

} // namespace flowdeck::tests
