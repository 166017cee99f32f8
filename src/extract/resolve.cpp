// Work that needs the whole pack: which meeting each list belongs to, meeting dates a pack
// states only indirectly, action markers merged into log rows, owners' initials resolved to
// names, and paper titles recovered from the agenda.

#include <algorithm>
#include <map>
#include <set>

#include "bpack/extract/attendance.hpp"
#include "bpack/extract/context.hpp"
#include "bpack/extract/people.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

using model::MeetingRole;

const model::Meeting* find_meeting(const model::Pack& pack, MeetingRole role) {
  for (const auto& meeting : pack.meetings) {
    if (meeting.role == role) {
      return &meeting;
    }
  }
  return nullptr;
}

// Minutes with no dated header: the date their actions were raised on in the log (the
// markers' refs), else the latest raised date in the log.
void date_headerless_minutes(ExtractContext& ctx) {
  auto& pack = ctx.pack;
  if (find_meeting(pack, MeetingRole::minutes) != nullptr || ctx.clues.minutes_meetings == 0) {
    return;
  }
  std::map<std::string, int> votes;
  std::map<std::string, std::string> texts;
  const std::set<std::string> marked(ctx.clues.minutes_marker_refs.begin(), ctx.clues.minutes_marker_refs.end());
  std::string latest;
  for (const auto& action : pack.actions) {
    if (action.source != model::ActionSource::action_log || !action.raised || action.raised->size() != 10) {
      continue;
    }
    if (action.ref && marked.count(*action.ref) != 0) {
      ++votes[*action.raised];
      texts[*action.raised] = action.raised_text.value_or(*action.raised);
    }
    if (*action.raised > latest) {
      latest = *action.raised;
      texts[latest] = action.raised_text.value_or(latest);
    }
  }
  std::string date = latest;
  int best = 0;
  for (const auto& [d, n] : votes) {
    if (n > best) {
      best = n;
      date = d;
    }
  }
  if (date.empty()) {
    return;
  }
  model::Meeting meeting;
  meeting.role = MeetingRole::minutes;
  meeting.date = date;
  meeting.date_text = texts[date];
  for (const auto& section : pack.sections) {
    if (section.kind == model::SectionKind::minutes || section.kind == model::SectionKind::attendance) {
      meeting.line = section.line_start;
      break;
    }
  }
  pack.meetings.push_back(meeting);
}

// A pack without an agenda is for the first meeting its forward plan lists after the
// minutes it carries.
void date_agendaless_pack(ExtractContext& ctx) {
  auto& pack = ctx.pack;
  if (find_meeting(pack, MeetingRole::agenda) != nullptr || ctx.clues.plan_dates.empty()) {
    return;
  }
  const model::Meeting* minutes = find_meeting(pack, MeetingRole::minutes);
  const std::string after = minutes != nullptr ? minutes->date.value_or("") : "";
  for (std::size_t i = 0; i < ctx.clues.plan_dates.size(); ++i) {
    if (ctx.clues.plan_dates[i] > after) {
      model::Meeting meeting;
      meeting.role = MeetingRole::agenda;
      meeting.date = ctx.clues.plan_dates[i];
      meeting.date_text = ctx.clues.plan_dates_text[i];
      meeting.line = ctx.clues.plan_line;
      pack.meetings.push_back(meeting);
      return;
    }
  }
}

void merge_actions(const grammar::Grammar& grammar, model::Pack& pack, const model::Text& minutes_date) {
  // Owners written as initials become names where the attendance list gives the initials.
  std::map<std::string, std::string> by_initials;
  for (const auto& person : pack.attendance) {
    const std::string initials = person.initials.value_or(initials_of(grammar, person.name));
    by_initials.emplace(initials, person.name);
  }
  for (auto& action : pack.actions) {
    if (action.owner && grammar.matches("attendance.initials", *action.owner)) {
      action.owner_initials = action.owner;
      if (const auto found = by_initials.find(*action.owner); found != by_initials.end()) {
        action.owner_name = found->second;
      }
    }
    if (!action.meeting_date) {
      action.meeting_date = action.source == model::ActionSource::minutes ? minutes_date : std::nullopt;
    }
    if (action.source == model::ActionSource::minutes && action.raised && minutes_date && !action.status_text) {
      action.raised = minutes_date;
    }
  }
  // One action per ref: a log row wins, the minutes fill what it leaves empty.
  std::vector<model::Action> merged;
  std::map<std::string, std::size_t> index;
  const auto fill = [](model::Text& into, const model::Text& from) {
    if (!into && from) {
      into = from;
    }
  };
  for (int pass = 0; pass < 2; ++pass) {
    const auto source = pass == 0 ? model::ActionSource::action_log : model::ActionSource::minutes;
    for (auto& action : pack.actions) {
      if (action.source != source) {
        continue;
      }
      if (!action.ref) {
        merged.push_back(std::move(action));
        continue;
      }
      const auto found = index.find(*action.ref);
      if (found == index.end()) {
        index.emplace(*action.ref, merged.size());
        merged.push_back(std::move(action));
        continue;
      }
      model::Action& into = merged[found->second];
      fill(into.raised, action.raised);
      fill(into.raised_text, action.raised_text);
      fill(into.item, action.item);
      fill(into.text, action.text);
      fill(into.owner, action.owner);
      fill(into.owner_initials, action.owner_initials);
      fill(into.owner_name, action.owner_name);
      fill(into.due, action.due);
      fill(into.due_text, action.due_text);
      fill(into.comments, action.comments);
      if (!into.status_text && action.status_text) {
        into.status = action.status;
        into.status_text = action.status_text;
      }
    }
  }
  pack.actions = std::move(merged);
}

// Papers whose cover lost its title take the next agenda paper item whose words their
// opening text shares best.
void title_papers_from_agenda(ExtractContext& ctx) {
  auto& pack = ctx.pack;
  std::vector<const model::AgendaItem*> candidates;
  for (const auto& item : pack.agenda_items) {
    const std::string lower = util::to_lower_ascii(item.title);
    if (item.paper && lower.find("minutes") == std::string::npos && lower.find("notes") == std::string::npos &&
        lower.find("action log") == std::string::npos) {
      candidates.push_back(&item);
    }
  }
  std::size_t next = 0;
  for (std::size_t p = 0; p < pack.papers.size() && p < ctx.clues.paper_samples.size(); ++p) {
    auto& paper = pack.papers[p];
    const std::string& sample = ctx.clues.paper_samples[p];
    if (paper.ref) {
      for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (util::to_lower_ascii(*candidates[c]->paper) == util::to_lower_ascii(*paper.ref)) {
          next = std::max(next, c + 1);
          if (!paper.title) {
            paper.title = candidates[c]->title;
          }
        }
      }
      continue;
    }
    if (paper.title) {
      continue;
    }
    std::size_t best = candidates.size();
    double best_score = 0;
    for (std::size_t c = next; c < candidates.size() && c < next + 3; ++c) {
      // Share of the title's longer words that the paper's opening mentions.
      const std::string title = util::to_lower_ascii(candidates[c]->title);
      int words = 0;
      int hits = 0;
      std::size_t start = 0;
      while (start < title.size()) {
        std::size_t end = title.find_first_of(" -–,:&()", start);
        end = end == std::string::npos ? title.size() : end;
        const std::string word = title.substr(start, end - start);
        if (word.size() >= 4 && word != "update" && word != "report") {
          ++words;
          hits += sample.find(word) != std::string::npos ? 1 : 0;
        }
        start = end + 1;
      }
      const double score = words > 0 ? static_cast<double>(hits) / words : 0;
      if (score > best_score) {
        best_score = score;
        best = c;
      }
    }
    if (best < candidates.size() && best_score >= 0.34) {
      paper.title = candidates[best]->title;
      paper.ref = candidates[best]->paper;
      next = best + 1;
    }
  }
  for (std::size_t p = 0; p < pack.papers.size(); ++p) {
    for (auto& section : pack.sections) {
      if (section.kind == model::SectionKind::paper && section.line_start == pack.papers[p].line_start &&
          pack.papers[p].title) {
        section.title = *pack.papers[p].title;
      }
    }
  }
}

}  // namespace

void resolve(ExtractContext& ctx) {
  auto& pack = ctx.pack;
  settle_apologies(pack.attendance);
  date_headerless_minutes(ctx);
  date_agendaless_pack(ctx);
  // Meetings the pack names without a board take the board its headings name.
  for (auto& meeting : pack.meetings) {
    if (!meeting.body && !ctx.clues.board.empty()) {
      meeting.body = ctx.clues.board;
    }
  }
  const model::Meeting* minutes = find_meeting(pack, MeetingRole::minutes);
  const model::Meeting* agenda = find_meeting(pack, MeetingRole::agenda);
  // Minutes that start without their heading are titled from the meeting they record.
  for (auto& section : pack.sections) {
    if (section.kind == model::SectionKind::minutes && minutes != nullptr &&
        !util::contains_ci(section.title, "minutes") && minutes->date_text) {
      section.title = minutes->body.value_or("Meeting") + " minutes – " + *minutes->date_text;
    }
  }
  const model::Text minutes_date = minutes != nullptr ? minutes->date : std::nullopt;
  const model::Text list_date = minutes_date ? minutes_date : (agenda != nullptr ? agenda->date : std::nullopt);
  // Attendance lists, items and decisions without a dated header of their own belong to
  // the minutes the pack carries (lists printed before them record that meeting).
  for (auto& person : pack.attendance) {
    if (!person.meeting_date) {
      person.meeting_date = list_date;
    }
  }
  for (auto& item : pack.minute_items) {
    if (!item.meeting_date) {
      item.meeting_date = minutes_date;
    }
  }
  for (auto& decision : pack.decisions) {
    if (!decision.meeting_date) {
      decision.meeting_date = minutes_date;
    }
  }
  merge_actions(ctx.grammar, pack, minutes_date);
  title_papers_from_agenda(ctx);
  std::stable_sort(pack.meetings.begin(), pack.meetings.end(),
                   [](const model::Meeting& a, const model::Meeting& b) { return a.line < b.line; });
}

}  // namespace bpack::extract
