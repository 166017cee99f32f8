#include "bpack/extract/agenda.hpp"

#include <cctype>
#include <charconv>

#include "bpack/extract/dates.hpp"
#include "bpack/extract/layout.hpp"
#include "bpack/extract/meeting.hpp"
#include "bpack/extract/people.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

// A title line this long was wrapped at the column's edge: the next line goes on with it.
constexpr std::size_t kWrappedTitle = 44;
// The first item of an agenda is numbered at most this.
constexpr int kFirstNumberMax = 30;
// A higher first number is believed when the next number comes within this many lines.
constexpr std::size_t kLookAhead = 12;

struct Cells {
  std::optional<std::string> lead;
  std::vector<std::string> papers;
  std::optional<std::string> time;
};

struct Item {
  model::AgendaItem item;
  std::optional<std::string> parent;  // number of the item a sub-item belongs to
  Cells cells;
  std::vector<std::string> title;
  std::size_t indent = 0;       // where the item's line starts
  bool title_open = true;       // the title may go on on the next line
  bool awaiting_title = false;  // the number stood alone: its title is the next line
};

std::size_t indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) {
    ++n;
  }
  return n;
}

bool all_caps(std::string_view text) {
  bool letters = false;
  for (const char c : text) {
    if (std::islower(static_cast<unsigned char>(c)) != 0) {
      return false;
    }
    letters = letters || std::isupper(static_cast<unsigned char>(c)) != 0;
  }
  return letters;
}

bool ends_open(std::string_view text) {
  text = util::trim(text);
  if (text.empty()) {
    return false;
  }
  const char last = text.back();
  if (last == ':' || last == ',' || last == '-' || last == '&' || last == '/') {
    return true;
  }
  return text.size() >= 3 &&
         (text.substr(text.size() - 3) == "\xE2\x80\x93" || text.substr(text.size() - 3) == "\xE2\x80\x94");
}

int to_int(std::string_view digits) {
  int value = -1;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

class AgendaReader {
 public:
  AgendaReader(ExtractContext& ctx, const std::vector<segment::SegLine>& lines)
      : ctx_(ctx), g_(ctx.grammar), lines_(lines) {}

  void run(std::size_t begin) {
    for (std::size_t i = begin; i < lines_.size(); ++i) {
      read_line(i);
    }
    finish();
  }

 private:
  // --- items ------------------------------------------------------------------------------
  // Items count up from a small number; "3a", "3b" are parts of item 3.
  bool accept_number(std::string_view number, bool lettered = false) const {
    const int value = to_int(number);
    if (value < 0) {
      return false;
    }
    if (last_number_ < 0) {
      // Numbered on from the last meeting ("87.", "88.", ...): believed when the next follows.
      return value <= kFirstNumberMax || next_numbered(value + 1);
    }
    return (lettered && value == last_number_) || (value > last_number_ && value <= last_number_ + 3);
  }

  // A numbered item `value` comes within the next few lines.
  bool next_numbered(int value) const {
    std::size_t seen = 0;
    for (std::size_t j = at_ + 1; j < lines_.size() && seen < kLookAhead; ++j) {
      if (lines_[j].blank) {
        continue;
      }
      ++seen;
      grammar::Captures captures;
      if (g_.match("item.numbered", util::trim(lines_[j].text), captures) &&
          to_int(captures.get("number").value_or("")) == value) {
        return true;
      }
    }
    return false;
  }

  void read_line(std::size_t i) {
    at_ = i;
    const auto& line = lines_[i];
    if (line.blank) {
      if (!items_.empty()) {
        Item& last = items_.back();
        // A blank line ends a title unless the title so far is incomplete ("LGA Update:").
        last.title_open =
            last.awaiting_title || (last.title_open && !last.title.empty() && ends_open(last.title.back()));
      }
      return;
    }
    const std::string_view text = util::trim(line.text);
    if (read_numbered(i, text) || read_sub(i, text) || read_unnumbered(i, text) || items_.empty()) {
      return;
    }
    Item& current = items_.back();
    if (current.awaiting_title) {
      current.item.line_end = line.number;
      if (read_time(text, current.cells) == text.size()) {
        return;  // "1)" / "11.00 - 11.10" / "Minutes ...": the time came first
      }
      current.awaiting_title = false;
      current.indent = indent_of(line.text);
      current.item.line = current.item.line != 0 ? current.item.line : line.number;
      add_title(current, text);
      return;
    }
    if (read_cells(text, current.cells)) {
      current.item.line_end = line.number;
      return;
    }
    if (current.title_open && continues_title(current, line.text, text)) {
      current.item.line_end = line.number;
      add_title(current, text);
      return;
    }
    current.title_open = false;
  }

  bool continues_title(const Item& item, std::string_view raw, std::string_view text) const {
    if (all_caps(text) || g_.matches("agenda.description", text) || item.title.empty()) {
      return false;
    }
    const std::string& last = item.title.back();
    const unsigned char first = static_cast<unsigned char>(text.front());
    return indent_of(raw) > item.indent || last.size() >= kWrappedTitle || ends_open(last) ||
           std::islower(first) != 0 || first == '(' ||
           (std::count(text.begin(), text.end(), ' ') <= 1 && text.size() <= 20);
  }

  bool read_numbered(std::size_t i, std::string_view text) {
    grammar::Captures captures;
    const auto date = find_date(g_, text);
    if (date && date->offset == 0) {
      return false;
    }
    if (g_.match("item.number_only", text, captures)) {
      const std::string_view number = captures.get("number").value_or("");
      if (!accept_number(number)) {
        return !items_.empty();  // a page number in a column after the titles
      }
      start_item(std::string(number), i).awaiting_title = true;
      return true;
    }
    if (!g_.match("item.numbered", text, captures)) {
      return false;
    }
    std::string number(captures.get("number").value_or(""));
    if (!accept_number(number, captures.get("letter") || captures.get("sub"))) {
      return false;
    }
    if (const auto letter = captures.get("letter")) {
      number += *letter;
    }
    std::optional<std::string> parent;
    if (const auto sub = captures.get("sub")) {
      parent = number;
      number += *sub;
    }
    Item& item = start_item(number, i);
    item.parent = parent;
    std::string_view title = captures.get("title").value_or("");
    // "11.00 - 11.10   Minutes and action points": a time before the title.
    title = util::trim(title.substr(read_time(title, item.cells)));
    item.indent = indent_of(lines_[i].text);
    if (title.empty()) {
      item.awaiting_title = true;
    } else {
      add_title(item, title);
    }
    return true;
  }

  bool read_sub(std::size_t i, std::string_view text) {
    grammar::Captures captures;
    if (last_top_.empty() || !g_.match("item.sub", text, captures)) {
      return false;
    }
    const std::string_view sub = captures.get("sub").value_or("");
    const std::string number = last_top_ + std::string(sub);
    Item& item = start_item(number, i, false);
    item.parent = last_top_;
    item.indent = indent_of(lines_[i].text);
    add_title(item, captures.get("title").value_or(""));
    return true;
  }

  bool read_unnumbered(std::size_t i, std::string_view text) {
    grammar::Captures captures;
    if (text.size() > 40 || !g_.match("item.unnumbered", text, captures) ||
        (!items_.empty() && items_.back().item.number)) {
      return false;
    }
    Item& item = start_item(std::nullopt, i, false);
    item.item.title = std::string(captures.get("title").value_or(""));
    const std::string_view rest = util::trim(captures.get("rest").value_or(""));
    grammar::Captures lead;
    if (!rest.empty() && g_.match("agenda.unnumbered_lead", rest, lead)) {
      item.cells.lead = std::string(lead.get("lead").value_or(""));
    } else if (!rest.empty()) {
      item.item.title += " " + std::string(rest);
    }
    item.title.push_back(item.item.title);
    item.title_open = false;
    return true;
  }

  Item& start_item(model::Text number, std::size_t i, bool top = true) {
    Item item;
    item.item.number = number;
    item.item.line = lines_[i].number;
    item.item.line_end = lines_[i].number;
    if (top && number) {
      last_number_ = to_int(*number);
      last_top_ = *number;
    }
    items_.push_back(std::move(item));
    return items_.back();
  }

  // A title line: the words, with cells printed after a gutter ("Welcome   Chair   10:00")
  // read as cells and dropped, and page numbers in a column after the title dropped.
  void add_title(Item& item, std::string_view text) {
    std::string kept;
    const auto cells = layout_cells(text);
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const std::string_view cell = cells[k].text;
      if (k > 0 && (read_cells(cell, item.cells) || g_.matches("item.number_only", cell))) {
        continue;
      }
      if (!kept.empty()) {
        kept.push_back(' ');
      }
      kept.append(cell);
    }
    item.title.push_back(std::move(kept));
  }

  // A time (or time range) at the start of `text`; returns the characters it takes.
  std::size_t read_time(std::string_view text, Cells& cells) const {
    grammar::Captures captures;
    if (!g_.match("agenda.time_range", text, captures) || captures.whole().data() != text.data()) {
      return 0;
    }
    int hour = to_int(captures.get("hour").value_or(""));
    const int minute = to_int(captures.get("minute").value_or(""));
    if (const auto ampm = captures.get("ampm"); ampm && (ampm->front() == 'p' || ampm->front() == 'P') && hour < 12) {
      hour += 12;
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return 0;
    }
    if (!cells.time) {
      cells.time = fmt_time(hour, minute);
    }
    return captures.whole().size();
  }

  static std::string fmt_time(int hour, int minute) {
    std::string out(5, '0');
    out[0] = static_cast<char>('0' + hour / 10);
    out[1] = static_cast<char>('0' + hour % 10);
    out[2] = ':';
    out[3] = static_cast<char>('0' + minute / 10);
    out[4] = static_cast<char>('0' + minute % 10);
    return out;
  }

  // --- cells ------------------------------------------------------------------------------
  // Reads one non-title line as table cells (a paper, a lead, a time); false when it is none.
  bool read_cells(std::string_view text, Cells& cells) const {
    grammar::Captures captures;
    if (g_.match("agenda.paper", text, captures)) {
      cells.papers.emplace_back(captures.get("paper").value_or(""));
      return true;
    }
    // A time, possibly after the lead: "Chair 3.00pm", "3.10pm".
    std::string rest(text);
    bool any = false;
    if (const auto time = find_time(g_, text)) {
      grammar::Captures t;
      if (g_.match("time.any", text, t)) {
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
    if (g_.match("agenda.lead", rest, captures)) {
      if (!cells.lead) {
        cells.lead = std::string(captures.get("lead").value_or(""));
      }
      return true;
    }
    return any;
  }

  // --- after the last line ------------------------------------------------------------------
  // A presenter in brackets at the end of a title: "(Nigel Shadbolt)", "(Nick Bagshaw, Steve
  // Peters)". Only when no other bracket of the title names people (an item with several
  // parts, each with its presenter, has no one lead).
  void take_bracket_lead(Item& item, std::string& title) const {
    std::size_t names = 0;
    std::size_t last_open = std::string::npos;
    std::size_t last_close = std::string::npos;
    for (std::size_t open = title.find('('); open != std::string::npos; open = title.find('(', open + 1)) {
      const std::size_t close = title.find(')', open);
      if (close == std::string::npos) {
        break;
      }
      const std::string inside = std::string(util::trim(std::string_view(title).substr(open + 1, close - open - 1)));
      const PeopleList people = read_people(g_, inside);
      if (!people.people.empty() && people.rejected == 0) {
        ++names;
        last_open = open;
        last_close = close;
      }
    }
    if (names != 1 || last_close + 1 < util::trim(title).size() || item.cells.lead) {
      return;
    }
    item.cells.lead =
        std::string(util::trim(std::string_view(title).substr(last_open + 1, last_close - last_open - 1)));
    title.erase(last_open);
  }

  void finish() {
    for (auto& item : items_) {
      std::vector<std::string_view> parts(item.title.begin(), item.title.end());
      std::string title = util::join_collapsed(parts);
      grammar::Captures captures;
      while (g_.match("agenda.pages", title, captures)) {
        const auto at = static_cast<std::size_t>(captures.whole().data() - title.data());
        title.erase(at, captures.whole().size());
      }
      take_bracket_lead(item, title);
      if (g_.match("agenda.trailing_lead", title, captures) && !item.cells.lead) {
        item.cells.lead = std::string(captures.get("lead").value_or(""));
        title.erase(static_cast<std::size_t>(captures.whole().data() - title.data()));
      }
      if (g_.match("agenda.paper_inline", title, captures)) {
        item.cells.papers.emplace_back(captures.get("paper").value_or(""));
        title.erase(static_cast<std::size_t>(captures.whole().data() - title.data()));
      }
      // A footnote mark after the last word ("Declarations of interest 1").
      if (title.size() > 2 && std::isdigit(static_cast<unsigned char>(title.back())) != 0 &&
          title[title.size() - 2] == ' ' && std::islower(static_cast<unsigned char>(title[title.size() - 3])) != 0) {
        title.resize(title.size() - 2);
      }
      item.item.title = std::string(util::trim_punctuation(util::collapse_spaces(title)));
    }
    share_cells();
    for (auto& item : items_) {
      if (!item.item.title.empty() || item.item.number) {
        ctx_.pack.agenda_items.push_back(std::move(item.item));
      }
    }
  }

  // Cells printed once for an item and its sub-items belong to all of them; papers go to the
  // sub-item whose letter they carry, else in order.
  void share_cells() {
    for (std::size_t i = 0; i < items_.size(); ++i) {
      Item& item = items_[i];
      if (item.parent) {
        continue;
      }
      std::vector<Item*> family{&item};
      for (std::size_t j = i + 1; j < items_.size() && items_[j].parent && items_[j].parent == item.item.number; ++j) {
        family.push_back(&items_[j]);
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
  }

  ExtractContext& ctx_;
  const grammar::Grammar& g_;
  const std::vector<segment::SegLine>& lines_;
  std::vector<Item> items_;
  int last_number_ = -1;
  std::size_t at_ = 0;  // the line being read
  std::string last_top_;
};

}  // namespace

std::size_t read_agenda(ExtractContext& ctx, segment::SectionChunk& chunk) {
  const RecordedMeeting meeting = take_meeting_header(ctx, chunk, model::MeetingRole::agenda);
  if (meeting.index && ctx.pack.meetings[*meeting.index].body) {
    chunk.section.title = *ctx.pack.meetings[*meeting.index].body;
  }
  AgendaReader(ctx, chunk.lines).run(meeting.header_end);
  return chunk.lines.size();
}

}  // namespace bpack::extract
