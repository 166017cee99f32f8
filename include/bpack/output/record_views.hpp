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
ListView attendance_summary_list(const std::vector<index::AttendanceSummaryRow>& rows);
// Records as grep shows matches: "path:line  where  (pack date)", then the snippet.
ListView search_hits_list(const std::vector<index::SearchHit>& hits);

}  // namespace bpack::output
