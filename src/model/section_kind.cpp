#include "bpack/model/section_kind.hpp"

#include <utility>

namespace bpack::model {
namespace {

constexpr std::pair<SectionKind, std::string_view> kNames[] = {
#define SECTION_KIND(id, name, cues, body, reader, then) {SectionKind::id, name},
#include "bpack/model/section_kinds.def"
#undef SECTION_KIND
};

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
