// kill -9 at random points of an ingest, ten times: after each, the index passes SQLite's
// integrity and foreign key checks and FTS5's integrity-check; running the same ingest to
// its end then gives exactly the index an uninterrupted ingest gives.

#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_support.hpp"
#include "reliability/child_process.hpp"
#include "reliability/index_state.hpp"
#include "reliability/pack_set.hpp"

namespace {

using bpack::test::ChildProcess;

TEST_CASE("reliability: ingest killed at random points leaves a sound index that a re-run completes") {
  bpack::test::ScratchDir dir;
  const auto packs = bpack::test::write_pack_set(dir.file(""), 60);
  std::vector<std::string> ingest = {"ingest"};
  ingest.insert(ingest.end(), packs.begin(), packs.end());

  const auto with_db = [&](const std::string& db) {
    std::vector<std::string> args = {"--db", db};
    args.insert(args.end(), ingest.begin(), ingest.end());
    return args;
  };
  const std::string clean = dir.file("clean.db");
  const auto whole = std::chrono::steady_clock::now();
  REQUIRE(bpack::test::run_bpack(with_db(clean)).status == 0);
  const auto took = std::chrono::steady_clock::now() - whole;

  // Kill points spread over the time a whole ingest takes, from a fixed seed. Each run goes
  // on from what the runs before it left (the batches they committed); a run that ended
  // before its kill leaves nothing to do, so the next one starts from an empty index again.
  std::mt19937 random(14);
  const auto span = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
  std::uniform_int_distribution<long> when(1, std::max<long>(2, static_cast<long>(span)));
  const std::string db = dir.file("killed.db");
  int killed_midway = 0;
  for (int run = 0; run < 10; ++run) {
    INFO("run " << run);
    ChildProcess child(with_db(db), dir.file("child"));
    std::this_thread::sleep_for(std::chrono::milliseconds(when(random)));
    child.kill_hard();
    const bool killed = child.wait() == -1;
    killed_midway += killed ? 1 : 0;
    if (std::filesystem::exists(db)) {
      CHECK(bpack::test::index_checks(db) == "ok");
    }
    if (!killed && run < 9) {
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(db + suffix);
      }
    }
  }
  // Runs must really have been cut short, or the test proves nothing.
  MESSAGE("whole ingest " << span << " ms; " << killed_midway << " of 10 runs killed before their end");
  CHECK(killed_midway >= 5);
  const auto rerun = bpack::test::run_bpack(with_db(db));
  CHECK(rerun.status == 0);
  CHECK(bpack::test::index_checks(db) == "ok");
  CHECK(bpack::test::index_state(db) == bpack::test::index_state(clean));
}

}  // namespace
