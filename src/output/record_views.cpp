#include "bpack/output/record_views.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace bpack::output {
namespace {

Cell file_name(const std::optional<std::string>& path) {
  return path ? Cell(std::filesystem::path(*path).filename().string()) : Cell(std::monostate{});
}

}  // namespace

ListView meetings_list(const std::vector<index::MeetingRow>& rows) {
  ListView list;
  list.name = "meetings";
  // A terminal shows the packs' file names; JSON and CSV keep the paths.
  list.columns = {{"date"},
                  {"time", Align::left, false, false},
                  {"board", Align::left, true},
                  {"venue", Align::left, false, false},
                  {"agenda_pack", Align::left, false, false},
                  {"minutes_pack", Align::left, false, false},
                  {"agenda_in", Align::left, false, true, 0, false},
                  {"minutes_in", Align::left, false, true, 0, false},
                  {"present", Align::right},
                  {"apologies", Align::right},
                  {"decisions", Align::right},
                  {"actions_raised", Align::right, false, true, 0, true, "ACTIONS"}};
  for (const auto& m : rows) {
    std::optional<Place> place;
    if (m.minutes_pack_id) {
      place = Place{*m.minutes_pack_id, m.minutes_pack.value_or(""), m.minutes_line.value_or(1)};
    } else if (m.agenda_pack_id) {
      place = Place{*m.agenda_pack_id, m.agenda_pack.value_or(""), m.agenda_line.value_or(1)};
    }
    list.add({cell(m.date), cell(m.time), cell(m.board), cell(m.venue), cell(m.agenda_pack), cell(m.minutes_pack),
              file_name(m.agenda_pack), file_name(m.minutes_pack), Cell(m.present), Cell(m.apologies),
              Cell(m.decisions), Cell(m.actions_raised)},
             place);
  }
  return list;
}

ListView decisions_list() {
  ListView list;
  list.name = "decisions";
  list.columns = {{"meeting_date"},
                  {"board", Align::left, false, false},
                  {"item", Align::right},
                  {"kind"},
                  {"text", Align::left, true},
                  {"pack", Align::left, false, false},
                  {"line", Align::right, false, false}};
  return list;
}

std::vector<Cell> decision_cells(index::DecisionRow&& d) {
  return {cell(std::move(d.meeting_date)),
          cell(std::move(d.board)),
          cell(std::move(d.item)),
          Cell(std::move(d.kind)),
          cell(std::move(d.text)),
          Cell(std::move(d.pack)),
          Cell(d.line)};
}

ListView decisions_list(std::vector<index::DecisionRow> rows) {
  ListView list = decisions_list();
  list.rows.reserve(rows.size());
  list.places.reserve(rows.size());
  for (auto& d : rows) {
    Place place{d.pack_id, d.pack, d.line};
    list.add(decision_cells(std::move(d)), std::move(place));
  }
  return list;
}

ListView attendance_list() {
  ListView list;
  list.name = "attendance";
  list.columns = {{"meeting_date"},
                  {"board", Align::left, false, false},
                  {"name"},
                  {"initials"},
                  {"status"},
                  {"role", Align::left, true},
                  {"pack", Align::left, false, false},
                  {"line", Align::right, false, false}};
  return list;
}

void attendance_cells(const index::AttendanceRow& r, std::vector<Cell>& cells) {
  cells.resize(8);
  set_cell(cells[0], r.meeting_date);
  set_cell(cells[1], r.board);
  set_cell(cells[2], r.name);
  set_cell(cells[3], r.initials);
  set_cell(cells[4], r.status);
  set_cell(cells[5], r.role);
  set_cell(cells[6], r.pack);
  cells[7] = Cell(r.line);
}

ListView attendance_list(std::vector<index::AttendanceRow> rows) {
  ListView list = attendance_list();
  list.rows.reserve(rows.size());
  list.places.reserve(rows.size());
  for (const auto& r : rows) {
    std::vector<Cell> cells;
    attendance_cells(r, cells);
    list.add(std::move(cells), Place{r.pack_id, r.pack, r.line});
  }
  return list;
}

ListView attendance_summary_list() {
  ListView list;
  list.name = "attendance by person";
  list.columns = {{"name"},
                  {"meetings", Align::right},
                  {"present", Align::right},
                  {"apologies", Align::right},
                  {"absent", Align::right},
                  {"rate", Align::right, false, false},
                  {"attended", Align::right, false, true, 0, false}};  // the rate as people read it
  return list;
}

std::vector<Cell> attendance_summary_cells(index::AttendanceSummaryRow&& r) {
  return {Cell(std::move(r.name)),
          Cell(r.meetings),
          Cell(r.present),
          Cell(r.apologies),
          Cell(r.absent),
          Cell(r.rate),
          Cell(fmt::format("{:.0f}%", r.rate * 100.0))};
}

ListView search_hits_list(const std::vector<index::SearchHit>& hits) {
  ListView list;
  list.name = "search hits";
  list.layout = ListView::Layout::records;
  const auto shown = [](const char* name, RecordPart part) {
    Column column{name};
    column.in_data = false;
    column.record = part;
    return column;
  };
  list.columns = {{"rank", Align::right},
                  {"score", Align::right},
                  {"pack"},
                  {"line", Align::right},
                  {"page", Align::right},
                  {"block_line", Align::right},
                  {"kind"},
                  {"section"},
                  {"item"},
                  {"board"},
                  {"meeting_date"},
                  {"occurrences", Align::right},
                  shown("place", RecordPart::head),
                  shown("where", RecordPart::detail),
                  shown("context", RecordPart::detail),
                  {"snippet", Align::left, false, true, 0, true, {}, RecordPart::body}};
  for (const auto& h : hits) {
    std::string where = h.kind;
    if (h.item) {
      where += fmt::format(" › {}", *h.item);
    } else if (h.section) {
      where += fmt::format(" › {}", *h.section);
    }
    const std::string context = fmt::format(
        "(pack {}{}{})", h.meeting_date.value_or("undated"), h.page > 1 ? fmt::format(", page {}", h.page) : "",
        h.occurrences > 1 ? fmt::format("; also in {} other place{}", h.occurrences - 1, h.occurrences == 2 ? "" : "s")
                          : "");
    list.add(
        {Cell(static_cast<std::int64_t>(h.rank)), Cell(h.score), Cell(h.pack), Cell(h.line), Cell(h.page),
         Cell(h.block_line), Cell(h.kind), cell(h.section), cell(h.item), cell(h.board), cell(h.meeting_date),
         Cell(h.occurrences), Cell(fmt::format("{}:{}", h.pack, h.line)), Cell(where), Cell(context), Cell(h.snippet)},
        Place{h.pack_id, h.pack, h.line});
  }
  return list;
}

}  // namespace bpack::output
