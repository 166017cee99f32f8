#include "bpack/output/action_views.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <set>

namespace bpack::output {
namespace {

Place place_of(const index::ActionRow& a) {
  return {a.last_pack_id, a.last_pack, a.last_line};
}

// How a history row joined its action, for a reader.
std::string link_text(const index::ActionHistoryEntry& e) {
  if (!e.linked_by) {
    return {};
  }
  if (*e.linked_by == "text") {
    return fmt::format("owner, text {:.0f}%", e.similarity.value_or(0.0) * 100.0);
  }
  return "ref";
}

}  // namespace

std::string action_flags(const index::ActionRow& a) {
  if (a.overdue && a.vanished_in) {
    return "overdue vanished";
  }
  return a.overdue ? "overdue" : a.vanished_in ? "vanished" : "";
}

ListView actions_list(const std::vector<index::ActionRow>& rows) {
  std::set<std::string> boards;
  for (const auto& a : rows) {
    boards.insert(a.board.value_or(""));
  }
  ListView list;
  list.name = "actions";
  list.columns = {
      {"board", Align::left, true, boards.size() > 1},
      {"ref", Align::right},
      {"status"},
      {"status_text", Align::left, false, false},
      {"owner", Align::left, true},
      {"raised", Align::left, false, false},
      {"due"},
      {"due_text", Align::left, false, false},
      {"days_open", Align::right},
      {"overdue", Align::left, false, false},
      {"first_seen", Align::left, false, false},
      {"last_seen"},
      {"packs_seen", Align::left, false, false},
      {"flags", Align::left, false, true, 0, false},
      {"vanished_in", Align::left, false, false},
      {"vanished_date", Align::left, false, false},
      {"closed_on", Align::left, false, false},
      {"closed_in", Align::left, false, false},
      {"item", Align::left, false, false},
      {"text", Align::left, true},
      {"comments", Align::left, false, false},
      {"last_pack", Align::left, false, false},
      {"last_line", Align::right, false, false},
      {"id", Align::right, false, false},
  };
  for (const auto& a : rows) {
    list.add({cell(a.board),      cell(a.ref),           Cell(a.status),      cell(a.status_text),
              cell(a.owner),      cell(a.raised),        cell(a.due),         cell(a.due_text),
              cell(a.days_open),  Cell(a.overdue),       cell(a.first_seen),  cell(a.last_seen),
              Cell(a.packs_seen), Cell(action_flags(a)), cell(a.vanished_in), cell(a.vanished_date),
              cell(a.closed_on),  cell(a.closed_in),     cell(a.item),        cell(a.text),
              cell(a.comments),   Cell(a.last_pack),     Cell(a.last_line),   Cell(a.id)},
             place_of(a));
  }
  return list;
}

DetailView action_detail(const index::ActionHistory& h) {
  const index::ActionRow& a = h.action;
  DetailView view;
  view.name = "action";
  view.title = a.ref ? "Action " + *a.ref : fmt::format("Action (no ref, id {})", a.id);
  view.subtitle = a.board.value_or("(board not stated)");
  view.place = place_of(a);
  if (a.text) {
    view.lines.push_back(*a.text);
  }
  view.lines.push_back(fmt::format("status {}{}, owner {}, raised {}, due {}", a.status, a.overdue ? " (overdue)" : "",
                                   a.owner.value_or("-"), a.raised.value_or("-"),
                                   a.due_text.value_or(a.due.value_or("-"))));
  if (a.closed_on) {
    view.lines.push_back(
        fmt::format("closed: at the meeting of {} ({})", *a.closed_on, a.closed_in.value_or("pack not known")));
  }
  view.lines.push_back(fmt::format("latest: {}:{} ({})", a.last_pack, a.last_line, a.last_seen.value_or("undated")));
  if (a.vanished_in) {
    view.lines.push_back(fmt::format("vanished: not in the action log of {} ({}), never recorded as closed",
                                     *a.vanished_in, a.vanished_date.value_or("undated")));
  }
  for (const auto& e : h.entries) {
    if (e.linked_by == std::optional<std::string>("text")) {
      view.lines.push_back(fmt::format("linked: {}:{}{} joined by its owner and a text {:.0f}% alike", e.pack, e.line,
                                       e.ref ? fmt::format(" (ref {})", *e.ref) : std::string(" (no ref)"),
                                       e.similarity.value_or(0.0) * 100.0));
    }
  }

  view.fields = {{"id", Cell(a.id)},
                 {"board", cell(a.board)},
                 {"ref", cell(a.ref)},
                 {"status", Cell(a.status)},
                 {"status_text", cell(a.status_text)},
                 {"owner", cell(a.owner)},
                 {"raised", cell(a.raised)},
                 {"due", cell(a.due)},
                 {"due_text", cell(a.due_text)},
                 {"item", cell(a.item)},
                 {"text", cell(a.text)},
                 {"comments", cell(a.comments)},
                 {"first_seen", cell(a.first_seen)},
                 {"last_seen", cell(a.last_seen)},
                 {"days_open", cell(a.days_open)},
                 {"overdue", Cell(a.overdue)},
                 {"vanished", Cell(a.vanished_in.has_value())},
                 {"vanished_in", cell(a.vanished_in)},
                 {"vanished_date", cell(a.vanished_date)},
                 {"closed_on", cell(a.closed_on)},
                 {"closed_in", cell(a.closed_in)}};

  // One row per pack that carries the action; * marks a status or due date that changed.
  ListView history;
  history.name = "history";
  history.columns = {
      {"meeting_date", Align::left, false, true, 0, true, "MEETING"},
      {"ref", Align::right},
      {"status", Align::left, false, false},
      {"status_shown", Align::left, false, true, 0, false, "STATUS"},
      {"status_text", Align::left, false, false},
      {"due", Align::left, false, false},
      {"due_shown", Align::left, false, true, 0, false, "DUE"},
      {"due_text", Align::left, false, false},
      {"owner", Align::left, true},
      {"text", Align::left, false, false},
      {"comments", Align::left, true},
      {"linked", Align::left, false, true, 0, false},
      {"linked_by", Align::left, false, false},
      {"similarity", Align::right, false, false},
      {"source_place", Align::left, false, true, 0, false, "SOURCE"},
      {"pack", Align::left, false, false},
      {"source", Align::left, false, false},
      {"line", Align::right, false, false},
      {"status_changed", Align::left, false, false},
      {"due_changed", Align::left, false, false},
  };
  for (const auto& e : h.entries) {
    const std::string due = e.due_text.value_or(e.due.value_or(""));
    history.add({cell(e.meeting_date),
                 cell(e.ref),
                 Cell(e.status),
                 Cell(e.status + (e.status_changed ? " *" : "")),
                 cell(e.status_text),
                 cell(e.due),
                 Cell(due + (e.due_changed ? " *" : "")),
                 cell(e.due_text),
                 cell(e.owner),
                 cell(e.text),
                 cell(e.comments),
                 Cell(link_text(e)),
                 cell(e.linked_by),
                 e.similarity ? Cell(*e.similarity) : Cell(std::monostate{}),
                 Cell(fmt::format("{}:{}", e.pack, e.line)),
                 Cell(e.pack),
                 Cell(e.source),
                 Cell(e.line),
                 Cell(e.status_changed),
                 Cell(e.due_changed)},
                Place{e.pack_id, e.pack, e.line});
  }
  view.lists.emplace_back("history", std::move(history));
  return view;
}

ListView owners_list(const std::vector<index::OwnerRow>& rows) {
  ListView list;
  list.name = "open actions by owner";
  list.columns = {{"owner", Align::left, true},
                  {"open", Align::right},
                  {"overdue", Align::right},
                  {"oldest_days", Align::right, false, true, 0, true, "OLDEST (DAYS)"},
                  {"oldest_ref", Align::right, false, true, 0, true, "REF"},
                  {"oldest_board", Align::left, false, false},
                  {"oldest_text", Align::left, true, true, 0, true, "OLDEST ACTION"}};
  for (const auto& o : rows) {
    list.add({o.owner ? Cell(*o.owner) : Cell(std::string("(no owner)")), Cell(o.open), Cell(o.overdue),
              cell(o.oldest_days), cell(o.oldest_ref), cell(o.oldest_board), cell(o.oldest_text)});
  }
  return list;
}

ListView changes_list(const std::vector<index::ChangeRow>& rows) {
  std::set<std::int64_t> boards;
  for (const auto& c : rows) {
    boards.insert(c.board_id);
  }
  ListView list;
  list.name = "changes";
  list.columns = {
      {"meeting_date", Align::left, false, true, 0, true, "MEETING"},
      {"board", Align::left, true, boards.size() > 1},
      {"ref", Align::right},
      {"kind", Align::left, false, true, 0, true, "CHANGE"},
      {"from", Align::left, true},
      {"to", Align::left, true},
      {"days", Align::right, false, false},
      {"detail", Align::left, true, true, 0, false},
      {"owner", Align::left, true},
      {"text", Align::left, true},
      {"status", Align::left, false, false},
      {"pack", Align::left, false, false},
      {"previous_pack", Align::left, false, false},
      {"previous_date", Align::left, false, false},
      {"source_pack", Align::left, false, false},
      {"source_line", Align::right, false, false},
      {"action_id", Align::right, false, false},
  };
  for (const auto& c : rows) {
    std::string detail;
    if (c.days) {
      const std::int64_t days = *c.days < 0 ? -*c.days : *c.days;
      detail = fmt::format("{} day{} {}", days, days == 1 ? "" : "s", *c.days > 0 ? "later" : "earlier");
    } else if (c.kind == "vanished") {
      detail = fmt::format("last in {} ({})", std::filesystem::path(c.previous_pack.value_or("?")).filename().string(),
                           c.previous_date.value_or("undated"));
    }
    list.add({cell(c.meeting_date), Cell(c.board), cell(c.ref), Cell(c.kind), cell(c.from), cell(c.to), cell(c.days),
              Cell(detail), cell(c.owner), cell(c.text), cell(c.status), Cell(c.pack), cell(c.previous_pack),
              cell(c.previous_date), Cell(c.source_pack), Cell(c.source_line), Cell(c.action_id)},
             Place{c.source_pack_id, c.source_pack, c.source_line});
  }
  return list;
}

}  // namespace bpack::output
