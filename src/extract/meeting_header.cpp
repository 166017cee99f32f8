#include "bpack/extract/meeting_header.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "bpack/extract/dates.hpp"
#include "bpack/extract/people.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

using model::LineNo;

// How many non-blank lines into a section its meeting header may start.
constexpr int kSearchLines = 40;
// Lines longer than this are prose, not a heading (unless they carry the heading's date).
constexpr std::size_t kHeadingLine = 100;
constexpr std::size_t kDateLine = 200;
// Lines of a header above and below the line with its date.
constexpr int kLinesAbove = 4;
constexpr int kLinesBelow = 6;

enum class Field { body, date, time, venue };

struct Label {
  Field field;
  std::string_view rest;  // the value on the label's own line
};

std::optional<Label> label_of(const grammar::Grammar& grammar, std::string_view text) {
  static constexpr std::pair<const char*, Field> kLabels[] = {
      {"meeting.label.date", Field::date},
      {"meeting.label.time", Field::time},
      {"meeting.label.venue", Field::venue},
      {"meeting.label.body", Field::body},
  };
  grammar::Captures captures;
  for (const auto& [rule, field] : kLabels) {
    if (grammar.match(rule, text, captures) && captures.whole().data() == text.data()) {
      return Label{field, util::trim(text.substr(captures.whole().size()))};
    }
  }
  return std::nullopt;
}

bool is_people_label(const grammar::Grammar& grammar, std::string_view text) {
  for (const char* rule : {"line.attendance.member", "line.attendance.attendees", "line.attendance.attendee",
                           "line.attendance.apologies", "line.attendance.absent"}) {
    if (grammar.matches(rule, text)) {
      return true;
    }
  }
  return false;
}

// A line that ends a header: an item, a bullet (a date such as "24 SEPTEMBER 2009" looks like
// an item but is none).
bool ends_header(const grammar::Grammar& grammar, std::string_view text) {
  if (!(grammar.matches("line.enumerated", text) || grammar.matches("line.item", text) ||
        grammar.matches("line.bullet", text) || grammar.matches("line.number_only", text))) {
    return false;
  }
  // "- 8th January 2019": a dash before a date is no bullet of a list.
  const auto date = find_date(grammar, text);
  return !(date && date->offset <= 2);
}

bool is_place(const grammar::Grammar& grammar, std::string_view text) {
  return grammar.matches("meeting.place", text) || grammar.matches("meeting.venue", text);
}

// A venue line stops where a front sheet's right-hand column ("Telephone:") starts.
std::string_view venue_text(const grammar::Grammar& grammar, std::string_view text) {
  grammar::Captures captures;
  if (grammar.match("meeting.contact_label", text, captures)) {
    text = text.substr(0, static_cast<std::size_t>(captures.whole().data() - text.data()));
  }
  // Layout text: a gutter starts the next column.
  if (const auto gutter = text.find("   "); gutter != std::string_view::npos) {
    text = text.substr(0, gutter);
  }
  return util::trim(text);
}

std::string clean_venue(std::string text) {
  std::string out = util::collapse_spaces(text);
  while (!out.empty() && (out.back() == ',' || out.back() == '.' || out.back() == ';' || out.back() == '-')) {
    out.pop_back();
  }
  if (util::starts_with_ci(out, "the ")) {
    out.erase(0, 4);
  }
  return std::string(util::trim(out));
}

// A line that continues onto the next: it ends with a comma or a joining word.
bool continues(std::string_view text) {
  text = util::trim(text);
  if (text.empty()) {
    return false;
  }
  if (text.back() == ',' || text.back() == '&' || text.back() == '-') {
    return true;
  }
  const auto space = text.rfind(' ');
  const std::string last = util::to_lower_ascii(space == std::string_view::npos ? text : text.substr(space + 1));
  return last == "for" || last == "of" || last == "and" || last == "the" || last == "on" || last == "at" ||
         last == "in";
}

class HeaderReader {
 public:
  HeaderReader(const grammar::Grammar& grammar, std::span<const HeaderLine> lines, std::size_t tail)
      : g_(grammar), lines_(lines), tail_(tail) {}

  std::optional<MeetingHeader> run(model::MeetingRole role) {
    const auto anchor = find_anchor();
    if (!anchor) {
      return std::nullopt;
    }
    header_.meeting.role = role;
    header_.first = *anchor;
    header_.end = *anchor + 1;
    read_anchor(*anchor);
    read_below(*anchor);
    read_above();
    // "Board meeting, 12 September 2024" with no name above or below: "Board" it is.
    if (!header_.meeting.body && generic_body_) {
      header_.meeting.body = generic_body_->first;
      body_line_ = generic_body_->second;
    }
    if (!header_.meeting.date) {
      return std::nullopt;
    }
    header_.meeting.line = lines_[header_.first].number;
    header_.meeting.line_end = lines_[header_.end - 1].number;
    if (body_line_ != 0) {
      header_.meeting.line = body_line_;
    }
    if (header_.forthcoming) {
      header_.meeting.role = model::MeetingRole::agenda;
    }
    return std::move(header_);
  }

 private:
  std::string_view text(std::size_t i) const { return util::trim(lines_[i].text); }

  // The first line with a date (or a date label) before the first item, list or prose.
  std::optional<std::size_t> find_anchor() {
    int seen = 0;
    for (std::size_t i = 0; i < lines_.size() && seen < kSearchLines; ++i) {
      if (lines_[i].blank) {
        continue;
      }
      ++seen;
      const std::string_view t = text(i);
      if (i < tail_ && (ends_header(g_, t) || t.size() > kHeadingLine)) {
        continue;  // the end of the section before: an item, a paragraph
      }
      if (lines_[i].page_start && g_.matches("page.number", t)) {
        continue;  // a page number printed at the top of the page
      }
      if (t.size() > kDateLine || ends_header(g_, t) || is_people_label(g_, t)) {
        if (label_column_start_ != npos) {
          return read_label_column();
        }
        if (ends_header(g_, t) || t.size() > kDateLine) {
          return std::nullopt;
        }
        continue;
      }
      const auto label = label_of(g_, t);
      if (label && label->rest.empty() && label_column_start_ == npos) {
        label_column_start_ = i;  // a label alone: the table may be printed column by column
      }
      if (label && label->field == Field::date && !label->rest.empty() && find_date(g_, label->rest)) {
        return i;
      }
      if (!label && find_date(g_, t)) {
        if (label_column_start_ != npos) {
          return read_label_column();
        }
        return i;
      }
      // A heading sentence whose date falls on a later line, blank lines between ("MINUTES OF
      // ... ON FRIDAY, 11TH" / "" / "OCTOBER, 2019 AT 11.30 A.M.").
      if (!label && g_.matches("meeting.heading_start", t)) {
        if (const auto last = join_heading(i)) {
          return last;
        }
      }
    }
    return std::nullopt;
  }

  std::optional<std::size_t> join_heading(std::size_t first) {
    std::string joined(text(first));
    std::size_t taken = 0;
    for (std::size_t j = first + 1; j < lines_.size() && taken < 3; ++j) {
      if (lines_[j].blank) {
        continue;
      }
      const std::string_view next = text(j);
      if (joined.back() == '.' || label_of(g_, next) || is_people_label(g_, next) || ends_header(g_, next) ||
          next.size() > kHeadingLine) {
        return std::nullopt;
      }
      joined += " " + std::string(next);
      ++taken;
      if (find_date(g_, joined)) {
        joined_anchor_ = std::move(joined);
        joined_first_ = first;
        return j;
      }
    }
    return std::nullopt;
  }

  // A header table printed column by column: the labels, then their values in the same
  // order. The date's value is the anchor; the other values are read here.
  std::optional<std::size_t> read_label_column() {
    std::vector<std::pair<std::size_t, Label>> labels;
    std::size_t i = label_column_start_;
    for (; i < lines_.size(); ++i) {
      if (lines_[i].blank) {
        continue;
      }
      const std::string_view t = text(i);
      if (const auto label = label_of(g_, t); label && label->rest.empty()) {
        labels.emplace_back(i, *label);
        continue;
      }
      if (is_people_label(g_, t) && t.size() <= 30) {
        people_labels_.emplace_back(util::trim_punctuation(t));
        continue;
      }
      break;
    }
    if (labels.size() < 2) {
      label_column_start_ = npos;
      return std::nullopt;
    }
    // Values follow in label order; a value that does not fit its label (a stray cell) is
    // skipped.
    std::optional<std::size_t> anchor;
    std::size_t label = 0;
    for (; i < lines_.size() && label < labels.size(); ++i) {
      if (lines_[i].blank) {
        continue;
      }
      const std::string_view t = text(i);
      const Field field = labels[label].second.field;
      if (field == Field::date) {
        if (const auto date = find_date(g_, t)) {
          set_date(*date);
          anchor = i;
          ++label;
        }
        continue;
      }
      if (field == Field::time) {
        if (const auto time = find_time(g_, t)) {
          header_.meeting.time = time;
          ++label;
        }
        continue;
      }
      if (ends_header(g_, t) || find_date(g_, t)) {
        continue;
      }
      if (field == Field::body) {
        set_body(std::string(t), i);
      } else {
        header_.meeting.venue = clean_venue(std::string(venue_text(g_, t)));
      }
      ++label;
    }
    // People labels ("Attendees", "Invited") take the paragraphs after the last value.
    people_start_ = i;
    return anchor;
  }

  void set_date(const FoundDate& date) {
    header_.meeting.date = date.iso;
    header_.meeting.date_text = date.text;
  }

  void set_body(std::string text, std::size_t i) {
    const std::string body = board_from_heading(g_, std::move(text));
    // A time range or a number is no board's name.
    const bool words =
        std::any_of(body.begin(), body.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
    if (!body.empty() && words && !g_.matches("meeting.not_body", body) && !g_.matches("meeting.time_line", body)) {
      // A word for any board ("Board", "Trustees'") gives way to the name on a line nearby.
      if (g_.matches("meeting.generic_body", body)) {
        if (!generic_body_) {
          generic_body_.emplace(body, lines_[i].number);
        }
        return;
      }
      header_.meeting.body = body;
      body_line_ = lines_[i].number;
    }
  }

  // The line with the date: the heading sentence it ends, the time and the venue in it.
  void read_anchor(std::size_t anchor) {
    std::string_view t = text(anchor);
    if (const auto label = label_of(g_, t)) {
      t = label->rest;
    }
    // A heading sentence wrapped onto this line: "MINUTES of a meeting of the Cabinet held in
    // the Council Chamber, Sessions" / "House, County Hall, Maidstone on Thursday, 30 January".
    std::string joined(t);
    std::size_t first = anchor;
    if (!joined_anchor_.empty()) {
      joined = joined_anchor_;
      first = joined_first_;
    }
    for (int k = 0; k < 2 && first > 0 && joined_anchor_.empty(); ++k) {
      std::size_t prev = first - 1;
      if (lines_[prev].blank || lines_[first].page_start) {
        break;
      }
      const std::string_view p = text(prev);
      if (label_of(g_, p) || p.back() == '.' || !(continues(p) || g_.matches("meeting.heading_start", p))) {
        break;
      }
      joined = std::string(p) + " " + joined;
      first = prev;
    }
    if (g_.matches("meeting.forthcoming", joined)) {
      header_.forthcoming = true;
    }
    const auto date = find_date(g_, joined);
    if (!date) {
      return;
    }
    header_.first = first;
    set_date(*date);
    const std::string_view before = util::trim(std::string_view(joined).substr(0, date->offset));
    const std::string_view after = std::string_view(joined).substr(date->offset + date->text.size());
    header_.meeting.time = find_time(g_, joined);
    grammar::Captures captures;
    if (g_.match("meeting.venue", joined, captures) && captures.get("venue")) {
      header_.meeting.venue = clean_venue(std::string(venue_text(g_, *captures.get("venue"))));
    }
    // "Thursday 5 May 2022 at 10.00am, Boardroom, Trust HQ": the place follows the time.
    grammar::Captures time;
    if (!header_.meeting.venue && g_.match("time.any", after, time)) {
      std::string_view rest = after.substr(time.end());
      rest = util::trim(rest.substr(std::min(rest.size(), rest.find_first_not_of(" ,;-\xE2\x80\x93"))));
      rest = venue_text(g_, rest);
      if (rest.size() >= 3 && std::isupper(static_cast<unsigned char>(rest[0])) != 0 && is_place(g_, rest)) {
        header_.meeting.venue = clean_venue(std::string(rest));
      }
    }
    if (!before.empty()) {
      set_body(std::string(before), first);
    } else if (date->offset == 0) {
      // "2017-6-20 Open Standards Board Meeting": the body after the date.
      std::string_view rest = util::trim(after);
      if (!rest.empty() && std::isupper(static_cast<unsigned char>(rest[0])) != 0 && !find_time(g_, rest)) {
        set_body(std::string(rest), first);
      }
    }
  }

  void read_below(std::size_t anchor) {
    int taken = 0;
    int blanks = 0;
    bool venue_open = false;  // the last line read was part of the venue
    for (std::size_t i = anchor + 1; i < lines_.size() && taken < kLinesBelow; ++i) {
      if (lines_[i].blank) {
        ++blanks;
        venue_open = venue_open && blanks <= 2;
        continue;
      }
      if (lines_[i].page_start) {
        break;
      }
      const std::string_view t = text(i);
      if (ends_header(g_, t) || is_people_label(g_, t) || t.size() > kHeadingLine) {
        break;
      }
      if (const auto label = label_of(g_, t)) {
        ++taken;
        blanks = 0;
        header_.end = i + 1;
        if (label->field == Field::time && !header_.meeting.time) {
          header_.meeting.time = find_time(g_, label->rest);
        } else if (label->field == Field::venue && !label->rest.empty()) {
          venue_raw_ = std::string(venue_text(g_, label->rest));
          header_.meeting.venue = clean_venue(venue_raw_);
          venue_open = true;
        } else if (label->field == Field::body && !label->rest.empty() && !header_.meeting.body) {
          set_body(std::string(label->rest), i);
        }
        continue;
      }
      if (find_date(g_, t) || g_.matches("meeting.not_body", t)) {
        break;
      }
      if (g_.matches("meeting.time_line", t)) {
        if (!header_.meeting.time) {
          header_.meeting.time = find_time(g_, t);
        }
        header_.end = i + 1;
        ++taken;
        blanks = 0;
        continue;
      }
      const std::string_view place = venue_text(g_, t);
      if (place.empty()) {
        continue;  // "Ask for:" -- the front sheet's other column
      }
      // A venue after the date (lines of an address), or the rest of a labelled venue (an
      // address after a blank line is still the venue when it has a postcode).
      const bool place_like = is_place(g_, place);
      if (venue_open && (blanks == 0 || place_like)) {
        *header_.meeting.venue = clean_venue(venue_raw_ + " " + std::string(place));
        venue_raw_ += " " + std::string(place);
        header_.end = i + 1;
        ++taken;
        blanks = 0;
        continue;
      }
      if (!header_.meeting.venue && place_like && blanks <= 2) {
        grammar::Captures captures;
        venue_raw_ = g_.match("meeting.venue", place, captures) && captures.get("venue")
                         ? std::string(*captures.get("venue"))
                         : std::string(place);
        header_.meeting.venue = clean_venue(venue_raw_);
        venue_open = true;
        header_.end = i + 1;
        ++taken;
        blanks = 0;
        continue;
      }
      break;
    }
    if (people_start_ != npos) {
      read_people_cells();
    }
    read_restating_sentence();
  }

  // "Manordeilo and Salem Community Council held their meeting at 7.00pm on the 9th May 2018
  // at the Reading Room, Cwmifor.": a sentence after the header that restates its date gives
  // the time and the place the header left out.
  void read_restating_sentence() {
    if (header_.meeting.time && header_.meeting.venue) {
      return;
    }
    std::size_t i = header_.end;
    while (i < lines_.size() && lines_[i].blank) {
      ++i;
    }
    if (i >= lines_.size()) {
      return;
    }
    std::string sentence(text(i));
    if (i + 1 < lines_.size() && !lines_[i + 1].blank && sentence.back() != '.') {
      sentence += " " + std::string(text(i + 1));
    }
    const auto date = find_date(g_, sentence);
    if (!date || date->iso != header_.meeting.date || sentence.size() > 300) {
      return;
    }
    if (!header_.meeting.time) {
      header_.meeting.time = find_time(g_, sentence);
    }
    grammar::Captures captures;
    if (!header_.meeting.venue && g_.match("meeting.venue", sentence, captures) && captures.get("venue")) {
      header_.meeting.venue = clean_venue(std::string(*captures.get("venue")));
    }
  }

  // Lines above the date: the body (the line nearest the date, joined with one it continues),
  // a venue printed between them, a time.
  void read_above() {
    if (header_.meeting.body && body_line_ != 0) {
      return;
    }
    int taken = 0;
    int blanks = 0;
    for (std::size_t i = header_.first; i-- > 0 && taken < kLinesAbove;) {
      if (lines_[i].blank) {
        if (++blanks > 3) {
          break;
        }
        continue;
      }
      const std::string_view t = text(i);
      if (ends_header(g_, t) || is_people_label(g_, t) || t.size() > kHeadingLine || t.back() == '.' ||
          find_date(g_, t)) {
        break;
      }
      ++taken;
      header_.first = i;
      if (const auto label = label_of(g_, t)) {
        if (label->field == Field::body && !label->rest.empty()) {
          set_body(std::string(label->rest), i);
          return;
        }
      } else if (g_.matches("meeting.time_line", t)) {
        if (!header_.meeting.time) {
          header_.meeting.time = find_time(g_, t);
        }
      } else if (!g_.matches("meeting.not_body", t)) {
        header_.forthcoming = header_.forthcoming || g_.matches("meeting.forthcoming", t);
        const std::string_view place = venue_text(g_, t);
        if (!header_.meeting.venue && taken == 1 && blanks == 0 && !lines_[i].page_start && is_place(g_, place)) {
          // "Open Data Institute, 65 Clifton Street" between the body and "MINUTES - date".
          header_.meeting.venue = clean_venue(std::string(place));
        } else {
          std::string body(t);
          // A name printed over adjacent lines: "Westfield Community Health NHS Trust" /
          // "Public Board Meeting", "Partnership Board for" / "Bedfordshire, Luton and ...".
          for (int more = 0; more < 2 && i > 0 && !lines_[i - 1].blank && !lines_[i].page_start; ++more) {
            const std::string_view above = text(i - 1);
            if (above.size() > kHeadingLine || ends_header(g_, above) || label_of(g_, above) ||
                is_people_label(g_, above) || g_.matches("meeting.not_body", above) || find_date(g_, above) ||
                above.back() == '.' || above.back() == ':') {
              break;
            }
            body = std::string(above) + " " + body;
            header_.first = --i;
          }
          set_body(std::move(body), i);
          if (header_.meeting.body) {
            return;
          }
        }
      }
      if (lines_[i].page_start) {
        break;
      }
      blanks = 0;
    }
  }

  // Paragraphs of people after a column-wise header table's values, one per people label.
  void read_people_cells() {
    if (people_labels_.empty()) {
      return;
    }
    HeaderPeople current;
    std::size_t label = 0;
    for (std::size_t i = people_start_; i < lines_.size() && label < people_labels_.size(); ++i) {
      if (lines_[i].blank) {
        continue;
      }
      const std::string_view t = text(i);
      if (ends_header(g_, t) || t.size() > kHeadingLine || label_of(g_, t)) {
        break;
      }
      // A new paragraph of the cells starts with names ("Action", the next column's header,
      // does not).
      if (current.text.empty() &&
          read_people(g_, std::string(t) +
                              (std::count(t.begin(), t.end(), '(') > std::count(t.begin(), t.end(), ')') ? ")" : ""))
              .people.empty()) {
        break;
      }
      if (current.text.empty()) {
        current.line = lines_[i].number;
        current.label = people_labels_[label];
      } else {
        current.text.push_back(' ');
      }
      current.text.append(t);
      header_.end = std::max(header_.end, i + 1);
      // The next label's paragraph starts where a line ends a complete list.
      const bool open_bracket = std::count(current.text.begin(), current.text.end(), '(') >
                                std::count(current.text.begin(), current.text.end(), ')');
      if (!open_bracket && !continues(t) && i + 1 < lines_.size() && ends_list_here(t, i)) {
        header_.people.push_back(std::move(current));
        current = {};
        ++label;
      }
    }
    if (!current.text.empty()) {
      header_.people.push_back(std::move(current));
    }
  }

  // A list line that ends with a whole name ("... Charlotte Clark, Marion" does not; "Harvey"
  // after "Marion" does only if what follows is a new name with its own role).
  bool ends_list_here(std::string_view t, std::size_t i) const {
    const auto comma = t.rfind(',');
    const std::string_view last = util::trim(comma == std::string_view::npos ? t : t.substr(comma + 1));
    const auto space_count = std::count(last.begin(), last.end(), ' ');
    if (space_count == 0 && last.back() != ')') {
      // One word: the end of a name begun on the line before, or a name cut in two.
      if (comma != std::string_view::npos) {
        return false;
      }
    }
    for (std::size_t j = i + 1; j < lines_.size(); ++j) {
      if (lines_[j].blank) {
        continue;
      }
      const std::string_view next = text(j);
      const auto cut = next.find_first_of(",(");
      const std::string_view first = util::trim(next.substr(0, cut));
      // After a whole entry ("... (Marketing Manager)"), a line that is not a list of names
      // (the next column's "Action") ends the cells.
      if (last.back() == ')' && cut == std::string_view::npos) {
        return true;
      }
      // "Nikki Sturmey (" begins a name of two words or more; "Wheeler (" ends one.
      return first.find(' ') != std::string_view::npos;
    }
    return true;
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  const grammar::Grammar& g_;
  std::span<const HeaderLine> lines_;
  std::size_t tail_;  // lines before this index end the section before
  MeetingHeader header_;
  LineNo body_line_ = 0;
  std::optional<std::pair<std::string, LineNo>> generic_body_;  // "Board", until a name is found
  std::string venue_raw_;                                       // the venue's lines as printed, joined
  std::string joined_anchor_;  // a heading sentence over several lines that holds the date
  std::size_t joined_first_ = 0;
  std::size_t label_column_start_ = npos;
  std::size_t people_start_ = npos;
  std::vector<std::string> people_labels_;
};

}  // namespace

std::string board_from_heading(const grammar::Grammar& grammar, std::string text) {
  grammar::Captures captures;
  if (grammar.match("meeting.heading_noise", text, captures) && captures.whole().data() == text.data()) {
    text.erase(0, captures.whole().size());
  }
  if (grammar.match("meeting.heading_tail", text, captures)) {
    text.erase(static_cast<std::size_t>(captures.whole().data() - text.data()));
  }
  std::string out(util::trim_punctuation(util::collapse_spaces(text)));
  // A dash left before a cut tail ("Milburn Parish Council -").
  while (!out.empty() && (out.back() == '-' || out.back() == ',' || out.back() == ' ')) {
    out.pop_back();
  }
  if (out.size() >= 3 &&
      (out.substr(out.size() - 3) == "\xE2\x80\x93" || out.substr(out.size() - 3) == "\xE2\x80\x94")) {
    out.erase(out.size() - 3);
  }
  return std::string(util::trim(out));
}

std::optional<MeetingHeader> find_meeting_header(const grammar::Grammar& grammar, std::span<const HeaderLine> lines,
                                                 model::MeetingRole role, std::size_t tail) {
  return HeaderReader(grammar, lines, tail).run(role);
}

std::vector<HeaderLine> header_lines(const ExtractContext& ctx, const segment::SectionChunk& chunk, bool with_tail) {
  std::vector<HeaderLine> out;
  if (with_tail) {
    for (std::size_t i = 0; i < ctx.previous_tail.size(); ++i) {
      const auto& held = ctx.previous_tail[i];
      out.push_back({held.text, held.number, held.page, held.page_start, util::is_blank(held.text)});
    }
  }
  // Blank lines between the sections belong to neither: keep the gap.
  if (!out.empty() && !chunk.lines.empty() && chunk.lines.front().number > out.back().number + 1) {
    out.push_back({{}, out.back().number + 1, out.back().page, false, true});
  }
  for (const auto& line : chunk.lines) {
    out.push_back({line.text, line.number, line.page, line.page_start, line.blank});
  }
  return out;
}

}  // namespace bpack::extract
