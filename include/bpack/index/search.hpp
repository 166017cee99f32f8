#pragma once

// Full-text search over the paragraphs of every pack: bm25-ranked hits with a snippet, and
// where each hit is (pack, section, the item it sits under, line and page of the first
// matching word). A paragraph that several packs repeat word for word is one hit, placed in
// the latest pack that has it, with the number of places that hold it.
//
// Ranking runs in two steps so that the cost does not grow with the number of matching
// paragraphs: the first query only ranks passages (bpack_bm25, which skips the length
// lookup for rows that cannot make the top N; every filter is in that query's WHERE
// clause), the second fetches snippet, highlight and location for the N winners alone.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bpack/index/database.hpp"
#include "bpack/model/pack.hpp"

namespace bpack::index {

struct SearchOptions {
  std::string query;
  bool raw = false;  // query is FTS5 syntax; a syntax error is a bpack::UsageError
  std::optional<model::SectionKind> kind;
  std::optional<std::string> board;  // substring of the board name, any case
  std::optional<std::string> since;  // pack meeting date on or after
  std::optional<std::string> until;  // pack meeting date on or before
  int limit = 20;
  // A search still running after this long is stopped with a bpack::Error (0: no limit).
  std::chrono::duration<double> time_limit{0};
  // Put around each matching word in the snippet.
  std::string mark_start = "[";
  std::string mark_end = "]";
};

struct SearchHit {
  int rank = 0;        // 1 = best
  double score = 0.0;  // bm25 as FTS5 gives it: lower is better
  std::string pack;
  std::int64_t pack_id = 0;
  std::optional<std::string> board;
  std::optional<std::string> meeting_date;
  std::string kind;                    // section kind
  std::optional<std::string> section;  // section title
  std::optional<std::string> item;     // agenda item, minute item or paper the hit sits under
  std::int64_t line = 0;               // line of the first matching word
  std::int64_t page = 1;
  std::int64_t block_line = 0;   // first line of the paragraph
  std::string snippet;           // one line, matches marked
  std::int64_t occurrences = 1;  // places (pack and line) holding this same paragraph
};

// Throws bpack::UsageError when the query has no words or too many (plain) or is not valid
// FTS5 (raw), and bpack::Error when it runs past time_limit.
std::vector<SearchHit> search(Database& db, const SearchOptions& options);

}  // namespace bpack::index
