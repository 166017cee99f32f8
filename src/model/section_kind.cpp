#include "bpack/model/section_kind.hpp"

#include <array>
#include <utility>

namespace bpack::model {
namespace {

constexpr std::array<std::pair<SectionKind, std::string_view>, 7> kNames{{
    {SectionKind::agenda, "agenda"},
    {SectionKind::attendance, "attendance"},
    {SectionKind::minutes, "minutes"},
    {SectionKind::action_log, "action_log"},
    {SectionKind::paper, "paper"},
    {SectionKind::forward_plan, "forward_plan"},
    {SectionKind::other, "other"},
}};

}  // namespace

std::string_view section_name(SectionKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) {
      return name;
    }
  }
  return "other";
}

std::optional<SectionKind> section_kind_named(std::string_view name) {
  for (const auto& [kind, n] : kNames) {
    if (n == name) {
      return kind;
    }
  }
  return std::nullopt;
}

}  // namespace bpack::model
