#include "bpack/index/ranking.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bpack/index/database.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::index::Database;
using bpack::index::Statement;

// Deterministic documents of varied length over a skewed vocabulary: a few words are in
// most rows (the expensive case), others in a handful.
void fill(Database& db, int rows) {
  db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61');");
  const std::vector<std::string> words = {"board",       "the",      "meeting", "health",    "care",
                                          "vaccination", "plan",     "report",  "budget",    "inequalities",
                                          "housing",     "estates",  "digital", "workforce", "primary",
                                          "mental",      "children", "audit",   "risk",      "zebra"};
  std::uint32_t state = 12345;
  const auto next = [&] {
    state = state * 1103515245U + 12345U;
    return (state >> 16U) & 0x7FFFU;
  };
  Statement insert(db, "INSERT INTO t (rowid, text) VALUES (?1, ?2)");
  db.exec("BEGIN");
  for (int r = 1; r <= rows; ++r) {
    const auto length = 3 + next() % 60;
    std::string text;
    for (std::uint32_t i = 0; i < length; ++i) {
      // Word k with probability about 1/(k+1): a Zipf-like skew.
      std::size_t k = 0;
      while (k + 1 < words.size() && next() % (k + 2) != 0) {
        ++k;
      }
      text += words[k] + " ";
    }
    insert.bind(1, static_cast<std::int64_t>(r)).bind(2, text).run();
  }
  db.exec("COMMIT");
}

std::vector<std::pair<std::int64_t, double>> ranked(Database& db, const std::string& sql, const std::string& match,
                                                    int limit) {
  Statement q(db, sql);
  q.bind(1, match).bind(2, limit);
  std::vector<std::pair<std::int64_t, double>> out;
  while (q.step()) {
    out.emplace_back(q.column_int(0), q.column_double(1));
  }
  return out;
}

TEST_CASE("bpack_bm25 returns bm25's top N, in bm25's order, with bm25's scores") {
  bpack::test::TempDir dir;
  Database db(dir.file("rank.db"), bpack::index::OpenMode::create);
  fill(db, 4000);
  bpack::index::register_ranking(db);
  for (const std::string match : {"board", "the", "zebra", "vaccination plan", "audit OR risk", "\"health care\"",
                                  "meeting NOT board", "digit*"}) {
    for (const int limit : {1, 5, 20, 100}) {
      CAPTURE(match);
      CAPTURE(limit);
      const auto expected =
          ranked(db, "SELECT rowid, bm25(t) FROM t WHERE t MATCH ?1 ORDER BY bm25(t), rowid LIMIT ?2", match, limit);
      const auto actual = ranked(
          db, "SELECT rowid, bpack_bm25(t, ?2) AS s FROM t WHERE t MATCH ?1 ORDER BY s, rowid LIMIT ?2", match, limit);
      REQUIRE(actual.size() == expected.size());
      CHECK(!actual.empty());
      for (std::size_t i = 0; i < actual.size(); ++i) {
        CHECK(actual[i].first == expected[i].first);
        CHECK(actual[i].second == doctest::Approx(expected[i].second).epsilon(1e-12));
      }
    }
  }
}

TEST_CASE("with weights and text_only, bpack_bm25 ranks by both columns but finds by the first") {
  bpack::test::TempDir dir;
  Database db(dir.file("rank2.db"), bpack::index::OpenMode::create);
  db.exec(
      "CREATE VIRTUAL TABLE p USING fts5(text, heading, tokenize='porter unicode61');"
      "INSERT INTO p (rowid, text, heading) VALUES"
      " (1, 'vaccination uptake figures for the quarter', 'Finance report'),"
      " (2, 'vaccination uptake figures for the quarter', 'Vaccination programme'),"
      " (3, 'budget lines and reserves', 'Vaccination programme'),"
      " (4, 'vaccination', 'Forward plan');");
  bpack::index::register_ranking(db);
  const auto expected =
      ranked(db, "SELECT rowid, bm25(p, 1.0, 0.5) FROM p WHERE p MATCH ?1 ORDER BY bm25(p, 1.0, 0.5), rowid LIMIT ?2",
             "vaccination", 10);
  const auto all =
      ranked(db, "SELECT rowid, bpack_bm25(p, ?2, 0, 1.0, 0.5) AS s FROM p WHERE p MATCH ?1 ORDER BY s, rowid LIMIT ?2",
             "vaccination", 10);
  REQUIRE(all.size() == 4);
  REQUIRE(expected.size() == 4);
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].first == expected[i].first);
    CHECK(all[i].second == doctest::Approx(expected[i].second).epsilon(1e-12));
  }
  // The same paragraph under a matching heading ranks higher.
  const auto two = std::find_if(all.begin(), all.end(), [](const auto& r) { return r.first == 2; });
  const auto one = std::find_if(all.begin(), all.end(), [](const auto& r) { return r.first == 1; });
  CHECK(two < one);
  // text_only: row 3 matched by its heading alone is not a hit.
  const auto text_only =
      ranked(db, "SELECT rowid, bpack_bm25(p, ?2, 1, 1.0, 0.5) AS s FROM p WHERE p MATCH ?1 ORDER BY s, rowid LIMIT ?2",
             "vaccination", 10);
  REQUIRE(text_only.size() == 4);
  CHECK(text_only.back().first == 3);
  CHECK(text_only.back().second > 1e300);
  CHECK(text_only[0].second < 0.0);
}

TEST_CASE("bpack_bm25 skips the length lookup for rows that cannot make the top N") {
  bpack::test::TempDir dir;
  Database db(dir.file("rank.db"), bpack::index::OpenMode::create);
  fill(db, 4000);
  bpack::index::register_ranking(db);
  const auto matches = db.query_int("SELECT COUNT(*) FROM t WHERE t MATCH 'the'");
  // Skipped rows score DBL_MAX. The bound only knows a row's term frequency, so on these
  // short rows about a quarter of the matches for a common word are skipped.
  const auto skipped = db.query_int(
      "SELECT COUNT(*) FROM (SELECT bpack_bm25(t, 20) AS s FROM t WHERE t MATCH 'the') "
      "WHERE s > 1e300");
  CHECK(matches > 3000);
  CHECK(skipped > matches / 5);
}

// (FTS5 does not pass an auxiliary function's message on, only the failure.)
TEST_CASE("bpack_bm25 without its N is an error, not a wrong answer") {
  bpack::test::TempDir dir;
  Database db(dir.file("rank.db"), bpack::index::OpenMode::create);
  fill(db, 10);
  bpack::index::register_ranking(db);
  CHECK_THROWS_AS(db.query_int("SELECT bpack_bm25(t) FROM t WHERE t MATCH 'the'"), bpack::Error);
}

}  // namespace
