#include "bpack/extract/section_registry.hpp"

#include <array>

#include "bpack/extract/readers.hpp"

namespace bpack::extract {
namespace {

using model::SectionKind;
using segment::Cue;
using segment::CueWeight;
using segment::kinds_of;

// A paper's cover sheet may run this many lines: further cover cues in it belong to it.
constexpr model::LineNo kCoverWindow = 60;
// A second minutes heading this close to the first is part of the same heading block.
constexpr model::LineNo kMinutesHeadingGap = 12;

constexpr std::span<const Cue> kNoCues;
constexpr Cue kForwardPlanCues[] = {
    {.kind = SectionKind::forward_plan,
     .rule = "head.forward_plan",
     .weight = CueWeight::heading,
     .stays_in = kinds_of({SectionKind::forward_plan}),
     .page_top_in = kinds_of({SectionKind::agenda, SectionKind::minutes, SectionKind::attendance})},
};
constexpr Cue kActionLogCues[] = {
    {.kind = SectionKind::action_log,
     .rule = "head.action_log",
     .weight = CueWeight::heading,
     .stays_in = kinds_of({SectionKind::action_log}),
     .title_after_table = true},
};
constexpr Cue kMinutesCues[] = {
    {.kind = SectionKind::minutes,
     .rule = "head.minutes",
     .weight = CueWeight::heading,
     .stays_in = kinds_of({SectionKind::paper, SectionKind::forward_plan}),
     .same_kind_gap = kMinutesHeadingGap},
};
// A list printed under the minutes' heading ("Present: ...") is part of those minutes.
constexpr segment::KindSet kAttendanceStaysIn =
    kinds_of({SectionKind::attendance, SectionKind::paper, SectionKind::forward_plan, SectionKind::action_log,
              SectionKind::minutes});
constexpr Cue kAttendanceCues[] = {
    {SectionKind::attendance, "line.attendance.member", CueWeight::list_label, kAttendanceStaysIn},
    {SectionKind::attendance, "line.attendance.attendees", CueWeight::list_label, kAttendanceStaysIn},
    {SectionKind::attendance, "line.attendance.attendee", CueWeight::list_label, kAttendanceStaysIn},
    {SectionKind::attendance, "line.attendance.apologies", CueWeight::list_label, kAttendanceStaysIn},
    {SectionKind::attendance, "line.attendance.absent", CueWeight::list_label, kAttendanceStaysIn},
};
constexpr Cue kAgendaCues[] = {
    {.kind = SectionKind::agenda,
     .rule = "head.agenda",
     .weight = CueWeight::heading,
     .stays_in = kinds_of({SectionKind::agenda}),
     .front_only = true},
};
constexpr segment::KindSet kPaperOnlyIn = kinds_of({SectionKind::paper, SectionKind::action_log, SectionKind::other});
constexpr Cue kPaperCues[] = {
    {.kind = SectionKind::paper,
     .rule = "head.paper.strong",
     .weight = CueWeight::cover,
     .stays_in = kinds_of({SectionKind::agenda, SectionKind::attendance}),
     .same_kind_gap = kCoverWindow,
     .not_enumerated = false},
    {.kind = SectionKind::paper,
     .rule = "head.paper.appendices",
     .weight = CueWeight::appendix,
     .only_in = kPaperOnlyIn,
     .same_kind_gap = kCoverWindow,
     .not_enumerated = false},
    {.kind = SectionKind::paper,
     .rule = "line.paper.appendix_numbered",
     .weight = CueWeight::numbered_appendix,
     .only_in = kPaperOnlyIn,
     .same_kind_gap = kCoverWindow,
     .not_enumerated = false},
    {.kind = SectionKind::paper,
     .rule = "line.paper.appendix",
     .weight = CueWeight::appendix,
     .only_in = kPaperOnlyIn,
     .same_kind_gap = kCoverWindow,
     .not_enumerated = false},
    {.kind = SectionKind::paper,
     .rule = "head.paper.weak",
     .weight = CueWeight::report_heading,
     .only_in = kPaperOnlyIn,
     .same_kind_gap = kCoverWindow},
};

const SectionKindSpec kKinds[] = {
#define SECTION_KIND(id, name, cues, body, reader, then) {SectionKind::id, cues, body, reader, SectionKind::then},
#include "bpack/model/section_kinds.def"
#undef SECTION_KIND
};

segment::SegmenterRules build_rules() {
  segment::SegmenterRules rules;
  for (const auto& spec : kKinds) {
    rules.cues.insert(rules.cues.end(), spec.cues.begin(), spec.cues.end());
    if (spec.body) {
      rules.body_kinds |= kinds_of({spec.kind});
    }
  }
  return rules;
}

}  // namespace

std::span<const SectionKindSpec> section_kinds() {
  return kKinds;
}

const SectionKindSpec& section_kind(SectionKind kind) {
  for (const auto& spec : kKinds) {
    if (spec.kind == kind) {
      return spec;
    }
  }
  return kKinds[std::size(kKinds) - 1];
}

const segment::SegmenterRules& segmenter_rules() {
  static const segment::SegmenterRules rules = build_rules();
  return rules;
}

}  // namespace bpack::extract
