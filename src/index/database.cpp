#include "bpack/index/database.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <utility>

#include "bpack/util/error.hpp"

namespace bpack::index {
namespace {

// Long enough to ride out another bpack ingest committing a pack, short enough that a stuck
// writer is reported rather than waited on forever.
constexpr int kBusyTimeoutMs = 10000;

int to_int_size(std::size_t size) {
  return size > static_cast<std::size_t>(INT32_MAX) ? -1 : static_cast<int>(size);
}

}  // namespace

Database::Database(const std::string& path, OpenMode mode) : path_(path) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == OpenMode::create) {
    flags |= SQLITE_OPEN_CREATE;
  }
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw Error(fmt::format("{}: cannot open the index: {}", path, message));
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // Per-connection settings: foreign keys make deleting a pack cascade to its rows;
  // synchronous=NORMAL is durable enough in WAL mode (a power cut may lose the last pack,
  // never corrupt the file) and saves an fsync per commit.
  exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
}

Database::~Database() {
  // close_v2 defers the close until any statement still alive is finalized.
  sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    const std::string why = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw Error(fmt::format("{}: {}", path_, why));
  }
}

Statement Database::prepare(std::string_view sql) {
  return Statement(*this, sql);
}

std::int64_t Database::query_int(std::string_view sql) {
  Statement statement(*this, sql);
  if (!statement.step()) {
    throw Error(fmt::format("{}: query returned no row: {}", path_, sql));
  }
  return statement.column_int(0);
}

std::int64_t Database::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const {
  return sqlite3_changes(db_);
}

void Database::fail(std::string_view what) const {
  throw Error(fmt::format("{}: {}: {}", path_, what, sqlite3_errmsg(db_)));
}

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
  const int rc =
      sqlite3_prepare_v3(db.handle(), sql.data(), to_int_size(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    db.fail("cannot prepare statement");
  }
}

Statement::Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

void Statement::check_bind(int rc, int index) {
  if (rc != SQLITE_OK) {
    db_->fail(fmt::format("cannot bind parameter {}", index));
  }
}

Statement& Statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  check_bind(sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  check_bind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
  return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  check_bind(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

int Statement::parameter_index(const char* name) const {
  const int index = sqlite3_bind_parameter_index(stmt_, name);
  if (index == 0) {
    throw Error(fmt::format("internal error: statement has no parameter {}", name));
  }
  return index;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  // Reset so the statement can be reused after the caller handles the error; the message
  // is read first because reset may replace it.
  std::string message = sqlite3_errmsg(db_->handle());
  sqlite3_reset(stmt_);
  throw SqliteError(fmt::format("{}: {}", db_->path(), message), std::move(message), rc);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
}

void Statement::clear_bindings() {
  sqlite3_clear_bindings(stmt_);
}

int Statement::column_count() const {
  return sqlite3_column_count(stmt_);
}

std::string_view Statement::column_name(int column) const {
  return sqlite3_column_name(stmt_, column);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int Statement::column_type(int column) const {
  return sqlite3_column_type(stmt_, column);
}

std::int64_t Statement::column_int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::column_double(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string_view Statement::column_view(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) {
    return {};
  }
  const int size = sqlite3_column_bytes(stmt_, column);
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)};
}

std::optional<std::string> Statement::column_optional(int column) const {
  if (is_null(column)) {
    return std::nullopt;
  }
  return column_text(column);
}

std::optional<std::int64_t> Statement::column_optional_int(int column) const {
  if (is_null(column)) {
    return std::nullopt;
  }
  return column_int(column);
}

bool in_transaction(Database& db) {
  return sqlite3_get_autocommit(db.handle()) == 0;
}

Transaction::Transaction(Database& db) : db_(db), nested_(in_transaction(db)) {
  db_.exec(nested_ ? "SAVEPOINT bpack_step" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (open_) {
    // Never throws from a destructor: if the rollback itself fails, SQLite has already
    // rolled back (that is when ROLLBACK fails) or the connection is going away.
    sqlite3_exec(db_.handle(), nested_ ? "ROLLBACK TO bpack_step; RELEASE bpack_step" : "ROLLBACK", nullptr, nullptr,
                 nullptr);
  }
}

void Transaction::commit() {
  db_.exec(nested_ ? "RELEASE bpack_step" : "COMMIT");
  open_ = false;
}

}  // namespace bpack::index
