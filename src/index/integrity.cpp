#include "bpack/index/integrity.hpp"

#include "bpack/index/schema.hpp"

#include "bpack/util/error.hpp"

namespace bpack::index {

std::string integrity_problems(Database& db) {
  Statement integrity(db, "PRAGMA integrity_check");
  if (!integrity.step() || integrity.column_text(0) != "ok") {
    return "integrity_check: " + integrity.column_text(0);
  }
  // A file whose first ingest was stopped before its schema was committed holds nothing yet:
  // sound, and the next ingest creates the tables.
  if (schema_version(db) == 0) {
    return {};
  }
  Statement keys(db, "PRAGMA foreign_key_check");
  if (keys.step()) {
    return "foreign_key_check: a row of " + keys.column_text(0) + " points at nothing";
  }
  try {
    // rank 1: the index is compared with the content table too.
    db.exec("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)");
  } catch (const Error& e) {
    return std::string("FTS5 integrity-check: ") + e.what();
  }
  return {};
}

}  // namespace bpack::index
