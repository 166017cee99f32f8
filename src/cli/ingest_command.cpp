// `bpack ingest PATH...`: parse packs into the index, each pack all or nothing, committed in
// batches.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

#include "bpack/index/writer.hpp"
#include "bpack/ingest/input_list.hpp"
#include "bpack/ingest/session.hpp"
#include "bpack/output/json.hpp"
#include "bpack/output/terminal_text.hpp"
#include "bpack/text/input_check.hpp"
#include "bpack/util/error.hpp"
#include "cli/context.hpp"
#include "cli/index_access.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> paths;
  bool strict = false;
  bool verbose = false;
  std::size_t max_line = text::kDefaultMaxLine;
  bool allow_empty = false;
  double lock_wait = 10;
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
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  void show(const ingest::Progress& progress) const {
    if (!enabled_) {
      return;
    }
    const double mb_per_s =
        progress.seconds > 0 ? static_cast<double>(progress.bytes_done) / 1e6 / progress.seconds : 0.0;
    // The file name is shown escaped; the line clearing is bpack's own.
    fmt::print(stderr, "\r\x1b[K[{}/{}] {:.1f} MB/s  {}", progress.done, progress.total, mb_per_s,
               output::terminal_safe(*progress.current));
    std::fflush(stderr);
  }
  void clear() const {
    if (enabled_) {
      fmt::print(stderr, "\r\x1b[K");
      std::fflush(stderr);
    }
  }

 private:
  bool enabled_;
};

void print_json(const ingest::Outcome& outcome) {
  std::string out;
  output::JsonWriter json(out);
  json.begin_object();
  json.field("path", std::string_view(outcome.path));
  if (outcome.error.empty()) {
    const index::IngestResult& result = outcome.result;
    json.field("outcome", index::to_string(result.outcome));
    json.field("sha256", std::string_view(result.sha256));
    json.field("pack_id", result.pack_id);
    json.field("bytes", result.bytes);
    json.field("blocks", result.blocks);
    json.field("new_passages", result.passages);
    json.field("actions", result.actions);
    json.field("warnings", static_cast<std::uint64_t>(result.warnings.size()));
  } else {
    json.field("outcome", "failed");
    json.field("error", std::string_view(outcome.error));
  }
  json.end_object();
  out.push_back('\n');
  write_stdout(out);
}

// "bpack: packs/x.txt: 2 warnings (line 3: minutes with no meeting date; line 178: action
// log with no rows read); see: bpack explain packs/x.txt", for a pack that has any.
void print_warnings(const ingest::Outcome& outcome) {
  const auto& warnings = outcome.result.warnings;
  if (!outcome.error.empty() || warnings.empty()) {
    return;
  }
  std::string list;
  for (const auto& w : warnings) {
    list += (list.empty() ? "" : "; ") + (w.line > 0 ? fmt::format("line {}: {}", w.line, w.message) : w.message);
  }
  fmt::print(stderr, "bpack: {}: {} warning{} ({}); see: bpack explain {}\n", outcome.path, warnings.size(),
             warnings.size() == 1 ? "" : "s", list, outcome.path);
}

void print_skipped_json(const std::string& path) {
  std::string out;
  output::JsonWriter json(out);
  json.begin_object().field("path", std::string_view(path)).field("outcome", "skipped");
  json.field("error", "not text or PDF").end_object();
  out.push_back('\n');
  write_stdout(out);
}

// `warned`: packs with warnings (where the parser did not understand them); `warnings`: the
// parser's other diagnostics.
void print_counts(const ingest::Counts& counts, const std::string& db, const std::vector<std::string>& skipped,
                  std::size_t warnings, std::size_t warned = 0) {
  const std::string summary = ingest::skipped_summary(skipped);
  print_message(
      fmt::format("ingest: {} added, {} replaced, {} unchanged, {} failed ({}){}{}{}", counts.added, counts.replaced,
                  counts.unchanged, counts.failed, db, summary.empty() ? "" : "; " + summary,
                  warned > 0 ? fmt::format("; {} pack{} with warnings, see `bpack packs --warnings`", warned,
                                           warned == 1 ? "" : "s")
                             : std::string(),
                  warnings > 0 ? fmt::format("; {} parser warnings, see `bpack parse FILE`", warnings) : std::string()),
      false);
}

int run_ingest(const IngestOptions& options, Context& context) {
  ingest::InputList inputs = ingest::list_inputs(options.paths);
  for (const std::string& path : inputs.skipped) {
    if (options.verbose) {
      print_message(fmt::format("skipped {}: not text or PDF", path));
    }
    if (options.output.json) {
      print_skipped_json(path);
    }
  }
  // A grammar file with a mistake stops the run before the index is opened or created.
  const grammar::Grammar& grammar = context.grammar();
  std::unique_ptr<index::Database> db;
  try {
    db = open_index_for_ingest(context, std::chrono::duration<double>(options.lock_wait));
  } catch (const Error& e) {
    // Nothing went in; the counts say so as on any other run.
    print_message(e.what());
    if (!context.quiet) {
      print_counts({0, 0, 0, inputs.packs.size()}, context.db_path(), inputs.skipped, 0);
    }
    return kFailure;
  }
  CountingSink warnings;
  extract::ParseOptions parse_options;
  parse_options.grammar = &grammar;
  parse_options.diagnostics = &warnings;

  const ProgressLine progress(stderr_is_terminal() && !context.quiet);
  ingest::SessionCallbacks callbacks;
  callbacks.progress = [&](const ingest::Progress& p) { progress.show(p); };
  callbacks.message = [&](const std::string& message) {
    progress.clear();
    print_message(message);
  };
  const bool json = options.output.json;
  const bool quiet = context.quiet;
  std::size_t warned = 0;  // packs with warnings
  callbacks.outcome = [&progress, &warned, json, quiet](const ingest::Outcome& outcome) {
    warned += outcome.error.empty() && !outcome.result.warnings.empty() ? 1U : 0U;
    if (!quiet) {
      progress.clear();
      print_warnings(outcome);
    }
    if (json) {
      print_json(outcome);
    }
  };
  ingest::IngestPolicy policy;
  policy.max_line = options.max_line;
  policy.allow_empty = options.allow_empty;
  ingest::Session session(*db, std::move(inputs.packs), parse_options, std::move(callbacks), policy);
  while (!session.done()) {
    if (!session.next() && options.strict) {
      break;  // what went in before the failure is still committed
    }
  }
  const ingest::Counts counts = session.finish();
  progress.clear();
  if (!context.quiet) {
    print_counts(counts, db->path(), inputs.skipped, warnings.warnings, warned);
  }
  return counts.failed > 0 ? kFailure : kOk;
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
  add_max_line_option(*sub, options->max_line);
  sub->add_flag("--allow-empty", options->allow_empty,
                "Let a file in which nothing is found (empty, blank) replace an indexed pack that has content");
  sub->add_option("--lock-wait", options->lock_wait,
                  "Seconds to wait for another process writing to the index (default 10)")
      ->check(CLI::Range(0.0, 86400.0))
      ->type_name("SECONDS");
  add_output_options(*sub, options->output, false);
  sub->footer(
      "PDFs are read directly, their text laid out as `bpack text FILE` prints it. In directories,\n"
      "every PDF and *.txt file below is a pack; other files are skipped (counted, and listed with\n"
      "-v), as are hidden files and folders. Each pack is all or nothing: a file that fails (a\n"
      "password-protected or damaged PDF, a scan without text, a binary file) leaves the index as\n"
      "it was. Packs reach the disk in batches (64 MB of input or 2 s); an interrupted ingest\n"
      "keeps the batches before it, and running it again skips what is there. The same bytes\n"
      "again are skipped (unchanged); a changed file at an indexed path replaces that pack, except\n"
      "by a file in which nothing is found (empty or blank: it fails and the indexed pack stays,\n"
      "unless --allow-empty); one less than half the size of the pack it replaces is reported. A\n"
      "file that changes while it is read is read again once, then fails. Input is read before\n"
      "the index is locked for writing; another writer is waited for --lock-wait seconds. After\n"
      "16 MB or more of new packs the full-text index is merged into one segment, which makes\n"
      "searches faster.\n"
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
