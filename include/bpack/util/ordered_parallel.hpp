#pragma once

// Runs one job per item on several threads and hands the results back on the calling
// thread in item order, so output is the same whatever the number of threads. At most
// `window` results are done or under way ahead of the one being consumed, so memory is
// bounded by a few items however many there are.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace bpack {

// work(i) -> Result runs on a worker thread and must not throw (catch inside and put the
// error in Result). consume(i, Result&&) runs on the calling thread, for i = 0, 1, ... n-1
// in order; if it throws, the workers stop taking items and the exception comes out here.
template <class Result, class Work, class Consume>
void ordered_parallel(std::size_t n, unsigned threads, Work&& work, Consume&& consume) {
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) {
      consume(i, work(i));
    }
    return;
  }
  const std::size_t window = 2 * static_cast<std::size_t>(threads);
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, Result> done;
  std::size_t next = 0;      // the next item a worker takes
  std::size_t consumed = 0;  // items handed to consume
  bool stop = false;

  const auto worker = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next >= n || next < consumed + window; });
        if (stop || next >= n) {
          return;
        }
        i = next++;
      }
      Result result = work(i);
      {
        const std::lock_guard lock(mutex);
        done.emplace(i, std::move(result));
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  const auto finish = [&] {
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    for (auto& t : pool) {
      t.join();
    }
  };
  try {
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back(worker);
    }
    for (std::size_t i = 0; i < n; ++i) {
      Result result;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return done.contains(i); });
        auto it = done.find(i);
        result = std::move(it->second);
        done.erase(it);
        consumed = i + 1;
      }
      changed.notify_all();
      consume(i, std::move(result));
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

}  // namespace bpack
