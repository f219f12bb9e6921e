#include "widgets/knowledge/backgroundjobs.h"

#include <QMetaObject>

#include <exception>

namespace flowdeck::studio {

BackgroundJobs::BackgroundJobs(QObject *parent) : QObject(parent) {}

BackgroundJobs::~BackgroundJobs()
{
    for (auto &[id, thread] : m_threads)
        if (thread.joinable())
            thread.join();
}

void BackgroundJobs::start(std::function<std::function<void()>()> work)
{
    const int id = m_next++;
    m_threads[id] = std::thread([this, id, work = std::move(work)] {
        std::function<void()> answer;
        try {
            answer = work();
        } catch (const std::exception &e) {  // a job's failure never ends the studio
            qWarning("flowdeck studio: a background job failed: %s", e.what());
        } catch (...) {
            qWarning("flowdeck studio: a background job failed");
        }
        QMetaObject::invokeMethod(this, [this, id, answer = std::move(answer)] {
            auto it = m_threads.find(id);
            if (it != m_threads.end()) {
                if (it->second.joinable())
                    it->second.join();  // it is past its last step
                m_threads.erase(it);
            }
            if (answer)
                answer();
            if (m_threads.empty())
                emit idle();
        }, Qt::QueuedConnection);
    });
}

} // namespace flowdeck::studio
