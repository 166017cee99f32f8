#include "bpack/model/section_kind.hpp"

#include <doctest/doctest.h>

#include "bpack/extract/section_registry.hpp"

namespace {

using bpack::model::SectionKind;

TEST_CASE("section kinds: each registered kind has its contract name, and the name reads back") {
  CHECK(bpack::model::section_name(SectionKind::action_log) == "action_log");
  CHECK(bpack::model::section_name(SectionKind::forward_plan) == "forward_plan");
  CHECK(bpack::model::section_kind_named("minutes") == SectionKind::minutes);
  CHECK_FALSE(bpack::model::section_kind_named("Minutes").has_value());
  CHECK_FALSE(bpack::model::section_kind_named("").has_value());
  for (const auto& spec : bpack::extract::section_kinds()) {
    CAPTURE(static_cast<int>(spec.kind));
    const auto name = bpack::model::section_name(spec.kind);
    CHECK_FALSE(name.empty());
    CHECK(bpack::model::section_kind_named(name) == spec.kind);
  }
}

}  // namespace
