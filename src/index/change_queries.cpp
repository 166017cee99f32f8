#include "bpack/index/change_queries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "action_match.hpp"
#include "board_filter.hpp"
#include "bpack/util/error.hpp"

namespace bpack::index {
namespace {

struct BoardPack {
  std::int64_t id = 0;
  std::string path;
  std::optional<std::string> date;
  bool has_log = false;
  bool has_actions = false;
};

// An action's state in one pack: its last row there (the log's, when minutes and log both
// carry it).
struct PackState {
  std::size_t position = 0;  // in the board's packs
  std::string status;
  std::optional<std::string> due;
  std::optional<std::string> due_text;
  std::optional<std::string> owner;
  std::string owner_key;
  std::optional<std::string> text;
  std::int64_t line = 0;
};

struct ActionRows {
  std::optional<std::string> ref;
  std::vector<PackState> states;  // in pack order, one per pack
};

// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> due_day(const std::string& date) {
  if (date.size() != 7 && date.size() != 10) {
    return std::nullopt;
  }
  try {
    const std::int64_t y = std::stoll(date.substr(0, 4));
    const auto m = static_cast<unsigned>(std::stoul(date.substr(5, 2)));
    if (m < 1 || m > 12) {
      return std::nullopt;
    }
    if (date.size() == 10) {
      return days_from_civil(y, m, static_cast<unsigned>(std::stoul(date.substr(8, 2))));
    }
    // A month: its last day, the day before the next month's first.
    return m == 12 ? days_from_civil(y + 1, 1, 1) - 1 : days_from_civil(y, m + 1, 1) - 1;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

int kind_order(const std::string& kind) {
  static const std::vector<std::string> order = {"new",     "closed",      "reopened", "status",
                                                 "slipped", "due_earlier", "owner",    "vanished"};
  return static_cast<int>(std::find(order.begin(), order.end(), kind) - order.begin());
}

// Refs are numbers in most packs: 9 before 10, then others as text.
bool ref_before(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  const auto numeric = [](const std::optional<std::string>& r) {
    return r && !r->empty() && std::isdigit(static_cast<unsigned char>(r->front())) ? std::stoll(r->substr(0, 15)) : -1;
  };
  const auto na = numeric(a);
  const auto nb = numeric(b);
  if ((na >= 0) != (nb >= 0)) {
    return na >= 0;
  }
  return std::tie(na, a) < std::tie(nb, b);
}

std::vector<BoardPack> board_packs(Database& db, std::int64_t board_id) {
  Statement q(db,
              "SELECT p.id, p.path, p.meeting_date, p.has_action_log, "
              "EXISTS (SELECT 1 FROM action_history h WHERE h.pack_id = p.id) FROM packs p "
              "WHERE p.board_id = ?1 ORDER BY COALESCE(p.meeting_date, ''), p.id");
  q.bind(1, board_id);
  std::vector<BoardPack> packs;
  while (q.step()) {
    packs.push_back(
        {q.column_int(0), q.column_text(1), q.column_optional(2), q.column_int(3) != 0, q.column_int(4) != 0});
  }
  return packs;
}

// The actions with a row in packs [from, to] of the board, each with its states in the
// packs up to `to`.
std::map<std::int64_t, ActionRows> load_actions(Database& db, std::int64_t board_id,
                                                const std::vector<BoardPack>& packs, std::size_t from, std::size_t to) {
  std::unordered_map<std::int64_t, std::size_t> position;
  for (std::size_t i = 0; i <= to; ++i) {
    position[packs[i].id] = i;
  }
  Statement q(db,
              "SELECT h.action_id, h.pack_id, a.ref, h.status, h.due, h.due_text, h.owner, h.owner_initials, h.text, "
              "h.line FROM action_history h JOIN actions a ON a.id = h.action_id JOIN packs p ON p.id = h.pack_id "
              "WHERE h.action_id IN (SELECT h2.action_id FROM packs p2 JOIN action_history h2 ON h2.pack_id = p2.id "
              "  WHERE p2.board_id = ?1 AND (COALESCE(p2.meeting_date, ''), p2.id) >= (?2, ?3) "
              "  AND (COALESCE(p2.meeting_date, ''), p2.id) <= (?4, ?5)) "
              "AND (COALESCE(p.meeting_date, ''), p.id) <= (?4, ?5) "
              "ORDER BY h.action_id, COALESCE(p.meeting_date, ''), p.id, h.source = 'action_log', h.line");
  q.bind(1, board_id).bind(2, packs[from].date.value_or("")).bind(3, packs[from].id);
  q.bind(4, packs[to].date.value_or("")).bind(5, packs[to].id);
  std::map<std::int64_t, ActionRows> actions;
  while (q.step()) {
    const auto found = position.find(q.column_int(1));
    if (found == position.end()) {
      continue;  // a pack of another board (never, once boards are linked)
    }
    ActionRows& rows = actions[q.column_int(0)];
    rows.ref = q.column_optional(2);
    PackState state{found->second,        q.column_text(3),     q.column_optional(4),
                    q.column_optional(5), q.column_optional(6), {},
                    q.column_optional(8), q.column_int(9)};
    state.owner_key = owner_key(state.owner ? state.owner : q.column_optional(7));
    if (!rows.states.empty() && rows.states.back().position == state.position) {
      rows.states.back() = std::move(state);  // the later row of the same pack wins
    } else {
      rows.states.push_back(std::move(state));
    }
  }
  return actions;
}

struct Emitter {
  const std::string& board;
  std::int64_t board_id;
  const std::vector<BoardPack>& packs;
  std::vector<std::pair<std::size_t, ChangeRow>> out;  // with the pack's position

  void emit(std::int64_t action_id, const ActionRows& action, const PackState* before, const PackState& at,
            std::size_t position, const char* kind, std::optional<std::string> from, std::optional<std::string> to,
            std::optional<std::int64_t> days = std::nullopt) {
    ChangeRow row;
    row.board = board;
    row.board_id = board_id;
    row.action_id = action_id;
    row.ref = action.ref;
    row.kind = kind;
    row.from = std::move(from);
    row.to = std::move(to);
    row.days = days;
    const BoardPack& pack = packs[position];
    row.pack = pack.path;
    row.pack_id = pack.id;
    row.meeting_date = pack.date;
    if (before != nullptr) {
      row.previous_pack = packs[before->position].path;
      row.previous_date = packs[before->position].date;
    }
    row.source_pack = packs[at.position].path;
    row.source_pack_id = packs[at.position].id;
    row.source_line = at.line;
    row.owner = at.owner;
    row.text = at.text;
    row.status = at.status;
    out.emplace_back(position, std::move(row));
  }

  void compare(std::int64_t id, const ActionRows& action, const PackState& before, const PackState& at) {
    const std::size_t position = at.position;
    const std::string& was = before.status;
    const std::string& is = at.status;
    if (is == "closed" && was != "closed") {
      emit(id, action, &before, at, position, "closed", was, is);
    } else if (was == "closed" && is != "closed" && is != "unknown") {
      emit(id, action, &before, at, position, "reopened", was, is);
    } else if (was != is && was != "unknown" && is != "unknown") {
      emit(id, action, &before, at, position, "status", was, is);
    }
    if (before.due && at.due) {
      const auto from = due_day(*before.due);
      const auto to = due_day(*at.due);
      if (from && to && *from != *to) {
        emit(id, action, &before, at, position, *to > *from ? "slipped" : "due_earlier",
             before.due_text ? before.due_text : before.due, at.due_text ? at.due_text : at.due, *to - *from);
      }
    }
    if (!before.owner_key.empty() && !at.owner_key.empty() && before.owner_key != at.owner_key) {
      emit(id, action, &before, at, position, "owner", before.owner, at.owner);
    }
  }
};

std::optional<std::size_t> position_of(const std::vector<BoardPack>& packs, std::int64_t id) {
  for (std::size_t i = 0; i < packs.size(); ++i) {
    if (packs[i].id == id) {
      return i;
    }
  }
  return std::nullopt;
}

}  // namespace

std::int64_t days_between_due_dates(const std::string& from, const std::string& to) {
  const auto a = due_day(from);
  const auto b = due_day(to);
  return a && b ? *b - *a : 0;
}

std::vector<ChangeRow> list_changes(Database& db, const ChangeFilter& filter) {
  std::vector<std::pair<std::int64_t, std::string>> boards;
  if (filter.between) {
    Statement q(db,
                "SELECT p.board_id, b.name FROM packs p JOIN boards b ON b.id = p.board_id WHERE p.id IN (?1, ?2) "
                "GROUP BY p.board_id");
    q.bind(1, filter.between->first).bind(2, filter.between->second);
    while (q.step()) {
      boards.emplace_back(q.column_int(0), q.column_text(1));
    }
    if (boards.size() > 1) {
      throw UsageError("changes --between: the two packs are of different boards; name two packs of one board");
    }
  } else {
    Statement q(db, "SELECT b.id, COALESCE(b.name, '') FROM boards b WHERE " + board_filter_sql("b.id") +
                        " ORDER BY lower(b.name), b.id");
    q.bind(q.parameter_index(":board"), filter.board);
    while (q.step()) {
      boards.emplace_back(q.column_int(0), q.column_text(1));
    }
  }

  std::vector<ChangeRow> changes;
  for (const auto& [board_id, board] : boards) {
    const std::vector<BoardPack> packs = board_packs(db, board_id);
    // The packs whose changes are listed: [lo, hi].
    std::size_t lo = 0;
    std::size_t hi = 0;
    if (filter.between) {
      const auto a = position_of(packs, filter.between->first);
      const auto b = position_of(packs, filter.between->second);
      if (!a || !b || *a >= *b) {
        throw UsageError("changes --between: the first pack must come before the second (by meeting date)");
      }
      lo = *a + 1;
      hi = *b;
    } else if (filter.since) {
      lo = packs.size();
      for (std::size_t i = packs.size(); i-- > 0 && packs[i].date && *packs[i].date >= *filter.since;) {
        lo = i;
      }
      if (lo == packs.size()) {
        continue;
      }
      hi = packs.size() - 1;
    } else {
      std::size_t i = packs.size();
      while (i > 0 && !packs[i - 1].has_log && !packs[i - 1].has_actions) {
        --i;
      }
      if (i == 0) {
        continue;
      }
      lo = hi = i - 1;
    }
    // The log before the first listed pack: actions it carried may vanish from the next.
    std::size_t first = lo;
    while (first > 0 && !packs[first].has_log) {
      --first;
    }
    if (first > 0 && first == lo) {
      --first;
      while (first > 0 && !packs[first].has_log) {
        --first;
      }
    }
    // next_log[i]: the first pack after i with an action log (packs.size(): none).
    std::vector<std::size_t> next_log(packs.size() + 1, packs.size());
    for (std::size_t i = packs.size(); i-- > 0;) {
      next_log[i] = i + 1 < packs.size() && packs[i + 1].has_log ? i + 1 : next_log[i + 1];
    }
    Emitter emitter{board, board_id, packs, {}};
    for (const auto& [id, action] : load_actions(db, board_id, packs, first, hi)) {
      const auto& states = action.states;
      for (std::size_t i = 0; i < states.size(); ++i) {
        const PackState& at = states[i];
        if (at.position >= lo && at.position <= hi) {
          if (i == 0) {
            emitter.emit(id, action, nullptr, at, at.position, "new", std::nullopt, at.status);
          } else {
            emitter.compare(id, action, states[i - 1], at);
          }
        }
        // In this pack, not closed, and missing from the next pack with an action log.
        const std::size_t next = next_log[at.position];
        const bool carried = i + 1 < states.size() && states[i + 1].position <= next;
        if (at.status != "closed" && next < packs.size() && next >= lo && next <= hi && !carried) {
          emitter.emit(id, action, &at, at, next, "vanished", at.status, std::nullopt);
        }
      }
    }
    std::stable_sort(emitter.out.begin(), emitter.out.end(), [](const auto& a, const auto& b) {
      if (a.first != b.first) {
        return a.first < b.first;
      }
      if (a.second.ref != b.second.ref) {
        return ref_before(a.second.ref, b.second.ref);
      }
      return kind_order(a.second.kind) < kind_order(b.second.kind);
    });
    for (auto& [position, row] : emitter.out) {
      changes.push_back(std::move(row));
    }
  }
  return changes;
}

}  // namespace bpack::index
