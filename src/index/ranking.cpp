#include "bpack/index/ranking.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <queue>
#include <vector>

#include "bpack/util/error.hpp"

namespace bpack::index {
namespace {

// FTS5's bm25 constants (fts5_aux.c), so scores equal bm25()'s.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kSkipped = std::numeric_limits<double>::max();

// Per-query state, kept by FTS5 as the function's auxiliary data for one cursor.
struct QueryState {
  std::vector<double> idf;  // per phrase
  double avgdl = 1.0;
  std::size_t keep = 0;  // N: how many best rows the query can return
  // The N best scores so far (as positive numbers, higher is better), smallest on top: a
  // row whose bound is below top() cannot make the final N.
  std::priority_queue<double, std::vector<double>, std::greater<>> best;
  bool text_only = false;       // rows need a match in column 0
  std::vector<double> weights;  // per column
  std::vector<double> freq;     // scratch: this row's weighted frequency per phrase
  std::vector<double> count;    // scratch: this row's instances per phrase
  sqlite3_int64 last_rowid = 0;
  double last_result = 0.0;
  bool have_last = false;
};

int count_rows(const Fts5ExtensionApi*, Fts5Context*, void* user_data) {
  ++*static_cast<sqlite3_int64*>(user_data);
  return SQLITE_OK;
}

int make_state(const Fts5ExtensionApi* api, Fts5Context* fts, int argc, sqlite3_value** argv, QueryState*& out) {
  auto state = std::make_unique<QueryState>();
  state->keep = static_cast<std::size_t>(std::max<sqlite3_int64>(sqlite3_value_int64(argv[0]), 1));
  state->text_only = argc > 1 && sqlite3_value_int(argv[1]) != 0;
  for (int c = 0; c < api->xColumnCount(fts); ++c) {
    state->weights.push_back(argc > 2 + c ? sqlite3_value_double(argv[2 + c]) : 1.0);
  }
  const int phrases = api->xPhraseCount(fts);
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) {
    rc = api->xColumnTotalSize(fts, -1, &tokens);
  }
  if (rc != SQLITE_OK) {
    return rc;
  }
  state->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
  for (int i = 0; i < phrases; ++i) {
    sqlite3_int64 hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, count_rows);
    if (rc != SQLITE_OK) {
      return rc;
    }
    // FTS5's IDF, floored the same way so that very common words keep a tiny weight.
    double idf = std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    if (idf <= 0.0) {
      idf = 1e-6;
    }
    state->idf.push_back(idf);
  }
  state->freq.assign(static_cast<std::size_t>(phrases), 0.0);
  state->count.assign(static_cast<std::size_t>(phrases), 0.0);
  out = state.get();
  rc = api->xSetAuxdata(fts, state.release(), [](void* p) { delete static_cast<QueryState*>(p); });
  return rc;
}

double score(const QueryState& state, double length) {
  double total = 0.0;
  const double norm = kK1 * (1.0 - kB + kB * length / state.avgdl);
  for (std::size_t i = 0; i < state.freq.size(); ++i) {
    const double f = state.freq[i];
    total += state.idf[i] * (f * (kK1 + 1.0)) / (f + norm);
  }
  return total;
}

void bpack_bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int argc,
                sqlite3_value** argv) {
  if (argc < 1) {
    sqlite3_result_error(context, "bpack_bm25(fts, N, ...): N, the query's LIMIT, is required", -1);
    return;
  }
  auto* state = static_cast<QueryState*>(api->xGetAuxdata(fts, 0));
  if (state == nullptr) {
    const int rc = make_state(api, fts, argc, argv, state);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(context, rc);
      return;
    }
  }
  const sqlite3_int64 rowid = api->xRowid(fts);
  // SQLite may evaluate the expression twice for one row (sort key and result column);
  // counting the row twice in `best` would raise the bar wrongly.
  if (state->have_last && state->last_rowid == rowid) {
    sqlite3_result_double(context, state->last_result);
    return;
  }
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  std::fill(state->freq.begin(), state->freq.end(), 0.0);
  std::fill(state->count.begin(), state->count.end(), 0.0);
  bool in_text = false;
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0;
    int column = 0;
    int offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    const auto p = static_cast<std::size_t>(phrase);
    const auto c = static_cast<std::size_t>(column);
    if (rc == SQLITE_OK && phrase >= 0 && p < state->freq.size() && column >= 0 && c < state->weights.size()) {
      state->freq[p] += state->weights[c];
      state->count[p] += 1.0;
      in_text = in_text || column == 0;
    }
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }

  double result = kSkipped;
  const bool full = state->best.size() >= state->keep;
  // Distinct instances of one phrase start at distinct tokens, so the row is at least as
  // long as its most frequent phrase; a shorter row could only score higher.
  double shortest = 1.0;
  for (const double n : state->count) {
    shortest = std::max(shortest, n);
  }
  if (state->text_only && !in_text) {
    // Matched in a later column only (a heading): not a hit.
  } else if (!full || score(*state, shortest) >= state->best.top()) {
    int length = 0;
    rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(context, rc);
      return;
    }
    const double s = score(*state, static_cast<double>(length));
    if (!full) {
      state->best.push(s);
    } else if (s > state->best.top()) {
      state->best.pop();
      state->best.push(s);
    }
    result = -s;
  }
  state->last_rowid = rowid;
  state->last_result = result;
  state->have_last = true;
  sqlite3_result_double(context, result);
}

fts5_api* fts5_api_of(Database& db) {
  fts5_api* api = nullptr;
  Statement statement(db, "SELECT fts5(?1)");
  const int rc = sqlite3_bind_pointer(statement.handle(), 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  if (rc != SQLITE_OK) {
    db.fail("cannot reach FTS5");
  }
  statement.step();
  if (api == nullptr || api->iVersion < 2) {
    throw Error(db.path() + ": this SQLite has no usable FTS5 (bpack needs SQLite built with FTS5)");
  }
  return api;
}

}  // namespace

void register_ranking(Database& db) {
  fts5_api* api = fts5_api_of(db);
  const int rc = api->xCreateFunction(api, "bpack_bm25", nullptr, bpack_bm25, nullptr);
  if (rc != SQLITE_OK) {
    db.fail("cannot register bpack_bm25");
  }
}

}  // namespace bpack::index
