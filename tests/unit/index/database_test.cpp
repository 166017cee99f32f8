#include "bpack/index/database.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <string>

#include "unit/index/index_support.hpp"

namespace {

using bpack::index::Database;
using bpack::index::in_transaction;
using bpack::index::OpenMode;
using bpack::index::Transaction;

std::int64_t rows(Database& db) {
  return db.query_int("SELECT COUNT(*) FROM t");
}

TEST_CASE("a transaction inside a transaction is a savepoint: all or nothing within the outer one") {
  bpack::test::TempDir dir;
  Database db(dir.file("tx.db"), OpenMode::create);
  db.exec("CREATE TABLE t (x INTEGER)");
  CHECK_FALSE(in_transaction(db));

  SUBCASE("an inner step that is not committed goes; the outer one keeps the rest") {
    Transaction outer(db);
    CHECK_FALSE(outer.nested());
    db.exec("INSERT INTO t VALUES (1)");
    {
      Transaction inner(db);
      CHECK(inner.nested());
      db.exec("INSERT INTO t VALUES (2)");
    }
    CHECK(in_transaction(db));
    {
      Transaction inner(db);
      db.exec("INSERT INTO t VALUES (3)");
      inner.commit();
    }
    outer.commit();
    CHECK_FALSE(in_transaction(db));
    CHECK(rows(db) == 2);
    CHECK(db.query_int("SELECT SUM(x) FROM t") == 4);  // 1 and 3
  }
  SUBCASE("a committed inner step goes with an outer rollback") {
    {
      Transaction outer(db);
      Transaction inner(db);
      db.exec("INSERT INTO t VALUES (4)");
      inner.commit();
    }
    CHECK_FALSE(in_transaction(db));
    CHECK(rows(db) == 0);
  }
}

}  // namespace

TEST_CASE("a file that is not a database is named with the reason, not an empty message") {
  bpack::test::TempDir dir;
  const std::string path = dir.file("notes.txt");
  {
    std::ofstream out(path);
    for (int i = 0; i < 100; ++i) {
      out << "Minutes of the board meeting, line " << i << "\n";
    }
  }
  CHECK_THROWS_WITH_AS(Database(path, OpenMode::existing), (path + ": file is not a database").c_str(), bpack::Error);
}
