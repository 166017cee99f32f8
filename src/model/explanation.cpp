#include "bpack/model/explanation.hpp"

namespace bpack::model {

std::string_view to_string(EntityKind kind) {
  switch (kind) {
    case EntityKind::meeting:
      return "meeting";
    case EntityKind::agenda_item:
      return "agenda_item";
    case EntityKind::attendee:
      return "attendance";
    case EntityKind::attendance_list:
      return "attendance_list";
    case EntityKind::minute_item:
      return "minute_item";
    case EntityKind::decision:
      return "decision";
    case EntityKind::action:
      return "action";
    case EntityKind::paper:
      return "paper";
  }
  return "meeting";
}

}  // namespace bpack::model
