// Actions followed across packs: by board and ref, and without a ref by owner and similar
// text; the state lists read, kept by the writer, agrees with a rebuild from the rows.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bpack/index/action_queries.hpp"
#include "bpack/index/boards.hpp"
#include "index/action_match.hpp"
#include "index/derived_state.hpp"
#include "unit/index/packs_builder.hpp"

namespace {

using bpack::model::ActionStatus;
using bpack::test::action;
using bpack::test::minutes_action;
using bpack::test::pack_of;
using bpack::test::PacksBuilder;

// Which history rows are one action: per action, its rows as "pack:ref", sorted.
std::vector<std::string> partition(bpack::index::Database& db) {
  std::vector<std::string> out;
  bpack::index::Statement q(db,
                            "SELECT group_concat(row, ' ') FROM (SELECT h.action_id AS id, p.path || ':' || "
                            "COALESCE(h.ref, '-') || ':' || h.line AS row FROM action_history h JOIN packs p ON "
                            "p.id = h.pack_id ORDER BY row) GROUP BY id");
  while (q.step()) {
    out.push_back(q.column_text(0));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every derived table as text: what ingest kept, to compare with a rebuild.
std::string derived(bpack::index::Database& db) {
  std::string out;
  for (const char* sql :
       {"SELECT a.ref, s.* FROM action_state s JOIN actions a ON a.id = s.action_id ORDER BY s.action_id",
        "SELECT * FROM meeting_summary ORDER BY board_id, meeting_key", "SELECT * FROM attendance_people",
        "SELECT id, name FROM boards ORDER BY id", "SELECT key, board_id, name, uses FROM board_aliases ORDER BY key",
        "SELECT id, board_id, ref FROM actions ORDER BY id", "SELECT id, action_id, linked_by FROM action_history"}) {
    bpack::index::Statement q(db, sql);
    while (q.step()) {
      for (int c = 0; c < q.column_count(); ++c) {
        out += q.is_null(c) ? "NULL" : q.column_text(c);
        out += '|';
      }
      out += '\n';
    }
  }
  return out;
}

void check_rebuild_agrees(bpack::index::Database& db) {
  const std::string kept = derived(db);
  bpack::index::Transaction transaction(db);
  bpack::index::rebuild_derived_state(db);
  CHECK(derived(db) == kept);
}

// The planning committee's March minutes mark two actions without refs; the April pack's log
// carries them under refs 41 and 42 (one owner written as initials, one text reworded), and
// a third of its own.
bpack::model::Pack march_minutes() {
  auto pack = pack_of("Planning Committee", "2024-04-09", false);
  pack.meetings.push_back(bpack::test::agenda_meeting("Planning Committee", "2024-03-12"));
  pack.meetings.back().role = bpack::model::MeetingRole::minutes;
  pack.actions = {minutes_action("JB to write to the Secretary of State about the bus subsidy", "JB", "2024-03-12"),
                  minutes_action("Commission a parking survey of the town centre", "Tom Reilly", "2024-03-12")};
  pack.actions[1].line = 9;
  return pack;
}
bpack::model::Pack april_log() {
  auto pack = pack_of("Planning Committee", "2024-05-14");
  pack.actions = {
      action("41", ActionStatus::open, "Write to the Secretary of State about bus subsidy", "2024-04", "Jane Brown"),
      action("42", ActionStatus::in_progress, "Parking survey of the town centre commissioned", "2024-06", "TR"),
      action("43", ActionStatus::open, "Publish the housing land supply statement", "2024-05", "TR")};
  for (auto& a : pack.actions) {
    a.raised = "2024-03-12";
  }
  pack.actions[1].line = 11;
  pack.actions[2].raised = "2024-04-09";
  pack.actions[2].line = 12;
  return pack;
}

const std::vector<std::string> kLinked = {"april.txt:41:10 march.txt:-:5", "april.txt:42:11 march.txt:-:9",
                                          "april.txt:43:12"};

}  // namespace

TEST_CASE("action links: a later log's rows join the minutes' actions they carry under new refs") {
  SUBCASE("minutes first") {
    PacksBuilder index;
    index.add("march.txt", march_minutes());
    index.add("april.txt", april_log());
    CHECK(partition(index.db()) == kLinked);
    check_rebuild_agrees(index.db());
  }
  SUBCASE("log first") {
    PacksBuilder index;
    index.add("april.txt", april_log());
    index.add("march.txt", march_minutes());
    CHECK(partition(index.db()) == kLinked);
    check_rebuild_agrees(index.db());
  }
  PacksBuilder index;
  index.add("march.txt", march_minutes());
  index.add("april.txt", april_log());
  const auto histories = bpack::index::action_history(index.db(), "41", std::nullopt, "2024-05-31");
  REQUIRE(histories.size() == 1);
  const auto& h = histories[0];
  CHECK(h.action.status == "open");
  CHECK(h.action.raised == "2024-03-12");
  CHECK(h.action.first_seen == "2024-04-09");
  REQUIRE(h.entries.size() == 2);
  CHECK(h.entries[0].source == "minutes");
  CHECK_FALSE(h.entries[0].ref.has_value());
  CHECK_FALSE(h.entries[0].linked_by.has_value());
  CHECK(h.entries[1].linked_by == "text");
  REQUIRE(h.entries[1].similarity.has_value());
  CHECK(*h.entries[1].similarity >= bpack::index::kLinkSimilarity);
  // Nothing vanished: the April log carries both minutes' actions.
  CHECK(index.db().query_int("SELECT COUNT(*) FROM action_state WHERE vanished_pack_id IS NOT NULL") == 0);
}

TEST_CASE("action links: no link without an agreeing owner, similar text and agreeing raised dates") {
  PacksBuilder index;
  index.add("march.txt", march_minutes());
  auto log = april_log();
  log.actions[0].owner = "Kate Walker";                    // another owner
  log.actions[1].text = "Book the room for the away day";  // another text
  log.actions.push_back(
      action("44", ActionStatus::open, "Write to the Secretary of State about the bus subsidy", std::nullopt, "JB"));
  log.actions.back().raised = "2024-04-09";  // raised at another meeting
  log.actions.back().line = 13;
  index.add("april.txt", log);
  CHECK(index.db().query_int("SELECT COUNT(*) FROM actions") == 6);
  CHECK(index.db().query_int("SELECT COUNT(*) FROM action_history WHERE linked_by = 'text'") == 0);
  // The minutes' actions are missing from the later log, never closed: they vanished.
  CHECK(index.db().query_int("SELECT COUNT(*) FROM action_state WHERE vanished_pack_id IS NOT NULL") == 2);
  check_rebuild_agrees(index.db());
}

TEST_CASE("action links: two alike actions of one meeting stay two; minutes and log of one pack join") {
  PacksBuilder index;
  auto pack = pack_of("Planning Committee", "2024-04-09");
  pack.actions = {minutes_action("Circulate the parking survey brief", "TR", "2024-03-12"),
                  minutes_action("Circulate the parking survey results", "TR", "2024-03-12")};
  pack.actions[1].line = 6;
  auto row = action("50", ActionStatus::in_progress, "Circulate the parking survey brief to members", std::nullopt,
                    "Tom Reilly");
  row.raised = "2024-03-12";
  row.line = 20;
  pack.actions.push_back(row);
  index.add("pack.txt", pack);
  CHECK(partition(index.db()) == std::vector<std::string>{"pack.txt:-:5 pack.txt:50:20", "pack.txt:-:6"});
  // In one pack, the log's row is the later word on the action.
  CHECK(index.db().query_int("SELECT COUNT(*) FROM action_state WHERE ref = '50' AND status = 'in_progress'") == 1);
  check_rebuild_agrees(index.db());
}

TEST_CASE("action state: closed by a later pack's minutes, at that meeting; what a status filter leaves out") {
  PacksBuilder index;
  auto first = pack_of("Partnership Board", "2021-12-08");
  first.actions = {action("68", ActionStatus::open, "Circulate the seminar slides", std::nullopt, "Chair"),
                   action("71", ActionStatus::unknown, "Share the workshop report", std::nullopt, "Alison Blair")};
  index.add("dec.txt", first);
  auto second = pack_of("Partnership Board", "2022-02-09");
  auto closing = minutes_action("Circulate the seminar slides", "Chair", "2021-12-08", ActionStatus::closed);
  closing.ref = "68";
  closing.status_text = "Action closed";
  second.actions = {closing, action("71", ActionStatus::unknown, "Share the workshop report", std::nullopt, "AB")};
  index.add("feb.txt", second);

  bpack::index::ActionFilter closed;
  closed.as_of = "2022-03-01";
  closed.state = bpack::index::ActionFilter::State::closed;
  const auto rows = bpack::index::list_actions(index.db(), closed);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].ref == "68");
  CHECK(rows[0].text == "Circulate the seminar slides");
  CHECK(rows[0].owner == "Chair");
  CHECK(rows[0].closed_on == "2021-12-08");
  CHECK(rows[0].closed_in == "feb.txt");
  CHECK(bpack::index::count_unknown_left_out(index.db(), closed) == 1);

  bpack::index::ActionFilter all;
  all.as_of = "2022-03-01";
  CHECK(bpack::index::count_unknown_left_out(index.db(), all) == 0);  // nothing left out
  bpack::index::ActionFilter of_someone_else = closed;
  of_someone_else.owner = "chair";
  CHECK(bpack::index::count_unknown_left_out(index.db(), of_someone_else) == 0);
  check_rebuild_agrees(index.db());
}

TEST_CASE("derived state: replacing, merging and splitting keep it as a rebuild would make it") {
  PacksBuilder index;
  index.add("march.txt", march_minutes());
  index.add("april.txt", april_log());
  auto may = pack_of("Development Control Committee", "2024-06-11");
  may.actions = {
      action("41", ActionStatus::closed, "Write to the Secretary of State about bus subsidy", "2024-04", "Jane Brown")};
  index.add("may.txt", may);
  check_rebuild_agrees(index.db());

  auto& db = index.db();
  bpack::index::merge_boards(db, bpack::index::find_board(db, "planning").id,
                             bpack::index::find_board(db, "development").id);
  CHECK(db.query_int("SELECT COUNT(*) FROM action_state WHERE ref = '41' AND status = 'closed'") == 1);
  check_rebuild_agrees(db);

  // The April pack is replaced by one without action 43: its state goes, 41 and 42 stay linked.
  auto april = april_log();
  april.actions.pop_back();
  index.add("april.txt", april);
  CHECK(db.query_int("SELECT COUNT(*) FROM action_state WHERE ref = '43'") == 0);
  CHECK(partition(db).size() == 2);
  check_rebuild_agrees(db);

  bpack::index::split_board(db, "Development Control Committee");
  CHECK(db.query_int("SELECT COUNT(*) FROM boards") == 2);
  check_rebuild_agrees(db);
}

TEST_CASE("derived state: a batch lists what its packs left stale, and refresh_derived makes it as pack by pack") {
  // One board's logs carry actions 41 and 42 from meeting to meeting, ingested out of date
  // order; the March minutes mark two actions without refs that the April log carries.
  std::vector<std::pair<std::string, bpack::model::Pack>> packs;
  const auto log = [&](const std::string& name, const std::string& date, ActionStatus status41) {
    auto pack = pack_of("Planning Committee", date);
    pack.actions = {
        action("41", status41, "Write to the Secretary of State about bus subsidy", "2024-04", "Jane Brown"),
        action("42", ActionStatus::open, "Commission a town centre parking survey", "2024-06", "Tom Reilly")};
    packs.emplace_back(name, pack);
  };
  log("june.txt", "2024-06-11", ActionStatus::open);
  log("september.txt", "2024-09-10", ActionStatus::closed);
  packs.emplace_back("march.txt", march_minutes());
  log("july.txt", "2024-07-09", ActionStatus::open);
  packs.emplace_back("april.txt", april_log());
  log("may.txt", "2024-05-14", ActionStatus::open);

  PacksBuilder one_by_one("one.db");
  PacksBuilder batched("batch.db");
  {
    bpack::index::Writer::Batch batch(batched.writer());
    for (const auto& [name, pack] : packs) {
      one_by_one.add(name, pack);
      batched.add(name, pack);
    }
    batch.commit();
  }
  auto& db = batched.db();
  // July's and May's packs come after June's in the actions' histories: their refreshes wait.
  CHECK(db.query_int("SELECT COUNT(*) FROM stale_actions") >= 1);
  CHECK(db.query_int("SELECT COUNT(*) FROM stale_meetings") >= 1);
  CHECK(one_by_one.db().query_int("SELECT COUNT(*) FROM stale_actions") == 0);
  CHECK(derived(db) != derived(one_by_one.db()));
  batched.writer().refresh_derived();
  CHECK(db.query_int("SELECT COUNT(*) FROM stale_actions") == 0);
  CHECK(db.query_int("SELECT COUNT(*) FROM stale_meetings") == 0);
  CHECK(derived(db) == derived(one_by_one.db()));
  CHECK(partition(db) == partition(one_by_one.db()));
  CHECK(db.query_int("SELECT COUNT(*) FROM action_state WHERE ref = '41' AND status = 'closed'") == 1);
  check_rebuild_agrees(db);
}
