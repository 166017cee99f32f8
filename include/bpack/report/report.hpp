#pragma once

// `bpack report --html DIR`: a static site of the index to circulate. Every page stands alone
// on disk (no network, no CDN: one local stylesheet and, for search, one local script and its
// data): an index of boards and meetings; a page per meeting (attendance, decisions, actions
// raised, changes since the last pack); open and overdue actions by owner; a search page; and
// each pack's text, so that every row links to its pack, page and line. A page is written
// only when its content changed, and pages of packs or meetings no longer in the index are
// removed, so the folder can be published as it is.

#include <cstdint>
#include <optional>
#include <string>

#include "bpack/index/database.hpp"

namespace bpack::report {

struct ReportOptions {
  std::string dir;
  std::string as_of;                 // ISO date: "today" for overdue and days open
  std::optional<std::string> board;  // only the boards with this name or alias
};

struct ReportSummary {
  std::int64_t written = 0;    // pages new or changed
  std::int64_t unchanged = 0;  // pages whose content was already there
  std::int64_t removed = 0;    // pages of packs or meetings no longer in the index
};

// Throws bpack::Error when the folder cannot be created or written.
ReportSummary write_report(index::Database& db, const ReportOptions& options);

}  // namespace bpack::report
