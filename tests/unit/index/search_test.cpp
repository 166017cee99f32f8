#include "bpack/index/search.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bpack/index/writer.hpp"
#include "bpack/util/error.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::UsageError;
using bpack::index::search;
using bpack::index::SearchOptions;
using bpack::model::SectionKind;
using bpack::test::FakePack;

struct SearchFixture {
  bpack::test::TempDir dir;
  std::unique_ptr<bpack::index::Database> db = bpack::test::new_index(dir);

  SearchFixture() {
    bpack::test::FakeParser fake;
    FakePack a;
    a.pack.meetings = {bpack::test::agenda_meeting("Alpha Board", "2021-03-03")};
    a.pack.sections = {bpack::test::section(SectionKind::agenda, "Agenda", 1, 9),
                       bpack::test::section(SectionKind::minutes, "Minutes", 10, 60)};
    a.pack.agenda_items = {{std::string("6"), "Covid Vaccination update", std::nullopt, std::nullopt, std::nullopt, 5}};
    a.pack.minute_items = {{std::string("4"), "Continuing Covid incident", std::string("2021-02-03"), 20, 40}};
    a.blocks = {
        {SectionKind::agenda, "Agenda", "6. Covid Vaccination update", 5},
        // The match is on the third line of this paragraph.
        {SectionKind::minutes, "Minutes",
         "The board noted the report.\nStaff were thanked.\nVaccination uptake is 79%.", 21},
        {SectionKind::minutes, "Minutes", "Flu immunisation closed for the season.", 30},
    };
    fake.add("a", a);
    FakePack b;
    b.pack.meetings = {bpack::test::agenda_meeting("Beta Board", "2022-02-09")};
    b.pack.sections = {bpack::test::section(SectionKind::paper, "Vaccine inequalities paper", 1, 50)};
    b.pack.papers = {
        {std::nullopt, std::string("Vaccine inequalities paper"), std::nullopt, std::nullopt, std::nullopt, 1, 50}};
    b.blocks = {
        {SectionKind::paper, "Vaccine inequalities paper", "Vaccinated staff numbers by COVID-19 cohort", 12},
        {SectionKind::paper, "Vaccine inequalities paper", "Forward plan for 9.03.22 and the O'Brien review", 14}};
    fake.add("b", b);
    bpack::index::Writer writer(*db);
    bpack::ingest::PackIngester ingester(writer, fake.parser());
    ingester.ingest_bytes("a\n", "a.txt", "/a.txt");
    ingester.ingest_bytes("b\n", "b.txt", "/b.txt");
  }

  std::vector<bpack::index::SearchHit> run(SearchOptions options) { return search(*db, options); }
  static SearchOptions query(const std::string& text) {
    SearchOptions options;
    options.query = text;
    return options;
  }
};

TEST_CASE_FIXTURE(SearchFixture, "hits are ranked and point at the line of the first match") {
  const auto hits = run(query("vaccination"));
  REQUIRE(hits.size() == 3);  // stemmed: vaccination, Vaccination, Vaccinated
  CHECK(hits[0].rank == 1);
  CHECK(hits[0].score <= hits[1].score);
  CHECK(hits[1].score <= hits[2].score);
  for (const auto& h : hits) {
    CHECK(h.snippet.find('[') != std::string::npos);
  }
  const auto minutes = std::find_if(hits.begin(), hits.end(), [](const auto& h) { return h.kind == "minutes"; });
  REQUIRE(minutes != hits.end());
  CHECK(minutes->block_line == 21);
  CHECK(minutes->line == 23);
  CHECK(minutes->item == "4 Continuing Covid incident");
  CHECK(minutes->pack == "a.txt");
  CHECK(minutes->board == "Alpha Board");
  CHECK(minutes->meeting_date == "2021-03-03");
  CHECK(minutes->snippet == "The board noted the report. Staff were thanked. [Vaccination] uptake is 79%.");

  const auto agenda = std::find_if(hits.begin(), hits.end(), [](const auto& h) { return h.kind == "agenda"; });
  REQUIRE(agenda != hits.end());
  CHECK(agenda->item == "6 Covid Vaccination update");
  const auto paper = std::find_if(hits.begin(), hits.end(), [](const auto& h) { return h.kind == "paper"; });
  REQUIRE(paper != hits.end());
  CHECK(paper->item == "Vaccine inequalities paper");
  CHECK(paper->section == "Vaccine inequalities paper");
}

TEST_CASE_FIXTURE(SearchFixture, "filters: kind, board, dates, limit") {
  SearchOptions o = query("vaccination");
  o.kind = SectionKind::paper;
  CHECK(run(o).size() == 1);
  o = query("vaccination");
  o.board = "alpha";
  CHECK(run(o).size() == 2);
  o = query("vaccination");
  o.since = "2022-01-01";
  REQUIRE(run(o).size() == 1);
  CHECK(run(o)[0].pack == "b.txt");
  o = query("vaccination");
  o.until = "2021-12-31";
  CHECK(run(o).size() == 2);
  o = query("vaccination");
  o.limit = 1;
  CHECK(run(o).size() == 1);
  o = query("vaccination");
  o.board = "gamma";
  CHECK(run(o).empty());
}

TEST_CASE_FIXTURE(SearchFixture, "plain queries with punctuation never fail") {
  CHECK(run(query("COVID-19")).size() == 1);
  CHECK(run(query("9.03.22")).size() == 1);
  CHECK(run(query("O'Brien")).size() == 1);
  CHECK(run(query("“forward plan”")).size() == 1);
  CHECK(run(query("\"plan forward\"")).empty());
  CHECK(run(query("AND OR NOT")).empty());
  CHECK(run(query("vacc* (")).size() == 3);
  CHECK_THROWS_WITH_AS(run(query("-- ... “”")), "search: the query has no words to search for", UsageError);
}

TEST_CASE_FIXTURE(SearchFixture, "raw queries pass FTS5 syntax through; a syntax error is a usage error") {
  SearchOptions o = query("vaccin* NOT covid");
  o.raw = true;
  const auto hits = run(o);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].kind == "minutes");

  o.query = "\"forward plan\" OR immunisation";
  CHECK(run(o).size() == 2);
  o.query = "NEAR(staff covid, 3)";
  CHECK(run(o).size() == 1);

  o.query = "vaccination AND (";
  CHECK_THROWS_WITH_AS(run(o), doctest::Contains("search: not a valid FTS5 query: fts5: syntax error"), UsageError);
  o.query = "nosuchcolumn: covid";
  CHECK_THROWS_AS(run(o), UsageError);
  o.query = "\"unterminated";
  CHECK_THROWS_AS(run(o), UsageError);
  // The index is still usable after an error.
  CHECK(run(query("vaccination")).size() == 3);
}

}  // namespace

TEST_CASE("a paragraph many packs repeat is shown in the latest pack that has it, filters applied") {
  // Dates out of ingest order and one pack without a date, so that neither the pack id nor
  // the order of the blocks gives the answer; enough packs that the paragraph's places
  // squared exceed the packs (the newest-first walk) while a paragraph in one pack does not.
  bpack::test::TempDir dir;
  auto db = bpack::test::new_index(dir);
  bpack::test::FakeParser fake;
  const std::vector<std::string> dates = {"2021-05-01", "2023-01-10", "",           "2022-07-07",
                                          "2020-01-01", "2023-01-09", "2021-12-31", "2019-06-06"};
  for (std::size_t i = 0; i < dates.size(); ++i) {
    FakePack p;
    if (!dates[i].empty()) {
      p.pack.meetings = {bpack::test::agenda_meeting("Gamma Board", dates[i])};
    }
    p.pack.sections = {bpack::test::section(i % 2 == 0 ? SectionKind::minutes : SectionKind::paper, "Body", 1, 40)};
    p.blocks = {{i % 2 == 0 ? SectionKind::minutes : SectionKind::paper, "Body",
                 "Standing item: the vaccination programme report.", static_cast<bpack::model::LineNo>(10 + i)}};
    if (i == 4) {
      p.blocks.push_back({SectionKind::minutes, "Body", "A vaccination clinic in one pack only.", 30});
    }
    fake.add("p" + std::to_string(i), p);
  }
  bpack::index::Writer writer(*db);
  bpack::ingest::PackIngester ingester(writer, fake.parser());
  for (std::size_t i = 0; i < dates.size(); ++i) {
    ingester.ingest_bytes("p" + std::to_string(i) + "\n", "p" + std::to_string(i) + ".txt",
                          "/p" + std::to_string(i) + ".txt");
  }
  const auto find = [&](SearchOptions options, const std::string& text) -> std::optional<bpack::index::SearchHit> {
    for (auto& hit : search(*db, options)) {
      if (hit.snippet.find(text) != std::string::npos) {
        return hit;
      }
    }
    return std::nullopt;
  };
  SearchOptions all;
  all.query = "vaccination";
  const auto standing = find(all, "Standing");
  REQUIRE(standing);
  CHECK(standing->pack == "p1.txt");  // 2023-01-10
  CHECK(standing->meeting_date == std::optional<std::string>("2023-01-10"));
  CHECK(standing->line == 11);
  CHECK(standing->occurrences == 8);
  CHECK(standing->kind == "paper");
  const auto once = find(all, "clinic");
  REQUIRE(once);
  CHECK(once->pack == "p4.txt");
  CHECK(once->occurrences == 1);

  SearchOptions until = all;
  until.until = "2022-12-31";
  const auto earlier = find(until, "Standing");
  REQUIRE(earlier);
  CHECK(earlier->pack == "p3.txt");  // 2022-07-07
  CHECK(earlier->occurrences == 5);  // the undated pack has no date to compare

  SearchOptions minutes = all;
  minutes.kind = SectionKind::minutes;
  const auto in_minutes = find(minutes, "Standing");
  REQUIRE(in_minutes);
  CHECK(in_minutes->pack == "p6.txt");  // 2021-12-31, the latest of the even (minutes) packs
  CHECK(in_minutes->occurrences == 4);
}
