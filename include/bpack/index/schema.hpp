#pragma once

// The index's tables, versioned with PRAGMA user_version. Each migration takes the schema
// from one version to the next; opening a database applies the missing ones in a single
// transaction, so a database is always at a version this code knows. A database written by
// a newer bpack is refused rather than guessed at.

#include <span>

#include "bpack/index/database.hpp"

namespace bpack::index {

// Written to PRAGMA application_id ("bpck") so that a foreign SQLite file is told apart
// from an index that is merely empty.
inline constexpr int kApplicationId = 0x6270636B;

struct Migration {
  int to_version;   // user_version after this migration
  const char* sql;  // statements run inside the migration transaction
  // Work SQL cannot do (names read by board_names.hpp, actions linked by text), run in the
  // same transaction once the `sql` of every step to be applied has run: it is this build's
  // code, written for this build's schema. Not run on a new index (it has no rows). Null
  // when there is none.
  void (*finish)(Database& db) = nullptr;
};

// The migrations of this build, in order; the last one's to_version is the current schema.
std::span<const Migration> migrations();
int current_schema_version();

enum class SchemaUse {
  create,    // ingest: an empty file becomes an index
  existing,  // queries: the file must already be a bpack index
};

// Checks and upgrades the schema of an open database (see the header comment). Throws
// bpack::Error when the file is not a bpack index (for SchemaUse::existing, or when it holds
// someone else's tables) or comes from a newer bpack.
void prepare_schema(Database& db, SchemaUse use);

// The same with an explicit migration list: the seam that lets tests exercise forward
// migrations beyond the ones this build ships.
void prepare_schema(Database& db, SchemaUse use, std::span<const Migration> steps);

int schema_version(Database& db);

}  // namespace bpack::index
