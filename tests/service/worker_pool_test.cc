#include "common/runtime/worker_pool.h"

#include <atomic>
#include <set>
#include <thread>
#include <vector>

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

TEST(WorkerPoolTest, RunHereOrSubmitRunsOnTheCallerWhileAWorkerIsIdle) {
  WorkerPool pool(2, 2);
  std::thread::id ran_on;
  ASSERT_TRUE(pool.RunHereOrSubmit([&] { ran_on = std::this_thread::get_id(); }));
  EXPECT_EQ(ran_on, std::this_thread::get_id());  // done before it returned
}

// With every slot taken (here by callers), a task queues; it starts only when
// a slot frees, and a full queue refuses: the pool's bounds hold whoever runs.
TEST(WorkerPoolTest, RunHereOrSubmitKeepsThePoolsBounds) {
  WorkerPool pool(2, 1);
  absl::Notification release;
  std::atomic<int> busy{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < 2; ++i) {
    callers.emplace_back([&] {
      EXPECT_TRUE(pool.RunHereOrSubmit([&] {
        ++busy;
        release.WaitForNotification();
      }));
    });
  }
  for (int i = 0; i < 500 && busy.load() < 2; ++i) absl::SleepFor(absl::Milliseconds(10));
  ASSERT_EQ(busy.load(), 2);

  const std::thread::id here = std::this_thread::get_id();
  absl::Notification queued_ran;
  std::thread::id queued_on;
  ASSERT_TRUE(pool.RunHereOrSubmit([&] {
    queued_on = std::this_thread::get_id();
    queued_ran.Notify();
  }));
  EXPECT_FALSE(pool.RunHereOrSubmit([] {}));  // queue full
  EXPECT_FALSE(pool.Submit([] {}));
  // Two workers are idle, yet the queued task waits: two tasks already run.
  EXPECT_FALSE(queued_ran.WaitForNotificationWithTimeout(absl::Milliseconds(100)));

  release.Notify();
  for (std::thread& caller : callers) caller.join();
  ASSERT_TRUE(queued_ran.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_NE(queued_on, here);  // a worker ran it
}

// The destructor waits for a task a caller is still running.
TEST(WorkerPoolTest, DestructionWaitsForTasksRunByCallers) {
  std::atomic<bool> finished{false};
  absl::Notification started;
  std::thread caller;
  {
    WorkerPool pool(1, 0);
    caller = std::thread([&] {
      EXPECT_TRUE(pool.RunHereOrSubmit([&] {
        started.Notify();
        absl::SleepFor(absl::Milliseconds(200));
        finished = true;
      }));
    });
    ASSERT_TRUE(started.WaitForNotificationWithTimeout(absl::Seconds(10)));
  }
  EXPECT_TRUE(finished.load());
  caller.join();
}

}  // namespace
}  // namespace juesuan
