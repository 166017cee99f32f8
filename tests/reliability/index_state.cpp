#include "reliability/index_state.hpp"

#include "bpack/index/database.hpp"
#include "bpack/index/integrity.hpp"
#include "bpack/util/sha256.hpp"
#include "unit/index/index_support.hpp"

namespace bpack::test {

IndexState index_state(const std::string& db_path) {
  index::Database db(db_path, index::OpenMode::existing);
  IndexState state;
  state.counts = row_counts(db);
  util::Sha256 hash;
  for (const std::string& row : all_rows(db)) {
    hash.update(row);
    hash.update("\n");
  }
  state.digest = hash.hex();
  return state;
}

std::string index_checks(const std::string& db_path) {
  index::Database db(db_path, index::OpenMode::existing);
  const std::string problems = index::integrity_problems(db);
  return problems.empty() ? "ok" : problems;
}

}  // namespace bpack::test
