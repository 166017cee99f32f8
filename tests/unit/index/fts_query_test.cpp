#include "bpack/index/fts_query.hpp"

#include <doctest/doctest.h>

#include <string>

#include "bpack/index/database.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::index::plain_fts_query;

TEST_CASE("plain words become quoted FTS5 strings") {
  CHECK(plain_fts_query("vaccination") == R"q("vaccination")q");
  CHECK(plain_fts_query("  covid   vaccination ") == R"q("covid" "vaccination")q");
  CHECK(plain_fts_query("COVID-19") == R"q("COVID-19")q");
  CHECK(plain_fts_query("9.03.22") == R"q("9.03.22")q");
  CHECK(plain_fts_query("2021-04-07") == R"q("2021-04-07")q");
  CHECK(plain_fts_query("Chair’s update") == R"q("Chair’s" "update")q");
  CHECK(plain_fts_query("O'Brien") == R"q("O'Brien")q");
  CHECK(plain_fts_query("a/b c:d e.f") == R"q("a/b" "c:d" "e.f")q");
}

TEST_CASE("a word or phrase given twice is searched once; more than 64 words is a usage error") {
  CHECK(plain_fts_query("board Board BOARD board*") == R"q("board" "board"*)q");
  CHECK(plain_fts_query("\"care homes\" care \"Care Homes\"") == R"q("care homes" "care")q");
  std::string repeated;
  for (int i = 0; i < 800; ++i) {
    repeated += "board ";
  }
  CHECK(plain_fts_query(repeated) == R"q("board")q");

  std::string words;
  for (std::size_t i = 0; i < bpack::index::kMaxQueryWords; ++i) {
    words += "w" + std::to_string(i) + " ";
  }
  CHECK_NOTHROW(plain_fts_query(words));
  CHECK_THROWS_WITH_AS(plain_fts_query(words + "w64"),
                       "search: the query has 65 different words; at most 64 are searched at once (drop some, or run "
                       "several searches)",
                       bpack::UsageError);
  // Words in a phrase count: FTS5 reads each one.
  CHECK_THROWS_AS(plain_fts_query("\"" + words + "one more\""), bpack::UsageError);
}

TEST_CASE("raw queries: their words count against the same limit, operators aside") {
  using bpack::index::check_raw_fts_query;
  std::string ors = "w0";
  for (std::size_t i = 1; i < bpack::index::kMaxQueryWords; ++i) {
    ors += " OR w" + std::to_string(i);
  }
  CHECK_NOTHROW(check_raw_fts_query(ors));
  CHECK_NOTHROW(check_raw_fts_query("NEAR(a b, 5) AND NOT c OR d*"));
  CHECK_THROWS_WITH_AS(check_raw_fts_query(ors + " OR board"), doctest::Contains("the query has 65 different words"),
                       bpack::UsageError);
  std::string repeats = "board";
  for (int i = 0; i < 10000; ++i) {
    repeats += " OR board";
  }
  CHECK_THROWS_WITH_AS(check_raw_fts_query(repeats), doctest::Contains("the query has 10001 different words"),
                       bpack::UsageError);
}

TEST_CASE("FTS5 operators typed as words are searched as words") {
  CHECK(plain_fts_query("AND") == R"q("AND")q");
  CHECK(plain_fts_query("covid OR flu NOT vaccine") == R"q("covid" "OR" "flu" "NOT" "vaccine")q");
  CHECK(plain_fts_query("NEAR(a b)") == R"q("NEAR(a" "b)")q");
  CHECK(plain_fts_query("text:covid") == R"q("text:covid")q");
  CHECK(plain_fts_query("^start +plus (paren) {brace}") == R"q("^start" "+plus" "(paren)" "{brace}")q");
}

TEST_CASE("quotes, straight or curly, make phrases") {
  CHECK(plain_fts_query(R"q("health inequalities" board)q") == R"q("health inequalities" "board")q");
  CHECK(plain_fts_query("“health inequalities” board") == R"q("health inequalities" "board")q");
  CHECK(plain_fts_query("„mixed\" quotes") == R"q("mixed" "quotes")q");
  CHECK(plain_fts_query(R"q("unclosed phrase)q") == R"q("unclosed phrase")q");
  CHECK(plain_fts_query(R"q(say"hello"there)q") == R"q("say" "hello" "there")q");
  CHECK(plain_fts_query(R"q("" "  ")q") == "");
}

TEST_CASE("a trailing star is a prefix search; punctuation alone is dropped") {
  CHECK(plain_fts_query("vacc*") == R"q("vacc"*)q");
  CHECK(plain_fts_query("\"health ineq\"*") == R"q("health ineq"*)q");
  CHECK(plain_fts_query("*") == "");
  CHECK(plain_fts_query("- -- & – …") == "");
  CHECK(plain_fts_query("covid - vaccine") == R"q("covid" "vaccine")q");
  CHECK(plain_fts_query("") == "");
}

TEST_CASE("every plain query runs in FTS5 without a syntax error and finds what it should") {
  bpack::test::TempDir dir;
  bpack::index::Database db(dir.file("fts.db"), bpack::index::OpenMode::create);
  db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');"
      "INSERT INTO t VALUES ('COVID-19 vaccination uptake by care home staff');"
      "INSERT INTO t VALUES ('Scheduled on forward plan for 9.03.22');"
      "INSERT INTO t VALUES ('The Chair’s update on health inequalities');"
      "INSERT INTO t VALUES ('Mr O''Brien said AND or NOT were words here: NEAR(x)');"
      "INSERT INTO t VALUES ('Café meeting on 2021-04-07');");
  const auto hits = [&](const std::string& words) {
    const std::string query = plain_fts_query(words);
    REQUIRE_FALSE(query.empty());
    bpack::index::Statement q(db, "SELECT COUNT(*) FROM t WHERE t MATCH ?1");
    q.bind(1, query);
    REQUIRE(q.step());
    return q.column_int(0);
  };
  CHECK(hits("COVID-19") == 1);
  CHECK(hits("covid-19 vaccinated") == 1);  // stemming: vaccinated ~ vaccination
  CHECK(hits("9.03.22") == 1);
  CHECK(hits("9.03.23") == 0);
  CHECK(hits("“health inequalities”") == 1);
  CHECK(hits("\"inequalities health\"") == 0);  // a phrase keeps its order
  CHECK(hits("Chair’s") == 1);
  CHECK(hits("chair's") == 1);
  CHECK(hits("O'Brien") == 1);
  CHECK(hits("AND") == 1);
  CHECK(hits("NOT") == 1);
  CHECK(hits("NEAR(x)") == 1);
  CHECK(hits("text:words") == 0);  // no syntax error, and no such phrase
  CHECK(hits("cafe") == 1);        // diacritics folded
  CHECK(hits("2021-04-07") == 1);
  CHECK(hits("vacc*") == 1);
  CHECK(hits("sched* \"forward pl\"*") == 1);
  CHECK(hits("\"unbalanced") == 0);
  // Only "x" survives as a phrase (from the curly quote to the end): it is in NEAR(x).
  CHECK(plain_fts_query("(( ))) \"\" ” ( x") == R"q(" ( x")q");
  CHECK(hits("(( ))) \"\" ” ( x") == 1);
  // A NUL byte ends an FTS5 query: control characters separate words (found by query_fuzz).
  const std::string with_nul("AND pack_b\0\0\0\x10OT", 16);
  CHECK(plain_fts_query(with_nul) == R"q("AND" "pack_b" "OT")q");
  CHECK(hits(with_nul) == 0);
  CHECK(hits(std::string("\"care\0home\"", 11)) == 1);
}

}  // namespace
