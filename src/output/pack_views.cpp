#include "bpack/output/pack_views.hpp"

#include <fmt/format.h>

namespace bpack::output {
namespace {

// What the outline of a pack shows, from the index or from the parser (the index's structs).
using index::OutlineMeeting;
using index::OutlineSection;

std::string size_text(std::int64_t lines, std::int64_t pages, std::uint64_t bytes, const std::string& sha256) {
  return fmt::format("{} lines, {} page{}, {} bytes, sha256 {}", lines, pages, pages == 1 ? "" : "s", bytes,
                     sha256.substr(0, 12));
}

ListView meetings_list(const std::vector<OutlineMeeting>& meetings, std::int64_t pack_id, const std::string& path) {
  ListView list;
  list.name = "meetings";
  list.columns = {
      {"role"}, {"date"}, {"time"}, {"body", Align::left, true}, {"venue", Align::left, true}, {"line", Align::right}};
  for (const auto& m : meetings) {
    list.add({Cell(m.role), cell(m.date), cell(m.time), cell(m.body), cell(m.venue), Cell(m.line)},
             Place{pack_id, path, m.line});
  }
  return list;
}

ListView sections_list(const std::vector<OutlineSection>& sections, std::int64_t pack_id, const std::string& path) {
  ListView list;
  list.name = "sections";
  list.columns = {{"kind"},
                  {"line_start", Align::right, false, false},
                  {"line_end", Align::right, false, false},
                  {"page_start", Align::right, false, false},
                  {"page_end", Align::right, false, false},
                  {"lines", Align::right, false, true, 0, false},
                  {"pages", Align::right, false, true, 0, false},
                  {"title", Align::left, true}};
  for (const auto& s : sections) {
    list.add({Cell(s.kind), Cell(s.line_start), Cell(s.line_end), Cell(s.page_start), Cell(s.page_end),
              Cell(fmt::format("{}-{}", s.line_start, s.line_end)),
              Cell(fmt::format("{}-{}", s.page_start, s.page_end)), Cell(s.title)},
             Place{pack_id, path, s.line_start});
  }
  return list;
}

}  // namespace

ListView packs_list(const std::vector<index::PackRow>& rows) {
  ListView list;
  list.name = "packs";
  list.columns = {{"id", Align::right},
                  {"meeting_date"},
                  {"board", Align::left, true},
                  {"path", Align::left, true},
                  {"lines", Align::right},
                  {"bytes", Align::right},
                  {"pages", Align::right, false, false},
                  // A table shows the first 12 hex digits (enough to name the pack); JSON and CSV all 64.
                  {"sha256", Align::left, false, true, 13},
                  {"ingested_at", Align::left, false, false}};
  for (const auto& p : rows) {
    list.add({Cell(p.id), cell(p.meeting_date), cell(p.board), Cell(p.path), Cell(p.lines), Cell(p.bytes),
              Cell(p.pages), Cell(p.sha256), Cell(p.ingested_at)},
             Place{p.id, p.path, 1});
  }
  return list;
}

DetailView pack_outline_view(const index::PackOutline& o) {
  const index::PackRow& p = o.pack;
  DetailView view;
  view.name = "pack";
  view.title = p.path;
  view.subtitle =
      fmt::format("pack {}, {}", p.id, size_text(p.lines, p.pages, static_cast<std::uint64_t>(p.bytes), p.sha256));
  view.place = Place{p.id, p.path, 1};
  view.lines.push_back(fmt::format("board {}{}, meeting {}, ingested {}", p.board.value_or("(not stated)"),
                                   p.board_as_written && p.board_as_written != p.board
                                       ? fmt::format(" (named here \"{}\")", *p.board_as_written)
                                       : std::string(),
                                   p.meeting_date.value_or("(undated)"), p.ingested_at));
  std::string counts;
  std::vector<Field> count_fields;
  for (const auto& [table, count] : o.counts) {
    counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", count, table);
    count_fields.push_back({table, Cell(count)});
  }
  view.lines.push_back("rows: " + counts);
  view.fields = {{"id", Cell(p.id)},
                 {"path", Cell(p.path)},
                 {"sha256", Cell(p.sha256)},
                 {"bytes", Cell(p.bytes)},
                 {"lines", Cell(p.lines)},
                 {"pages", Cell(p.pages)},
                 {"board", cell(p.board)},
                 {"board_as_written", cell(p.board_as_written)},
                 {"meeting_date", cell(p.meeting_date)},
                 {"ingested_at", Cell(p.ingested_at)}};
  view.groups.emplace_back("counts", std::move(count_fields));

  std::vector<OutlineMeeting> meetings;
  for (const auto& m : o.meetings) {
    meetings.push_back({m.role, m.date, m.time, m.body, m.venue, m.line});
  }
  std::vector<OutlineSection> sections;
  for (const auto& s : o.sections) {
    sections.push_back({s.kind, s.title, s.line_start, s.line_end, s.page_start, s.page_end});
  }
  view.lists.emplace_back("meetings", meetings_list(meetings, p.id, p.path));
  view.lists.emplace_back("sections", sections_list(sections, p.id, p.path));
  ListView actions;
  actions.name = "actions";
  actions.columns = {
      {"ref", Align::right},      {"status"}, {"due"}, {"owner", Align::left, true}, {"line", Align::right},
      {"text", Align::left, true}};
  for (const auto& a : o.actions) {
    actions.add({cell(a.ref), Cell(a.status), cell(a.due), cell(a.owner), Cell(a.line), cell(a.text)},
                Place{p.id, p.path, a.line});
  }
  view.lists.emplace_back("actions", std::move(actions));
  return view;
}

DetailView parsed_pack_view(const model::Pack& pack) {
  const model::SourceInfo& s = pack.source;
  DetailView view;
  view.name = "pack";
  view.title = s.path;
  view.subtitle = size_text(s.lines, s.pages, s.bytes, s.sha256);
  view.lines.push_back(
      fmt::format("entities: {} agenda items, {} attendance, {} minute items, {} decisions, {} actions, {} papers",
                  pack.agenda_items.size(), pack.attendance.size(), pack.minute_items.size(), pack.decisions.size(),
                  pack.actions.size(), pack.papers.size()));
  std::vector<OutlineMeeting> meetings;
  for (const auto& m : pack.meetings) {
    meetings.push_back({std::string(model::to_string(m.role)), m.date, m.time, m.body, m.venue, m.line});
  }
  std::vector<OutlineSection> sections;
  for (const auto& sec : pack.sections) {
    sections.push_back({std::string(model::section_name(sec.kind)), sec.title, sec.line_start, sec.line_end,
                        sec.page_start, sec.page_end});
  }
  view.lists.emplace_back("meetings", meetings_list(meetings, 0, s.path));
  view.lists.emplace_back("sections", sections_list(sections, 0, s.path));
  return view;
}

}  // namespace bpack::output
