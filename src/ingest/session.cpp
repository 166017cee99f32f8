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
                 SessionCallbacks callbacks, const IngestPolicy& policy)
    : db_(db),
      inputs_(std::move(inputs)),
      callbacks_(std::move(callbacks)),
      writer_(db),
      ingester_(writer_),
      start_(std::chrono::steady_clock::now()) {
  ingester_.set_policy(policy);  // before the reader thread starts
  pipeline_ = std::make_unique<PipelinedIngest>(ingester_, readable_paths(inputs_), options);
}

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
    const index::IngestResult& r = outcome.result;
    if (callbacks_.message && static_cast<double>(r.bytes) < kShrinkWarning * static_cast<double>(r.replaced_bytes)) {
      callbacks_.message(fmt::format(
          "{}: warning: {} bytes replaced the {} indexed from this path, less than half; check that the file is "
          "complete",
          outcome.path, r.bytes, r.replaced_bytes));
    }
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

void Session::wait_for_input() {
  // The batch's write lock is kept while the next input is read only as long as the batch
  // would stay open anyway.
  if (batch_ && !pipeline_->wait_until_ready(batch_start_ + kBatchTime)) {
    commit_batch();
  }
  pipeline_->wait_until_ready(std::chrono::steady_clock::time_point::max());
}

bool Session::open_batch(const Input& input) {
  try {
    batch_.emplace(writer_);
  } catch (const index::SqliteError& e) {
    if (!e.busy()) {
      throw;
    }
    // Another writer holds the index: every pack left would wait as long and fail the same
    // way. What was committed stays; the rest is counted as failed, and the run stops.
    const std::size_t left = inputs_.size() - next_ + 1;
    if (callbacks_.message) {
      callbacks_.message(fmt::format(
          "{}; {}{} not ingested: run the same command again once the other process is done", e.what(), input.path,
          left > 1 ? fmt::format(" and {} more input{}", left - 1, left > 2 ? "s" : "") : std::string()));
    }
    for (std::size_t i = next_ - 1; i < inputs_.size(); ++i) {
      count({inputs_[i].path, {}, fmt::format("{}: not ingested: {}", inputs_[i].path, e.what())});
    }
    next_ = inputs_.size();
    return false;
  }
  batch_bytes_ = 0;
  batch_start_ = std::chrono::steady_clock::now();
  return true;
}

bool Session::next() {
  const Input& input = inputs_[next_++];
  if (callbacks_.progress) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    callbacks_.progress({next_ - 1, inputs_.size(), bytes_done_, seconds, &input.path});
  }
  if (input.error.empty()) {
    wait_for_input();
  }
  if (!batch_ && !open_batch(input)) {
    return false;
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
    // A database failure names the index; the message names the file too.
    const std::string message = dynamic_cast<const index::SqliteError*>(&e) != nullptr
                                    ? fmt::format("{}: not written: {}", input.path, e.what())
                                    : std::string(e.what());
    if (callbacks_.message) {
      callbacks_.message(message);
    }
    if (!index::in_transaction(db_)) {
      // SQLite gave up the whole transaction (a full disk, an I/O error): the packs
      // before this one in the batch went with it.
      lose_batch(fmt::format("the database rolled back after the error in {}", input.path));
    }
    Outcome outcome;
    outcome.path = input.path;
    outcome.error = message;
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
  try {
    writer_.refresh_derived();
  } catch (const Error& e) {
    // The packs are in; the next ingest brings the lists up to date.
    if (callbacks_.message) {
      callbacks_.message(
          fmt::format("{} (the packs are indexed; the next ingest brings action states and meeting "
                      "summaries up to date)",
                      e.what()));
    }
  }
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
