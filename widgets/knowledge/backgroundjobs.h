#pragma once

#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <thread>

namespace flowdeck::studio {

// Work that must not hold up the window (ingesting, searching, embedding a question):
// each job runs on a thread of its own and its answer comes back on the GUI thread. An
// answer whose owner is gone is dropped; the owner waits for its threads as it goes.
class BackgroundJobs : public QObject {
    Q_OBJECT

public:
    explicit BackgroundJobs(QObject *parent = nullptr);
    ~BackgroundJobs() override;

    // `work` runs off the GUI thread and must not touch widgets; `done` gets its answer here.
    template <typename T>
    void run(std::function<T()> work, std::function<void(T)> done)
    {
        start([work = std::move(work), done = std::move(done)]() -> std::function<void()> {
            auto answer = std::make_shared<T>(work());
            return [answer, done] { done(std::move(*answer)); };
        });
    }
    int running() const { return static_cast<int>(m_threads.size()); }

signals:
    void idle();  // the last running job answered

private:
    void start(std::function<std::function<void()>()> work);

    std::map<int, std::thread> m_threads;
    int m_next = 0;
};

} // namespace flowdeck::studio
