#include "bpack/grammar/rule_specs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <stdexcept>

namespace bpack::grammar {
namespace {

// Sorted by name (a test keeps it so). A rule with no groups is asked only whether it
// matches; groups carry values to the reader named in the comment.
constexpr std::array kSpecs{
    // src/extract/action_log.cpp, action_table.cpp: action log rows and table headers
    RuleSpec{"actions.date_only", "", "date"},
    RuleSpec{"actions.header.comments", "", ""},
    RuleSpec{"actions.header.due", "", ""},
    RuleSpec{"actions.header.item", "", ""},
    RuleSpec{"actions.header.owner", "", ""},
    RuleSpec{"actions.header.raised", "", ""},
    RuleSpec{"actions.header.ref", "", ""},
    RuleSpec{"actions.header.status", "", ""},
    RuleSpec{"actions.header.text", "", ""},
    RuleSpec{"actions.header_word", "", ""},
    RuleSpec{"actions.ref_only", "ref", ""},
    RuleSpec{"actions.row_start", "ref date", "rest"},
    // src/extract/agenda.cpp: agenda table cells
    RuleSpec{"agenda.description", "", ""},
    RuleSpec{"agenda.lead", "lead", ""},
    RuleSpec{"agenda.pages", "", ""},
    RuleSpec{"agenda.paper", "paper", ""},
    RuleSpec{"agenda.paper_inline", "paper", ""},
    RuleSpec{"agenda.time_range", "hour minute", "ampm"},
    RuleSpec{"agenda.trailing_lead", "lead", ""},
    RuleSpec{"agenda.unnumbered_lead", "lead", ""},
    // src/extract/people.cpp, attendance.cpp: names and lists of people
    RuleSpec{"attendance.apologies_from", "", ""},
    RuleSpec{"attendance.honour", "", ""},
    RuleSpec{"attendance.in_attendance", "", ""},
    RuleSpec{"attendance.initials", "", "initials"},
    RuleSpec{"attendance.membership", "", ""},
    RuleSpec{"attendance.not_name", "", ""},
    RuleSpec{"attendance.not_person", "", ""},
    RuleSpec{"attendance.organisation_word", "", ""},
    RuleSpec{"attendance.particle", "", ""},
    RuleSpec{"attendance.plural_title", "", ""},
    RuleSpec{"attendance.role", "", ""},
    RuleSpec{"attendance.role_prefix", "", ""},
    RuleSpec{"attendance.title", "", ""},
    // src/extract/dates.cpp
    RuleSpec{"date.any", "day month", "year"},
    RuleSpec{"date.month", "month year", ""},
    // the segmenter's heading classifier (extract/section_registry.cpp names the kinds)
    RuleSpec{"head.action_log", "", ""},
    RuleSpec{"head.agenda", "", ""},
    RuleSpec{"head.forward_plan", "", ""},
    RuleSpec{"head.minutes", "", ""},
    RuleSpec{"head.paper.appendices", "", ""},
    RuleSpec{"head.paper.strong", "", ""},
    RuleSpec{"head.paper.weak", "", ""},
    // src/extract/agenda.cpp, minutes.cpp: item numbers and titles
    RuleSpec{"item.number_only", "number", ""},
    RuleSpec{"item.numbered", "number title", "letter sub"},
    RuleSpec{"item.sub", "sub title", ""},
    RuleSpec{"item.unnumbered", "title", "rest"},
    // the segmenter's line classifier, and readers that ask a line's classes
    RuleSpec{"line.attendance.absent", "", ""},
    RuleSpec{"line.attendance.apologies", "", ""},
    RuleSpec{"line.attendance.attendee", "", ""},
    RuleSpec{"line.attendance.attendees", "", ""},
    RuleSpec{"line.attendance.member", "", ""},
    RuleSpec{"line.attendance.mode", "", ""},
    RuleSpec{"line.bullet", "", ""},
    RuleSpec{"line.enumerated", "", ""},
    RuleSpec{"line.item", "", ""},
    RuleSpec{"line.number_only", "", ""},
    RuleSpec{"line.paper.appendix", "", ""},
    RuleSpec{"line.paper.appendix_numbered", "", ""},
    RuleSpec{"line.paper.label", "", ""},
    RuleSpec{"line.person", "", ""},
    // src/extract/meeting_header.cpp: meeting headers
    RuleSpec{"meeting.contact_label", "", ""},
    RuleSpec{"meeting.forthcoming", "", ""},
    RuleSpec{"meeting.generic_body", "", ""},
    RuleSpec{"meeting.heading_noise", "", ""},
    RuleSpec{"meeting.heading_start", "", ""},
    RuleSpec{"meeting.heading_tail", "", ""},
    RuleSpec{"meeting.label.body", "", ""},
    RuleSpec{"meeting.label.date", "", ""},
    RuleSpec{"meeting.label.time", "", ""},
    RuleSpec{"meeting.label.venue", "", ""},
    RuleSpec{"meeting.not_body", "", ""},
    RuleSpec{"meeting.place", "", ""},
    RuleSpec{"meeting.time_line", "", ""},
    RuleSpec{"meeting.venue", "venue", ""},
    // src/extract/minutes.cpp, decisions.cpp, minute_actions.cpp
    RuleSpec{"minutes.action_column", "", ""},
    RuleSpec{"minutes.action_due", "due", ""},
    RuleSpec{"minutes.action_list", "", ""},
    RuleSpec{"minutes.action_marker", "", "ref sep rest status raised bare"},
    RuleSpec{"minutes.action_owner", "owner", ""},
    RuleSpec{"minutes.column_actor", "", ""},
    RuleSpec{"minutes.decided_elsewhere", "", ""},
    RuleSpec{"minutes.decision", "kind", "text"},
    RuleSpec{"minutes.decision_blocked", "", ""},
    RuleSpec{"minutes.decision_continues", "", ""},
    RuleSpec{"minutes.decision_elsewhere", "", ""},
    RuleSpec{"minutes.decision_impersonal", "", ""},
    RuleSpec{"minutes.decision_opener", "", ""},
    RuleSpec{"minutes.decision_passive_before", "", ""},
    RuleSpec{"minutes.decision_subject", "", ""},
    RuleSpec{"minutes.decision_verb", "kind", ""},
    RuleSpec{"minutes.group_actor", "", ""},
    RuleSpec{"minutes.item_label", "title", ""},
    RuleSpec{"minutes.not_actor", "", ""},
    RuleSpec{"minutes.not_task_verb", "", ""},
    RuleSpec{"minutes.officer", "", ""},
    RuleSpec{"minutes.run_in_label", "", ""},
    RuleSpec{"minutes.status_for", "status owner", ""},
    RuleSpec{"minutes.task", "actor verb rest", ""},
    RuleSpec{"minutes.task_by", "actor", ""},
    RuleSpec{"minutes.task_directive", "actor verb", "rest"},
    RuleSpec{"minutes.task_passive", "", ""},
    // src/extract/prose.cpp: page furniture
    RuleSpec{"page.number", "", ""},
    // src/extract/paper.cpp: cover sheets (a label's paragraph number is read from any of them)
    RuleSpec{"paper.bare_number", "", ""},
    RuleSpec{"paper.label.ask", "", "number rest"},
    RuleSpec{"paper.label.other", "", ""},
    RuleSpec{"paper.label.purpose", "", "number rest"},
    RuleSpec{"paper.label.recommendation", "", "number rest"},
    RuleSpec{"paper.not_title", "", ""},
    RuleSpec{"paper.para_number", "", ""},
    RuleSpec{"paper.ref", "ref", ""},
    RuleSpec{"paper.title_field", "title", ""},
    // src/extract/status.cpp: the status vocabulary
    RuleSpec{"status.closed", "", ""},
    RuleSpec{"status.deferred", "", ""},
    RuleSpec{"status.in_progress", "", ""},
    RuleSpec{"status.open", "", ""},
    RuleSpec{"status.proposed_closed", "", ""},
    // src/extract/dates.cpp
    RuleSpec{"time.any", "hour", "minute ampm"},
};

// The space-separated words of a list.
std::vector<std::string_view> words_of(std::string_view list) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    const auto space = list.find(' ');
    if (space != 0) {
      out.push_back(list.substr(0, space));
    }
    if (space == std::string_view::npos) {
      break;
    }
    list.remove_prefix(space + 1);
  }
  return out;
}

bool has_word(std::string_view list, std::string_view word) {
  const auto words = words_of(list);
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string quoted_list(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += i == 0 ? "" : i + 1 == words.size() ? " and " : ", ";
    out += fmt::format("'{}'", words[i]);
  }
  return out;
}

// "needs groups 'number' and 'title' and may have 'letter' and 'sub'" / "has no groups".
std::string groups_of(const RuleSpec& spec) {
  const auto required = words_of(spec.required);
  const auto optional = words_of(spec.optional);
  if (required.empty() && optional.empty()) {
    return "it has no capture groups";
  }
  std::string out = required.empty() ? "" : "it needs " + quoted_list(required);
  if (!optional.empty()) {
    out += (out.empty() ? "it may have " : " and may have ") + quoted_list(optional);
  }
  return out;
}

#ifdef NDEBUG
std::atomic<bool> strict_contract{false};
#else
std::atomic<bool> strict_contract{true};
#endif

}  // namespace

void contract_violation(const std::string& what) {
  if (strict_contract.load(std::memory_order_relaxed)) {
    throw std::logic_error("grammar contract: " + what + " (declare it in src/grammar/rule_specs.cpp)");
  }
}

void set_strict_contract(bool strict) {
  strict_contract.store(strict, std::memory_order_relaxed);
}

std::span<const RuleSpec> rule_specs() {
  return kSpecs;
}

const RuleSpec* find_rule_spec(std::string_view name) {
  const auto found = std::lower_bound(kSpecs.begin(), kSpecs.end(), name,
                                      [](const RuleSpec& s, std::string_view n) { return s.name < n; });
  return found != kSpecs.end() && found->name == name ? &*found : nullptr;
}

bool declares_group(const RuleSpec& spec, std::string_view group) {
  return has_word(spec.required, group) || has_word(spec.optional, group);
}

std::string check_rule(std::string_view name, const std::vector<std::string_view>& groups) {
  const RuleSpec* spec = find_rule_spec(name);
  if (spec == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& known : kSpecs) {
      names.push_back(known.name);
    }
    const std::string_view near = nearest_name(name, names);
    return fmt::format("unknown rule '{}'{}", name,
                       near.empty() ? std::string("; the rules bpack reads are listed in grammars/README.md")
                                    : fmt::format(" (did you mean '{}'?)", near));
  }
  for (const auto group : groups) {
    if (!declares_group(*spec, group)) {
      std::vector<std::string_view> known = words_of(spec->required);
      const auto optional = words_of(spec->optional);
      known.insert(known.end(), optional.begin(), optional.end());
      const std::string_view near = nearest_name(group, known);
      return fmt::format("rule '{}': unknown capture group '{}'{}; {}", name, group,
                         near.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", near), groups_of(*spec));
    }
  }
  for (const auto required : words_of(spec->required)) {
    if (std::find(groups.begin(), groups.end(), required) == groups.end()) {
      return fmt::format("rule '{}': missing capture group '{}'; {}", name, required, groups_of(*spec));
    }
  }
  return {};
}

std::string_view nearest_name(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  std::size_t best_distance = 0;
  for (const auto candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    // A shortened name ("num" for "number") is as likely a slip as a typo.
    if (word.size() >= 2 && (candidate.starts_with(word) || word.starts_with(candidate))) {
      distance = std::min<std::size_t>(distance, 1);
    }
    if (best.empty() || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // A third of the word may be wrong ("numberd", "num" for "number"), and never all of it.
  const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
  return !best.empty() && best_distance <= allowed && best_distance < word.size() ? best : std::string_view{};
}

}  // namespace bpack::grammar
