// `bpack search QUERY`: ranked paragraphs across every ingested pack.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

#include "bpack/index/search.hpp"
#include "bpack/model/section_kind.hpp"
#include "bpack/output/record_views.hpp"
#include "bpack/output/terminal_text.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

// Where the snippet marks its matches: bytes that pack text never holds (TextSource refuses
// them), shown as bold or brackets once the text around them is escaped (output/text.cpp).
constexpr char kMarkStart = '\x02';
constexpr char kMarkEnd = '\x03';

struct SearchCommandOptions {
  std::vector<std::string> words;
  bool raw = false;
  std::optional<std::string> kind;
  RecordFilterOptions filter;
  int limit = 20;
  double time_limit = 1.5;
  OutputOptions output;
};

int run_search(const SearchCommandOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  index::SearchOptions search;
  for (const auto& word : options.words) {
    search.query += (search.query.empty() ? "" : " ") + word;
  }
  search.raw = options.raw;
  if (options.kind) {
    search.kind = model::section_kind_named(*options.kind);
  }
  search.board = options.filter.board;
  search.since = options.filter.since;
  search.until = options.filter.until;
  search.limit = options.limit;
  search.time_limit = std::chrono::duration<double>(options.time_limit);
  const bool terminal_text = !options.output.json && !options.output.csv;
  if (terminal_text) {
    search.mark_start = std::string(1, kMarkStart);
    search.mark_end = std::string(1, kMarkEnd);
  }
  const auto hits = index::search(*db, search);
  if (hits.empty() && !context.quiet) {
    print_message("search: no paragraph matches", false);
  }
  print_list(output::search_hits_list(hits), options.output, context.quiet);
  return kOk;
}

}  // namespace

void add_search_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<SearchCommandOptions>();
  CLI::App* sub = app.add_subcommand("search", "Full-text search: ranked paragraphs with file:line");
  sub->add_option("query", options->words, "Words to find (all of them); \"a phrase\" in quotes")
      ->required()
      ->type_name("QUERY");
  sub->add_flag("--raw", options->raw, "QUERY is FTS5 syntax: \"phrases\", prefix*, AND/OR/NOT, NEAR(a b, 5)");
  sub->add_option("--kind", options->kind, "Only paragraphs in sections of this kind")
      ->check(CLI::IsMember({"agenda", "attendance", "minutes", "action_log", "paper", "forward_plan", "other"}))
      ->type_name("KIND");
  add_record_filter_options(*sub, options->filter);
  sub->add_option("--limit", options->limit, "Number of hits (default 20)")->check(CLI::Range(1, 1000))->type_name("N");
  sub->add_option("--time-limit", options->time_limit,
                  "Stop a search still running after this many seconds (default 1.5; 0: no limit)")
      ->check(CLI::Range(0.0, 86400.0))
      ->type_name("SECONDS");
  add_output_options(*sub, options->output);
  sub->footer(
      "Words are matched with English stemming (vaccination finds vaccinated, vaccine). Plain\n"
      "queries are always valid: hyphens, dots, dates and quotes are searched as written.\n"
      "A paragraph repeated word for word in several packs is one hit, shown in the latest pack.\n"
      "A word typed twice is searched once; at most 64 different words are searched. A search\n"
      "(above all a --raw one) still running after --time-limit seconds stops with an error.\n"
      "--since/--until filter on the meeting date of the pack.\n"
      "\n"
      "Examples:\n"
      "  bpack search vaccination\n"
      "  bpack search \"health inequalities\" --kind minutes --since 2021-01-01\n"
      "  bpack search --raw 'vaccin* NOT flu' --limit 5 --json");
  sub->callback([options, &context] { context.status = run_search(*options, context); });
}

}  // namespace bpack::cli
