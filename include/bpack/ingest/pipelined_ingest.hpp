#pragma once

// Ingests a list of files with two threads: a reader thread reads, hashes and parses the
// packs ahead while the caller's thread writes them, in order, each in its own transaction
// (or savepoint). Results and errors come out exactly as PackIngester::ingest_file gives
// them for each file in turn; only the caller's thread touches the database and the
// caller's diagnostic sink.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/index/writer.hpp"
#include "bpack/ingest/pack_ingester.hpp"
#include "bpack/util/diagnostics.hpp"

namespace bpack::ingest {

class PipelinedIngest {
 public:
  // Parsed packs waiting to be written hold at most about this many input bytes (one pack
  // always fits, whatever its size), so memory does not grow with the number of files.
  static constexpr std::uint64_t kDefaultBytesAhead = 16 * 1024 * 1024;

  // Starts reading `paths` ("-": standard input). Packs already indexed (by SHA-256) when
  // this starts are not parsed ahead: the writer's own check decides, as ever.
  PipelinedIngest(PackIngester& ingester, std::vector<std::string> paths, extract::ParseOptions options,
                  std::uint64_t bytes_ahead = kDefaultBytesAhead);
  PipelinedIngest(const PipelinedIngest&) = delete;
  PipelinedIngest& operator=(const PipelinedIngest&) = delete;
  // Stops the reader (a pack it is parsing is finished and dropped) and waits for it. Packs
  // not taken with next() are never written.
  ~PipelinedIngest();

  // Whether next() has a file left.
  bool done() const { return taken_ == paths_.size(); }
  // Writes the next file in the order given, on the calling thread. Throws bpack::Error, as
  // ingest_file would for that file (the database is then as before it); the next call goes
  // on with the file after it.
  index::IngestResult next();

 private:
  struct Item {
    PreparedPack pack;                    // its size counts against bytes_ahead_ while it waits
    std::vector<Diagnostic> diagnostics;  // the parser's, reported when the pack is written
    std::exception_ptr error;             // reading or parsing failed
  };

  void read_ahead();
  Item prepare(const std::string& path);

  PackIngester& ingester_;
  const std::vector<std::string> paths_;
  extract::ParseOptions options_;
  extract::ParseOptions reader_options_;  // the reader thread's copy
  const std::uint64_t bytes_ahead_;
  std::unordered_set<std::string> indexed_;  // SHA-256 of the packs indexed at the start
  std::unordered_set<std::string> seen_;     // reader thread only: hashes met in this run
  std::size_t taken_ = 0;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Item> ready_;
  std::uint64_t ready_bytes_ = 0;
  bool stop_ = false;
  std::thread reader_;
};

}  // namespace bpack::ingest
