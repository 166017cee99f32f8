#pragma once

// A thin RAII layer over the SQLite C API: one connection, prepared statements with bound
// values, and a transaction guard that rolls back unless committed. Every SQLite failure
// becomes a bpack::Error naming the database file and SQLite's message, so callers never
// look at result codes.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "bpack/util/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace bpack::index {

enum class OpenMode {
  create,    // read-write, created when missing (ingest)
  existing,  // read-write, the file must exist (queries never create an empty index)
};

class Statement;

// A failed statement: the message is ready for a user ("PATH: SQLite's words"); the bare
// SQLite message is kept so a caller can rephrase errors it expects (an FTS5 syntax error
// in a user's query is a usage error, not a broken database).
class SqliteError : public Error {
 public:
  SqliteError(const std::string& message, std::string sqlite_message, int code)
      : Error(message), sqlite_message_(std::move(sqlite_message)), code_(code) {}
  const std::string& sqlite_message() const { return sqlite_message_; }
  int code() const { return code_; }
  // Another connection held the lock past the busy timeout.
  bool busy() const;
  // Stopped by a TimeLimit.
  bool interrupted() const;

 private:
  std::string sqlite_message_;
  int code_;
};

class Database {
 public:
  // Opens `path` and applies the per-connection settings bpack relies on (foreign keys,
  // busy timeout, synchronous=NORMAL). Throws bpack::Error.
  Database(const std::string& path, OpenMode mode);
  // Not movable: statements keep a pointer to their database for error messages.
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements without results (schema scripts, pragmas).
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);

  // The integer a single-value query returns (PRAGMA user_version, COUNT(*)).
  std::int64_t query_int(std::string_view sql);

  // How long a statement waits for another connection's lock before it fails with busy()
  // (10 s unless set).
  void set_busy_timeout(std::chrono::milliseconds timeout);
  std::chrono::milliseconds busy_timeout() const { return busy_timeout_; }

  std::int64_t last_insert_rowid() const;
  int changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

  // A ready-to-show message for the connection's last error: "PATH: what: SQLite says".
  [[noreturn]] void fail(std::string_view what) const;

 private:
  // The error for a failed call: SqliteError, its message ready to show.
  [[noreturn]] void throw_error(int rc, std::string sqlite_message) const;

  sqlite3* db_ = nullptr;
  std::string path_;
  std::chrono::milliseconds busy_timeout_{0};

  friend class Statement;
};

// A prepared statement. Parameters are 1-based as in SQLite; columns are 0-based.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  // The text is copied by SQLite, so temporaries are safe to pass.
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::optional<std::string>& value);
  Statement& bind(int index, const std::optional<std::int64_t>& value);
  Statement& bind_null(int index);
  // Binds by name (":name"); throws if the statement has no such parameter.
  int parameter_index(const char* name) const;

  // Advances to the next row; false when the statement is done. Throws bpack::Error.
  bool step();
  // Runs a statement that returns no rows, then resets it for reuse.
  void run();
  // Makes the statement ready to run again; bindings are kept until rebound or cleared.
  void reset();
  void clear_bindings();

  int column_count() const;
  std::string_view column_name(int column) const;
  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  // Text of the column; empty for NULL. Valid until the next step/reset.
  std::string_view column_view(int column) const;
  std::string column_text(int column) const { return std::string(column_view(column)); }
  std::optional<std::string> column_optional(int column) const;
  std::optional<std::int64_t> column_optional_int(int column) const;
  // SQLite's storage class of the value in this row: SQLITE_INTEGER, _FLOAT, _TEXT, _BLOB, _NULL.
  int column_type(int column) const;

  sqlite3_stmt* handle() const { return stmt_; }

 private:
  void check_bind(int rc, int index);

  sqlite3_stmt* stmt_ = nullptr;
  Database* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction (take the write lock up front, so a busy database waits
// for the busy timeout instead of failing half-way); ROLLBACK on destruction unless
// commit() ran. An exception anywhere in between leaves the database as it was.
// Inside a transaction already open on the connection it is a SAVEPOINT instead: commit()
// releases it into the outer transaction and destruction rolls back to it, so the work in
// between is all or nothing while the outer transaction decides when it reaches the disk.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();
  bool nested() const { return nested_; }

 private:
  Database& db_;
  bool nested_ = false;
  bool open_ = true;
};

// While it lives, the connection's queries read one snapshot of the index (a transaction that
// only reads, so it never waits for or blocks an ingest), and so agree with each other
// although an ingest commits between them. Inside an open transaction it does nothing.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db);
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot();

 private:
  Database& db_;
  bool nested_ = false;
};

// While it lives, a statement of `db` still running `limit` after it was made is stopped:
// its step() throws SqliteError with interrupted() true. For queries whose cost depends on
// what a user typed (FTS5 syntax), which bpack cannot bound beforehand. One at a time per
// connection.
class TimeLimit {
 public:
  TimeLimit(Database& db, std::chrono::duration<double> limit);
  TimeLimit(const TimeLimit&) = delete;
  TimeLimit& operator=(const TimeLimit&) = delete;
  ~TimeLimit();

 private:
  static int expired(void* self);

  Database& db_;
  std::chrono::steady_clock::time_point deadline_;
};

// True while a transaction is open on the connection (SQLite is not in autocommit mode).
bool in_transaction(Database& db);

}  // namespace bpack::index
