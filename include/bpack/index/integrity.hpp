#pragma once

// Whether an index is whole: SQLite's integrity and foreign key checks and FTS5's own
// integrity-check (the full-text index against its content table). What the reliability
// tests and the fuzz targets ask after a crash, a full disk or a hostile pack.

#include <string>

#include "bpack/index/database.hpp"

namespace bpack::index {

// Empty when every check passes; else what the first failing check reported.
std::string integrity_problems(Database& db);

}  // namespace bpack::index
