#include "bpack/util/ordered_parallel.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

// Later items finish first, so results arrive out of order.
std::string slow_for_early(std::size_t i, std::size_t n) {
  std::this_thread::sleep_for(std::chrono::microseconds(50 * (n - i)));
  return std::to_string(i * i);
}

}  // namespace

TEST_CASE("ordered_parallel: results are consumed in item order whatever the number of threads") {
  const std::size_t n = 40;
  for (unsigned threads : {1U, 2U, 3U, 8U, 100U}) {
    CAPTURE(threads);
    std::vector<std::size_t> order;
    std::vector<std::string> results;
    bpack::ordered_parallel<std::string>(
        n, threads, [&](std::size_t i) { return slow_for_early(i, n); },
        [&](std::size_t i, std::string&& r) {
          order.push_back(i);
          results.push_back(std::move(r));
        });
    REQUIRE(order.size() == n);
    for (std::size_t i = 0; i < n; ++i) {
      CHECK(order[i] == i);
      CHECK(results[i] == std::to_string(i * i));
    }
  }
}

TEST_CASE("ordered_parallel: no item and one item") {
  int calls = 0;
  bpack::ordered_parallel<int>(
      0, 4, [&](std::size_t) { return 1; }, [&](std::size_t, int&&) { ++calls; });
  CHECK(calls == 0);
  bpack::ordered_parallel<int>(
      1, 4, [&](std::size_t) { return 7; }, [&](std::size_t, int&& r) { calls += r; });
  CHECK(calls == 7);
}

TEST_CASE("ordered_parallel: workers stay within a window of the item being consumed") {
  const std::size_t n = 200;
  const unsigned threads = 3;
  std::atomic<std::size_t> consumed{0};
  std::atomic<std::size_t> furthest_ahead{0};
  bpack::ordered_parallel<int>(
      n, threads,
      [&](std::size_t i) {
        const std::size_t ahead = i - consumed.load();
        std::size_t seen = furthest_ahead.load();
        while (ahead > seen && !furthest_ahead.compare_exchange_weak(seen, ahead)) {
        }
        return 0;
      },
      [&](std::size_t i, int&&) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        consumed = i + 1;
      });
  // An item is taken only while it is less than 2 * threads past the one being consumed
  // (which this counter only passes once consume returns).
  CHECK(furthest_ahead.load() <= 2 * threads);
  CHECK(furthest_ahead.load() > 0);
}

TEST_CASE("ordered_parallel: an exception from consume stops the workers and comes out") {
  std::atomic<std::size_t> worked{0};
  CHECK_THROWS_WITH_AS(bpack::ordered_parallel<int>(
                           1000, 4,
                           [&](std::size_t) {
                             ++worked;
                             return 0;
                           },
                           [&](std::size_t i, int&&) {
                             if (i == 5) {
                               throw std::runtime_error("stop here");
                             }
                           }),
                       "stop here", std::runtime_error);
  CHECK(worked.load() < 1000);
}
