#include "cli/index_access.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "bpack/index/schema.hpp"
#include "bpack/util/error.hpp"

namespace bpack::cli {

std::unique_ptr<index::Database> open_index_for_ingest(const Context& context,
                                                       std::chrono::duration<double> lock_wait) {
  auto db = std::make_unique<index::Database>(context.db_path(), index::OpenMode::create);
  db->set_busy_timeout(std::chrono::duration_cast<std::chrono::milliseconds>(lock_wait));
  index::prepare_schema(*db, index::SchemaUse::create);
  return db;
}

std::unique_ptr<index::Database> open_index_for_query(const Context& context) {
  const std::string path = context.db_path();
  std::error_code error;
  // Checked before SQLite sees the path: opening a missing file must not leave one behind.
  if (!std::filesystem::exists(path, error)) {
    throw Error(fmt::format("no index at {}: create one with `bpack ingest PACK...`{}", path,
                            context.db.empty() ? " (or name another with --db PATH or $BPACK_DB)" : ""));
  }
  auto db = std::make_unique<index::Database>(path, index::OpenMode::existing);
  index::prepare_schema(*db, index::SchemaUse::existing);
  return db;
}

}  // namespace bpack::cli
