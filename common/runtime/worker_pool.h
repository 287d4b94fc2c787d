// A fixed pool of worker threads with a bounded queue. CPU-heavy work (a
// parse) runs here instead of on gRPC's callback threads; when the queue is
// full Submit() refuses at once, so the caller can answer RESOURCE_EXHAUSTED
// instead of letting latency grow without bound.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace juesuan {

class WorkerPool {
 public:
  // `threads` >= 1 workers; at most `queue_capacity` tasks wait for a worker
  // (tasks already running do not count): at most threads + queue_capacity
  // tasks are accepted and not yet finished at any time.
  WorkerPool(size_t threads, size_t queue_capacity);
  // Runs every task already accepted, then joins the workers.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False (and `task` is dropped) when the queue is full or the pool is
  // stopping.
  [[nodiscard]] bool Submit(std::function<void()> task);

  size_t threads() const { return workers_.size(); }
  size_t queue_capacity() const { return queue_capacity_; }

 private:
  void WorkLoop();

  const size_t queue_capacity_;
  std::mutex mu_;
  std::condition_variable work_available_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  size_t running_ = 0;                       // guarded by mu_
  std::vector<std::thread> workers_;
};

}  // namespace juesuan
