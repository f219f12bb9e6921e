// The runtime's HTTP server (runtime/serve/httpserver.h): request parsing, keep-alive and
// pipelining, the header and body limits, HEAD, and the lingering close. The server has
// no parser apart from its sockets, so one server listens on 127.0.0.1 (ephemeral port)
// for the whole run, and each input is what one client connection sends: written, then
// the client's side shut, then everything the server answers is read until it closes.
// Client and server share one io_context on this thread: no timing is involved, and an
// input that leaves the server waiting shows up as a libFuzzer timeout.
#include "runtime/serve/httpserver.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

using namespace flowdeck::runtime;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

struct Fixture {
    net::io_context io;
    std::unique_ptr<HttpServer> server;
    tcp::endpoint endpoint;

    Fixture()
    {
        ServerLimits limits;
        limits.bodyBytes = 1024;  // small, so that 413 and 431 are within reach
        limits.headerBytes = 1024;
        server = std::make_unique<HttpServer>(io, [](Request &request, ReplyPtr reply) {
            const std::string target(request.target());
            if (target.rfind("/stream", 0) == 0) {  // a chunked answer, as the run APIs stream
                reply->begin(200, "text/event-stream", {{"Cache-Control", "no-cache"}});
                reply->write("data: " + std::to_string(request.body().size()) + "\n\n");
                reply->write("");
                return reply->end();
            }
            if (target.rfind("/throw", 0) == 0)
                throw std::runtime_error("the handler failed");  // answered 500 by the server
            reply->send(200, "text/plain", "ok " + std::to_string(request.body().size()), {{"X-Fuzz", "1"}});
        }, limits);
        std::string error;
        if (!server->listen("127.0.0.1", 0, error)) {
            std::fprintf(stderr, "fuzz_http_request: %s\n", error.c_str());
            std::abort();
        }
        endpoint = tcp::endpoint(net::ip::make_address("127.0.0.1"), server->port());
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Fixture *fixture = new Fixture;  // lives for the whole run, never torn down
    auto &io = fixture->io;

    tcp::socket client(io);
    // The listen backlog takes it; it is accepted below. libFuzzer's timer signal can
    // interrupt the call, which the kernel then finishes: ask again until it has.
    boost::system::error_code connected;
    do
        client.connect(fixture->endpoint, connected);
    while (connected == net::error::interrupted || connected == net::error::already_started);
    if (connected == net::error::already_connected)
        connected = {};
    if (connected) {
        std::fprintf(stderr, "fuzz_http_request: cannot connect: %s\n", connected.message().c_str());
        std::abort();
    }
    const std::string sent(reinterpret_cast<const char *>(data), size);
    std::string answer;
    std::array<char, 4096> buffer;
    bool done = false, written = false;
    std::function<void()> readMore = [&] {
        client.async_read_some(net::buffer(buffer), [&](boost::system::error_code ec, std::size_t n) {
            answer.append(buffer.data(), n);
            if (ec)
                done = true;  // end of stream (or a reset): the server is through with us
            else
                readMore();
        });
    };
    net::async_write(client, net::buffer(sent), [&](boost::system::error_code ec, std::size_t) {
        written = true;
        boost::system::error_code ignored;
        if (!ec)
            client.shutdown(tcp::socket::shutdown_send, ignored);
    });
    readMore();
    io.restart();
    while (!done || !written)  // both handlers refer to this frame: wait for both
        io.run_one();
    // An abortive close: no TIME_WAIT, so a long run does not use up the ephemeral ports.
    boost::system::error_code ignored;
    client.set_option(net::socket_base::linger(true, 0), ignored);
    client.close(ignored);
    // Let the server finish with its side of the connection before the next input.
    while (fixture->server->connections() > 0 && io.run_one() > 0) {
    }
    if (!answer.empty() && answer.rfind("HTTP/1.1 ", 0) != 0)
        std::abort();  // every answer starts with a status line
    return 0;
}
