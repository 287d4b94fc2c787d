#include "common/runtime/worker_pool.h"

#include <atomic>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"

namespace juesuan {
namespace {

TEST(WorkerPoolTest, RunsEveryAcceptedTaskBeforeDestruction) {
  std::atomic<int> done{0};
  {
    WorkerPool pool(2, 100);
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(pool.Submit([&] { ++done; }));
  }
  EXPECT_EQ(done.load(), 100);
}

TEST(WorkerPoolTest, RefusesWhenQueueIsFull) {
  WorkerPool pool(1, 2);
  absl::Notification release;
  absl::Notification busy;
  ASSERT_TRUE(pool.Submit([&] {
    busy.Notify();
    release.WaitForNotification();
  }));
  ASSERT_TRUE(busy.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_TRUE(pool.Submit([] {}));   // queued 1/2
  EXPECT_TRUE(pool.Submit([] {}));   // queued 2/2
  EXPECT_FALSE(pool.Submit([] {}));  // full: refused at once
  release.Notify();
}

TEST(WorkerPoolTest, ZeroCapacityAcceptsOnlyWhatIdleWorkersTake) {
  WorkerPool pool(1, 0);
  absl::Notification release;
  EXPECT_TRUE(pool.Submit([&] { release.WaitForNotification(); }));
  EXPECT_FALSE(pool.Submit([] {}));
  release.Notify();
}

// Submitted faster than the workers wake up: still exactly threads + queue.
TEST(WorkerPoolTest, BurstAdmitsExactlyThreadsPlusQueue) {
  absl::Notification release;
  std::atomic<int> ran{0};
  int accepted = 0;
  {
    WorkerPool pool(2, 3);
    for (int i = 0; i < 12; ++i) {
      accepted += pool.Submit([&] {
        release.WaitForNotification();
        ++ran;
      });
    }
    release.Notify();
  }
  EXPECT_EQ(accepted, 5);
  EXPECT_EQ(ran.load(), 5);
}

TEST(WorkerPoolTest, UsesAllThreads) {
  WorkerPool pool(3, 3);
  absl::Mutex mu;
  std::set<std::thread::id> ids;
  absl::Notification release;
  std::atomic<int> started{0};
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(pool.Submit([&] {
      {
        absl::MutexLock lock(&mu);
        ids.insert(std::this_thread::get_id());
      }
      ++started;
      release.WaitForNotification();
    }));
  }
  // Three tasks block at once only if three threads run them.
  for (int i = 0; i < 500 && started.load() < 3; ++i) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  release.Notify();
  EXPECT_EQ(started.load(), 3);
  EXPECT_EQ(pool.threads(), 3u);
  absl::MutexLock lock(&mu);
  EXPECT_EQ(ids.size(), 3u);
}

}  // namespace
}  // namespace juesuan
