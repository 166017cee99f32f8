#pragma once

// What the list commands read is kept ready at ingest instead of being computed by every
// query: each action's latest state (action_state), each meeting's summary (meeting_summary),
// each person's attendance at each board's meetings (attendance_people), how often each board
// alias is used and so each board's name. Each is refreshed from the
// rows it comes from when a pack that holds those rows comes or goes, or when boards are
// merged or split. Private to the index module.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bpack/index/database.hpp"

namespace bpack::index {

class DerivedState {
 public:
  explicit DerivedState(Database& db);

  // After a pack's rows are written (its packs row has its board and date). With `later`,
  // the states and summaries that can wait are listed as stale (stale_actions,
  // stale_meetings, stale_people) for refresh_stale, so that an action carried by many packs
  // of one ingest is refreshed once. What ingest itself reads stays exact: an action's first row (which
  // links rows without a ref to it) and the states that tell what vanished from a log.
  void pack_added(std::int64_t pack_id, bool later);

  // Brings every state and summary listed as stale up to date, and empties the lists.
  void refresh_stale();

  // What depends on a pack's rows: read before they are deleted, refreshed after.
  struct Dependents {
    std::vector<std::int64_t> actions;
    std::vector<std::pair<std::int64_t, std::string>> meetings;  // board, meeting key
    std::vector<std::int64_t> boards;
    std::vector<std::pair<std::string, std::int64_t>> people;  // who, board (0: none)
  };
  Dependents before_pack_deleted(std::int64_t pack_id);
  void after_pack_deleted(const Dependents& dependents);

  // Everything of one board, after its packs, meetings or actions moved.
  void refresh_board(std::int64_t board_id);
  // The attendance counts of one board's people (board 0: the packs without a board).
  void refresh_board_people(std::int64_t board_id);

 private:
  void refresh_action(std::int64_t action_id);
  void refresh_meeting(std::int64_t board_id, const std::string& key);
  void refresh_board_name(std::int64_t board_id);
  void refresh_person(const std::string& who, std::int64_t board_id);
  // Counts the people of `rows` (kPeopleRows's columns) into attendance_people.
  void count_people(Statement& rows, std::int64_t board_id);
  // Binds the board to ?1 as kPeopleRows wants it (NULL for board 0).
  static Statement& bind_board(Statement& q, std::int64_t board_id);
  // The people a pack's attendance lists, with its board: who, board (0: none).
  std::vector<std::pair<std::string, std::int64_t>> people_of_pack(std::int64_t pack_id);
  // +1 or -1 to the uses of the aliases a pack and its meetings name.
  void count_aliases(std::int64_t pack_id, int delta);
  std::vector<std::pair<std::int64_t, std::string>> meeting_keys(std::int64_t pack_id);

  Database& db_;
  Statement delete_state_;
  Statement action_rows_;
  Statement label_row_;
  Statement match_data_;
  Statement insert_state_;
  Statement first_log_after_;
  Statement mark_vanished_;
  Statement first_seen_;
  // Prepared when first used: the migration to schema version 4 rebuilds the states before
  // version 6 brings the stale lists.
  std::optional<Statement> add_stale_action_;
  std::optional<Statement> add_stale_meeting_;
  Statement pack_;
  Statement actions_of_pack_;
  Statement vanished_in_pack_;
  Statement meeting_keys_;
  Statement delete_meeting_;
  Statement insert_meeting_;
  Statement count_pack_alias_;
  Statement count_meeting_aliases_;
  Statement board_name_;
  Statement fix_ref_;
  Statement people_of_pack_;
  Statement add_stale_people_;
  Statement delete_person_;
  Statement person_rows_;
  Statement insert_person_;
};

// Rebuilds every derived table from the rows: boards for packs and meetings that have none,
// every board's actions linked again (action_links.hpp), then every state, summary and name.
// The migration to schema version 4 runs it; tests compare it with what ingest kept.
void rebuild_derived_state(Database& db);

// attendance_people made again from every attendance row: the migration to schema version 8.
void rebuild_attendance_people(Database& db);

}  // namespace bpack::index
