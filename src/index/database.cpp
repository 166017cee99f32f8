#include "bpack/index/database.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <utility>

#include "bpack/util/error.hpp"

namespace bpack::index {
namespace {

// Long enough to ride out another bpack ingest committing a batch, short enough that a stuck
// writer is reported rather than waited on forever.
constexpr std::chrono::milliseconds kBusyTimeout{10000};

// The name SQLite is given for `path`: always a file. SQLite as Debian builds it reads a name
// that starts with "file:" as a URI (where "?mode=memory" keeps the data in memory only), and
// ":memory:" or "" as no file at all; with "./" in front every relative name is a file name.
std::string sqlite_filename(const std::string& path) {
  if (path.empty()) {
    throw Error("the index path is empty: name a file with --db PATH");
  }
  return path.front() == '/' ? path : "./" + path;
}

int to_int_size(std::size_t size) {
  return size > static_cast<std::size_t>(INT32_MAX) ? -1 : static_cast<int>(size);
}

}  // namespace

Database::Database(const std::string& path, OpenMode mode) : path_(path) {
  // No SQLITE_OPEN_URI, and a name that cannot be read as one: --db is always a file.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == OpenMode::create) {
    flags |= SQLITE_OPEN_CREATE;
  }
  const int rc = sqlite3_open_v2(sqlite_filename(path).c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw Error(fmt::format("{}: cannot open the index: {}", path, message));
  }
  sqlite3_extended_result_codes(db_, 1);
  set_busy_timeout(kBusyTimeout);
  // Per-connection settings: foreign keys make deleting a pack cascade to its rows;
  // synchronous=NORMAL is durable enough in WAL mode (a power cut may lose the last pack,
  // never corrupt the file) and saves an fsync per commit.
  try {
    exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
  } catch (...) {
    // A file that is not a database fails here; no destructor will close the connection.
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
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
    std::string why = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw_error(rc, std::move(why));
  }
}

void Database::set_busy_timeout(std::chrono::milliseconds timeout) {
  busy_timeout_ = timeout;
  sqlite3_busy_timeout(db_, static_cast<int>(std::min<std::chrono::milliseconds::rep>(timeout.count(), INT32_MAX)));
}

void Database::throw_error(int rc, std::string sqlite_message) const {
  if ((rc & 0xFF) == SQLITE_BUSY) {
    // The one failure a user fixes by waiting: say so, and for how long bpack waited.
    throw SqliteError(fmt::format("{}: the index is locked by another process (waited {:.3g} s)", path_,
                                  std::chrono::duration<double>(busy_timeout_).count()),
                      std::move(sqlite_message), rc);
  }
  // Formatted before the message is moved: arguments are evaluated in no set order.
  std::string what = fmt::format("{}: {}", path_, sqlite_message);
  throw SqliteError(std::move(what), std::move(sqlite_message), rc);
}

bool SqliteError::busy() const {
  return (code_ & 0xFF) == SQLITE_BUSY;
}

bool SqliteError::interrupted() const {
  return (code_ & 0xFF) == SQLITE_INTERRUPT;
}

TimeLimit::TimeLimit(Database& db, std::chrono::duration<double> limit)
    : db_(db),
      deadline_(std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(limit)) {
  // Asked every few thousand virtual machine steps: a clock read each time costs nothing next
  // to them.
  sqlite3_progress_handler(db_.handle(), 4096, &TimeLimit::expired, this);
}

TimeLimit::~TimeLimit() {
  sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
}

int TimeLimit::expired(void* self) {
  return std::chrono::steady_clock::now() > static_cast<TimeLimit*>(self)->deadline_ ? 1 : 0;
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
  db_->throw_error(rc, std::move(message));
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

ReadSnapshot::ReadSnapshot(Database& db) : db_(db), nested_(in_transaction(db)) {
  if (!nested_) {
    db_.exec("BEGIN DEFERRED");
  }
}

ReadSnapshot::~ReadSnapshot() {
  if (!nested_) {
    // Nothing was written: ending the transaction only lets go of the snapshot.
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  db_.exec(nested_ ? "RELEASE bpack_step" : "COMMIT");
  open_ = false;
}

}  // namespace bpack::index
