// Accuracy floors on the bundled corpus: `bpack parse --json` (the built binary) against the
// hand-checked gold in corpus/gold/. A regression below a floor fails the suite.

#include <doctest/doctest.h>

#include <string>

#include "cli/cli_support.hpp"
#include "corpus/accuracy.hpp"
#include "support/json.hpp"

namespace bpack::test {
namespace {

const std::string kRoot = BPACK_SOURCE_DIR;

PackScore score_corpus_pack(const std::string& name) {
  const json::Value gold = json::parse(read_text(kRoot + "/corpus/gold/" + name + ".gold.json"));
  const Run run = run_bpack({"parse", kRoot + "/corpus/" + name + ".txt", "--json"});
  REQUIRE(run.status == 0);
  const PackScore score = score_pack(gold, json::parse(run.out));
  for (const auto& [list, s] : score.lists) {
    MESSAGE(name << " " << list << ": gold " << s.gold << " pred " << s.pred << " matched " << s.matched << " F1 "
                 << s.f1 << " fields " << s.fields_agree << "/" << s.fields_total);
  }
  MESSAGE(name << " overall " << score.overall());
  return score;
}

}  // namespace

TEST_SUITE("corpus") {
  TEST_CASE("the scorer's similarity matches difflib's ratio") {
    CHECK(similarity("abcd", "bcde") == doctest::Approx(0.75));
    CHECK(similarity("executive lead", "executive lead") == doctest::Approx(1.0));
    CHECK(similarity("blmk partnership board", "blmk ics partnership board") == doctest::Approx(44.0 / 48.0));
    CHECK(similarity("abc", "xyz") == doctest::Approx(0.0));
  }

  TEST_CASE("2021 pack (rows kept on a line): accuracy floors") {
    const PackScore score = score_corpus_pack("blmk-2021-04-07");
    CHECK(score.lists.at("meetings").f1 == doctest::Approx(1.0));
    CHECK(score.lists.at("sections").f1 >= 0.90);
    CHECK(score.lists.at("actions").f1 == doctest::Approx(1.0));
    CHECK(score.lists.at("actions").field_accuracy() >= 0.90);
    CHECK(score.lists.at("agenda_items").f1 >= 0.95);
    CHECK(score.lists.at("attendance").f1 >= 0.95);
    CHECK(score.lists.at("minute_items").f1 >= 0.85);
    CHECK(score.lists.at("decisions").f1 >= 0.95);
    CHECK(score.lists.at("papers").f1 >= 0.85);
    CHECK(score.overall() >= 0.90);
  }

  TEST_CASE("2022 pack (one cell per line, starts mid-minutes): accuracy floors") {
    const PackScore score = score_corpus_pack("blmk-2022-02-09");
    CHECK(score.lists.at("meetings").f1 == doctest::Approx(1.0));
    CHECK(score.lists.at("sections").f1 >= 0.90);
    CHECK(score.lists.at("actions").f1 >= 0.90);
    CHECK(score.lists.at("actions").field_accuracy() >= 0.75);
    CHECK(score.lists.at("attendance").f1 >= 0.95);
    CHECK(score.lists.at("minute_items").f1 >= 0.85);
    CHECK(score.lists.at("decisions").f1 >= 0.95);
    CHECK(score.lists.at("papers").f1 >= 0.85);
    CHECK(score.overall() >= 0.90);
  }
}

}  // namespace bpack::test
