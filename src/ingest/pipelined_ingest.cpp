#include "bpack/ingest/pipelined_ingest.hpp"

#include <utility>

#include "bpack/ingest/pack_reader.hpp"
#include "bpack/util/error.hpp"

namespace bpack::ingest {

using index::IngestOutcome;
using index::IngestResult;

PipelinedIngest::PipelinedIngest(PackIngester& ingester, std::vector<std::string> paths, extract::ParseOptions options,
                                 std::uint64_t bytes_ahead)
    : ingester_(ingester),
      paths_(std::move(paths)),
      options_(std::move(options)),
      reader_options_(options_),
      bytes_ahead_(bytes_ahead) {
  // The reader never calls the caller's functions: blocks go to on_block as each pack is
  // written, and diagnostics to the sink, from the caller's thread.
  reader_options_.on_block = nullptr;
  for (auto& hash : ingester_.writer().pack_hashes()) {
    indexed_.insert(std::move(hash));
  }
  reader_ = std::thread([this] { read_ahead(); });
}

PipelinedIngest::~PipelinedIngest() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  reader_.join();
}

PipelinedIngest::Item PipelinedIngest::prepare(const std::string& path) {
  Item item;
  try {
    std::string bytes = read_pack_file(path);
    // Hashed first; parsed only if these bytes were neither indexed already nor met earlier
    // in this run (a copy of an earlier file is unchanged once that one is written; if it
    // is not, the writer parses it then).
    item.pack = ingester_.prepare(std::move(bytes), path, source_key_of(path));
    const bool parse = !indexed_.contains(item.pack.file.sha256) && seen_.insert(item.pack.file.sha256).second;
    if (parse) {
      CollectingSink diagnostics;
      extract::ParseOptions options = reader_options_;
      options.diagnostics = reader_options_.diagnostics != nullptr ? &diagnostics : nullptr;
      try {
        ingester_.parse(item.pack, options);
      } catch (...) {
        item.diagnostics = std::move(diagnostics.items);
        throw;
      }
      item.diagnostics = std::move(diagnostics.items);
    }
  } catch (...) {
    item.error = std::current_exception();
  }
  return item;
}

void PipelinedIngest::read_ahead() {
  for (const std::string& path : paths_) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || ready_.empty() || ready_bytes_ < bytes_ahead_; });
      if (stop_) {
        return;
      }
    }
    Item item = prepare(path);
    {
      const std::lock_guard lock(mutex_);
      if (stop_) {
        return;
      }
      ready_bytes_ += item.pack.file.size;
      ready_.push_back(std::move(item));
    }
    changed_.notify_all();
  }
}

IngestResult PipelinedIngest::next() {
  if (done()) {
    throw Error("internal error: no file left to ingest");
  }
  ++taken_;
  Item item;
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty(); });
    item = std::move(ready_.front());
    ready_.pop_front();
    ready_bytes_ -= item.pack.file.size;
  }
  changed_.notify_all();

  const auto report_diagnostics = [&] {
    if (options_.diagnostics != nullptr) {
      for (auto& diagnostic : item.diagnostics) {
        options_.diagnostics->report(std::move(diagnostic));
      }
    }
  };
  if (item.error) {
    report_diagnostics();
    std::rethrow_exception(item.error);
  }
  // What the writer parses itself (a pack not parsed ahead) reports straight to the sink.
  const bool parsed_ahead = item.pack.parsed;
  IngestResult result;
  try {
    result = ingester_.write(std::move(item.pack), options_);
  } catch (...) {
    if (parsed_ahead) {
      report_diagnostics();
    }
    throw;
  }
  // A pack parsed ahead that turned out unchanged was never parsed as far as the caller knows.
  if (parsed_ahead && result.outcome != IngestOutcome::unchanged) {
    report_diagnostics();
  }
  return result;
}

}  // namespace bpack::ingest
