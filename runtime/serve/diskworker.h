#pragma once

#include <boost/asio/io_context.hpp>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace flowdeck::runtime {

// Writes to the disk for the serving loop: a job runs on a thread of its own (an atomic
// write's fsync can take long when the disk is busy) and its answer comes back on the
// loop. Answers still on their way when the worker is destroyed are dropped.
class DiskWorker {
public:
    explicit DiskWorker(boost::asio::io_context &io);
    ~DiskWorker();
    DiskWorker(const DiskWorker &) = delete;
    DiskWorker &operator=(const DiskWorker &) = delete;

    // `work` returns "" on success or what went wrong; `done` gets that on the loop.
    void run(std::function<std::string()> work, std::function<void(std::string error)> done);

private:
    void loop();

    boost::asio::io_context &m_io;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace flowdeck::runtime
