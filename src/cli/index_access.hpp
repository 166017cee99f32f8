#pragma once

// Opening the index from the command line: ingest creates it, every query command requires
// it to exist (and says how to create it), and both bring its schema up to date.

#include <chrono>
#include <memory>

#include "bpack/index/database.hpp"
#include "cli/context.hpp"

namespace bpack::cli {

// For `bpack ingest`: creates the database when missing. Another writer's lock is waited
// for `lock_wait` before a write fails.
std::unique_ptr<index::Database> open_index_for_ingest(const Context& context, std::chrono::duration<double> lock_wait);

// For query commands: never creates a file. Throws bpack::Error naming the path and
// suggesting `bpack ingest` when there is no index there.
std::unique_ptr<index::Database> open_index_for_query(const Context& context);

}  // namespace bpack::cli
