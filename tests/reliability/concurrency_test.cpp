// Two writers and readers at once, and a writer whose standard input is slow: nothing is
// lost, nobody fails, and a writer waiting for its input does not hold the others up.

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_support.hpp"
#include "reliability/child_process.hpp"
#include "reliability/index_state.hpp"
#include "reliability/pack_set.hpp"

namespace {

using bpack::test::ChildProcess;
using bpack::test::run_bpack;

TEST_CASE("reliability: two writers and readers at once lose nothing") {
  bpack::test::ScratchDir dir;
  const std::string db = dir.file("index.db");
  const auto first = bpack::test::write_pack_set(dir.file(""), 16, "first");
  const auto second = bpack::test::write_pack_set(dir.file(""), 16, "second");
  REQUIRE(run_bpack({"--db", db, "ingest", bpack::test::corpus_file("blmk-2021-04-07.txt")}).status == 0);

  std::vector<std::string> a = {"--db", db, "ingest"};
  a.insert(a.end(), first.begin(), first.end());
  std::vector<std::string> b = {"--db", db, "ingest"};
  b.insert(b.end(), second.begin(), second.end());
  ChildProcess writer_a(a, dir.file("a"));
  ChildProcess writer_b(b, dir.file("b"));

  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::atomic<int> failed_reads{0};
  std::thread readers([&] {
    while (!done) {
      for (const auto& query : std::vector<std::vector<std::string>>{
               {"--db", db, "actions"}, {"--db", db, "search", "board"}, {"--db", db, "show"}}) {
        const auto run = run_bpack(query);
        ++reads;
        if (run.status != 0) {
          ++failed_reads;
          MESSAGE("reader failed: " << run.err);
        }
      }
    }
  });
  const int status_a = writer_a.wait();
  const int status_b = writer_b.wait();
  done = true;
  readers.join();

  CHECK_MESSAGE(status_a == 0, writer_a.err());
  CHECK_MESSAGE(status_b == 0, writer_b.err());
  CHECK(reads > 0);
  CHECK(failed_reads == 0);
  CHECK(bpack::test::index_state(db).counts.at("packs") == 33);
  CHECK(bpack::test::index_checks(db) == "ok");
}

TEST_CASE("reliability: a writer waiting for its standard input does not lock out other writers") {
  bpack::test::ScratchDir dir;
  const std::string db = dir.file("index.db");
  REQUIRE(run_bpack({"--db", db, "ingest", bpack::test::corpus_file("blmk-2021-04-07.txt")}).status == 0);

  ChildProcess slow({"--db", db, "ingest", "-"}, dir.file("slow"), true);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // it is now waiting for input
  // Another writer gets in at once, well within its one second of waiting.
  const auto other =
      run_bpack({"--db", db, "ingest", "--lock-wait", "1", bpack::test::corpus_file("blmk-2022-02-09.txt")});
  CHECK_MESSAGE(other.status == 0, other.err);
  CHECK(other.err.find("1 added") != std::string::npos);

  slow.write(bpack::test::read_text(bpack::test::corpus_file("blmk-2021-04-07.txt")) + "\nA third version.\n");
  slow.close_stdin();
  CHECK_MESSAGE(slow.wait() == 0, slow.err());
  CHECK(slow.err().find("1 added") != std::string::npos);
  CHECK(bpack::test::index_state(db).counts.at("packs") == 3);
}

TEST_CASE("reliability: a writer that cannot get the lock says which index and how to retry, and counts") {
  bpack::test::ScratchDir dir;
  const std::string db = dir.file("index.db");
  REQUIRE(run_bpack({"--db", db, "ingest", bpack::test::corpus_file("blmk-2021-04-07.txt")}).status == 0);
  const auto before = bpack::test::index_state(db);
  // The sqlite3 shell takes the write lock, says so, and keeps it until told to let go.
  const std::string locked = dir.file("locked");
  const std::string release = dir.file("release");
  const std::string lock_script = dir.file("lock.sh");
  {
    std::ofstream out(lock_script);
    out << "exec sqlite3 '" << db << "' 'BEGIN IMMEDIATE;' \".shell touch '" << locked << "'; while [ ! -e '" << release
        << "' ]; do sleep 0.05; done\" 'COMMIT;'\n";
  }
  std::thread holder([&] { bpack::test::run_program("/bin/sh", {lock_script}); });
  for (int i = 0; i < 600 && !std::filesystem::exists(locked); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const bool holding = std::filesystem::exists(locked);
  bpack::test::Run run;
  if (holding) {
    run = run_bpack({"--db", db, "ingest", "--lock-wait", "0.5", bpack::test::corpus_file("blmk-2022-02-09.txt")});
  }
  std::ofstream(release).put('\n');
  holder.join();
  REQUIRE_MESSAGE(holding, "the sqlite3 shell did not take the lock");
  CHECK(run.status == 1);
  CHECK(run.err.find(db + ": the index is locked by another process (waited 0.5 s)") != std::string::npos);
  CHECK(run.err.find("run the same command again once the other process is done") != std::string::npos);
  CHECK(run.err.find("ingest: 0 added, 0 replaced, 0 unchanged, 1 failed") != std::string::npos);
  CHECK(bpack::test::index_state(db) == before);
}

}  // namespace
