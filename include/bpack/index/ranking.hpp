#pragma once

// bm25 for "the best N hits" without paying for every match. FTS5's own bm25() reads each
// matching row's length from the %_docsize table, and that lookup is most of the cost of a
// ranked query on a common word. bpack_bm25(fts, N) computes the same score (k1 = 1.2,
// b = 0.75, FTS5's IDF), but first bounds it from the row's term frequencies alone (the
// row holds at least as many tokens as the most frequent phrase occurs) and skips the
// length lookup when even that bound cannot reach the current N-th best score. Skipped rows
// score DBL_MAX (FTS5's bm25 is "lower is better"), so
//   ORDER BY bpack_bm25(fts, N, 0, w0, w1...) LIMIT N
// returns the same top N, in the same order, as ORDER BY bm25(fts, w0, w1...) LIMIT N.
//
//   bpack_bm25(fts, N [, text_only [, w0, w1, ...]])
// N: the query's LIMIT. w: column weights as bm25() takes them (default 1). text_only = 1:
// a row with no match in the first column also scores DBL_MAX, so a paragraph can be ranked
// up by a match in its heading (a later column) but never found by its heading alone.
//
// The bound is only valid while the function sees every row that can be returned, so it
// must be the ORDER BY of a query whose LIMIT is at most N, with every filter in that
// query's WHERE clause (rows a WHERE clause drops never reach it).

#include "bpack/index/database.hpp"

namespace bpack::index {

// Registers bpack_bm25 on the connection (once per connection; idempotent).
void register_ranking(Database& db);

}  // namespace bpack::index
