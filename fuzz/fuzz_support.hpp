#pragma once

// What the fuzz targets share: a scratch index in a directory of its own, removed when the
// process ends, and a check that stops the run (so libFuzzer saves the input) when an
// invariant is broken.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "bpack/index/database.hpp"
#include "bpack/index/schema.hpp"

namespace bpack::fuzz {

// Prints `what` and aborts: libFuzzer reports the input as a crash.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

class ScratchIndex {
 public:
  ScratchIndex()
      : dir_(std::filesystem::temp_directory_path() / ("bpack-fuzz-" + std::to_string(::getpid()))),
        path_((dir_ / "index.db").string()) {
    std::filesystem::create_directories(dir_);
    reopen();
  }
  ScratchIndex(const ScratchIndex&) = delete;
  ScratchIndex& operator=(const ScratchIndex&) = delete;
  ~ScratchIndex() {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // A new, empty index.
  void reopen() {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_ + suffix);
    }
    db_ = std::make_unique<index::Database>(path_, index::OpenMode::create);
    index::prepare_schema(*db_, index::SchemaUse::create);
  }
  index::Database& db() { return *db_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<index::Database> db_;
};

}  // namespace bpack::fuzz
