#include "bpack/extract/minute_actions.hpp"

#include <algorithm>
#include <cctype>

#include "bpack/extract/people.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

bool is_actor(const grammar::Grammar& grammar, std::string_view actor) {
  actor = util::trim(actor);
  if (actor.empty() || grammar.matches("minutes.not_actor", actor)) {
    return false;
  }
  // A person ("Alan Armstrong", "Cllr Smith"), initials, an officer or a group; one capitalised
  // word ("Changes to wellbeing services") is none of them.
  return looks_like_name(grammar, actor) || is_initials_list(grammar, actor) ||
         grammar.matches("minutes.officer", actor) || grammar.matches("minutes.group_actor", actor) ||
         looks_like_name(grammar, leading_name(grammar, actor));
}

// A bracket's words name people or groups only: "Panel and Olivia Burman", "Secretariat".
bool names_only(std::string_view text) {
  text = util::trim(text);
  if (text.empty() || std::isupper(static_cast<unsigned char>(text.front())) == 0) {
    return false;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(",&", start);
    std::size_t next = end == std::string_view::npos ? text.size() + 1 : end + 1;
    if (const auto and_at = text.find(" and ", start); and_at != std::string_view::npos && and_at < end) {
      end = and_at;
      next = and_at + 5;
    }
    const std::string_view part =
        util::trim(text.substr(start, end == std::string_view::npos ? text.npos : end - start));
    if (part.empty()) {
      return false;
    }
    // Every word of a part is capitalised (a name, initials, or a group such as "Panel Chair").
    std::size_t w = 0;
    while (w < part.size()) {
      const std::size_t e = std::min(part.find(' ', w), part.size());
      if (std::isupper(static_cast<unsigned char>(part[w])) == 0 && static_cast<unsigned char>(part[w]) < 0x80) {
        return false;
      }
      w = e + 1;
    }
    start = next;
  }
  return true;
}

}  // namespace

bool is_actor_cell(const grammar::Grammar& grammar, std::string_view cell) {
  cell = util::trim(cell);
  if (cell.empty() || cell.size() > 40) {
    return false;
  }
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find_first_of("/&,", start);
    if (end == std::string_view::npos) {
      end = cell.size();
    }
    const std::string_view part = util::trim(cell.substr(start, end - start));
    const bool officer = std::count(part.begin(), part.end(), ' ') <= 2 && grammar.matches("minutes.officer", part) &&
                         !grammar.matches("minutes.not_actor", part);
    if (part.empty() || !(is_initials_list(grammar, part) || looks_like_name(grammar, part) || officer ||
                          grammar.matches("minutes.column_actor", part))) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

std::string owner_of(std::string_view actor) {
  actor = util::trim(actor);
  for (const std::string_view article : {std::string_view("that the "), std::string_view("the ")}) {
    if (util::starts_with_ci(actor, article)) {
      actor = actor.substr(article.size());
    }
  }
  return std::string(util::trim_punctuation(actor));
}

std::optional<Task> task_in(const grammar::Grammar& grammar, std::string_view sentence, bool future) {
  sentence = util::trim(sentence);
  grammar::Captures captures;
  if (!grammar.may_match("minutes.task", sentence) || !grammar.match("minutes.task", sentence, captures)) {
    return std::nullopt;
  }
  const std::string_view actor = captures.get("actor").value_or("");
  const std::string_view verb = captures.get("verb").value_or("");
  const std::string_view rest = util::trim(captures.get("rest").value_or(""));
  if (!future && (verb == "will" || verb == "shall" || verb == "would" || verb == "should")) {
    return std::nullopt;
  }
  // "HM to be asked to ...": a task for someone else, in the passive.
  if (util::starts_with_ci(rest, "be ") || rest.empty() || !is_actor(grammar, actor)) {
    return std::nullopt;
  }
  // The board deciding is a decision, not a task.
  if (grammar.matches("minutes.decision_subject", actor) && !grammar.matches("minutes.officer", actor) &&
      !looks_like_name(grammar, actor)) {
    return std::nullopt;
  }
  return Task{owner_of(actor), std::string(sentence)};
}

std::optional<Task> task_in_resolution(const grammar::Grammar& grammar, std::string_view point) {
  point = util::trim(point);
  if (auto task = task_in(grammar, point, true)) {
    return task;
  }
  grammar::Captures captures;
  if (grammar.match("minutes.task_directive", point, captures)) {
    const std::string_view verb = captures.get("verb").value_or("");
    if (!grammar.matches("minutes.not_task_verb", verb)) {
      return Task{owner_of(captures.get("actor").value_or("")), std::string(point)};
    }
  }
  if (grammar.matches("minutes.task_passive", point)) {
    Task task{"", std::string(point)};
    if (grammar.match("minutes.task_by", point, captures)) {
      task.owner = owner_of(captures.get("actor").value_or(""));
      if (!task.owner.empty()) {
        task.owner[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(task.owner[0])));
      }
    }
    return task;
  }
  return std::nullopt;
}

std::optional<std::string> bracket_owner(const grammar::Grammar& grammar, std::string& text) {
  std::string_view t = util::trim(text);
  while (!t.empty() && (t.back() == '.' || t.back() == ';')) {
    t.remove_suffix(1);
  }
  if (t.empty() || t.back() != ')') {
    return std::nullopt;
  }
  int depth = 0;
  std::size_t open = std::string_view::npos;
  for (std::size_t i = t.size(); i-- > 0;) {
    if (t[i] == ')') {
      ++depth;
    } else if (t[i] == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == std::string_view::npos || open == 0) {
    return std::nullopt;
  }
  const std::string_view inside = util::trim(t.substr(open + 1, t.size() - open - 2));
  if (names_only(inside)) {
    std::string owner(inside);
    text = std::string(util::trim(t.substr(0, open)));
    return owner;
  }
  // "(Tim Allen - short paper to Panel)", "(Secretariat to set-up ...)": the owner leads a
  // note, and the bracket stays in the text.
  for (const std::string_view cut : {std::string_view(" - "), std::string_view(" \xE2\x80\x93 ")}) {
    if (const auto at = inside.find(cut); at != std::string_view::npos && names_only(inside.substr(0, at))) {
      return std::string(inside.substr(0, at));
    }
  }
  if (const auto task = task_in(grammar, inside, true)) {
    return task->owner;
  }
  return std::nullopt;
}

}  // namespace bpack::extract
