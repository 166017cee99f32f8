#pragma once

// Helpers for the index tests: a temporary directory, row counts of every table (to assert
// "nothing changed"), and a stand-in parser that returns hand-made packs, so these tests
// pin the index's behaviour whatever the real parser's accuracy is today.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bpack/index/database.hpp"
#include "bpack/index/schema.hpp"
#include "bpack/index/writer.hpp"
#include "bpack/ingest/pack_ingester.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/text/text_source.hpp"
#include "bpack/util/error.hpp"

#include <unistd.h>

namespace bpack::test {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("bpack-index-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline const std::vector<std::string>& data_tables() {
  static const std::vector<std::string> tables = {
      "packs",  "meetings", "sections",       "agenda_items", "attendance", "minute_items", "decisions",
      "papers", "actions",  "action_history", "blocks",       "passages",   "passage_packs"};
  return tables;
}

inline std::map<std::string, std::int64_t> row_counts(index::Database& db) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& table : data_tables()) {
    counts[table] = db.query_int("SELECT COUNT(*) FROM " + table);
  }
  // What the full-text index holds, read through FTS5 itself (not the content table).
  counts["passages_fts(the)"] = db.query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'the'");
  return counts;
}

// Opens a fresh index in `dir`.
inline std::unique_ptr<index::Database> new_index(const TempDir& dir, const std::string& name = "test.db") {
  auto db = std::make_unique<index::Database>(dir.file(name), index::OpenMode::create);
  index::prepare_schema(*db, index::SchemaUse::create);
  return db;
}

struct FakeBlock {
  model::SectionKind kind = model::SectionKind::minutes;
  std::string section;
  std::string text;
  model::LineNo line = 1;
};

struct FakePack {
  model::Pack pack;
  std::vector<FakeBlock> blocks;
  bool fail_after_blocks = false;  // throw bpack::Error once the blocks are out (a mid-parse failure)
};

// Returns the pack registered under the input's first line, after streaming its blocks.
class FakeParser {
 public:
  void add(const std::string& first_line, FakePack pack) { packs_[first_line] = std::move(pack); }

  ingest::PackParser parser() {
    return [this](text::LineSource& source, const extract::ParseOptions& options) {
      text::Line line;
      std::string first;
      bool have_first = false;
      while (source.next(line)) {  // reads to the end, as the real parser does
        if (!have_first) {
          first = std::string(line.text);
          have_first = true;
        }
      }
      const auto found = packs_.find(first);
      if (found == packs_.end()) {
        throw Error("fake parser: no pack registered for '" + first + "'");
      }
      const FakePack& fake = found->second;
      for (const auto& b : fake.blocks) {
        if (options.on_block) {
          options.on_block(model::Block{b.kind, b.section, b.text, b.line, 1});
        }
      }
      if (fake.fail_after_blocks) {
        throw Error("fake parser: failed half-way");
      }
      model::Pack pack = fake.pack;
      pack.source.path = source.name();
      pack.source.sha256 = source.sha256_hex();
      pack.source.bytes = source.bytes();
      pack.source.lines = source.lines();
      return pack;
    };
  }

 private:
  std::map<std::string, FakePack> packs_;
};

inline model::Meeting agenda_meeting(const std::string& body, const std::string& date) {
  model::Meeting m;
  m.body = body;
  m.date = date;
  m.role = model::MeetingRole::agenda;
  m.line = 1;
  return m;
}

inline model::Action action(const std::string& ref, model::ActionStatus status, const std::string& text,
                            std::optional<std::string> due = std::nullopt,
                            std::optional<std::string> owner = std::nullopt) {
  model::Action a;
  a.ref = ref;
  a.status = status;
  a.status_text = std::string(model::to_string(status));
  a.text = text;
  a.due = std::move(due);
  a.owner = std::move(owner);
  a.line = 10;
  return a;
}

inline model::Section section(model::SectionKind kind, const std::string& title, model::LineNo from, model::LineNo to) {
  model::Section s;
  s.kind = kind;
  s.title = title;
  s.line_start = from;
  s.line_end = to;
  return s;
}

}  // namespace bpack::test
