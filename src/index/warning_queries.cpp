#include "bpack/index/warning_queries.hpp"

namespace bpack::index {

std::vector<PackWarningCount> pack_warning_counts(Database& db) {
  Statement q(db,
              "SELECT p.id, p.path, p.board, p.meeting_date, "
              "(SELECT COUNT(*) FROM pack_warnings w WHERE w.pack_id = p.id) "
              "FROM packs p ORDER BY COALESCE(p.meeting_date, ''), p.id");
  std::vector<PackWarningCount> rows;
  while (q.step()) {
    rows.push_back({q.column_int(0), q.column_text(1), q.column_optional(2), q.column_optional(3), q.column_int(4)});
  }
  return rows;
}

std::vector<PackWarning> pack_warnings(Database& db) {
  Statement q(db,
              "SELECT p.id, p.path, w.line, w.code, w.message FROM pack_warnings w JOIN packs p ON p.id = w.pack_id "
              "ORDER BY COALESCE(p.meeting_date, ''), p.id, w.line, w.id");
  std::vector<PackWarning> rows;
  while (q.step()) {
    rows.push_back({q.column_int(0), q.column_text(1), q.column_int(2), q.column_text(3), q.column_text(4)});
  }
  return rows;
}

}  // namespace bpack::index
