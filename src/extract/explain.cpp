#include "bpack/extract/explain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>

#include "bpack/grammar/line_classifier.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

using model::EntityKind;
using model::ExplainedLine;
using model::LineNo;

// A line as the segmenter handed it on.
struct SeenLine {
  std::string text;
  LineNo page = 1;
  bool blank = true;
  std::uint64_t line_hits = 0;
  std::uint64_t head_hits = 0;
  std::size_t section = 0;
};

// The first alternative of `name` that matches `text`, as a reader's match() would pick it.
void add_match(const grammar::Grammar& grammar, std::string_view name, std::string_view text,
               std::vector<model::RuleHit>& out) {
  for (const grammar::Rule* rule : grammar.rules(name)) {
    if (rule->pattern.search(text)) {
      if (std::none_of(out.begin(), out.end(), [&](const model::RuleHit& h) { return h.name == name; })) {
        out.push_back({rule->name, rule->file, rule->line});
      }
      return;
    }
  }
}

void add_class_hits(const grammar::Grammar& grammar, const grammar::LineClassifier& classifier, std::uint64_t bits,
                    std::string_view text, std::vector<model::RuleHit>& out) {
  for (int id = 0; id < 64 && id < static_cast<int>(classifier.size()); ++id) {
    if ((bits >> id & 1U) != 0) {
      add_match(grammar, classifier.name(id), text, out);
    }
  }
}

// The rules a reader looks for on the first line of an entity of each kind.
std::span<const std::string_view> reader_rules(EntityKind kind, const model::Pack& pack, std::size_t index) {
  static constexpr std::string_view kAgendaItem[] = {"item.numbered", "item.number_only", "item.sub",
                                                     "item.unnumbered"};
  static constexpr std::string_view kMinuteItem[] = {"item.numbered", "item.number_only", "item.unnumbered"};
  static constexpr std::string_view kDecision[] = {"minutes.decision", "minutes.decision_verb"};
  static constexpr std::string_view kLogRow[] = {"actions.row_start", "actions.ref_only"};
  static constexpr std::string_view kMinutesAction[] = {"minutes.action_marker", "minutes.task",
                                                        "minutes.task_directive"};
  static constexpr std::string_view kAttendee[] = {"attendance.apologies_from"};
  switch (kind) {
    case EntityKind::agenda_item:
      return kAgendaItem;
    case EntityKind::minute_item:
      return kMinuteItem;
    case EntityKind::decision:
      return kDecision;
    case EntityKind::action:
      return pack.actions[index].source == model::ActionSource::action_log ? std::span<const std::string_view>(kLogRow)
                                                                           : kMinutesAction;
    case EntityKind::attendee:
      return kAttendee;
    default:
      return {};
  }
}

// An entity with the lines it spans.
struct Span {
  LineNo first = 0;
  LineNo last = 0;
  EntityKind kind = EntityKind::meeting;
  std::size_t index = 0;
};

// On a line that several entities hold, the narrowest wins; of equal ones, the kind listed
// first (a decision inside a minute item, an attendee inside a meeting's header).
int rank(EntityKind kind) {
  constexpr std::array kOrder{EntityKind::action,      EntityKind::decision,       EntityKind::attendee,
                              EntityKind::agenda_item, EntityKind::meeting,        EntityKind::minute_item,
                              EntityKind::paper,       EntityKind::attendance_list};
  return static_cast<int>(std::find(kOrder.begin(), kOrder.end(), kind) - kOrder.begin());
}

std::string label_of(const model::Pack& pack, EntityKind kind, std::size_t index) {
  switch (kind) {
    case EntityKind::meeting: {
      const auto& m = pack.meetings[index];
      return fmt::format("meeting {} ({} {})", index + 1, model::to_string(m.role), m.date.value_or("undated"));
    }
    case EntityKind::agenda_item: {
      const auto& a = pack.agenda_items[index];
      return a.number ? fmt::format("agenda item {}", *a.number) : fmt::format("agenda item ({})", a.title);
    }
    case EntityKind::attendee:
      return fmt::format("attendance #{} ({})", index + 1, pack.attendance[index].name);
    case EntityKind::attendance_list:
      return fmt::format("attendance list ({})", model::to_string(pack.attendance[index].status));
    case EntityKind::minute_item: {
      const auto& m = pack.minute_items[index];
      return m.number ? fmt::format("minute item {}", *m.number) : fmt::format("minute item ({})", m.title);
    }
    case EntityKind::decision:
      return fmt::format("decision {}", index + 1);
    case EntityKind::action: {
      const auto& a = pack.actions[index];
      return a.ref ? fmt::format("action {}", *a.ref) : fmt::format("action #{}", index + 1);
    }
    case EntityKind::paper: {
      const auto& p = pack.papers[index];
      return p.ref ? fmt::format("paper {}", *p.ref) : fmt::format("paper #{}", index + 1);
    }
  }
  return {};
}

std::vector<Span> spans_of(const model::Pack& pack) {
  std::vector<Span> out;
  const auto add = [&](LineNo first, LineNo last, EntityKind kind, std::size_t index) {
    if (first > 0) {
      out.push_back({first, std::max(first, last), kind, index});
    }
  };
  for (std::size_t i = 0; i < pack.meetings.size(); ++i) {
    add(pack.meetings[i].line, pack.meetings[i].line_end, EntityKind::meeting, i);
  }
  for (std::size_t i = 0; i < pack.agenda_items.size(); ++i) {
    add(pack.agenda_items[i].line, pack.agenda_items[i].line_end, EntityKind::agenda_item, i);
  }
  for (std::size_t i = 0; i < pack.attendance.size(); ++i) {
    add(pack.attendance[i].line, pack.attendance[i].line_end, EntityKind::attendee, i);
  }
  for (std::size_t i = 0; i < pack.minute_items.size(); ++i) {
    add(pack.minute_items[i].line_start, pack.minute_items[i].line_end, EntityKind::minute_item, i);
  }
  for (std::size_t i = 0; i < pack.decisions.size(); ++i) {
    add(pack.decisions[i].line, pack.decisions[i].line_end, EntityKind::decision, i);
  }
  for (std::size_t i = 0; i < pack.actions.size(); ++i) {
    add(pack.actions[i].line, pack.actions[i].line_end, EntityKind::action, i);
  }
  for (std::size_t i = 0; i < pack.papers.size(); ++i) {
    add(pack.papers[i].line_start, pack.papers[i].line_end, EntityKind::paper, i);
  }
  return out;
}

// Each line goes to the narrowest entity that holds it.
void assign_entities(const model::Pack& pack, std::vector<ExplainedLine>& lines) {
  const std::vector<Span> spans = spans_of(pack);
  std::vector<const Span*> best(lines.size(), nullptr);
  for (const Span& span : spans) {
    const LineNo last = std::min<LineNo>(span.last, static_cast<LineNo>(lines.size()));
    for (LineNo n = span.first; n <= last; ++n) {
      const Span*& held = best[static_cast<std::size_t>(n - 1)];
      const LineNo width = span.last - span.first;
      if (held == nullptr || width < held->last - held->first ||
          (width == held->last - held->first && rank(span.kind) < rank(held->kind))) {
        held = &span;
      }
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (best[i] != nullptr && !lines[i].blank) {
      lines[i].entity = model::EntityRef{best[i]->kind, best[i]->index, label_of(pack, best[i]->kind, best[i]->index)};
    }
  }
}

// A list label ("PRESENT:", "Apologies") with nobody on its own line heads the people listed
// under it: the line's class says it is a label, the next line with text an attendee.
void assign_list_headings(const model::Pack& pack, const grammar::Grammar& grammar, const std::vector<SeenLine>& seen,
                          std::vector<ExplainedLine>& lines) {
  const std::uint64_t labels =
      grammar.line_classifier().mask({"line.attendance.member", "line.attendance.attendees", "line.attendance.attendee",
                                      "line.attendance.apologies", "line.attendance.absent", "line.attendance.mode"});
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank || lines[i].entity || (seen[i].line_hits & labels) == 0) {
      continue;
    }
    std::size_t next = i + 1;
    while (next < lines.size() && lines[next].blank) {
      ++next;
    }
    if (next < lines.size() && lines[next].entity && lines[next].entity->kind == EntityKind::attendee) {
      const std::size_t first = lines[next].entity->index;
      lines[i].entity =
          model::EntityRef{EntityKind::attendance_list, first, label_of(pack, EntityKind::attendance_list, first)};
    }
  }
}

}  // namespace

model::Explanation explain_file(const std::string& path, ParseOptions options) {
  const grammar::Grammar& grammar = options.grammar != nullptr ? *options.grammar : grammar::default_grammar();
  std::vector<SeenLine> seen;
  options.on_line = [&](const segment::SegLine& line, std::size_t section) {
    const auto at = static_cast<std::size_t>(line.number - 1);
    if (seen.size() <= at) {
      seen.resize(at + 1);
    }
    seen[at] = {std::string(line.text), line.page, line.blank, line.line_hits, line.head_hits, section + 1};
  };
  model::Explanation out;
  out.pack = parse_file(path, options);
  const model::Pack& pack = out.pack;
  seen.resize(std::max<std::size_t>(seen.size(), static_cast<std::size_t>(std::max<LineNo>(pack.source.lines, 0))));

  out.lines.resize(seen.size());
  LineNo page = 1;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    ExplainedLine& line = out.lines[i];
    line.number = static_cast<LineNo>(i + 1);
    line.text = seen[i].text;
    line.blank = seen[i].blank;
    // A blank line between sections was not handed on: it is on the page of the line before.
    page = seen[i].section != 0 ? seen[i].page : page;
    line.page = page;
    if (seen[i].section != 0) {
      line.section = seen[i].section - 1;
      line.heading = pack.sections[seen[i].section - 1].heading_line == line.number;
    }
  }

  // The rules that labelled each line: its line.* classes on the line, its head.* classes on
  // the line joined with the next two that have text, as the segmenter saw them.
  std::string window;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (seen[i].blank) {
      continue;
    }
    add_class_hits(grammar, grammar.line_classifier(), seen[i].line_hits, seen[i].text, out.lines[i].rules);
    if (seen[i].head_hits != 0) {
      std::string_view next[2];
      std::size_t joined = 0;
      for (std::size_t j = i + 1; j < seen.size() && joined < 2; ++j) {
        if (!seen[j].blank) {
          next[joined++] = seen[j].text;
        }
      }
      segment::head_window(window, util::trim(seen[i].text), std::span<const std::string_view>(next, joined));
      add_class_hits(grammar, grammar.head_classifier(), seen[i].head_hits, window, out.lines[i].rules);
    }
  }

  assign_entities(pack, out.lines);
  assign_list_headings(pack, grammar, seen, out.lines);

  // The rules a reader asks of an entity's first line.
  for (const Span& span : spans_of(pack)) {
    if (span.first > static_cast<LineNo>(out.lines.size())) {
      continue;
    }
    ExplainedLine& line = out.lines[static_cast<std::size_t>(span.first - 1)];
    if (line.blank || !line.entity || line.entity->kind != span.kind || line.entity->index != span.index) {
      continue;
    }
    for (const std::string_view name : reader_rules(span.kind, pack, span.index)) {
      add_match(grammar, name, util::trim(line.text), line.rules);
    }
  }

  for (const ExplainedLine& line : out.lines) {
    out.text_lines += line.blank ? 0U : 1U;
    out.used_lines += !line.blank && line.used() ? 1U : 0U;
  }
  return out;
}

}  // namespace bpack::extract
