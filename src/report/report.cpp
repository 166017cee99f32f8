#include "bpack/report/report.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "assets.hpp"
#include "bpack/index/action_queries.hpp"
#include "bpack/index/boards.hpp"
#include "bpack/index/change_queries.hpp"
#include "bpack/index/pack_queries.hpp"
#include "bpack/index/record_queries.hpp"
#include "bpack/output/action_views.hpp"
#include "bpack/output/html.hpp"
#include "bpack/output/json.hpp"
#include "bpack/output/record_views.hpp"
#include "pack_pages.hpp"
#include "page.hpp"
#include "site_writer.hpp"

namespace bpack::report {
namespace {

using output::append_html_escaped;

std::string escaped(std::string_view text) {
  std::string out;
  append_html_escaped(out, text);
  return out;
}

std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// A meeting's page: meetings/BOARD-DATE.html.
std::string meeting_page(std::int64_t board_id, const std::string& date) {
  return fmt::format("meetings/{}-{}.html", board_id, date);
}

// Everything the pages show, read once and grouped by board and meeting date.
struct Data {
  std::vector<index::BoardRow> boards;
  std::vector<index::PackRow> packs;
  std::vector<index::MeetingRow> meetings;
  using Key = std::pair<std::int64_t, std::string>;  // board, meeting date
  std::map<Key, std::vector<index::AttendanceRow>> attendance;
  std::map<Key, std::vector<index::DecisionRow>> decisions;
  std::map<Key, std::vector<index::ActionRow>> raised;
  std::map<Key, std::vector<index::ChangeRow>> changes;
  std::vector<index::ActionRow> open;
  std::vector<index::OwnerRow> owners;
  std::int64_t unknown_left_out = 0;
  std::vector<index::ItemRow> items;
  std::vector<index::ActionRow> actions;
};

Data read_data(index::Database& db, const ReportOptions& options) {
  Data d;
  const index::RecordFilter records{options.board, std::nullopt, std::nullopt};
  d.meetings = index::list_meetings(db, records);
  // The boards --board names (all without it): those with meetings listed, and their packs.
  std::set<std::int64_t> shown;
  for (const auto& m : d.meetings) {
    shown.insert(m.board_id);
  }
  d.boards = index::list_boards(db);
  std::erase_if(d.boards, [&](const index::BoardRow& b) { return !shown.count(b.id); });
  d.packs = index::list_packs(db);
  if (options.board) {
    std::erase_if(d.packs, [&](const index::PackRow& p) { return !shown.count(p.board_id); });
  }
  for (auto& a : index::list_attendance(db, records, std::nullopt)) {
    d.attendance[{a.board_id, a.meeting_date.value_or("")}].push_back(std::move(a));
  }
  for (auto& decision : index::list_decisions(db, records, std::nullopt)) {
    d.decisions[{decision.board_id, decision.meeting_date.value_or("")}].push_back(std::move(decision));
  }
  index::ActionFilter all;
  all.as_of = options.as_of;
  all.board = options.board;
  d.actions = index::list_actions(db, all);
  for (const auto& a : d.actions) {
    if (a.raised) {
      d.raised[{a.board_id, *a.raised}].push_back(a);
    }
  }
  index::ActionFilter open = all;
  open.state = index::ActionFilter::State::open;
  d.open = index::list_actions(db, open);
  d.owners = index::actions_by_owner(db, open);
  d.unknown_left_out = index::count_unknown_left_out(db, open);
  index::ChangeFilter changes;
  changes.board = options.board;
  changes.since = "0000-01-01";
  for (auto& c : index::list_changes(db, changes)) {
    d.changes[{c.board_id, c.meeting_date.value_or("")}].push_back(std::move(c));
  }
  d.items = index::list_items(db, records);
  return d;
}

output::HtmlOptions html_options(const PackPlaces& places, const std::string& root, const std::string& caption) {
  output::HtmlOptions options;
  options.caption = caption;
  options.link = [&places, root](const output::Place& place) { return places.link(place, root); };
  return options;
}

void append_list_or_none(std::string& out, const output::ListView& list, const output::HtmlOptions& options,
                         const std::string& heading, const std::string& none) {
  out += "<h2>" + escaped(heading) + "</h2>\n";
  if (list.rows.empty()) {
    out += "<p class=\"none\">" + escaped(none) + "</p>\n";
  } else {
    output::append_list_html(out, list, options);
  }
}

// A pack named by a meeting row, linked to its page.
std::string pack_link(const std::optional<std::int64_t>& id, const std::optional<std::string>& path,
                      const std::string& root) {
  if (!id || !path) {
    return {};
  }
  return fmt::format("<a href=\"{}packs/{}.html\">{}</a>", root, *id, escaped(file_name(*path)));
}

std::string index_body(const Data& d) {
  std::string out = "<h1>Board packs</h1>\n";
  out += fmt::format("<p class=\"meta\">{} board{}, {} meeting{}, {} pack{}.</p>\n", d.boards.size(),
                     d.boards.size() == 1 ? "" : "s", d.meetings.size(), d.meetings.size() == 1 ? "" : "s",
                     d.packs.size(), d.packs.size() == 1 ? "" : "s");
  for (const auto& board : d.boards) {
    out += "<h2>" + escaped(board.name.value_or("Board not stated")) + "</h2>\n";
    std::string names;
    for (const auto& alias : board.aliases) {
      if (alias.name != board.name.value_or("") && !alias.name.empty()) {
        names += (names.empty() ? "" : "; ") + alias.name;
      }
    }
    if (!names.empty()) {
      out += "<p class=\"meta\">Also named: " + escaped(names) + ".</p>\n";
    }
    std::vector<index::MeetingRow> rows;
    for (const auto& m : d.meetings) {
      if (m.board_id == board.id) {
        rows.push_back(m);
      }
    }
    output::ListView list = output::meetings_list(rows);
    for (auto& column : list.columns) {
      column.in_table = column.in_table && column.name != "board";
    }
    output::HtmlOptions options;
    options.caption = "Meetings";
    // The date opens the meeting's page; the packs' names open their text.
    options.cell_href = [&rows](const output::ListView& l, std::size_t row, std::size_t column) -> std::string {
      const std::string& name = l.columns[column].name;
      const index::MeetingRow& m = rows[row];
      if (name == "date" && m.date) {
        return meeting_page(m.board_id, *m.date);
      }
      if (name == "agenda_in" && m.agenda_pack_id) {
        return fmt::format("packs/{}.html", *m.agenda_pack_id);
      }
      if (name == "minutes_in" && m.minutes_pack_id) {
        return fmt::format("packs/{}.html", *m.minutes_pack_id);
      }
      return {};
    };
    output::append_list_html(out, list, options);
  }
  return out;
}

std::string meeting_body(const Data& d, const index::MeetingRow& m, const PackPlaces& places) {
  const std::string root = "../";
  const Data::Key key{m.board_id, m.date.value_or("")};
  std::string out = "<h1>" + escaped(m.board.value_or("Board not stated")) + ", " + escaped(*m.date) + "</h1>\n";
  std::string meta;
  if (m.time) {
    meta += "at " + escaped(*m.time);
  }
  if (m.venue) {
    meta += (meta.empty() ? "" : ", ") + escaped(*m.venue);
  }
  if (const std::string agenda = pack_link(m.agenda_pack_id, m.agenda_pack, root); !agenda.empty()) {
    meta += (meta.empty() ? "" : ". ") + std::string("Agenda in ") + agenda;
  }
  if (const std::string minutes = pack_link(m.minutes_pack_id, m.minutes_pack, root); !minutes.empty()) {
    meta += (meta.empty() ? "" : ". ") + std::string("Minutes in ") + minutes;
  }
  if (!meta.empty()) {
    out += "<p class=\"meta\">" + meta + ".</p>\n";
  }
  const auto found = [&](const auto& map) {
    using Rows = typename std::decay_t<decltype(map)>::mapped_type;
    const auto it = map.find(key);
    return it == map.end() ? Rows{} : it->second;
  };
  append_list_or_none(out, output::attendance_list(found(d.attendance)), html_options(places, root, "Attendance"),
                      "Attendance", "No attendance recorded for this meeting.");
  append_list_or_none(out, output::decisions_list(found(d.decisions)), html_options(places, root, "Decisions"),
                      "Decisions", "No decisions recorded for this meeting.");
  append_list_or_none(out, output::actions_list(found(d.raised)), html_options(places, root, "Actions raised"),
                      "Actions raised", "No actions raised at this meeting.");
  append_list_or_none(out, output::changes_list(found(d.changes)),
                      html_options(places, root, "Changes to actions since the last pack"),
                      "Changes since the last pack", "No changes to actions recorded in this meeting's pack.");
  return out;
}

std::string actions_body(const Data& d, const ReportOptions& options, const PackPlaces& places) {
  std::string out = "<h1>Open actions by owner</h1>\n";
  out += "<p class=\"meta\">Open or in progress, as of " + escaped(options.as_of) +
         ". Overdue: due before that date (a month-only due date runs to the month's end).</p>\n";
  output::ListView owners = output::owners_list(d.owners);
  if (d.unknown_left_out > 0) {
    owners.notes.push_back(fmt::format("{} action{} with unknown status not shown.", d.unknown_left_out,
                                       d.unknown_left_out == 1 ? "" : "s"));
  }
  output::HtmlOptions summary;
  summary.caption = "Owners";
  summary.cell_href = [](const output::ListView& l, std::size_t row, std::size_t column) -> std::string {
    return l.columns[column].name == "owner" ? fmt::format("#owner-{}", row + 1) : std::string();
  };
  if (owners.rows.empty()) {
    out += "<p class=\"none\">No open actions.</p>\n";
  } else {
    output::append_list_html(out, owners, summary);
  }
  for (std::size_t i = 0; i < d.owners.size(); ++i) {
    const auto& owner = d.owners[i];
    const std::string name = owner.owner.value_or("(no owner)");
    const std::set<std::int64_t> ids(owner.actions.begin(), owner.actions.end());
    std::vector<index::ActionRow> theirs;
    for (const auto& a : d.open) {
      if (ids.count(a.id)) {
        theirs.push_back(a);
      }
    }
    out += fmt::format("<h2 id=\"owner-{}\">", i + 1) + escaped(name) + "</h2>\n";
    output::append_list_html(out, output::actions_list(theirs),
                             html_options(places, "", fmt::format("Open actions of {}", name)));
  }
  return out;
}

// The search page's entries: decisions, actions, agenda and minute items, papers.
std::string search_data(const Data& d, const PackPlaces& places) {
  std::string out = "window.BPACK_SEARCH = [\n";
  bool first = true;
  const auto add = [&](std::string_view kind, const std::optional<std::string>& text,
                       const std::optional<std::string>& board, const std::optional<std::string>& date,
                       const output::Place& place) {
    const auto link = places.link(place, "");
    if (!text || !link) {
      return;
    }
    out += first ? "" : ",\n";
    first = false;
    output::JsonWriter json(out);
    json.begin_array().value(kind).value(*text).value(board.value_or("")).value(date.value_or("undated"));
    json.value(link->href).value(link->label).end_array();
  };
  for (const auto& [key, rows] : d.decisions) {
    for (const auto& r : rows) {
      add("decision", r.text, r.board, r.meeting_date, {r.pack_id, r.pack, r.line});
    }
  }
  for (const auto& a : d.actions) {
    const std::optional<std::string> text =
        a.text ? std::optional<std::string>(fmt::format("{}{}{}", a.ref ? "Action " + *a.ref + ": " : "", *a.text,
                                                        a.owner ? " (" + *a.owner + ")" : ""))
               : std::nullopt;
    add("action", text, a.board, a.raised ? a.raised : a.first_seen, {a.last_pack_id, a.last_pack, a.last_line});
  }
  for (const auto& item : d.items) {
    add(item.kind, item.number ? std::optional(*item.number + " " + item.title) : std::optional(item.title), item.board,
        item.meeting_date, {item.pack_id, item.pack, item.line});
  }
  out += "\n];\n";
  return out;
}

std::string search_body(const Data& d) {
  return fmt::format(
      "<h1>Search</h1>\n<p class=\"meta\">Decisions, actions, agenda and minute items and papers of {} pack{}: every "
      "word must occur, in any case. <code>bpack search</code> searches every paragraph.</p>\n"
      "<form id=\"search-form\" class=\"search-form\" role=\"search\">\n"
      "<label for=\"q\">Search for</label>\n<input id=\"q\" name=\"q\" type=\"search\">\n"
      "<button type=\"submit\">Search</button>\n</form>\n"
      "<p id=\"search-status\" role=\"status\" aria-live=\"polite\"></p>\n<ol id=\"results\"></ol>\n",
      d.packs.size(), d.packs.size() == 1 ? "" : "s");
}

}  // namespace

ReportSummary write_report(index::Database& db, const ReportOptions& options) {
  SiteWriter site(options.dir, {"packs", "meetings"});
  const Data data = read_data(db, options);
  // The packs first: their pages tell on which page each line is, for every link's label.
  PackPlaces places;
  write_pack_pages(db, data.packs, site, places);
  site.write("style.css", stylesheet());
  site.write("search.js", search_script());
  site.write("index.html", render_page({"Board packs", "", index_body(data)}));
  for (const auto& m : data.meetings) {
    if (m.date) {
      site.write(meeting_page(m.board_id, *m.date),
                 render_page({fmt::format("{}, {}", m.board.value_or("Board"), *m.date), "../",
                              meeting_body(data, m, places)}));
    }
  }
  site.write("actions.html", render_page({"Open actions by owner", "", actions_body(data, options, places)}));
  site.write("search-data.js", search_data(data, places));
  site.write("search.html",
             render_page({"Search", "", search_body(data),
                          "<script src=\"search-data.js\"></script>\n<script src=\"search.js\"></script>\n"}));
  return site.finish();
}

}  // namespace bpack::report
