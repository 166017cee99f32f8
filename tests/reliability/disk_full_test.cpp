// A full disk, made by PRAGMA max_page_count on the connection ingest writes through: the
// packs of the batch that could not be written fail, each with SQLite's reason and the
// index's name, nothing is counted that is not there, the index is as it was and sound, and
// the same run with room again completes.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bpack/index/database.hpp"
#include "bpack/index/integrity.hpp"
#include "bpack/index/schema.hpp"
#include "bpack/ingest/session.hpp"
#include "cli/cli_support.hpp"
#include "reliability/index_state.hpp"
#include "reliability/pack_set.hpp"

namespace {

TEST_CASE("reliability: ingest on a full disk fails cleanly and leaves the index as it was") {
  bpack::test::ScratchDir dir;
  const auto packs = bpack::test::write_pack_set(dir.file(""), 12);
  const std::string path = dir.file("index.db");
  REQUIRE(bpack::test::run_bpack({"--db", path, "ingest", bpack::test::corpus_file("blmk-2022-02-09.txt")}).status ==
          0);
  const auto before = bpack::test::index_state(path);
  bpack::ingest::Counts counts;
  std::vector<std::string> messages;
  {
    bpack::index::Database db(path, bpack::index::OpenMode::existing);
    bpack::index::prepare_schema(db, bpack::index::SchemaUse::existing);
    // Room for less than one more pack: a new pack takes some 60 pages of 4 KB, a copy of
    // the indexed one (its paragraphs already there) 6 for its own rows.
    const auto pages = db.query_int("PRAGMA page_count");
    db.exec("PRAGMA max_page_count = " + std::to_string(pages + 2));
    std::vector<bpack::ingest::Input> inputs;
    for (const auto& pack : packs) {
      inputs.push_back({pack, 0, {}});
    }
    bpack::ingest::SessionCallbacks callbacks;
    callbacks.message = [&](const std::string& message) { messages.push_back(message); };
    bpack::ingest::Session session(db, inputs, {}, std::move(callbacks));
    while (!session.done()) {
      session.next();
    }
    counts = session.finish();
    CHECK(bpack::index::integrity_problems(db).empty());
  }
  CHECK(counts.added == 0);
  CHECK(counts.failed == packs.size());
  // One line per pack, naming it; the pack that met the full disk says so, the packs of its
  // batch before it say that they went with it.
  REQUIRE(messages.size() == packs.size());
  std::size_t full = 0;
  for (const auto& message : messages) {
    INFO(message);
    CHECK(message.find("/copy-") != std::string::npos);
    CHECK(message.find(".txt: not written: ") != std::string::npos);
    full += message.find(": not written: " + path + ": database or disk is full") != std::string::npos ? 1U : 0U;
  }
  CHECK(full >= 1);
  CHECK(bpack::test::index_state(path) == before);
  CHECK(bpack::test::index_checks(path) == "ok");
  // With room again, the same run completes.
  std::vector<std::string> args = {"--db", path, "ingest"};
  args.insert(args.end(), packs.begin(), packs.end());
  const auto rerun = bpack::test::run_bpack(args);
  CHECK(rerun.status == 0);
  CHECK(bpack::test::index_state(path).counts.at("packs") == static_cast<std::int64_t>(packs.size() + 1));
}

}  // namespace
