// `bpack ingest PATH...`: parse packs into the index, each pack all or nothing, committed in
// batches.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <optional>

#include "bpack/index/pipelined_ingest.hpp"
#include "bpack/index/writer.hpp"
#include "bpack/output/json.hpp"
#include "bpack/util/error.hpp"
#include "cli/context.hpp"
#include "cli/index_access.hpp"
#include "cli/input_files.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> paths;
  bool strict = false;
  bool verbose = false;
  OutputOptions output;
};

// Counts parser warnings instead of printing them: ingest reports packs, `bpack parse`
// shows the warnings of one.
class CountingSink final : public DiagnosticSink {
 public:
  void report(Diagnostic diagnostic) override {
    if (diagnostic.level == Diagnostic::Level::warning) {
      ++warnings;
    }
  }
  std::size_t warnings = 0;
};

// One line on stderr, rewritten in place: packs done / total, throughput, current file.
class Progress {
 public:
  Progress(bool enabled, std::size_t total) : enabled_(enabled), total_(total), start_(Clock::now()) {}
  void show(std::size_t done, std::uint64_t bytes_done, const std::string& current) const {
    if (!enabled_) {
      return;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    const double mb_per_s = seconds > 0 ? static_cast<double>(bytes_done) / 1e6 / seconds : 0.0;
    fmt::print(stderr, "\r\x1b[K[{}/{}] {:.1f} MB/s  {}", done, total_, mb_per_s, current);
    std::fflush(stderr);
  }
  void clear() const {
    if (enabled_) {
      fmt::print(stderr, "\r\x1b[K");
      std::fflush(stderr);
    }
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::size_t total_;
  Clock::time_point start_;
};

// Input bytes and time after which a batch of packs is committed: large enough that the
// index pages many packs touch are written once per batch rather than once per pack, small
// enough that an interrupted ingest loses little (run it again: the packs it has are skipped).
constexpr std::uint64_t kBatchBytes = 64ULL * 1000 * 1000;
constexpr std::chrono::seconds kBatchTime{2};

// Input bytes added in one run from which the full-text index is merged at the end (FTS5
// 'optimize': about 0.6 s per 100 MB indexed), which halves query time on a large index.
// Smaller runs leave it to FTS5's incremental merging.
constexpr std::uint64_t kOptimizeBytes = 16ULL * 1000 * 1000;

// One input's outcome, waiting for its batch to be committed.
struct Outcome {
  std::string path;
  index::IngestResult result;
  std::string error;  // empty when the pack was ingested
};

void print_json(const index::IngestResult* result, const std::string& path, const std::string& error) {
  std::string out;
  output::JsonWriter json(out);
  json.begin_object();
  json.field("path", std::string_view(path));
  if (result != nullptr) {
    json.field("outcome", index::to_string(result->outcome));
    json.field("sha256", std::string_view(result->sha256));
    json.field("pack_id", result->pack_id);
    json.field("bytes", result->bytes);
    json.field("blocks", result->blocks);
    json.field("new_passages", result->passages);
    json.field("actions", result->actions);
  } else {
    json.field("outcome", "failed");
    json.field("error", std::string_view(error));
  }
  json.end_object();
  out.push_back('\n');
  write_stdout(out);
}

void print_skipped_json(const std::string& path) {
  std::string out;
  output::JsonWriter json(out);
  json.begin_object().field("path", std::string_view(path)).field("outcome", "skipped");
  json.field("error", "not text or PDF").end_object();
  out.push_back('\n');
  write_stdout(out);
}

int run_ingest(const IngestOptions& options, Context& context) {
  const InputFiles found = expand_inputs(options.paths);
  const std::vector<InputFile>& inputs = found.packs;
  for (const std::string& path : found.skipped) {
    if (options.verbose) {
      fmt::print(stderr, "bpack: skipped {}: not text or PDF\n", path);
    }
    if (options.output.json) {
      print_skipped_json(path);
    }
  }
  auto db = open_index_for_ingest(context);
  index::Writer writer(*db);
  CountingSink warnings;
  extract::ParseOptions parse_options;
  parse_options.grammar = &context.grammar();
  parse_options.diagnostics = &warnings;

  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
  std::size_t failed = 0;
  std::uint64_t bytes_done = 0;
  const Progress progress(stderr_is_terminal() && !context.quiet, inputs.size());

  // Packs are read and parsed a few ahead on a second thread while this one writes them.
  std::vector<std::string> readable;
  for (const InputFile& input : inputs) {
    if (input.error.empty()) {
      readable.push_back(input.path);
    }
  }
  index::PipelinedIngest pipeline(writer, std::move(readable), parse_options);

  // Each pack is all or nothing (a savepoint inside the batch); the batch is what reaches
  // the disk, at most kBatchBytes of input or kBatchTime after it began. A pack's outcome
  // is reported (counts, --json) once its batch is committed, in input order.
  std::optional<index::Writer::Batch> batch;
  std::uint64_t bytes_written = 0;  // of packs added or replaced, committed
  std::vector<Outcome> pending;
  std::uint64_t batch_bytes = 0;
  auto batch_start = std::chrono::steady_clock::now();
  const auto report = [&](const Outcome& outcome) {
    if (!outcome.error.empty()) {
      ++failed;
    } else if (outcome.result.outcome == index::IngestOutcome::added) {
      ++added;
      bytes_written += outcome.result.bytes;
    } else if (outcome.result.outcome == index::IngestOutcome::replaced) {
      ++replaced;
      bytes_written += outcome.result.bytes;
    } else {
      ++unchanged;
    }
    if (options.output.json) {
      print_json(outcome.error.empty() ? &outcome.result : nullptr, outcome.path, outcome.error);
    }
  };
  // The packs of a batch that did not reach the disk failed, whatever they reported.
  const auto lose_batch = [&](const std::string& why) {
    batch.reset();  // rolls back; the writer forgets what the batch stored
    for (Outcome& outcome : pending) {
      if (outcome.error.empty()) {
        outcome.error = fmt::format("{}: not written: {}", outcome.path, why);
        progress.clear();
        fmt::print(stderr, "bpack: {}\n", outcome.error);
      }
      report(outcome);
    }
    pending.clear();
  };
  const auto commit_batch = [&] {
    if (batch) {
      try {
        batch->commit();
      } catch (const Error& e) {
        lose_batch(e.what());
        return;
      }
      batch.reset();
    }
    for (const Outcome& outcome : pending) {
      report(outcome);
    }
    pending.clear();
  };

  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const InputFile& input = inputs[i];
    progress.show(i, bytes_done, input.path);
    if (!batch) {
      batch.emplace(writer);
      batch_bytes = 0;
      batch_start = std::chrono::steady_clock::now();
    }
    try {
      if (!input.error.empty()) {
        throw Error(input.error);
      }
      Outcome done{input.path, pipeline.next(), {}};
      bytes_done += done.result.bytes;
      batch_bytes += done.result.bytes;
      pending.push_back(std::move(done));
    } catch (const Error& e) {
      // The pack's savepoint has rolled back: the index is as it was before this file.
      progress.clear();
      fmt::print(stderr, "bpack: {}\n", e.what());
      if (!index::in_transaction(*db)) {
        // SQLite gave up the whole transaction (a full disk, an I/O error): the packs
        // before this one in the batch went with it.
        lose_batch(fmt::format("the database rolled back after the error in {}", input.path));
      }
      Outcome outcome;
      outcome.path = input.path;
      outcome.error = e.what();
      pending.push_back(std::move(outcome));
      if (options.strict) {
        break;
      }
    }
    if (batch_bytes >= kBatchBytes || std::chrono::steady_clock::now() - batch_start >= kBatchTime) {
      commit_batch();
    }
  }
  commit_batch();
  progress.clear();
  if (bytes_written >= kOptimizeBytes) {
    try {
      writer.optimize();
    } catch (const Error& e) {
      // The packs are in; only their search speed is at stake.
      fmt::print(stderr, "bpack: {} (the packs are indexed; searches may be slower)\n", e.what());
    }
  }
  if (!context.quiet) {
    const std::string skipped = skipped_summary(found.skipped);
    fmt::print(stderr, "ingest: {} added, {} replaced, {} unchanged, {} failed ({}){}{}\n", added, replaced, unchanged,
               failed, db->path(), skipped.empty() ? "" : "; " + skipped,
               warnings.warnings > 0 ? fmt::format("; {} parser warnings, see `bpack parse FILE`", warnings.warnings)
                                     : std::string());
  }
  return failed > 0 ? kFailure : kOk;
}

}  // namespace

void add_ingest_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* sub = app.add_subcommand("ingest", "Parse packs into the index (created when missing)");
  sub->add_option("paths", options->paths,
                  "Packs (PDF or text files), directories (every PDF and *.txt below) or - for standard input")
      ->required()
      ->type_name("PATH");
  sub->add_flag("--strict", options->strict, "Stop at the first file that fails (default: report it and go on)");
  sub->add_flag("-v,--verbose", options->verbose, "List the files in directories that were skipped (not text or PDF)");
  add_output_options(*sub, options->output, false);
  sub->footer(
      "PDFs are read directly, their text laid out as `bpack text FILE` prints it. In directories,\n"
      "every PDF and *.txt file below is a pack; other files are skipped (counted, and listed with\n"
      "-v), as are hidden files and folders. Each pack is all or nothing: a file that fails (a\n"
      "password-protected or damaged PDF, a scan without text, a binary file) leaves the index as\n"
      "it was. Packs reach the disk in batches (64 MB of input or 2 s); an interrupted ingest keeps the batches before "
      "it,\n"
      "and running it again skips what is there. The same bytes again are skipped (unchanged);\n"
      "a changed file at an indexed path replaces that pack. After 16 MB or more of new packs the\n"
      "full-text index is merged into one segment, which makes searches faster.\n"
      "Counts go to stderr; with --json, one object per file goes to stdout.\n"
      "Exit status: 0 all ingested or unchanged, 1 a file failed.\n"
      "\n"
      "Examples:\n"
      "  bpack ingest packs/\n"
      "  bpack --db board.db ingest packs/2021-*.pdf packs/2022-*.pdf\n"
      "  pdftotext -layout pack.pdf - | bpack ingest -");
  sub->callback([options, &context] { context.status = run_ingest(*options, context); });
}

}  // namespace bpack::cli
