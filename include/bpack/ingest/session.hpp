#pragma once

// A run of `bpack ingest`: inputs in, each pack all or nothing, committed in batches. Packs
// are read and parsed a few ahead on a second thread (PipelinedIngest) while this one
// writes them. Each pack is a savepoint inside its batch; the batch is what reaches the
// disk, at most kBatchBytes of input or kBatchTime after it began. A pack's outcome is
// final (reported, counted) once its batch is committed, in input order.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/index/database.hpp"
#include "bpack/index/writer.hpp"
#include "bpack/ingest/input_list.hpp"
#include "bpack/ingest/pack_ingester.hpp"
#include "bpack/ingest/pipelined_ingest.hpp"

namespace bpack::ingest {

// Input bytes and time after which a batch of packs is committed: large enough that the
// index pages many packs touch are written once per batch rather than once per pack, small
// enough that an interrupted ingest loses little (run it again: the packs it has are skipped).
constexpr std::uint64_t kBatchBytes = 64ULL * 1000 * 1000;
constexpr std::chrono::seconds kBatchTime{2};

// Input bytes added in one run from which the full-text index is merged at the end (FTS5
// 'optimize': about 0.6 s per 100 MB indexed), which halves query time on a large index.
// Smaller runs leave it to FTS5's incremental merging.
constexpr std::uint64_t kOptimizeBytes = 16ULL * 1000 * 1000;

// One input's outcome.
struct Outcome {
  std::string path;
  index::IngestResult result;
  std::string error;  // empty when the pack was ingested
};

struct Counts {
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
  std::size_t failed = 0;
};

// Where a run is, before it takes on the next input.
struct Progress {
  std::size_t done = 0;  // inputs
  std::size_t total = 0;
  std::uint64_t bytes_done = 0;
  double seconds = 0;  // since the run began
  const std::string* current = nullptr;
};

struct SessionCallbacks {
  std::function<void(const Progress&)> progress;    // before each input
  std::function<void(const std::string&)> message;  // a failure (or a warning) as it happens
  std::function<void(const Outcome&)> outcome;      // final, in input order
};

class Session {
 public:
  // `options.diagnostics` receives the parser's diagnostics on this thread.
  Session(index::Database& db, std::vector<Input> inputs, const extract::ParseOptions& options,
          SessionCallbacks callbacks);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();

  bool done() const { return next_ == inputs_.size(); }
  // Ingests the next input; false when it failed (the index is then as it was before it).
  bool next();
  // Commits the last batch and, after a large run, merges the full-text index. Call once.
  const Counts& finish();

 private:
  void count(const Outcome& outcome);
  void commit_batch();
  // The packs of a batch that did not reach the disk failed, whatever they reported.
  void lose_batch(const std::string& why);

  index::Database& db_;
  std::vector<Input> inputs_;
  SessionCallbacks callbacks_;
  index::Writer writer_;
  PackIngester ingester_;
  std::unique_ptr<PipelinedIngest> pipeline_;
  std::size_t next_ = 0;
  std::chrono::steady_clock::time_point start_;

  std::optional<index::Writer::Batch> batch_;
  std::vector<Outcome> pending_;  // waiting for their batch to commit
  std::uint64_t batch_bytes_ = 0;
  std::chrono::steady_clock::time_point batch_start_;
  std::uint64_t bytes_done_ = 0;
  std::uint64_t bytes_written_ = 0;  // of packs added or replaced, committed
  Counts counts_;
};

}  // namespace bpack::ingest
