#include "bpack/output/board_views.hpp"

namespace bpack::output {

ListView boards_list(const std::vector<index::BoardRow>& rows) {
  ListView list;
  list.name = "boards";
  list.columns = {{"id", Align::right},
                  {"name", Align::left, true},
                  {"renamed", Align::left, false, false},
                  {"packs", Align::right},
                  {"meetings", Align::right},
                  {"actions", Align::right},
                  {"first_meeting", Align::left, false, true, 0, true, "FIRST"},
                  {"last_meeting", Align::left, false, true, 0, true, "LAST"},
                  // Each name as first written; "; " between them (export --table board_aliases
                  // has one row each).
                  {"aliases", Align::left, true}};
  for (const auto& b : rows) {
    std::string aliases;
    for (const auto& alias : b.aliases) {
      aliases += (aliases.empty() ? "" : "; ") + (alias.name.empty() ? std::string("(no name)") : alias.name);
    }
    list.add({Cell(b.id), cell(b.name), Cell(b.renamed), Cell(b.packs), Cell(b.meetings), Cell(b.actions),
              cell(b.first_meeting), cell(b.last_meeting), Cell(aliases)});
  }
  return list;
}

}  // namespace bpack::output
