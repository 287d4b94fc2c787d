#include "common/runtime/worker_pool.h"

#include <algorithm>
#include <utility>

namespace juesuan {

WorkerPool::WorkerPool(size_t threads, size_t queue_capacity)
    : queue_capacity_(queue_capacity) {
  threads = std::max<size_t>(threads, 1);
  workers_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkLoop(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_available_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

bool WorkerPool::Submit(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    // Tasks not yet picked up count against the idle workers first, so a
    // burst admits exactly threads + queue_capacity however quickly the
    // workers wake up.
    if (stopping_ || queue_.size() + running_ >= workers_.size() + queue_capacity_) {
      return false;
    }
    queue_.push_back(std::move(task));
  }
  work_available_.notify_one();
  return true;
}

void WorkerPool::WorkLoop() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_available_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      task = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    task();
    std::lock_guard<std::mutex> lock(mu_);
    --running_;
  }
}

}  // namespace juesuan
