#include "runtime/serve/diskworker.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

namespace flowdeck::runtime {

DiskWorker::DiskWorker(boost::asio::io_context &io) : m_io(io), m_thread([this] { loop(); }) {}

DiskWorker::~DiskWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void DiskWorker::run(std::function<std::string()> work, std::function<void(std::string)> done)
{
    std::weak_ptr<int> alive = m_alive;
    {
        std::lock_guard lock(m_mutex);
        // The loop has work while a job is out (its answer is still to come).
        auto guard = std::make_shared<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>>(
            m_io.get_executor());
        m_jobs.push_back([this, alive, guard, work = std::move(work), done = std::move(done)]() mutable {
            std::string error;
            try {
                error = work();
            } catch (const std::exception &e) {
                error = e.what();
            }
            boost::asio::post(m_io, [alive, done = std::move(done), error = std::move(error)]() mutable {
                if (alive.lock())
                    done(std::move(error));
            });
            guard->reset();
        });
    }
    m_wake.notify_one();
}

void DiskWorker::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_jobs.empty())
            return;  // stopping, with nothing left to write
        auto job = std::move(m_jobs.front());
        m_jobs.pop_front();
        lock.unlock();
        job();
        lock.lock();
    }
}

} // namespace flowdeck::runtime
