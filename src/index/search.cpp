#include "bpack/index/search.hpp"
#include "bpack/model/section_kind.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <optional>

#include "board_filter.hpp"
#include "bpack/index/fts_query.hpp"
#include "bpack/index/ranking.hpp"
#include "bpack/util/error.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::index {
namespace {

// Markers for highlight(): control characters never survive TextSource (it rejects them as
// binary), so they cannot collide with the text.
constexpr char kHitStart = '\x02';
constexpr char kHitEnd = '\x03';
constexpr int kSnippetTokens = 16;
constexpr int kMaxLimit = 1000;
// A word in the heading counts half a word in the paragraph: enough to rank the vaccination
// paper's paragraphs above a passing mention elsewhere, not enough to outrank a paragraph
// that is itself about the subject.
constexpr double kHeadingWeight = 0.5;
// bpack_bm25's score for rows that are not hits (matched in the heading only) or were skipped.
constexpr double kNotAHit = 1e300;

// Conditions on the places `b` (passage_packs) of a paragraph in pack `p` for the filters in
// use (bound by name).
std::string location_filter(const SearchOptions& o) {
  std::string sql;
  if (o.kind) {
    sql += " AND b.kind = :kind";
  }
  if (o.board) {
    sql += " AND " + board_filter_sql("p.board_id");
  }
  if (o.since) {
    sql += " AND p.meeting_date >= :since";
  }
  if (o.until) {
    sql += " AND p.meeting_date <= :until";
  }
  return sql;
}

void bind_filter(Statement& q, const SearchOptions& o) {
  if (o.kind) {
    q.bind(q.parameter_index(":kind"), model::section_name(*o.kind));
  }
  if (o.board) {
    q.bind(q.parameter_index(":board"), *o.board);
  }
  if (o.since) {
    q.bind(q.parameter_index(":since"), *o.since);
  }
  if (o.until) {
    q.bind(q.parameter_index(":until"), *o.until);
  }
}

// Step 1: rank passages only. Every filter must be here, before bpack_bm25 sees the row (see
// ranking.hpp): a passage qualifies when one of its places passes them.
std::string ranking_sql(const SearchOptions& o) {
  std::string sql =
      "SELECT passages_fts.rowid, bpack_bm25(passages_fts, :limit, 1, 1.0, :heading_weight) AS score "
      "FROM passages_fts "
      "WHERE passages_fts MATCH :match";
  const std::string filter = location_filter(o);
  if (!filter.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM passage_packs b JOIN packs p ON p.id = b.pack_id "
        "WHERE b.passage_id = passages_fts.rowid" +
        filter + ")";
  }
  sql += " ORDER BY score, passages_fts.rowid LIMIT :limit";
  return sql;
}

// Step 2, for one winner: its heading and snippet, and the whole text highlighted (to find
// the line of the first match)...
constexpr const char* kTextSql =
    "SELECT snippet(passages_fts, 0, :mark_start, :mark_end, '…', :tokens), "
    "highlight(passages_fts, 0, char(2), char(3)), NULLIF(heading, '') "
    "FROM passages_fts WHERE passages_fts MATCH :match AND passages_fts.rowid = :id";

// ...in how many places (packs and kinds of section passing the filters) and how many times
// it occurs...
std::string count_sql(const SearchOptions& o) {
  const std::string filter = location_filter(o);
  // The packs are read only when a filter needs them.
  return std::string("SELECT COUNT(*), SUM(b.occurrences) FROM passage_packs b") +
         (filter.empty() ? "" : " JOIN packs p ON p.id = b.pack_id") + " WHERE b.passage_id = :id" + filter;
}

// ...and where it is: the latest pack's occurrence. A text held in few places is found from
// its places; one that many packs repeat (a standing paragraph, a page footer) by walking the
// packs newest first (packs_by_recency) and probing each for it (passage_packs' key), which
// stops at the first pack that has it instead of reading every copy.
enum class Walk { places, packs };
std::string location_sql(const SearchOptions& o, Walk walk) {
  const std::string from = walk == Walk::packs ? "FROM packs p CROSS JOIN passage_packs b ON b.pack_id = p.id "
                                               : "FROM passage_packs b JOIN packs p ON p.id = b.pack_id ";
  return "SELECT b.kind, b.line, b.page, p.id, p.path, (SELECT name FROM boards WHERE id = p.board_id), "
         "p.meeting_date " +
         from + "WHERE b.passage_id = :id" + location_filter(o) +
         " ORDER BY COALESCE(p.meeting_date, '') DESC, p.id DESC, b.line LIMIT 1";
}

// Walking the packs costs about (packs / places) probes, reading the places about (places)
// rows: walk the packs when places^2 exceeds the number of packs.
Walk cheaper_walk(std::int64_t places, std::int64_t packs) {
  return places * places > packs ? Walk::packs : Walk::places;
}

// The narrowest minute item or paper around the line; else, in an agenda, the item above it.
constexpr const char* kItemSql =
    "SELECT label FROM ("
    "  SELECT COALESCE(number || ' ', '') || title AS label, line_end - line_start AS span"
    "  FROM minute_items WHERE pack_id = ?1 AND ?2 BETWEEN line_start AND line_end"
    "  UNION ALL"
    "  SELECT title, line_end - line_start FROM papers"
    "  WHERE pack_id = ?1 AND title IS NOT NULL AND ?2 BETWEEN line_start AND line_end"
    ") ORDER BY span LIMIT 1";
constexpr const char* kAgendaItemSql =
    "SELECT COALESCE(a.number || ' ', '') || a.title FROM agenda_items a "
    "JOIN sections s ON s.pack_id = a.pack_id AND s.kind = 'agenda' "
    "  AND ?2 BETWEEN s.line_start AND s.line_end AND a.line BETWEEN s.line_start AND ?2 "
    "WHERE a.pack_id = ?1 ORDER BY a.line DESC LIMIT 1";

std::int64_t first_match_offset(std::string_view highlighted) {
  const std::size_t at = highlighted.find(kHitStart);
  if (at == std::string_view::npos) {
    return 0;
  }
  return static_cast<std::int64_t>(
      std::count(highlighted.begin(), highlighted.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::optional<std::string> item_at(Statement& ranges, Statement& agenda, std::int64_t pack_id, std::int64_t line) {
  std::optional<std::string> label;
  for (Statement* q : {&ranges, &agenda}) {
    q->bind(1, pack_id).bind(2, line);
    if (q->step()) {
      label = q->column_optional(0);
    }
    q->reset();
    if (label) {
      break;
    }
  }
  return label;
}

std::vector<SearchHit> find_hits(Database& db, const SearchOptions& options);

}  // namespace

std::vector<SearchHit> search(Database& db, const SearchOptions& options) {
  std::optional<TimeLimit> limit;
  if (options.time_limit.count() > 0) {
    limit.emplace(db, options.time_limit);
  }
  try {
    return find_hits(db, options);
  } catch (const SqliteError& e) {
    if (!e.interrupted()) {
      throw;
    }
    throw Error(
        fmt::format("search: stopped after {:.3g} s (--time-limit); a query that matches fewer paragraphs "
                    "(more words, a phrase) answers sooner",
                    options.time_limit.count()));
  }
}

namespace {

std::vector<SearchHit> find_hits(Database& db, const SearchOptions& options) {
  if (options.raw) {
    check_raw_fts_query(options.query);
  }
  const std::string match = options.raw ? options.query : plain_fts_query(options.query);
  if (util::is_blank(match)) {
    throw UsageError("search: the query has no words to search for");
  }
  const int limit = std::clamp(options.limit, 1, kMaxLimit);
  register_ranking(db);

  Statement rank(db, ranking_sql(options));
  rank.bind(rank.parameter_index(":match"), match);
  rank.bind(rank.parameter_index(":limit"), limit);
  rank.bind(rank.parameter_index(":heading_weight"), kHeadingWeight);
  bind_filter(rank, options);
  std::vector<std::pair<std::int64_t, double>> winners;
  try {
    while (rank.step()) {
      if (rank.column_double(1) < kNotAHit) {
        winners.emplace_back(rank.column_int(0), rank.column_double(1));
      }
    }
  } catch (const SqliteError& e) {
    // A query the user wrote in FTS5 syntax is input, not a fault of the index.
    if (options.raw && (e.code() & 0xFF) == SQLITE_ERROR) {
      throw UsageError(fmt::format("search: not a valid FTS5 query: {}", e.sqlite_message()));
    }
    throw;
  }

  Statement text(db, kTextSql);
  text.bind(text.parameter_index(":match"), match);
  text.bind(text.parameter_index(":mark_start"), options.mark_start);
  text.bind(text.parameter_index(":mark_end"), options.mark_end);
  text.bind(text.parameter_index(":tokens"), kSnippetTokens);
  Statement count(db, count_sql(options));
  bind_filter(count, options);
  Statement by_places(db, location_sql(options, Walk::places));
  bind_filter(by_places, options);
  Statement by_packs(db, location_sql(options, Walk::packs));
  bind_filter(by_packs, options);
  const std::int64_t packs = db.query_int("SELECT COUNT(*) FROM packs");
  Statement ranges(db, kItemSql);
  Statement agenda(db, kAgendaItemSql);

  std::vector<SearchHit> hits;
  for (const auto& [rowid, score] : winners) {
    count.bind(count.parameter_index(":id"), rowid);
    count.step();  // an aggregate: always one row (SUM is NULL, read as 0, when nothing passes)
    const std::int64_t places = count.column_int(0);
    const std::int64_t occurrences = count.column_int(1);
    count.reset();
    Statement& where = cheaper_walk(places, packs) == Walk::packs ? by_packs : by_places;
    text.bind(text.parameter_index(":id"), rowid);
    where.bind(where.parameter_index(":id"), rowid);
    if (places == 0 || !text.step() || !where.step()) {
      text.reset();
      where.reset();
      continue;
    }
    SearchHit h;
    h.rank = static_cast<int>(hits.size()) + 1;
    h.score = score;
    h.snippet = util::collapse_spaces(text.column_view(0));
    const std::int64_t offset = first_match_offset(text.column_view(1));
    h.section = text.column_optional(2);
    h.kind = where.column_text(0);
    h.block_line = where.column_int(1);
    h.line = h.block_line + offset;
    h.page = where.column_int(2);
    const std::int64_t pack_id = where.column_int(3);
    h.pack_id = pack_id;
    h.pack = where.column_text(4);
    h.board = where.column_optional(5);
    h.meeting_date = where.column_optional(6);
    h.occurrences = occurrences;
    text.reset();
    where.reset();
    h.item = item_at(ranges, agenda, pack_id, h.line);
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace
}  // namespace bpack::index
