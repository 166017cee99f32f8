#include "bpack/index/record_queries.hpp"

#include <algorithm>
#include <array>
#include <cstring>
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

// The column's text (or none) in `to`, in the room its string already has: for rows read by
// the hundred thousand.
void assign_text(std::optional<std::string>& to, const Statement& q, int column) {
  if (q.is_null(column)) {
    to.reset();
  } else if (to) {
    to->assign(q.column_view(column));
  } else {
    to.emplace(q.column_view(column));
  }
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

// The people of an attendance summary, by the key of their name: the name in lower case (as
// SQLite's lower(), ASCII only). A lookup is made for each of an index's attendance rows, so
// they are kept in one array of slots probed in order, and a slot holds a name of up to 27
// bytes whole: its key, and which of its bytes are capitals in the spelling shown. That
// spelling is the smallest met, and spellings of one key differ only in case, so the first
// byte where two differ decides (a capital sorts first). A row reads one slot; longer names
// are kept aside.
class People {
 public:
  // The index of the person named `name` (any case), added when new.
  std::size_t find_or_add(std::string_view name) {
    if ((count_ + 1) * 4 > slots_.size() * 3) {
      grow();
    }
    key_.assign(name);
    std::uint64_t capitals = 0;
    for (std::size_t i = 0; i < key_.size(); ++i) {
      if (key_[i] >= 'A' && key_[i] <= 'Z') {
        key_[i] = static_cast<char>(key_[i] - 'A' + 'a');
        capitals |= i < 64 ? std::uint64_t{1} << i : 0;
      }
    }
    const bool inline_key = key_.size() <= kInline;
    const std::size_t hash = std::hash<std::string_view>{}(key_);
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& slot = slots_[i];
      if (slot.person == 0) {
        if (count_ == kMaxPeople) {
          throw Error(fmt::format("an attendance summary counts at most {} people", kMaxPeople));
        }
        slot.hash = hash;
        slot.person = static_cast<std::uint32_t>(++count_);
        if (inline_key) {
          slot.size = static_cast<std::uint8_t>(key_.size());
          slot.capitals = capitals;
          std::memcpy(slot.key, key_.data(), key_.size());
        } else {
          slot.size = kLong;
          slot.capitals = longs_.size();
          longs_.push_back({key_, std::string(name)});
        }
        return slot.person - 1;
      }
      if (slot.hash != hash) {
        continue;
      }
      if (inline_key && slot.size == key_.size() && std::memcmp(slot.key, key_.data(), key_.size()) == 0) {
        const std::uint64_t differ = capitals ^ slot.capitals;
        if (differ != 0 && (capitals & (differ & (~differ + 1))) != 0) {  // a capital first where they differ
          slot.capitals = capitals;
        }
        return slot.person - 1;
      }
      if (!inline_key && slot.size == kLong && longs_[slot.capitals].key == key_) {
        std::string& shown = longs_[slot.capitals].shown;
        if (name < shown) {
          shown = name;
        }
        return slot.person - 1;
      }
    }
  }

  std::size_t size() const { return count_; }

  // Once every row is in: each person's key and the spelling shown, by index.
  void finish() {
    slot_of_.assign(count_, 0);
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i].person != 0) {
        slot_of_[slots_[i].person - 1] = i;
      }
    }
  }
  std::string_view key(std::size_t person) const {
    const Slot& slot = slots_[slot_of_[person]];
    return slot.size == kLong ? std::string_view(longs_[slot.capitals].key) : std::string_view(slot.key, slot.size);
  }
  void shown(std::size_t person, std::string& out) const {
    const Slot& slot = slots_[slot_of_[person]];
    if (slot.size == kLong) {
      out = longs_[slot.capitals].shown;
      return;
    }
    out.assign(slot.key, slot.size);
    for (std::size_t i = 0; i < slot.size; ++i) {
      if ((slot.capitals >> i & 1U) != 0) {
        out[i] = static_cast<char>(out[i] - 'a' + 'A');
      }
    }
  }

 private:
  static constexpr std::size_t kInline = 27;
  static constexpr std::size_t kMaxPeople = 0xFFFFFFFFU;
  static constexpr std::uint8_t kLong = 0xFF;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t capitals = 0;  // bit i: byte i of the spelling shown is a capital; kLong: index in longs_
    std::uint32_t person = 0;    // index + 1; 0: empty
    std::uint8_t size = 0;       // the key's size, or kLong
    char key[kInline] = {};
  };
  struct Long {
    std::string key;
    std::string shown;
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

  std::vector<Slot> slots_;  // a power of two, at most three quarters full
  std::vector<Long> longs_;  // names longer than kInline
  std::size_t count_ = 0;
  std::string key_;
  std::vector<std::size_t> slot_of_;  // by person, after finish()
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
  AttendanceRow row;  // one, its strings' room used again for every row
  while (q.step()) {
    const PackDirectory::Pack& pack = packs[q.column_int(6)];
    assign_text(row.meeting_date, q, 0);
    row.board = *pack.board;
    row.name.assign(q.column_view(1));
    assign_text(row.role, q, 2);
    assign_text(row.initials, q, 3);
    row.status.assign(q.column_view(4));
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

void for_each_attendance_summary(Database& db, const RecordFilter& filter, const std::optional<std::string>& person,
                                 const std::function<void(AttendanceSummaryRow&)>& each) {
  // Counted here rather than by SQL's COUNT(DISTINCT ...) per person, which sorts every row
  // of an index's attendance several times over: one pass over the rows, then one sort of
  // an entry per row (person, meeting, what it says). A person is their name in lower case (as SQLite's lower(), ASCII
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
  // person << 32 | meeting << 2 | what the row counts as (listed only, present, apologies,
  // absent): one for each row, sorted at the end, so that a person's rows for one meeting
  // come together and count once. Room is made for every row at once (pages that are not
  // used are never touched), so the list is never copied as it grows.
  std::vector<std::uint64_t> seen;
  seen.reserve(static_cast<std::size_t>(db.query_int("SELECT COUNT(*) FROM attendance")));
  std::string meeting;
  std::string last_meeting;  // a pack's rows come together: most rows share the last's meeting
  std::uint64_t meeting_index = 0;
  while (q.step()) {
    const std::size_t person_index = people.find_or_add(q.column_view(0));
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
    if (meeting_index >= (std::uint64_t{1} << 30U)) {
      throw Error(
          fmt::format("{}: too many meetings to count at once; narrow the summary with --board, --since or "
                      "--until",
                      db.path()));
    }
    seen.push_back(static_cast<std::uint64_t>(person_index) << 32U | meeting_index << 2U | kind);
  }
  std::sort(seen.begin(), seen.end());
  people.finish();
  std::vector<std::array<std::int64_t, kinds>> counts(people.size());
  for (std::size_t i = 0; i < seen.size();) {
    // One person at one meeting: counted once as listed, once for each thing a row says.
    std::array<bool, kinds> says{};
    std::size_t j = i;
    for (; j < seen.size() && seen[j] >> 2U == seen[i] >> 2U; ++j) {
      says[seen[j] & 3U] = true;
    }
    auto& count = counts[seen[i] >> 32U];
    ++count[listed];
    for (const Count kind : {present, apologies, absent}) {
      count[kind] += says[kind] ? 1 : 0;
    }
    i = j;
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
      return std::make_tuple(counts[i][listed] == 0, -rate(i), -counts[i][listed], people.key(i));
    };
    return key(a) < key(b);
  });
  AttendanceSummaryRow row;  // one, its name's room used again for every person
  for (const std::size_t i : order) {
    people.shown(i, row.name);
    row.meetings = counts[i][listed];
    row.present = counts[i][present];
    row.apologies = counts[i][apologies];
    row.absent = counts[i][absent];
    row.rate = rate(i);
    each(row);
  }
}

std::vector<AttendanceSummaryRow> attendance_summary(Database& db, const RecordFilter& filter,
                                                     const std::optional<std::string>& person) {
  std::vector<AttendanceSummaryRow> rows;
  for_each_attendance_summary(db, filter, person,
                              [&rows](AttendanceSummaryRow& row) { rows.push_back(std::move(row)); });
  return rows;
}

}  // namespace bpack::index
