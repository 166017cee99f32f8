#pragma once

// What "the index is unchanged" means in the reliability tests: the row count of every
// table (and what FTS5 itself finds) and a SHA-256 digest of every row, ingest times aside.

#include <cstdint>
#include <map>
#include <string>

namespace bpack::test {

struct IndexState {
  std::map<std::string, std::int64_t> counts;
  std::string digest;
  bool operator==(const IndexState&) const = default;
};

// Reads the index at `db_path` (which must exist).
IndexState index_state(const std::string& db_path);

// "PRAGMA integrity_check", "PRAGMA foreign_key_check" and FTS5's integrity-check: "ok", or
// what is wrong.
std::string index_checks(const std::string& db_path);

}  // namespace bpack::test
