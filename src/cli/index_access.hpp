#pragma once

// Opening the index from the command line: ingest creates it, every query command requires
// it to exist (and says how to create it), and both bring its schema up to date.

#include <memory>

#include "bpack/index/database.hpp"
#include "cli/context.hpp"

namespace bpack::cli {

// For `bpack ingest`: creates the database when missing.
std::unique_ptr<index::Database> open_index_for_ingest(const Context& context);

// For query commands: never creates a file. Throws bpack::Error naming the path and
// suggesting `bpack ingest` when there is no index there.
std::unique_ptr<index::Database> open_index_for_query(const Context& context);

}  // namespace bpack::cli
