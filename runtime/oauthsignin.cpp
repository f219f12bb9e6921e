#include "runtime/oauthsignin.h"

#include "engine/net/httpclient.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <spawn.h>
#include <sys/wait.h>

#include <iostream>

extern char **environ;

namespace flowdeck::runtime {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// One sign-in's loopback listener: accepts connections until one asks for /callback.
struct Loopback : std::enable_shared_from_this<Loopback> {
    explicit Loopback(asio::io_context &io) : acceptor(io), timer(io) {}

    tcp::acceptor acceptor;
    asio::steady_timer timer;
    std::function<void(std::string, std::string)> done;

    std::string start()
    {
        tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
        acceptor.open(endpoint.protocol());
        acceptor.bind(endpoint);
        acceptor.listen();
        return "http://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port()) + "/callback";
    }

    void finish(std::string url, std::string error)
    {
        timer.cancel();
        boost::system::error_code ec;
        acceptor.close(ec);
        if (auto d = std::move(done))
            d(std::move(url), std::move(error));
    }

    void accept()
    {
        auto socket = std::make_shared<tcp::socket>(acceptor.get_executor());
        acceptor.async_accept(*socket, [self = shared_from_this(), socket](const boost::system::error_code &ec) {
            if (ec)
                return;
            auto buffer = std::make_shared<asio::streambuf>(16 * 1024);
            asio::async_read_until(*socket, *buffer, "\r\n\r\n",
                                   [self, socket, buffer](const boost::system::error_code &ec, std::size_t) {
                                       self->answer(socket, buffer, ec);
                                   });
        });
    }

    void answer(std::shared_ptr<tcp::socket> socket, std::shared_ptr<asio::streambuf> buffer,
                const boost::system::error_code &ec)
    {
        std::string line;
        if (!ec) {
            std::istream in(buffer.get());
            std::getline(in, line);
        }
        // "GET /callback?code=...&state=... HTTP/1.1"
        const auto first = line.find(' '), last = line.rfind(' ');
        const std::string target = first != std::string::npos && last > first ? line.substr(first + 1, last - first - 1) : "";
        const bool ours = target.rfind("/callback", 0) == 0;
        const std::string page = ours ? "<!doctype html><meta charset=utf-8><title>Flowdeck</title>"
                                        "<p>Signed in. You can close this window and return to Flowdeck.</p>"
                                        "<p>已登录。可以关闭此窗口，回到 Flowdeck。</p>"
                                      : "Not found";
        auto response = std::make_shared<std::string>(
            std::string(ours ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") +
            "\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\nContent-Length: " +
            std::to_string(page.size()) + "\r\n\r\n" + page);
        asio::async_write(*socket, asio::buffer(*response), [socket, response](const boost::system::error_code &, std::size_t) {
            boost::system::error_code ignored;
            socket->shutdown(tcp::socket::shutdown_both, ignored);
        });
        if (ours)
            finish("http://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port()) + target, {});
        else
            accept();
    }
};

void openInBrowser(const std::string &url)
{
    pid_t pid = 0;
    const char *argv[] = {"xdg-open", url.c_str(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    if (posix_spawnp(&pid, "xdg-open", &actions, nullptr, const_cast<char **>(argv), environ) == 0)
        waitpid(pid, nullptr, WNOHANG);  // xdg-open returns at once; it is reaped when it does, or at exit
    posix_spawn_file_actions_destroy(&actions);
}

} // namespace

engine::McpOAuthHost browserOAuthHost(asio::io_context &io)
{
    auto current = std::make_shared<std::shared_ptr<Loopback>>();
    engine::McpOAuthHost host;
    host.redirectUri = [&io, current] {
        *current = std::make_shared<Loopback>(io);
        return (*current)->start();
    };
    host.authorize = [current](const std::string &url, std::function<void(std::string, std::string)> done) {
        auto loopback = *current;
        if (!loopback)
            return done({}, "no redirect listener was started");
        loopback->done = std::move(done);
        std::cerr << "flowdeck: the MCP server asks you to sign in. Opening your browser; if it does not open, visit:\n  "
                  << url << "\n";
        openInBrowser(url);
        loopback->timer.expires_after(std::chrono::minutes(5));
        loopback->timer.async_wait([loopback](const boost::system::error_code &ec) {
            if (!ec)
                loopback->finish({}, "no sign-in arrived within 5 minutes");
        });
        loopback->accept();
    };
    return host;
}

engine::McpOAuthHost headlessOAuthHost(asio::io_context &io)
{
    auto http = std::make_shared<engine::HttpClient>(io);
    engine::McpOAuthHost host;
    host.redirectUri = [] { return std::string("http://127.0.0.1/callback"); };
    host.authorize = [http](const std::string &url, std::function<void(std::string, std::string)> done) {
        engine::HttpRequest request;
        request.url = url;
        request.timeoutMs = 15000;
        engine::HttpCallbacks cb;
        cb.onComplete = [done](engine::HttpResponse response, engine::HttpError error) {
            const std::string location = response.header("location");
            if (error || response.status / 100 != 3 || location.empty())
                return done({}, error ? error.message
                                      : "the authorization page answered HTTP " + std::to_string(response.status) +
                                            " instead of redirecting; it needs a person to sign in");
            done(location, {});
        };
        http->start(std::move(request), std::move(cb));
    };
    return host;
}

} // namespace flowdeck::runtime
