// `bpack show [PACK]`: the ingested packs, or the outline of one.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "bpack/index/pack_queries.hpp"
#include "bpack/output/json.hpp"
#include "bpack/output/terminal_text.hpp"
#include "cli/context.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

using output::Align;
using output::cell;
using output::Cell;

struct ShowOptions {
  std::optional<std::string> pack;
  OutputOptions output;
};

output::Table packs_table(const std::vector<index::PackRow>& rows) {
  output::Table table;
  table.columns = {{"id", Align::right},
                   {"meeting_date"},
                   {"board", Align::left, true},
                   {"path", Align::left, true},
                   {"lines", Align::right},
                   {"bytes", Align::right},
                   {"pages", Align::right, false, false},
                   {"sha256", Align::left, false, true, 13},
                   {"ingested_at", Align::left, false, false}};
  for (const auto& p : rows) {
    // A table shows the first 12 hex digits (enough to name the pack); JSON and CSV all 64.
    table.add({Cell(p.id), cell(p.meeting_date), cell(p.board), Cell(p.path), Cell(p.lines), Cell(p.bytes),
               Cell(p.pages), Cell(p.sha256), Cell(p.ingested_at)});
  }
  return table;
}

std::string outline_text(const index::PackOutline& o) {
  const index::PackRow& p = o.pack;
  // Pack text and paths are shown escaped (terminal_text.hpp); only the bold is bpack's own.
  const std::string head = fmt::format("{}{}{}", bold_start(), output::terminal_safe(p.path), bold_end());
  std::string out = fmt::format("  pack {}, {} lines, {} page{}, {} bytes, sha256 {}\n", p.id, p.lines, p.pages,
                                p.pages == 1 ? "" : "s", p.bytes, p.sha256.substr(0, 12));
  out += fmt::format("board {}, meeting {}, ingested {}\n", p.board.value_or("(not stated)"),
                     p.meeting_date.value_or("(undated)"), p.ingested_at);
  if (!o.meetings.empty()) {
    out += "meetings\n";
    for (const auto& m : o.meetings) {
      out += fmt::format("  {:<8} {:<10} {:<5}  {}{}  (line {})\n", m.role, m.date.value_or("?"), m.time.value_or(""),
                         m.body.value_or("(body not stated)"), m.venue ? ", " + *m.venue : "", m.line);
    }
  }
  output::Table sections;
  sections.columns = {{"kind"}, {"lines", Align::right}, {"pages", Align::right}, {"title", Align::left, true}};
  for (const auto& s : o.sections) {
    sections.add({Cell(s.kind), Cell(fmt::format("{}-{}", s.line_start, s.line_end)),
                  Cell(fmt::format("{}-{}", s.page_start, s.page_end)), Cell(s.title)});
  }
  out += "sections\n" + indented_table(sections);
  if (!o.actions.empty()) {
    output::Table actions;
    actions.columns = {
        {"ref", Align::right},      {"status"}, {"due"}, {"owner", Align::left, true}, {"line", Align::right},
        {"text", Align::left, true}};
    for (const auto& a : o.actions) {
      actions.add({cell(a.ref), Cell(a.status), cell(a.due), cell(a.owner), Cell(a.line), cell(a.text)});
    }
    out += "actions\n" + indented_table(actions);
  }
  std::string counts;
  for (const auto& [table, count] : o.counts) {
    counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", count, table);
  }
  out += fmt::format("rows: {}\n", counts);
  return head + output::terminal_safe(out);
}

std::string outline_json(const index::PackOutline& o) {
  std::string out;
  output::JsonWriter json(out);
  const index::PackRow& p = o.pack;
  json.begin_object();
  json.field("id", p.id).field("path", std::string_view(p.path)).field("sha256", std::string_view(p.sha256));
  json.field("bytes", p.bytes).field("lines", p.lines).field("pages", p.pages).field("board", p.board);
  json.field("meeting_date", p.meeting_date).field("ingested_at", std::string_view(p.ingested_at));
  json.key("meetings").begin_array();
  for (const auto& m : o.meetings) {
    json.begin_object().field("role", std::string_view(m.role)).field("date", m.date).field("time", m.time);
    json.field("body", m.body).field("venue", m.venue).field("line", m.line).end_object();
  }
  json.end_array().key("sections").begin_array();
  for (const auto& s : o.sections) {
    json.begin_object().field("kind", std::string_view(s.kind)).field("title", std::string_view(s.title));
    json.field("line_start", s.line_start).field("line_end", s.line_end);
    json.field("page_start", s.page_start).field("page_end", s.page_end).end_object();
  }
  json.end_array().key("actions").begin_array();
  for (const auto& a : o.actions) {
    json.begin_object().field("ref", a.ref).field("status", std::string_view(a.status)).field("owner", a.owner);
    json.field("due", a.due).field("text", a.text).field("line", a.line).end_object();
  }
  json.end_array().key("counts").begin_object();
  for (const auto& [table, count] : o.counts) {
    json.field(table, count);
  }
  json.end_object().end_object();
  out.push_back('\n');
  return out;
}

int run_show(const ShowOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  if (!options.pack) {
    print_table(packs_table(index::list_packs(*db)), options.output);
    return kOk;
  }
  const index::PackOutline outline = index::pack_outline(*db, index::find_pack(*db, *options.pack).id);
  write_stdout(options.output.json ? outline_json(outline) : outline_text(outline));
  return kOk;
}

}  // namespace

void add_show_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand("show", "The ingested packs, or the outline of one");
  sub->add_option("pack", options->pack, "A pack: its id, path, a unique end of its path, or a SHA-256 prefix")
      ->type_name("PACK");
  add_output_options(*sub, options->output);
  sub->footer(
      "Without PACK, lists the packs (--csv for the list; with PACK, --json gives one object).\n"
      "\n"
      "Examples:\n"
      "  bpack show\n"
      "  bpack show blmk-2022-02-09.txt\n"
      "  bpack show 50f12dc3 --json");
  sub->callback([options, &context] { context.status = run_show(*options, context); });
}

}  // namespace bpack::cli
