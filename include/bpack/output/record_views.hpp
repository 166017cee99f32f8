#pragma once

// What the minutes record, as bpack lists it: meetings, decisions, attendance (each person at
// each meeting, or one row per person), and full-text search hits.

#include <vector>

#include "bpack/index/record_queries.hpp"
#include "bpack/index/search.hpp"
#include "bpack/output/view.hpp"

namespace bpack::output {

ListView meetings_list(const std::vector<index::MeetingRow>& rows);
ListView decisions_list(std::vector<index::DecisionRow> rows);
ListView attendance_list(std::vector<index::AttendanceRow> rows);
// The same lists without rows, and one row's cells: for printing rows as they are read
// (ListWriter), a whole index's attendance never held at once.
ListView decisions_list();
std::vector<Cell> decision_cells(index::DecisionRow&& row);
ListView attendance_list();
// A row's cells in `cells`, their strings' room used again (set_cell).
void attendance_cells(const index::AttendanceRow& row, std::vector<Cell>& cells);
ListView attendance_summary_list();
std::vector<Cell> attendance_summary_cells(index::AttendanceSummaryRow&& row);
// Records as grep shows matches: "path:line  where  (pack date)", then the snippet.
ListView search_hits_list(const std::vector<index::SearchHit>& hits);

}  // namespace bpack::output
