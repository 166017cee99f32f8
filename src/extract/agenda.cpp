// Agenda items: numbered titles (with sub-items 3a/3b and unnumbered openers like
// "Welcome"), and the lead, paper and time cells that table extraction scatters after them.

#include <cctype>

#include "bpack/extract/agenda.hpp"
#include "bpack/extract/dates.hpp"
#include "bpack/extract/meeting_header.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

// A wrapped title: the line was cut near the column edge, so it was long.
constexpr std::size_t kWrappedTitle = 44;

struct Cells {
  std::optional<std::string> lead;
  std::vector<std::string> papers;
  std::optional<std::string> time;
};

struct Item {
  model::AgendaItem item;
  std::optional<std::string> parent;  // number of the item a sub-item belongs to
  char letter = 0;
  Cells cells;
};

// Reads one non-title line as table cells; false when it is none (a description).
bool read_cells(const grammar::Grammar& grammar, std::string_view text, Cells& cells) {
  grammar::Captures captures;
  if (grammar.match("agenda.paper", text, captures)) {
    cells.papers.emplace_back(*captures.get("paper"));
    return true;
  }
  // A time, possibly after the lead: "Chair 3.00pm", "3.10pm".
  std::string rest(text);
  bool any = false;
  if (const auto time = find_time(grammar, text)) {
    grammar::Captures t;
    if (grammar.match("time.any", text, t)) {
      const auto at = static_cast<std::size_t>(t.whole().data() - text.data());
      rest = std::string(util::trim(text.substr(0, at)));
      if (!cells.time) {
        cells.time = time;
      }
      any = true;
    }
  }
  if (rest.empty()) {
    return any;
  }
  if (grammar.match("agenda.lead", rest, captures)) {
    if (!cells.lead) {
      cells.lead = std::string(*captures.get("lead"));
    }
    return true;
  }
  return any;
}

}  // namespace

void read_agenda(ExtractContext& ctx, segment::SectionChunk& chunk) {
  const auto& grammar = ctx.grammar;
  model::Meeting meeting = read_meeting_header(grammar, chunk, model::MeetingRole::agenda);
  if (meeting.date) {
    ctx.pack.meetings.push_back(meeting);
    if (meeting.body) {
      chunk.section.title = *meeting.body;
    }
  }

  std::vector<Item> items;
  bool title_open = false;  // the last item's title may continue on the next line
  std::string last_top;
  for (std::size_t i = 0; i < chunk.lines.size(); ++i) {
    const auto& line = chunk.lines[i];
    if (line.blank) {
      continue;
    }
    const std::string_view text = util::trim(line.text);
    grammar::Captures captures;
    Item next;
    bool is_item = false;
    const auto date = find_date(grammar, text);
    const bool starts_with_date = date && date->offset == 0;
    if (!starts_with_date && grammar.match("item.numbered", text, captures)) {
      std::string number(*captures.get("number"));
      if (const auto letter = captures.get("letter")) {
        number += *letter;
      }
      if (const auto sub = captures.get("sub")) {
        next.parent = number;
        number += *sub;
      }
      next.item.number = number;
      next.item.title = std::string(*captures.get("title"));
      last_top = next.parent.value_or(number);
      is_item = true;
    } else if (!last_top.empty() && grammar.match("item.sub", text, captures)) {
      next.parent = last_top;
      next.letter = (*captures.get("sub"))[0];
      next.item.number = last_top + std::string(1, next.letter);
      next.item.title = std::string(*captures.get("title"));
      is_item = true;
    } else if (text.size() <= 40 && grammar.match("item.unnumbered", text, captures) &&
               (items.empty() || !items.back().item.number)) {
      next.item.title = std::string(*captures.get("title"));
      const std::string_view rest = util::trim(*captures.get("rest"));
      grammar::Captures lead;
      if (!rest.empty() && grammar.match("agenda.unnumbered_lead", rest, lead)) {
        next.cells.lead = std::string(*lead.get("lead"));
      } else if (!rest.empty()) {
        next.item.title += " " + std::string(rest);
      }
      is_item = true;
    }
    if (is_item) {
      next.item.line = line.number;
      // Layout-preserved tables put the other cells on the title's line, after a gutter of
      // spaces: "Welcome and apologies      Chair     Verbal     10:00".
      if (const auto gutter = next.item.title.find("   "); gutter != std::string::npos) {
        std::string_view cells_text = std::string_view(next.item.title).substr(gutter);
        while (!util::trim(cells_text).empty()) {
          cells_text = cells_text.substr(cells_text.find_first_not_of(' '));
          const auto end = cells_text.find("  ");
          read_cells(grammar, cells_text.substr(0, end), next.cells);
          if (end == std::string_view::npos) {
            break;
          }
          cells_text = cells_text.substr(end);
        }
        next.item.title.erase(gutter);
      }
      grammar::Captures trailing;
      if (grammar.match("agenda.trailing_lead", next.item.title, trailing)) {
        next.cells.lead = std::string(*trailing.get("lead"));
        next.item.title.erase(static_cast<std::size_t>(trailing.whole().data() - next.item.title.data()));
      }
      if (grammar.match("agenda.paper_inline", next.item.title, trailing)) {
        next.cells.papers.emplace_back(*trailing.get("paper"));
        next.item.title.erase(static_cast<std::size_t>(trailing.whole().data() - next.item.title.data()));
      }
      title_open = text.size() >= kWrappedTitle;
      items.push_back(std::move(next));
      continue;
    }
    if (items.empty()) {
      continue;
    }
    Item& current = items.back();
    if (read_cells(grammar, text, current.cells)) {
      title_open = false;
      continue;
    }
    if (title_open && !grammar.matches("agenda.description", text)) {
      current.item.title += " " + std::string(text);
      title_open = text.size() >= kWrappedTitle;
      continue;
    }
    title_open = false;
  }

  // Cells printed once for an item and its sub-items belong to all of them; papers go to
  // the sub-item whose letter they carry, else in order.
  for (std::size_t i = 0; i < items.size(); ++i) {
    Item& item = items[i];
    if (item.parent) {
      continue;
    }
    std::vector<Item*> family{&item};
    for (std::size_t j = i + 1; j < items.size() && items[j].parent && items[j].parent == item.item.number; ++j) {
      family.push_back(&items[j]);
    }
    Cells merged;
    for (Item* member : family) {
      if (!merged.lead) {
        merged.lead = member->cells.lead;
      }
      if (!merged.time) {
        merged.time = member->cells.time;
      }
      merged.papers.insert(merged.papers.end(), member->cells.papers.begin(), member->cells.papers.end());
    }
    for (Item* member : family) {
      member->item.lead = member->cells.lead ? member->cells.lead : merged.lead;
      member->item.time = member->cells.time ? member->cells.time : merged.time;
    }
    if (family.size() == 1) {
      if (!merged.papers.empty()) {
        item.item.paper = merged.papers.front();
      }
      continue;
    }
    std::size_t next_paper = 0;
    for (std::size_t k = 1; k < family.size(); ++k) {
      const std::string& number = *family[k]->item.number;
      for (const auto& paper : merged.papers) {
        if (util::to_lower_ascii(paper) == util::to_lower_ascii(number)) {
          family[k]->item.paper = paper;
        }
      }
      if (!family[k]->item.paper && next_paper < merged.papers.size()) {
        family[k]->item.paper = merged.papers[next_paper];
      }
      ++next_paper;
    }
  }
  for (auto& item : items) {
    item.item.title = std::string(util::trim_punctuation(util::collapse_spaces(item.item.title)));
    ctx.pack.agenda_items.push_back(std::move(item.item));
  }
}

}  // namespace bpack::extract
