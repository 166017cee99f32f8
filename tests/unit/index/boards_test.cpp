#include "bpack/index/boards.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bpack/index/action_queries.hpp"
#include "bpack/index/record_queries.hpp"
#include "bpack/util/error.hpp"
#include "unit/index/packs_builder.hpp"

namespace {

using bpack::index::find_board;
using bpack::index::list_boards;
using bpack::model::ActionStatus;
using bpack::test::action;
using bpack::test::pack_of;
using bpack::test::PacksBuilder;

// Each board as "name: alias | alias" (aliases in the order list_boards gives them).
std::vector<std::string> boards_of(bpack::index::Database& db) {
  std::vector<std::string> out;
  for (const auto& board : list_boards(db)) {
    std::string line = board.name.value_or("(none)") + ":";
    for (const auto& alias : board.aliases) {
      line += " " + alias.name + " |";
    }
    out.push_back(line);
  }
  return out;
}

const std::vector<std::string> kCouncilNames = {
    "Planning Committee", "WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE",
    "WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE, Council Chamber, Civic Centre, Westbury"};

}  // namespace

TEST_CASE("boards: a council's committee written three ways is one board, in any order of ingest") {
  std::vector<std::size_t> order = {0, 1, 2};
  do {
    PacksBuilder index;
    const std::vector<std::string> dates = {"2024-03-12", "2024-04-09", "2024-05-14"};
    for (const std::size_t i : order) {
      index.add("pack" + std::to_string(i) + ".txt", pack_of(kCouncilNames[i], dates[i]));
    }
    CAPTURE(order[0]);
    CAPTURE(order[1]);
    const auto boards = list_boards(index.db());
    REQUIRE(boards.size() == 1);
    CHECK(boards[0].packs == 3);
    CHECK(boards[0].meetings == 3);
    // The second and third names share a key (the venue is not part of the name).
    CHECK(boards[0].aliases.size() == 2);
    // Found by any of its names.
    CHECK(find_board(index.db(), "westshire").id == boards[0].id);
    CHECK(find_board(index.db(), "planning committee").id == boards[0].id);
    bpack::index::RecordFilter filter;
    filter.board = "westshire";
    CHECK(bpack::index::list_meetings(index.db(), filter).size() == 3);
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("boards: a name that could be several organisations' committee gets a board of its own") {
  PacksBuilder index;
  index.add("w.txt", pack_of("Westshire Council Planning Committee", "2024-03-12"));
  index.add("e.txt", pack_of("Eastshire Council Planning Committee", "2024-03-13"));
  index.add("p.txt", pack_of("Planning Committee", "2024-03-14"));
  CHECK(boards_of(index.db()) == std::vector<std::string>{"Eastshire Council Planning Committee: "
                                                          "Eastshire Council Planning Committee |",
                                                          "Planning Committee: Planning Committee |",
                                                          "Westshire Council Planning Committee: "
                                                          "Westshire Council Planning Committee |"});
  CHECK_THROWS_AS(find_board(index.db(), "shire"), bpack::UsageError);
  CHECK_THROWS_WITH_AS(find_board(index.db(), "licensing"), "no board matches 'licensing'; `bpack boards` lists them",
                       bpack::Error);
}

TEST_CASE("boards: merge joins names, packs, meetings and actions, and ingest keeps it") {
  PacksBuilder index;
  auto planning = pack_of("Planning Committee", "2024-03-12");
  planning.actions = {action("7", ActionStatus::open, "Survey the car parks", "2024-06", "Tom Reilly")};
  index.add("planning.txt", planning);
  auto control = pack_of("Development Control Committee", "2024-04-09");
  control.actions = {action("7", ActionStatus::closed, "Survey the car parks", "2024-06", "Tom Reilly"),
                     action("8", ActionStatus::open, "Review the fees", std::nullopt, "Ann Lee")};
  index.add("control.txt", control);
  REQUIRE(list_boards(index.db()).size() == 2);
  CHECK(index.db().query_int("SELECT COUNT(*) FROM actions") == 3);

  const auto into = find_board(index.db(), "planning");
  bpack::index::merge_boards(index.db(), into.id, find_board(index.db(), "development").id);
  auto boards = list_boards(index.db());
  REQUIRE(boards.size() == 1);
  CHECK(boards[0].id == into.id);
  CHECK(boards[0].aliases.size() == 2);
  CHECK(boards[0].packs == 2);
  CHECK(boards[0].meetings == 2);
  // Action 7 of both is one action now, closed by the later pack.
  CHECK(index.db().query_int("SELECT COUNT(*) FROM actions") == 2);
  bpack::index::ActionFilter filter;
  filter.as_of = "2024-05-01";
  const auto actions = bpack::index::list_actions(index.db(), filter);
  REQUIRE(actions.size() == 2);
  CHECK(actions[0].ref == "7");
  CHECK(actions[0].status == "closed");
  CHECK(actions[0].packs_seen == 2);

  // A changed pack of the merged board is ingested again: it stays merged.
  control.actions.push_back(action("9", ActionStatus::open, "Publish the plan", std::nullopt, "Ann Lee"));
  CHECK(index.add("control.txt", control).outcome == bpack::index::IngestOutcome::replaced);
  boards = list_boards(index.db());
  REQUIRE(boards.size() == 1);
  CHECK(boards[0].actions == 3);

  SUBCASE("split gives a name its own board again, with its packs and actions") {
    const std::int64_t id = bpack::index::split_board(index.db(), "Development Control Committee");
    boards = list_boards(index.db());
    REQUIRE(boards.size() == 2);
    CHECK(find_board(index.db(), "development").id == id);
    CHECK(find_board(index.db(), "development").actions == 3);
    CHECK(find_board(index.db(), "planning").actions == 1);
    CHECK(index.db().query_int("SELECT COUNT(*) FROM action_state WHERE ref = '7'") == 2);
    CHECK_THROWS_AS(bpack::index::split_board(index.db(), "Planning Committee"), bpack::UsageError);
  }
  SUBCASE("rename sets the name shown, whatever later packs call the board") {
    bpack::index::rename_board(index.db(), into.id, "Westshire Planning Committee");
    index.add("later.txt", pack_of("PLANNING COMMITTEE", "2024-05-14"));
    boards = list_boards(index.db());
    REQUIRE(boards.size() == 1);
    CHECK(boards[0].name == "Westshire Planning Committee");
    CHECK(boards[0].renamed);
  }
  CHECK_THROWS_AS(bpack::index::merge_boards(index.db(), into.id, into.id), bpack::UsageError);
}

TEST_CASE("boards: the name shown is the one most packs and meetings use, in mixed case") {
  PacksBuilder index;
  index.add("a.txt", pack_of("WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE", "2024-03-12"));
  CHECK(list_boards(index.db())[0].name == "WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE");
  index.add("b.txt", pack_of("Westshire District Council Planning Committee", "2024-04-09"));
  index.add("c.txt", pack_of("Planning Committee", "2024-05-14"));
  CHECK(list_boards(index.db())[0].name == "Westshire District Council Planning Committee");
}
