#include "bpack/index/record_queries.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bpack/index/boards.hpp"
#include "bpack/index/writer.hpp"
#include "index/derived_state.hpp"
#include "unit/index/index_support.hpp"
#include "unit/index/packs_builder.hpp"

namespace {

using bpack::index::RecordFilter;
using bpack::model::AttendanceStatus;
using bpack::model::DecisionKind;
using bpack::model::MeetingRole;
using bpack::test::FakePack;

bpack::model::Attendee person(const std::string& name, AttendanceStatus status, const std::string& date) {
  bpack::model::Attendee a;
  a.name = name;
  a.status = status;
  a.meeting_date = date;
  a.line = 3;
  return a;
}

// Pack 1 is for the March meeting and carries February's minutes; pack 2 is for May and
// carries March's minutes. Pack 3 repeats pack 2's minutes (a re-issued pack): nothing may
// be counted twice.
struct RecordsFixture {
  bpack::test::TempDir dir;
  std::unique_ptr<bpack::index::Database> db = bpack::test::new_index(dir);

  RecordsFixture() {
    bpack::test::FakeParser fake;
    FakePack p1;
    auto feb = bpack::test::agenda_meeting("Alpha Board", "2021-02-03");
    feb.role = MeetingRole::minutes;
    feb.time = "16:30";
    p1.pack.meetings = {bpack::test::agenda_meeting("Alpha Board", "2021-03-03"), feb};
    p1.pack.attendance = {person("Ann Lee", AttendanceStatus::member, "2021-02-03"),
                          person("Bob Roe", AttendanceStatus::apologies, "2021-02-03"),
                          person("Cy Dee", AttendanceStatus::attendee, "2021-02-03")};
    p1.pack.decisions = {{std::string("6"), DecisionKind::agreed, std::string("That thanks be recorded to staff"),
                          std::string("2021-02-03"), 40}};
    fake.add("p1", p1);
    FakePack p2;
    auto mar = bpack::test::agenda_meeting("Alpha Board", "2021-03-03");
    mar.role = MeetingRole::minutes;
    mar.venue = "Microsoft Teams";
    p2.pack.meetings = {bpack::test::agenda_meeting("Alpha Board", "2021-05-05"), mar};
    p2.pack.attendance = {person("Ann Lee", AttendanceStatus::apologies, "2021-03-03"),
                          person("Bob Roe", AttendanceStatus::member, "2021-03-03"),
                          person("ann lee", AttendanceStatus::apologies, "2021-03-03")};
    p2.pack.decisions = {
        {std::string("8a"), DecisionKind::approved, std::string("The mental health facility was approved"),
         std::string("2021-03-03"), 50},
        {std::string("9"), DecisionKind::noted, std::string("The report was noted"), std::string("2021-03-03"), 60}};
    fake.add("p2", p2);
    FakePack p3 = p2;
    fake.add("p3", p3);
    bpack::index::Writer writer(*db);
    bpack::ingest::PackIngester ingester(writer, fake.parser());
    ingester.ingest_bytes("p1\n", "p1.txt", "/p1.txt");
    ingester.ingest_bytes("p2\n", "p2.txt", "/p2.txt");
    ingester.ingest_bytes("p3\n", "p3.txt", "/p3.txt");
  }
};

TEST_CASE_FIXTURE(RecordsFixture, "one row per meeting, agenda and minutes packs side by side") {
  const auto rows = bpack::index::list_meetings(*db, {});
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].date == "2021-02-03");
  CHECK(rows[0].time == "16:30");
  CHECK_FALSE(rows[0].agenda_pack.has_value());
  CHECK(rows[0].minutes_pack == "p1.txt");
  CHECK(rows[0].present == 2);
  CHECK(rows[0].apologies == 1);
  CHECK(rows[0].decisions == 1);
  CHECK(rows[1].date == "2021-03-03");
  CHECK(rows[1].agenda_pack == "p1.txt");
  CHECK(rows[1].minutes_pack.has_value());
  CHECK(rows[1].venue == "Microsoft Teams");
  CHECK(rows[1].present == 1);
  CHECK(rows[1].apologies == 1);  // "Ann Lee" and "ann lee" are one person
  CHECK(rows[1].decisions == 2);  // not 4: two packs carry the same minutes
  CHECK(rows[2].date == "2021-05-05");

  CHECK(bpack::index::list_meetings(*db, {std::nullopt, std::string("2021-03-01"), std::string("2021-04-01")}).size() ==
        1);
  CHECK(bpack::index::list_meetings(*db, {std::string("beta"), std::nullopt, std::nullopt}).empty());
}

TEST_CASE_FIXTURE(RecordsFixture, "decisions by date, with a text filter") {
  const auto all = bpack::index::list_decisions(*db, {}, std::nullopt);
  REQUIRE(all.size() == 5);
  CHECK(all[0].meeting_date == "2021-02-03");
  CHECK(all[0].kind == "agreed");
  CHECK(all[0].pack == "p1.txt");
  CHECK(all[0].line == 40);
  const auto mental = bpack::index::list_decisions(*db, {}, std::string("MENTAL HEALTH"));
  REQUIRE(mental.size() == 2);
  CHECK(mental[0].item == "8a");
  CHECK(
      bpack::index::list_decisions(*db, {std::nullopt, std::string("2021-03-01"), std::nullopt}, std::nullopt).size() ==
      4);
}

TEST_CASE_FIXTURE(RecordsFixture, "attendance rows and rates per person") {
  CHECK(bpack::index::list_attendance(*db, {}, std::nullopt).size() == 9);
  const auto bob = bpack::index::list_attendance(*db, {}, std::string("bob"));
  REQUIRE(bob.size() == 3);
  CHECK(bob[0].status == "apologies");
  CHECK(bob[0].meeting_date == "2021-02-03");

  const auto summary = bpack::index::attendance_summary(*db, {}, std::nullopt);
  REQUIRE(summary.size() == 3);
  // Cy: 1 of 1; Ann: 1 of 2; Bob: 1 of 2 (ties by name).
  CHECK(summary[0].name == "Cy Dee");
  CHECK(summary[0].rate == doctest::Approx(1.0));
  CHECK(summary[1].name == "Ann Lee");
  CHECK(summary[1].meetings == 2);
  CHECK(summary[1].present == 1);
  CHECK(summary[1].apologies == 1);
  CHECK(summary[1].rate == doctest::Approx(0.5));
  CHECK(summary[2].name == "Bob Roe");
  CHECK(summary[2].meetings == 2);
  CHECK(summary[2].present == 1);
}

TEST_CASE_FIXTURE(RecordsFixture, "a row without a meeting date is listed under its pack's, and boards filter rows") {
  // Pack 4 is for the April meeting; its attendance names no date.
  bpack::test::FakeParser fake;
  FakePack p4;
  p4.pack.meetings = {bpack::test::agenda_meeting("Alpha Board", "2021-04-07")};
  p4.pack.attendance = {person("Di Fox", AttendanceStatus::member, "2021-01-01"),
                        person("Ann Lee", AttendanceStatus::member, "2021-01-01")};
  for (auto& a : p4.pack.attendance) {
    a.meeting_date.reset();
  }
  p4.pack.decisions = {{std::nullopt, DecisionKind::agreed, std::string("Undated"), std::nullopt, 70}};
  fake.add("p4", p4);
  bpack::index::Writer writer(*db);
  bpack::ingest::PackIngester ingester(writer, fake.parser());
  ingester.ingest_bytes("p4\n", "p4.txt", "/p4.txt");

  const auto rows = bpack::index::list_attendance(*db, {}, std::nullopt);
  REQUIRE(rows.size() == 11);
  std::vector<std::string> dates;
  for (const auto& row : rows) {
    dates.push_back(row.meeting_date.value_or("-"));
  }
  CHECK(std::is_sorted(dates.begin(), dates.end()));
  const auto di = bpack::index::list_attendance(*db, {}, std::string("fox"));
  REQUIRE(di.size() == 1);
  CHECK(di[0].meeting_date == "2021-04-07");
  CHECK(di[0].pack == "p4.txt");
  CHECK(di[0].board == "Alpha Board");
  const auto april = bpack::index::list_decisions(
      *db, {std::nullopt, std::string("2021-04-01"), std::string("2021-04-30")}, std::nullopt);
  REQUIRE(april.size() == 1);
  CHECK(april[0].text == "Undated");

  CHECK(bpack::index::list_attendance(*db, {std::string("alpha"), std::nullopt, std::nullopt}, std::nullopt).size() ==
        11);
  CHECK(bpack::index::list_attendance(*db, {std::string("beta"), std::nullopt, std::nullopt}, std::nullopt).empty());
  CHECK(bpack::index::attendance_summary(*db, {std::string("beta"), std::nullopt, std::nullopt}, std::nullopt).empty());
  // Ann's undated row is April's meeting (its pack's): present at 2 of 3 meetings now.
  const auto ann = bpack::index::attendance_summary(*db, {}, std::string("ann"));
  REQUIRE(ann.size() == 1);
  CHECK(ann[0].meetings == 3);
  CHECK(ann[0].present == 2);
  const auto march_on = bpack::index::attendance_summary(*db, {std::nullopt, std::string("2021-03-01"), std::nullopt},
                                                         std::string("ann"));
  REQUIRE(march_on.size() == 1);
  CHECK(march_on[0].meetings == 2);
}

TEST_CASE_FIXTURE(RecordsFixture, "a person written in several cases is shown by the smallest spelling, long or not") {
  bpack::test::FakeParser fake;
  FakePack p5;
  p5.pack.meetings = {bpack::test::agenda_meeting("Alpha Board", "2021-06-02")};
  const std::string long_name = "Bartholomew Quinton-Fotheringham-Smythe";  // longer than a slot holds
  p5.pack.attendance = {person("\u00c9lodie Ng", AttendanceStatus::member, "2021-06-02"),
                        person("\u00c9LODIE NG", AttendanceStatus::member, "2021-06-02"),
                        person("\u00c9lodie ng", AttendanceStatus::member, "2021-06-02"),
                        person(long_name, AttendanceStatus::member, "2021-06-02"),
                        person("BARTHOLOMEW Quinton-Fotheringham-Smythe", AttendanceStatus::apologies, "2021-06-09"),
                        person("bartholomew quinton-fotheringham-smythe", AttendanceStatus::member, "2021-06-16")};
  fake.add("p5", p5);
  bpack::index::Writer writer(*db);
  bpack::ingest::PackIngester ingester(writer, fake.parser());
  ingester.ingest_bytes("p5\n", "p5.txt", "/p5.txt");

  const auto elodie = bpack::index::attendance_summary(*db, {}, std::string("odie"));
  REQUIRE(elodie.size() == 1);
  CHECK(elodie[0].name == "\u00c9LODIE NG");
  CHECK(elodie[0].meetings == 1);
  const auto bart = bpack::index::attendance_summary(*db, {}, std::string("bartholomew"));
  REQUIRE(bart.size() == 1);
  CHECK(bart[0].name == "BARTHOLOMEW Quinton-Fotheringham-Smythe");
  CHECK(bart[0].meetings == 3);
  CHECK(bart[0].present == 2);
  CHECK(bart[0].apologies == 1);
}

// Every person's summary as text, read from the counts the writer keeps (no dates given) or
// counted from the rows (a date range that holds every row).
std::string summary_text(bpack::index::Database& db, bool from_rows, const std::optional<std::string>& board = {}) {
  RecordFilter filter{board, std::nullopt, std::nullopt};
  if (from_rows) {
    filter.since = "0000-01-01";
  }
  std::string out;
  for (const auto& row : bpack::index::attendance_summary(db, filter, std::nullopt)) {
    out += row.name + " " + std::to_string(row.meetings) + " " + std::to_string(row.present) + " " +
           std::to_string(row.apologies) + " " + std::to_string(row.absent) + ";";
  }
  return out;
}

// The kept counts, as ingest left them and as made again from every row.
void check_people_agree(bpack::index::Database& db) {
  const std::string sql = "SELECT who, board_id, shown, meetings, present, apologies, absent FROM attendance_people";
  std::string kept;
  std::string rebuilt;
  for (std::string* to : {&kept, &rebuilt}) {
    if (to == &rebuilt) {
      bpack::index::rebuild_attendance_people(db);
    }
    bpack::index::Statement q(db, sql + " ORDER BY who, board_id");
    while (q.step()) {
      for (int c = 0; c < q.column_count(); ++c) {
        *to += q.column_text(c) + "|";
      }
      *to += "\n";
    }
  }
  CHECK(kept == rebuilt);
  CHECK(summary_text(db, false) == summary_text(db, true));
}

bpack::model::Pack meeting_of(const std::string& board, const std::string& date,
                              std::vector<bpack::model::Attendee> people) {
  auto pack = bpack::test::pack_of(board, date, false);
  pack.meetings.back().role = MeetingRole::minutes;
  pack.attendance = std::move(people);
  return pack;
}

TEST_CASE("attendance summary: the counts kept per person agree with the rows as packs come and go") {
  bpack::test::PacksBuilder index;
  auto& db = index.db();
  // Two boards; Ann sits on both, written two ways; one meeting is in two packs.
  index.add("a1.txt", meeting_of("Alpha Board", "2021-01-06",
                                 {person("Ann Lee", AttendanceStatus::member, "2021-01-06"),
                                  person("Bob Roe", AttendanceStatus::apologies, "2021-01-06")}));
  index.add("a1-again.txt", meeting_of("Alpha Board", "2021-01-06",
                                       {person("ANN LEE", AttendanceStatus::member, "2021-01-06"),
                                        person("Bob Roe", AttendanceStatus::member, "2021-01-06")}));
  index.add("g1.txt", meeting_of("Gamma Trust Finance Committee", "2021-02-10",
                                 {person("ann lee", AttendanceStatus::absent, "2021-02-10"),
                                  person("Cy Dee", AttendanceStatus::attendee, "2021-02-10")}));
  CHECK(summary_text(db, false) == "Bob Roe 1 1 1 0;Cy Dee 1 1 0 0;ANN LEE 2 1 0 1;");
  CHECK(summary_text(db, false, "gamma") == "Cy Dee 1 1 0 0;ann lee 1 0 0 1;");
  check_people_agree(db);

  SUBCASE("a pack replaced, then one that lists a person alone") {
    index.add("a1-again.txt",
              meeting_of("Alpha Board", "2021-01-06", {person("Bob Roe", AttendanceStatus::apologies, "2021-01-06")}));
    CHECK(summary_text(db, false) == "Cy Dee 1 1 0 0;Ann Lee 2 1 0 1;Bob Roe 1 0 1 0;");
    check_people_agree(db);
  }
  SUBCASE("boards merged, then split again") {
    const std::int64_t alpha = bpack::index::find_board(db, "alpha").id;
    const std::int64_t gamma = bpack::index::find_board(db, "gamma").id;
    bpack::index::merge_boards(db, alpha, gamma);
    check_people_agree(db);
    CHECK(summary_text(db, false, "gamma") == summary_text(db, false));
    bpack::index::split_board(db, "Gamma Trust Finance Committee");
    check_people_agree(db);
    CHECK(summary_text(db, false, "gamma") == "Cy Dee 1 1 0 0;ann lee 1 0 0 1;");
  }
  // An ingest of many packs refreshes the people it met at its end: one by one, or when they
  // are many, their boards whole.
  for (const int crowd : {0, 2100}) {
    CAPTURE(crowd);
    SUBCASE("many packs in one batch") {
      {
        bpack::index::Writer::Batch batch(index.writer());
        for (int day = 1; day <= 28; ++day) {
          const std::string date = fmt::format("2021-03-{:02}", day);
          const auto ann = day % 2 == 0 ? AttendanceStatus::apologies : AttendanceStatus::member;
          index.add(fmt::format("m{}.txt", day),
                    meeting_of("Alpha Board", date,
                               {person(fmt::format("Member {}", day % 5), AttendanceStatus::member, date),
                                person("Ann Lee", ann, date)}));
        }
        std::vector<bpack::model::Attendee> many;
        for (int i = 0; i < crowd; ++i) {
          many.push_back(person(fmt::format("Guest {}", i), AttendanceStatus::attendee, "2021-04-01"));
        }
        index.add("crowd.txt", meeting_of("Gamma Trust Finance Committee", "2021-04-01", std::move(many)));
        batch.commit();
      }
      CHECK(db.query_int("SELECT COUNT(*) FROM stale_people") > crowd);
      index.writer().refresh_derived();
      CHECK(db.query_int("SELECT COUNT(*) FROM stale_people") == 0);
      check_people_agree(db);
    }
  }
}

}  // namespace
