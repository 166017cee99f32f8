#include "bpack/ingest/session.hpp"

#include <fmt/format.h>

#include <utility>

#include "bpack/util/error.hpp"

namespace bpack::ingest {

namespace {

std::vector<std::string> readable_paths(const std::vector<Input>& inputs) {
  std::vector<std::string> paths;
  for (const Input& input : inputs) {
    if (input.error.empty()) {
      paths.push_back(input.path);
    }
  }
  return paths;
}

}  // namespace

Session::Session(index::Database& db, std::vector<Input> inputs, const extract::ParseOptions& options,
                 SessionCallbacks callbacks)
    : db_(db),
      inputs_(std::move(inputs)),
      callbacks_(std::move(callbacks)),
      writer_(db),
      ingester_(writer_),
      pipeline_(std::make_unique<PipelinedIngest>(ingester_, readable_paths(inputs_), options)),
      start_(std::chrono::steady_clock::now()) {}

Session::~Session() = default;

void Session::count(const Outcome& outcome) {
  if (!outcome.error.empty()) {
    ++counts_.failed;
  } else if (outcome.result.outcome == index::IngestOutcome::added) {
    ++counts_.added;
    bytes_written_ += outcome.result.bytes;
  } else if (outcome.result.outcome == index::IngestOutcome::replaced) {
    ++counts_.replaced;
    bytes_written_ += outcome.result.bytes;
  } else {
    ++counts_.unchanged;
  }
  if (callbacks_.outcome) {
    callbacks_.outcome(outcome);
  }
}

void Session::lose_batch(const std::string& why) {
  batch_.reset();  // rolls back; the writer forgets what the batch stored
  for (Outcome& outcome : pending_) {
    if (outcome.error.empty()) {
      outcome.error = fmt::format("{}: not written: {}", outcome.path, why);
      if (callbacks_.message) {
        callbacks_.message(outcome.error);
      }
    }
    count(outcome);
  }
  pending_.clear();
}

void Session::commit_batch() {
  if (batch_) {
    try {
      batch_->commit();
    } catch (const Error& e) {
      lose_batch(e.what());
      return;
    }
    batch_.reset();
  }
  for (const Outcome& outcome : pending_) {
    count(outcome);
  }
  pending_.clear();
}

bool Session::next() {
  const Input& input = inputs_[next_++];
  if (callbacks_.progress) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    callbacks_.progress({next_ - 1, inputs_.size(), bytes_done_, seconds, &input.path});
  }
  if (!batch_) {
    batch_.emplace(writer_);
    batch_bytes_ = 0;
    batch_start_ = std::chrono::steady_clock::now();
  }
  bool ok = true;
  try {
    if (!input.error.empty()) {
      throw Error(input.error);
    }
    Outcome done{input.path, pipeline_->next(), {}};
    bytes_done_ += done.result.bytes;
    batch_bytes_ += done.result.bytes;
    pending_.push_back(std::move(done));
  } catch (const Error& e) {
    // The pack's savepoint has rolled back: the index is as it was before this file.
    ok = false;
    if (callbacks_.message) {
      callbacks_.message(e.what());
    }
    if (!index::in_transaction(db_)) {
      // SQLite gave up the whole transaction (a full disk, an I/O error): the packs
      // before this one in the batch went with it.
      lose_batch(fmt::format("the database rolled back after the error in {}", input.path));
    }
    Outcome outcome;
    outcome.path = input.path;
    outcome.error = e.what();
    pending_.push_back(std::move(outcome));
  }
  if (batch_bytes_ >= kBatchBytes || std::chrono::steady_clock::now() - batch_start_ >= kBatchTime) {
    commit_batch();
  }
  return ok;
}

const Counts& Session::finish() {
  commit_batch();
  pipeline_.reset();  // a stopped run: the reader thread stops here
  if (bytes_written_ >= kOptimizeBytes) {
    try {
      writer_.optimize();
    } catch (const Error& e) {
      // The packs are in; only their search speed is at stake.
      if (callbacks_.message) {
        callbacks_.message(fmt::format("{} (the packs are indexed; searches may be slower)", e.what()));
      }
    }
  }
  return counts_;
}

}  // namespace bpack::ingest
