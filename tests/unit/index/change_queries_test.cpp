#include "bpack/index/change_queries.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bpack/util/error.hpp"
#include "unit/index/packs_builder.hpp"

namespace {

using bpack::index::ChangeFilter;
using bpack::index::list_changes;
using bpack::model::ActionStatus;
using bpack::test::action;
using bpack::test::pack_of;
using bpack::test::PacksBuilder;

// Each change as "date ref kind from>to (days)", one a line.
std::string changes(bpack::index::Database& db, const ChangeFilter& filter) {
  std::string out;
  for (const auto& c : list_changes(db, filter)) {
    out += c.meeting_date.value_or("?") + " " + c.ref.value_or("-") + " " + c.kind + " " + c.from.value_or("") + ">" +
           c.to.value_or("") + (c.days ? " " + std::to_string(*c.days) : "") + "\n";
  }
  return out;
}

std::string lines(const std::vector<std::string>& all) {
  std::string out;
  for (const auto& line : all) {
    out += line + "\n";
  }
  return out;
}

// Four packs of one board's log:
//   Jan: 1 open due Feb-21 (Ann Lee), 2 open, 3 unknown, 4 open
//   Mar: 1 in progress due Apr-21; 2 closed; 3 open; 4 missing (vanished); 5 new
//   Apr: no action log (an agenda only): nothing of it counts as missing
//   May: 1 in progress due 2021-03-31 (earlier), owner JB; 2 open again; 3 deferred; 5 closed
struct Log {
  PacksBuilder index;
  Log() {
    auto jan = pack_of("Alpha Board", "2021-01-13");
    jan.actions = {action("1", ActionStatus::open, "Write the strategy", "2021-02", "Ann Lee"),
                   action("2", ActionStatus::open, "Share the data", std::nullopt, "Bob Roe"),
                   action("3", ActionStatus::unknown, "Book the venue", std::nullopt, "Ann Lee"),
                   action("4", ActionStatus::open, "Draft the terms", std::nullopt, "Cy Dee")};
    auto mar = pack_of("Alpha Board", "2021-03-10");
    mar.actions = {action("1", ActionStatus::in_progress, "Write the strategy", "2021-04", "Ann Lee"),
                   action("2", ActionStatus::closed, "Share the data", std::nullopt, "Bob Roe"),
                   action("3", ActionStatus::open, "Book the venue", std::nullopt, "Ann Lee"),
                   action("5", ActionStatus::open, "Hire a clerk", std::nullopt, "Cy Dee")};
    auto apr = pack_of("Alpha Board", "2021-04-14", false);
    auto may = pack_of("Alpha Board", "2021-05-12");
    may.actions = {action("1", ActionStatus::in_progress, "Write the strategy", "2021-03-31", "JB"),
                   action("2", ActionStatus::open, "Share the data", std::nullopt, "Bob Roe"),
                   action("3", ActionStatus::deferred, "Book the venue", std::nullopt, "Ann Lee"),
                   action("5", ActionStatus::closed, "Hire a clerk", std::nullopt, "Cy Dee")};
    // Ingested out of order: the meeting dates decide.
    index.add("may.txt", may);
    index.add("jan.txt", jan);
    index.add("apr.txt", apr);
    index.add("mar.txt", mar);
  }
};

}  // namespace

TEST_CASE("changes: by default, what the latest pack with actions changed") {
  Log log;
  CHECK(changes(log.index.db(), {}) == lines({"2021-05-12 1 due_earlier 2021-04>2021-03-31 -30",
                                              "2021-05-12 1 owner Ann Lee>JB", "2021-05-12 2 reopened closed>open",
                                              "2021-05-12 3 status open>deferred", "2021-05-12 5 closed open>closed"}));
}

TEST_CASE("changes: every pack since a date, each against the pack before") {
  Log log;
  ChangeFilter since;
  since.since = "2021-01-01";
  CHECK(
      changes(log.index.db(), since) ==
      lines({"2021-01-13 1 new >open", "2021-01-13 2 new >open", "2021-01-13 3 new >unknown", "2021-01-13 4 new >open",
             // 3: unknown to open is no change of a stated status.
             "2021-03-10 1 status open>in_progress", "2021-03-10 1 slipped 2021-02>2021-04 61",
             "2021-03-10 2 closed open>closed", "2021-03-10 4 vanished open>", "2021-03-10 5 new >open",
             "2021-05-12 1 due_earlier 2021-04>2021-03-31 -30", "2021-05-12 1 owner Ann Lee>JB",
             "2021-05-12 2 reopened closed>open", "2021-05-12 3 status open>deferred",
             "2021-05-12 5 closed open>closed"}));
  const auto rows = list_changes(log.index.db(), since);
  const auto vanished = std::find_if(rows.begin(), rows.end(), [](const auto& c) { return c.kind == "vanished"; });
  REQUIRE(vanished != rows.end());
  CHECK(vanished->pack == "mar.txt");
  CHECK(vanished->previous_pack == "jan.txt");
  CHECK(vanished->source_pack == "jan.txt");

  since.since = "2021-04-01";
  const std::string later = changes(log.index.db(), since);
  CHECK(std::count(later.begin(), later.end(), '\n') == 5);
}

TEST_CASE("changes: between two packs; packs of two boards are refused") {
  Log log;
  auto& db = log.index.db();
  const auto id_of = [&](const char* path) {
    bpack::index::Statement q(db, "SELECT id FROM packs WHERE path = ?1");
    q.bind(1, path);
    q.step();
    return q.column_int(0);
  };
  ChangeFilter between;
  between.between = {id_of("jan.txt"), id_of("mar.txt")};
  CHECK(changes(db, between) ==
        lines({"2021-03-10 1 status open>in_progress", "2021-03-10 1 slipped 2021-02>2021-04 61",
               "2021-03-10 2 closed open>closed", "2021-03-10 4 vanished open>", "2021-03-10 5 new >open"}));
  between.between = {id_of("mar.txt"), id_of("jan.txt")};
  CHECK_THROWS_AS(list_changes(db, between), bpack::UsageError);
  log.index.add("beta.txt", pack_of("Beta Board", "2021-06-01"));
  between.between = {id_of("jan.txt"), id_of("beta.txt")};
  CHECK_THROWS_AS(list_changes(db, between), bpack::UsageError);
  ChangeFilter beta;
  beta.board = "beta";
  CHECK(changes(db, beta) == "");
}

TEST_CASE("changes: due dates as days, a month-only date being its last day") {
  CHECK(bpack::index::days_between_due_dates("2024-06", "2024-09") == 92);
  CHECK(bpack::index::days_between_due_dates("2024-06-30", "2024-06") == 0);
  CHECK(bpack::index::days_between_due_dates("2024-12", "2025-01-31") == 31);
  CHECK(bpack::index::days_between_due_dates("2024-02", "2024-03-01") == 1);  // 2024 is a leap year
  CHECK(bpack::index::days_between_due_dates("June", "2024-03-01") == 0);
}
