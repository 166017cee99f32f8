#include "action_links.hpp"

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "action_match.hpp"

namespace bpack::index {
namespace {

// What a row brings to a link: its owner's key, its words and raised date.
LinkSide side_of(const std::optional<std::string>& owner, const std::optional<std::string>& initials,
                 const std::optional<std::string>& text, const std::optional<std::string>& raised) {
  return {owner_key(owner ? owner : initials), content_words(text), raised};
}

struct Best {
  std::int64_t id = 0;  // 0: none
  double similarity = 0.0;
};

void consider(Best& best, std::int64_t id, const LinkSide& action, const LinkSide& row) {
  if (const std::optional<double> similarity = link_similarity(action, row);
      similarity && *similarity > best.similarity) {
    best = {id, *similarity};
  }
}

}  // namespace

ActionLinker::ActionLinker(Database& db)
    : db_(db),
      find_by_ref_(db, "SELECT id FROM actions WHERE board_id = ?1 AND ref = ?2"),
      // Actions of the board with this owner (only those without a ref when ?3), that have no
      // row of this pack from the same kind of section yet.
      candidates_(db,
                  "SELECT a.id, a.words, a.raised FROM actions a WHERE a.board_id = ?1 AND a.owner_key = ?2 "
                  "AND (?3 = 0 OR a.ref IS NULL) AND NOT EXISTS (SELECT 1 FROM action_history h "
                  "WHERE h.action_id = a.id AND h.pack_id = ?4 AND h.source = ?5)"),
      insert_(db,
              "INSERT INTO actions (board_id, ref, owner_key, words, raised) VALUES (?1, ?2, ?3, ?4, ?5) "
              "RETURNING id"),
      adopt_(db, "UPDATE actions SET ref = ?2 WHERE id = ?1") {}

std::int64_t ActionLinker::link(std::int64_t board_id, std::int64_t pack_id, const model::Action& a) {
  if (a.ref) {
    find_by_ref_.bind(1, board_id).bind(2, *a.ref);
    if (find_by_ref_.step()) {
      const std::int64_t id = find_by_ref_.column_int(0);
      find_by_ref_.reset();
      return id;
    }
    find_by_ref_.reset();
  }
  const LinkSide row = side_of(a.owner, a.owner_initials, a.text, a.raised);
  Best best;
  if (!row.owner_key.empty()) {
    candidates_.bind(1, board_id).bind(2, row.owner_key).bind(3, a.ref ? 1 : 0).bind(4, pack_id);
    candidates_.bind(5, model::to_string(a.source));
    while (candidates_.step()) {
      const LinkSide action{row.owner_key, candidates_.column_text(1), candidates_.column_optional(2)};
      consider(best, candidates_.column_int(0), action, row);
    }
    candidates_.reset();
  }
  if (best.id != 0) {
    if (a.ref) {
      adopt_.bind(1, best.id).bind(2, *a.ref).run();
    }
    return best.id;
  }
  insert_.bind(1, board_id).bind(2, a.ref).bind(3, row.owner_key).bind(4, row.words).bind(5, a.raised);
  insert_.step();
  const std::int64_t id = insert_.column_int(0);
  insert_.reset();
  return id;
}

void relink_board(Database& db, std::int64_t board_id) {
  struct Row {
    std::int64_t id;
    std::int64_t action_id;  // as stored now
    std::int64_t pack_id;
    std::optional<std::string> ref;
    std::string source;
    LinkSide side;
    std::size_t cluster = 0;
  };
  struct Cluster {
    std::optional<std::string> ref;
    LinkSide side;                                            // of the row that began it
    std::set<std::pair<std::int64_t, std::string>> sections;  // (pack, source) of its rows
    std::map<std::int64_t, int> stored_ids;                   // action ids its rows have now
    std::int64_t id = 0;
  };
  std::vector<Row> rows;
  {
    Statement q(db,
                "SELECT h.id, h.action_id, h.pack_id, h.ref, h.source, h.owner, h.owner_initials, h.text, h.raised "
                "FROM action_history h JOIN packs p ON p.id = h.pack_id WHERE p.board_id = ?1 "
                "ORDER BY COALESCE(p.meeting_date, ''), p.id, h.source = 'action_log', h.line, h.id");
    q.bind(1, board_id);
    while (q.step()) {
      rows.push_back({q.column_int(0), q.column_int(1), q.column_int(2), q.column_optional(3), q.column_text(4),
                      side_of(q.column_optional(5), q.column_optional(6), q.column_optional(7), q.column_optional(8)),
                      0});
    }
  }

  // The rules of ActionLinker::link, over the rows in meeting order.
  std::vector<Cluster> clusters;
  std::map<std::string, std::size_t> by_ref;
  std::map<std::string, std::vector<std::size_t>> by_owner;
  for (Row& row : rows) {
    const auto section = std::make_pair(row.pack_id, row.source);
    std::optional<std::size_t> chosen;
    if (row.ref) {
      if (const auto found = by_ref.find(*row.ref); found != by_ref.end()) {
        chosen = found->second;
      }
    }
    if (!chosen && !row.side.owner_key.empty()) {
      Best best;
      for (const std::size_t c : by_owner[row.side.owner_key]) {
        if ((!row.ref || !clusters[c].ref) && !clusters[c].sections.count(section)) {
          consider(best, static_cast<std::int64_t>(c) + 1, clusters[c].side, row.side);
        }
      }
      if (best.id != 0) {
        chosen = static_cast<std::size_t>(best.id - 1);
        if (row.ref) {
          clusters[*chosen].ref = row.ref;
          by_ref[*row.ref] = *chosen;
        }
      }
    }
    if (!chosen) {
      chosen = clusters.size();
      clusters.push_back({row.ref, row.side, {}, {}, 0});
      if (row.ref) {
        by_ref[*row.ref] = *chosen;
      }
      by_owner[row.side.owner_key].push_back(*chosen);
    }
    row.cluster = *chosen;
    clusters[*chosen].sections.insert(section);
    ++clusters[*chosen].stored_ids[row.action_id];
  }

  // Ids: an action of this board keeps its id for the cluster holding most of its rows.
  std::set<std::int64_t> board_actions;
  {
    Statement q(db, "SELECT id FROM actions WHERE board_id = ?1");
    q.bind(1, board_id);
    while (q.step()) {
      board_actions.insert(q.column_int(0));
    }
  }
  // Refs are unique per board: clear them before they are handed out again.
  Statement clear_ref(db, "UPDATE actions SET ref = NULL WHERE id = ?1");
  for (const std::int64_t id : board_actions) {
    clear_ref.bind(1, id).run();
  }
  std::set<std::int64_t> taken;
  Statement insert(db, "INSERT INTO actions (board_id, ref, owner_key, words, raised) VALUES (?1, ?2, ?3, ?4, ?5)");
  Statement update(db, "UPDATE actions SET ref = ?2, owner_key = ?3, words = ?4, raised = ?5 WHERE id = ?1");
  for (Cluster& c : clusters) {
    int most = 0;
    for (const auto& [id, count] : c.stored_ids) {
      if (board_actions.count(id) && !taken.count(id) && count > most) {
        c.id = id;
        most = count;
      }
    }
    if (c.id != 0) {
      taken.insert(c.id);
      update.bind(1, c.id).bind(2, c.ref).bind(3, c.side.owner_key).bind(4, c.side.words).bind(5, c.side.raised).run();
    } else {
      insert.bind(1, board_id).bind(2, c.ref).bind(3, c.side.owner_key).bind(4, c.side.words);
      insert.bind(5, c.side.raised).run();
      c.id = db.last_insert_rowid();
    }
  }
  Statement set_row(db, "UPDATE action_history SET action_id = ?2 WHERE id = ?1");
  for (const Row& row : rows) {
    set_row.bind(1, row.id).bind(2, clusters[row.cluster].id).run();
  }
  Statement drop(db,
                 "DELETE FROM actions WHERE id = ?1 AND NOT EXISTS "
                 "(SELECT 1 FROM action_history h WHERE h.action_id = ?1)");
  for (const std::int64_t id : board_actions) {
    if (!taken.count(id)) {
      drop.bind(1, id).run();
    }
  }
}

}  // namespace bpack::index
