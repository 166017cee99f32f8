#include "bpack/index/record_queries.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "board_filter.hpp"
#include "bpack/util/error.hpp"

namespace bpack::index {
namespace {

// `date` is the SQL expression of the row's meeting date; `board` is true when the row's
// board is the one asked for (board_filter_sql). Values are bound, never spliced.
std::string filter_sql(const std::string& date, const std::string& board = board_filter_sql("p.board_id")) {
  return board + " AND (:since IS NULL OR " + date + " >= :since) AND (:until IS NULL OR " + date + " <= :until)";
}

void bind_filter(Statement& q, const RecordFilter& filter) {
  q.bind(q.parameter_index(":board"), filter.board);
  q.bind(q.parameter_index(":since"), filter.since);
  q.bind(q.parameter_index(":until"), filter.until);
}

// Meetings are kept one row each by the writer (meeting_summary: a board and a date, from
// every pack that mentions it).
const std::string kMeetingsSql =
    "SELECT m.date, m.time, b.name, m.venue, ap.path, mp.path, m.present, m.apologies, m.decisions, "
    "m.actions_raised, m.agenda_pack_id, m.agenda_line, m.minutes_pack_id, m.minutes_line, m.board_id "
    "FROM meeting_summary m JOIN boards b ON b.id = m.board_id "
    "LEFT JOIN packs ap ON ap.id = m.agenda_pack_id LEFT JOIN packs mp ON mp.id = m.minutes_pack_id WHERE " +
    board_filter_sql("m.board_id") +
    " AND (:since IS NULL OR m.date >= :since) AND (:until IS NULL OR m.date <= :until) "
    "ORDER BY m.date IS NULL, m.date, lower(b.name)";

// Rows are listed under their meeting's date, else their pack's (listed_date, kept by the
// writer), and read in that order from the index on it: packs of one date in the order they
// were ingested, each pack's rows in line order.
// Attendance rows name their pack by id: its path and board come from PackDirectory, read
// once, instead of from a join for each of an index's hundreds of thousands of rows.
const std::string kAttendanceFrom =
    " FROM attendance a WHERE " +
    filter_sql("a.listed_date", "(:board IS NULL OR a.pack_id IN (SELECT p.id FROM packs p WHERE " +
                                    board_filter_sql("p.board_id") + "))") +
    " AND (:person IS NULL OR instr(lower(a.name), lower(:person)) > 0)";

// The people of an attendance summary by the key of their name, in one array of slots probed
// in order: a lookup for each of an index's attendance rows reads one slot and one person.
class People {
 public:
  struct Person {
    std::string key;    // the name in lower case
    std::string shown;  // the smallest spelling met
  };

  // The index of the person whose key is `key`, added with `name` shown when new; `name`
  // is shown instead when it is smaller than the spelling kept.
  std::size_t find_or_add(std::string_view key, std::string_view name) {
    if ((people_.size() + 1) * 2 > slots_.size()) {
      grow();
    }
    const std::size_t hash = std::hash<std::string_view>{}(key);
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& slot = slots_[i];
      if (slot.person == 0) {
        people_.push_back({std::string(key), std::string(name)});
        slot = {hash, people_.size()};
        return people_.size() - 1;
      }
      if (slot.hash == hash && people_[slot.person - 1].key == key) {
        std::string& shown = people_[slot.person - 1].shown;
        if (name < shown) {
          shown = name;
        }
        return slot.person - 1;
      }
    }
  }

  std::vector<Person>& people() { return people_; }

 private:
  struct Slot {
    std::size_t hash = 0;
    std::size_t person = 0;  // index in people_ + 1; 0: empty
  };

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
    for (const Slot& slot : old) {
      if (slot.person != 0) {
        std::size_t i = slot.hash & (slots_.size() - 1);
        while (slots_[i].person != 0) {
          i = (i + 1) & (slots_.size() - 1);
        }
        slots_[i] = slot;
      }
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<Person> people_;
};

// Every pack's board, and its path when asked for, read once (the paths cost most: they are
// in the packs' own rows, the boards in an index).
class PackDirectory {
 public:
  struct Pack {
    std::string path;
    std::int64_t board_id = 0;                          // 0: none
    const std::optional<std::string>* board = nullptr;  // its name
  };
  enum class Paths { read, skip };

  PackDirectory(Database& db, Paths paths) : index_path_(db.path()) {
    Statement boards(db, "SELECT id, name FROM boards");
    while (boards.step()) {
      boards_.try_emplace(boards.column_int(0), boards.column_optional(1));
    }
    Statement packs(db, paths == Paths::read ? "SELECT id, COALESCE(board_id, 0), path FROM packs"
                                             : "SELECT id, COALESCE(board_id, 0) FROM packs");
    while (packs.step()) {
      const auto board = boards_.find(packs.column_int(1));
      packs_.try_emplace(packs.column_int(0),
                         Pack{paths == Paths::read ? packs.column_text(2) : std::string(), packs.column_int(1),
                              board == boards_.end() ? &kNoBoard : &board->second});
    }
  }

  // Rows and packs read in one snapshot (ReadSnapshot): a row's pack is always there.
  const Pack& operator[](std::int64_t id) {
    if (id != last_id_ || last_ == nullptr) {
      const auto found = packs_.find(id);
      if (found == packs_.end()) {
        throw Error(
            fmt::format("{}: a row names pack {}, which the index does not hold (a damaged index: "
                        "ingest the packs into a new one)",
                        index_path_, id));
      }
      last_id_ = id;
      last_ = &found->second;
    }
    return *last_;
  }

 private:
  static inline const std::optional<std::string> kNoBoard;
  std::string index_path_;
  std::unordered_map<std::int64_t, std::optional<std::string>> boards_;
  std::unordered_map<std::int64_t, Pack> packs_;
  std::int64_t last_id_ = 0;
  const Pack* last_ = nullptr;
};

}  // namespace

std::vector<MeetingRow> list_meetings(Database& db, const RecordFilter& filter) {
  Statement q(db, kMeetingsSql);
  bind_filter(q, filter);
  std::vector<MeetingRow> rows;
  while (q.step()) {
    MeetingRow row;
    row.date = q.column_optional(0);
    row.time = q.column_optional(1);
    row.board = q.column_optional(2);
    row.venue = q.column_optional(3);
    row.agenda_pack = q.column_optional(4);
    row.minutes_pack = q.column_optional(5);
    row.present = q.column_int(6);
    row.apologies = q.column_int(7);
    row.decisions = q.column_int(8);
    row.actions_raised = q.column_int(9);
    row.agenda_pack_id = q.column_optional_int(10);
    row.agenda_line = q.column_optional_int(11);
    row.minutes_pack_id = q.column_optional_int(12);
    row.minutes_line = q.column_optional_int(13);
    row.board_id = q.column_int(14);
    rows.push_back(std::move(row));
  }
  return rows;
}

void for_each_decision(Database& db, const RecordFilter& filter, const std::optional<std::string>& text,
                       const std::function<void(DecisionRow&)>& each) {
  Statement q(db,
              "SELECT d.listed_date, bd.name, d.item, d.kind, d.text, p.path, d.line, p.id, COALESCE(p.board_id, 0) "
              "FROM decisions d JOIN packs p ON p.id = d.pack_id LEFT JOIN boards bd ON bd.id = p.board_id WHERE " +
                  filter_sql("d.listed_date") +
                  " AND (:text IS NULL OR instr(lower(d.text), lower(:text)) > 0) "
                  "ORDER BY d.listed_date, d.pack_id, d.line");
  bind_filter(q, filter);
  q.bind(q.parameter_index(":text"), text);
  while (q.step()) {
    DecisionRow row;
    row.meeting_date = q.column_optional(0);
    row.board = q.column_optional(1);
    row.item = q.column_optional(2);
    row.kind = q.column_text(3);
    row.text = q.column_optional(4);
    row.pack = q.column_text(5);
    row.line = q.column_int(6);
    row.pack_id = q.column_int(7);
    row.board_id = q.column_int(8);
    each(row);
  }
}

std::vector<DecisionRow> list_decisions(Database& db, const RecordFilter& filter,
                                        const std::optional<std::string>& text) {
  std::vector<DecisionRow> rows;
  for_each_decision(db, filter, text, [&rows](DecisionRow& row) { rows.push_back(std::move(row)); });
  return rows;
}

std::vector<ItemRow> list_items(Database& db, const RecordFilter& filter) {
  Statement q(db,
              "SELECT COALESCE(p.board_id, 0), bd.name, i.kind, i.number, i.title, COALESCE(i.date, p.meeting_date), "
              "p.path, p.id, i.line FROM ("
              "  SELECT 'agenda item' AS kind, pack_id, number, title, NULL AS date, line FROM agenda_items"
              "  UNION ALL SELECT 'minute item', pack_id, number, title, meeting_date, line_start FROM minute_items"
              "  UNION ALL SELECT 'paper', pack_id, ref, title, NULL, line_start FROM papers WHERE title IS NOT NULL"
              ") i JOIN packs p ON p.id = i.pack_id LEFT JOIN boards bd ON bd.id = p.board_id WHERE " +
                  filter_sql("COALESCE(i.date, p.meeting_date)") + " ORDER BY p.id, i.line");
  bind_filter(q, filter);
  std::vector<ItemRow> rows;
  while (q.step()) {
    rows.push_back({q.column_int(0), q.column_optional(1), q.column_text(2), q.column_optional(3), q.column_text(4),
                    q.column_optional(5), q.column_text(6), q.column_int(7), q.column_int(8)});
  }
  return rows;
}

void for_each_attendance(Database& db, const RecordFilter& filter, const std::optional<std::string>& person,
                         const std::function<void(AttendanceRow&)>& each) {
  const ReadSnapshot snapshot(db);
  PackDirectory packs(db, PackDirectory::Paths::read);
  Statement q(db, "SELECT a.listed_date, a.name, a.role, a.initials, a.status, a.line, a.pack_id" + kAttendanceFrom +
                      " ORDER BY a.listed_date, a.pack_id, a.line");
  bind_filter(q, filter);
  q.bind(q.parameter_index(":person"), person);
  while (q.step()) {
    const PackDirectory::Pack& pack = packs[q.column_int(6)];
    AttendanceRow row;
    row.meeting_date = q.column_optional(0);
    row.board = *pack.board;
    row.name = q.column_text(1);
    row.role = q.column_optional(2);
    row.initials = q.column_optional(3);
    row.status = q.column_text(4);
    row.pack = pack.path;
    row.line = q.column_int(5);
    row.pack_id = q.column_int(6);
    row.board_id = pack.board_id;
    each(row);
  }
}

std::vector<AttendanceRow> list_attendance(Database& db, const RecordFilter& filter,
                                           const std::optional<std::string>& person) {
  std::vector<AttendanceRow> rows;
  for_each_attendance(db, filter, person, [&rows](AttendanceRow& row) { rows.push_back(std::move(row)); });
  return rows;
}

std::vector<AttendanceSummaryRow> attendance_summary(Database& db, const RecordFilter& filter,
                                                     const std::optional<std::string>& person) {
  // Counted here rather than by SQL's COUNT(DISTINCT ...) per person, which sorts every row
  // of an index's attendance several times over: one pass over the rows, each person's
  // meetings kept in a set. A person is their name in lower case (as SQLite's lower(), ASCII
  // only) and shown by the smallest spelling (the capitalised one, when a name is written in
  // several cases). A meeting is a board and a date; a row without a date is its pack's
  // meeting; a meeting listed in two packs counts once; a row without a board counts in none.
  const ReadSnapshot snapshot(db);
  PackDirectory packs(db, PackDirectory::Paths::skip);
  Statement q(db, "SELECT a.name, a.status, a.meeting_date, a.pack_id" + kAttendanceFrom);
  bind_filter(q, filter);
  q.bind(q.parameter_index(":person"), person);

  enum Count : std::uint64_t { listed, present, apologies, absent, kinds };
  People people;
  std::unordered_map<std::string, std::uint64_t> meetings;  // "board|date" or "board|pack id"
  // person << 32 | (meeting * kinds + count) for every row: sorted and counted once each at
  // the end. Room is made for two per row at once (pages that are not used are never
  // touched), so the list is never copied as it grows.
  std::vector<std::uint64_t> seen;
  seen.reserve(2 * static_cast<std::size_t>(db.query_int("SELECT COUNT(*) FROM attendance")));
  std::string who;
  std::string meeting;
  std::string last_meeting;  // a pack's rows come together: most rows share the last's meeting
  std::uint64_t meeting_index = 0;
  while (q.step()) {
    const std::string_view name = q.column_view(0);
    who.assign(name);
    for (char& c : who) {
      c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::size_t person_index = people.find_or_add(who, name);
    const std::int64_t pack_id = q.column_int(3);
    const std::int64_t board_id = packs[pack_id].board_id;
    if (board_id == 0) {
      continue;
    }
    meeting = std::to_string(board_id);
    meeting += '|';
    meeting += !q.is_null(2) ? q.column_text(2) : "pack " + std::to_string(pack_id);
    if (meeting != last_meeting || seen.empty()) {
      meeting_index = meetings.try_emplace(meeting, meetings.size()).first->second;
      last_meeting = meeting;
    }
    const std::string_view status = q.column_view(1);
    const Count kind = status == "member" || status == "attendee" ? present
                       : status == "apologies"                    ? apologies
                       : status == "absent"                       ? absent
                                                                  : listed;
    if (person_index > 0xFFFFFFFFU || meeting_index >= (std::uint64_t{1} << 32U) / kinds) {
      throw Error(
          fmt::format("{}: too many people or meetings to count at once; narrow the summary with --board, "
                      "--since or --until",
                      db.path()));
    }
    const std::uint64_t person_bits = static_cast<std::uint64_t>(person_index) << 32U;
    seen.push_back(person_bits | (meeting_index * kinds + listed));
    if (kind != listed) {
      seen.push_back(person_bits | (meeting_index * kinds + kind));
    }
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  std::vector<std::array<std::int64_t, kinds>> counts(people.people().size());
  for (const std::uint64_t entry : seen) {
    ++counts[entry >> 32U][(entry & 0xFFFFFFFFU) % kinds];
  }
  const auto rate = [&counts](std::size_t i) {
    return counts[i][listed] > 0 ? static_cast<double>(counts[i][present]) / static_cast<double>(counts[i][listed])
                                 : 0.0;
  };
  // Best attendance first, then the most meetings, then by name; a person in no meeting last.
  std::vector<std::size_t> order(counts.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto key = [&](std::size_t i) {
      return std::make_tuple(counts[i][listed] == 0, -rate(i), -counts[i][listed], std::cref(people.people()[i].key));
    };
    return key(a) < key(b);
  });
  std::vector<AttendanceSummaryRow> rows;
  rows.reserve(order.size());
  for (const std::size_t i : order) {
    rows.push_back({std::move(people.people()[i].shown), counts[i][listed], counts[i][present], counts[i][apologies],
                    counts[i][absent], rate(i)});
  }
  return rows;
}

}  // namespace bpack::index
