#include "bpack/extract/minutes.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "bpack/extract/action_table.hpp"
#include "bpack/extract/attendance.hpp"
#include "bpack/extract/dates.hpp"
#include "bpack/extract/decisions.hpp"
#include "bpack/extract/layout.hpp"
#include "bpack/extract/meeting.hpp"
#include "bpack/extract/minute_actions.hpp"
#include "bpack/extract/people.hpp"
#include "bpack/extract/prose.hpp"
#include "bpack/extract/status.hpp"
#include "bpack/extract/warnings.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

using segment::SegLine;

constexpr std::size_t kTitleMax = 100;
constexpr std::size_t kSubheadingMax = 70;
// A heading this long that stops mid-phrase may wrap on to the next line.
constexpr std::size_t kWrappedTitleMin = 40;
// A numbered line that opens with initials and runs to this many words is a sentence.
constexpr std::ptrdiff_t kClauseWords = 5;
// A resolution or a marked action runs over at most this many lines.
constexpr std::size_t kBlockLines = 40;
// An action column's initials stand at least this far right, after a gutter this wide.
constexpr std::size_t kActionColumn = 50;
constexpr std::size_t kActionGutter = 3;
// Entries of an action column printed on lines of their own are believed once there are this
// many in the minutes (a single "Chairman" under the last paragraph is a signature).
constexpr std::size_t kActorColumnMin = 3;
constexpr std::size_t kActorLineMax = 30;
// An action column's entry of initials ("KC/GD/IK") is at most this long.
constexpr std::size_t kInitialsMax = 15;
// A point of a list runs over at most this many lines.
constexpr std::size_t kPointLines = 6;

constexpr std::size_t npos = static_cast<std::size_t>(-1);

int leading_int(std::string_view number) {
  int value = -1;
  std::from_chars(number.data(), number.data() + number.size(), value);
  return value;
}

bool plain_number(std::string_view number) {
  return !number.empty() && number.find_first_not_of("0123456789") == std::string_view::npos;
}

bool ends_sentence(std::string_view text) {
  text = util::trim(text);
  return !text.empty() &&
         (text.back() == '.' || text.back() == ':' || text.back() == '!' || text.back() == '?' || text.back() == ';');
}

// The number shape of an item ("22/17" -> "9/9", "19.01.3" -> "9.9.9"), so that an item
// number met inside a paragraph is believed only in the minutes' own numbering.
std::string shape_of(std::string_view number) {
  std::string shape;
  for (const char c : number) {
    const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    if (digit && (shape.empty() || shape.back() != '9')) {
      shape.push_back('9');
    } else if (!digit) {
      shape.push_back(c);
    }
  }
  return shape;
}

// An action recorded by the reader before it knows whether the minutes mark their actions.
struct Candidate {
  model::Action action;
  std::size_t item = npos;  // index of the top-level item it was raised under
  bool from_resolution = false;
};

class MinutesReader {
 public:
  MinutesReader(ExtractContext& ctx, segment::SectionChunk& chunk)
      : ctx_(ctx), g_(ctx.grammar), lines_(chunk.lines), chunk_(chunk), label_classes_(list_label_classes(g_)) {}

  void run() {
    read_header();
    furniture_ = page_furniture(g_, lines_);
    actor_column_ = count_actor_lines() >= kActorColumnMin;
    for (i_ = first_; i_ < lines_.size(); ++i_) {
      read_line();
    }
    end_paragraph();
    close_items(lines_.empty() ? 0 : lines_.back().number);
    settle_actions();
  }

 private:
  // --- step 1: the meeting these minutes record -------------------------------------------
  void read_header() {
    const RecordedMeeting meeting = take_meeting_header(ctx_, chunk_, model::MeetingRole::minutes);
    ++ctx_.clues.minutes_meetings;
    date_ = meeting.date;
    date_text_ = meeting.index ? ctx_.pack.meetings[*meeting.index].date_text : std::nullopt;
    if (!meeting.index && ctx_.recorded_meeting && *ctx_.recorded_meeting < ctx_.pack.meetings.size()) {
      date_text_ = ctx_.pack.meetings[*ctx_.recorded_meeting].date_text;
    }
    // Minutes without a header of their own in a pack that names one meeting only: that
    // meeting's page, its agenda and then its minutes.
    if (!meeting.index && !date_ && ctx_.pack.meetings.size() == 1) {
      date_ = ctx_.pack.meetings.front().date;
      date_text_ = ctx_.pack.meetings.front().date_text;
    }
    first_ = meeting.header_end;
    for (const auto& cells : meeting.people) {
      add_header_people(cells);
    }
  }

  // People in a header table's cells: "Attendees" (members unless a members list came
  // first), "Invited" (in attendance), "Apologies".
  void add_header_people(const HeaderPeople& cells) {
    const auto label = list_label(g_, cells.label);
    model::AttendanceStatus status = model::AttendanceStatus::member;
    if (label) {
      using Kind = ListLabel::Kind;
      status = label->kind == Kind::apologies  ? model::AttendanceStatus::apologies
               : label->kind == Kind::attendee ? model::AttendanceStatus::attendee
               : label->kind == Kind::absent   ? model::AttendanceStatus::absent
                                               : model::AttendanceStatus::member;
      if (label->kind == Kind::attendees && header_members_) {
        status = model::AttendanceStatus::attendee;
      }
    }
    header_members_ = header_members_ || status == model::AttendanceStatus::member;
    for (auto person : read_people(g_, cells.text).people) {
      person.status = status;
      person.meeting_date = date_;
      person.line = cells.line;
      ctx_.pack.attendance.push_back(std::move(person));
    }
  }

  // --- step 2: each line ------------------------------------------------------------------
  void read_line() {
    const SegLine& line = lines_[i_];
    if (line.blank) {
      // A sentence cut by a page break goes on on the next page.
      if (!paragraph_.text.empty() && !(!ends_sentence(paragraph_.text) && page_break_follows())) {
        end_paragraph();
      }
      return;
    }
    if (furniture_[i_]) {
      return;
    }
    std::string_view text = util::trim(line.text);
    // The header of a column of initials that mark actions, printed above the first item (or
    // repeated at a page's top); elsewhere "ACTION" alone is a margin mark.
    if (read_action_list(text)) {
      return;
    }
    if (g_.matches("minutes.action_column", text) && (top_ == npos || line.page_start)) {
      action_column_ = true;
      end_paragraph();
      return;
    }
    text = take_column_initials(line, text);
    text = take_trailing_initials(text);
    if (text.empty()) {
      return;
    }
    if (read_table(line) || read_lists(text) || read_item_label(text) || read_standalone_initials(text) ||
        read_resolution(text) || read_marker(text) || read_item(text) || read_subheading(text)) {
      return;
    }
    // A bullet point ends with its sentence: the next sentence starting a line is the text
    // after the list.
    if (paragraph_.bullet && ends_sentence(paragraph_.text) &&
        std::isupper(static_cast<unsigned char>(text.front())) != 0) {
      end_paragraph();
    }
    // A bullet starts a paragraph of its own.
    if (g_.matches("line.bullet", text)) {
      end_paragraph();
      text = util::trim(text.substr(text.find_first_of(" \t")));
      add_to_paragraph(text, i_);
      paragraph_.bullet = true;
      return;
    }
    add_to_paragraph(text, i_);
  }

  // The next text (past blank lines and page furniture) is on a new page: a sentence cut
  // there goes on ("... are delighted with the" / page break / "positive message ...").
  bool page_break_follows() const {
    for (std::size_t j = i_ + 1; j < lines_.size(); ++j) {
      if (lines_[j].page != lines_[i_].page) {
        return true;
      }
      if (!lines_[j].blank && !furniture_[j]) {
        return false;
      }
    }
    return false;
  }

  // A table of actions under an item ("Action items   Person responsible   Deadline").
  bool read_table(const SegLine& line) {
    const bool cells = util::trim(line.text).find("  ") != std::string_view::npos;
    const auto stacked = cells ? std::nullopt : stacked_table_header(g_, lines_, i_, lines_.size());
    if (cells ? !action_table_header(g_, line.text) : !stacked) {
      return false;
    }
    end_paragraph();
    TableContext context;
    context.raised = date_;
    context.raised_text = date_text_;
    context.meeting_date = date_;
    if (!heading_.empty()) {
      context.item = heading_;
    }
    TableReport report;
    const std::size_t end =
        stacked ? read_stacked_action_table(g_, lines_, *stacked, lines_.size(), context, ctx_.pack.actions, &report)
                : read_action_table(g_, lines_, i_, lines_.size(), context, ctx_.pack.actions, &report);
    note_table(ctx_, line.number, report);
    explicit_actions_ = true;
    i_ = end - 1;
    return true;
  }

  // "Actions" over a list whose every point is an action: "1. Circulate the pathway
  // [completed]", "- JS to write to the trust", "2) Establish the approach [new for PMs/Helen]".
  bool read_action_list(std::string_view text) {
    // (Not the header of an action column at the right of a layout page.)
    if (text.size() > kSubheadingMax || lines_[i_].text.find_first_not_of(" \t") >= kActionColumn ||
        !g_.matches("minutes.action_list", text)) {
      return false;
    }
    std::size_t j = i_ + 1;
    while (j < lines_.size() && (lines_[j].blank || furniture_[j])) {
      ++j;
    }
    if (j == lines_.size() || point_start(util::trim(lines_[j].text)) == 0) {
      return false;
    }
    end_paragraph();
    explicit_actions_ = true;
    std::vector<std::pair<std::size_t, std::string>> points;  // first line, text
    std::size_t last = j;
    for (; j < lines_.size(); ++j) {
      if (lines_[j].blank || furniture_[j]) {
        continue;
      }
      const std::string_view next = util::trim(lines_[j].text);
      if (const std::size_t label = point_start(next); label > 0) {
        points.emplace_back(j, std::string(util::trim(next.substr(label))));
      } else if (j == last + 1 && !ends_sentence(points.back().second)) {
        points.back().second.append(" ").append(next);  // the point goes on
      } else {
        break;
      }
      last = j;
    }
    for (auto& [first, point] : points) {
      ctx_.pack.actions.push_back(listed_action(std::move(point), lines_[first].number));
    }
    i_ = last;
    return true;
  }

  // The size of the bullet or point label opening a line, 0 if none.
  std::size_t point_start(std::string_view text) const {
    if (const std::size_t label = point_label_size(text); label > 0) {
      return label;
    }
    if (g_.matches("line.bullet", text)) {
      const std::size_t space = text.find_first_of(" \t");
      return space == std::string_view::npos ? 0 : text.find_first_not_of(" \t", space);
    }
    return 0;
  }

  // One point of an actions list: a status in brackets at its end ("[completed]", "[new for
  // PMs/Helen]"), an owner in brackets or as the subject of "X to do Y".
  model::Action listed_action(std::string text, model::LineNo line) {
    model::Action action;
    action.source = model::ActionSource::action_log;
    action.line = line;
    action.meeting_date = date_;
    action.item = top_ != npos && !heading_.empty() ? model::Text(heading_) : std::nullopt;
    std::string_view body = util::trim(text);
    if (!body.empty() && body.back() == ']') {
      if (const auto open = body.rfind('['); open != std::string_view::npos && open > 0) {
        std::string_view inner = util::trim(body.substr(open + 1, body.size() - open - 2));
        grammar::Captures captures;
        std::string_view owner;
        if (g_.match("minutes.status_for", inner, captures) && find_status(g_, captures.get("status").value_or(""))) {
          owner = util::trim(captures.get("owner").value_or(""));
          inner = util::trim(captures.get("status").value_or(""));
        }
        if (const auto status = find_status(g_, inner)) {
          action.status = status->status;
          action.status_text = std::string(inner);
          if (!owner.empty()) {
            action.owner = std::string(owner);
          }
          body = util::trim(body.substr(0, open));
        }
      }
    }
    std::string rest(body);
    if (!action.owner) {
      action.owner = bracket_owner(g_, rest);
    }
    if (!action.owner) {
      if (const auto task = task_in(g_, rest, true)) {
        action.owner = task->owner;
      }
    }
    // A new or open action is raised at this meeting; one already closed was raised before.
    if (action.status == model::ActionStatus::unknown) {
      action.status = model::ActionStatus::open;
    }
    if (action.status == model::ActionStatus::open) {
      action.raised = date_;
      action.raised_text = date_text_;
    }
    action.text = util::collapse_spaces(rest);
    return action;
  }

  // A form's label for the item ("Agenda item:   Financial Report   Presenter: ..."), the title
  // beside it or on the next line: what follows is about that item.
  bool read_item_label(std::string_view text) {
    grammar::Captures captures;
    if (text.size() > 2 * kTitleMax || !g_.match("minutes.item_label", text, captures)) {
      return false;
    }
    std::string_view title = util::trim(captures.get("title").value_or(""));
    std::size_t at = i_;
    if (title.empty()) {
      std::size_t j = i_ + 1;
      while (j < lines_.size() && lines_[j].blank) {
        ++j;
      }
      if (j == lines_.size()) {
        return false;
      }
      title = util::trim(lines_[j].text);
      at = j;
    }
    // A gutter ends the title: the form's next label stands beside it.
    if (const auto gutter = title.find("  "); gutter != std::string_view::npos) {
      title = title.substr(0, gutter);
    }
    if (title.empty() || title.size() > kSubheadingMax || title.back() == ':') {
      return false;
    }
    end_paragraph();
    heading_ = std::string(util::trim_punctuation(util::collapse_spaces(title)));
    subheading_ = heading_;
    subheading_index_ = at;
    labelled_item_ = true;
    i_ = at;
    return true;
  }

  // "PRESENT:" before the first item, or at the top of a page that starts another meeting's
  // record (a joint session): the lists of people.
  bool read_lists(std::string_view text) {
    if ((lines_[i_].line_hits & label_classes_) == 0) {
      return false;
    }
    const auto label = list_label(g_, text);
    if (!label || label->kind == ListLabel::Kind::mode) {
      return false;
    }
    if (top_ != npos && !starts_new_meeting()) {
      return false;
    }
    end_paragraph();
    const std::size_t end = read_attendance_lists(ctx_, lines_, i_, lines_.size(), date_);
    if (end <= i_) {
      return false;
    }
    i_ = end - 1;
    return true;
  }

  // A list heading well into the minutes, with a dated header above it on the same page:
  // the record of another meeting (a joint session) begins.
  bool starts_new_meeting() {
    std::size_t start = i_;
    while (start > first_ && !lines_[start].page_start && i_ - start < 8) {
      --start;
    }
    if (!lines_[start].page_start) {
      return false;
    }
    std::vector<HeaderLine> block;
    for (std::size_t k = start; k < i_; ++k) {
      block.push_back({lines_[k].text, lines_[k].number, lines_[k].page, lines_[k].page_start, lines_[k].blank});
    }
    auto header = find_meeting_header(g_, block, model::MeetingRole::minutes);
    if (!header) {
      return false;
    }
    const std::size_t index = record_meeting(ctx_, std::move(header->meeting));
    ctx_.recorded_meeting = index;
    date_ = ctx_.pack.meetings[index].date;
    date_text_ = ctx_.pack.meetings[index].date_text;
    close_items(lines_[i_].number);
    top_ = npos;
    sub_ = npos;
    last_number_ = -1;
    heading_.clear();
    return true;
  }

  // Layout text: who is to act at the far right of a line, in an action column ("KV",
  // "Clerk", "Cllr. J. Davies"). Other entries of such a column ("Noted") are cut off too.
  std::string_view take_column_initials(const SegLine& line, std::string_view text) {
    if (text.find("   ") == std::string_view::npos) {
      return text;  // no gutter, no second column
    }
    const auto cells = layout_cells(line.text);
    if (cells.size() < 2) {
      return text;
    }
    const Cell& last = cells.back();
    const Cell& before = cells[cells.size() - 2];
    if (cells.size() > 3 || last.column < kActionColumn || last.column < before.end + kActionGutter ||
        last.text.size() > 30) {
      return text;
    }
    if (is_actor_cell(g_, last.text)) {
      marks_.push_back({i_, std::string(last.text)});
    } else if (before.end < kActionColumn && char_count(last.text) > 0 && ends_sentence(before.text)) {
      // A column entry after a finished sentence: kept out of the sentence. A bare "Noted"
      // there records the meeting's decision on the line, as it does on a line of its own.
      if (const auto marker = decision_marker(g_, last.text); marker && marker->text.empty()) {
        model::Decision decision;
        decision.kind = marker->kind;
        decision.item = item_number();
        decision.meeting_date = date_;
        decision.line = line.number;
        ctx_.pack.decisions.push_back(std::move(decision));
      }
    } else {
      return text;
    }
    return util::trim(line.text.substr(0, static_cast<std::size_t>(last.text.data() - line.text.data())));
  }

  // A line that is nothing but who is to act ("Clerk", "Cllr. J. Davies"), right under a line
  // that ends a sentence: an action column's entry, printed on a line of its own (plain text,
  // or a layout line with nothing else on it).
  bool is_actor_line(std::size_t i) const {
    const std::string_view text = util::trim(lines_[i].text);
    if (text.size() > kActorLineMax || i == 0 || lines_[i - 1].blank || furniture_[i - 1] ||
        !ends_sentence(lines_[i - 1].text) || !is_actor_cell(g_, text) || is_item_line(text)) {
      return false;
    }
    // The line above is a paragraph's, not a heading or another entry of a list of names.
    const std::string_view above = util::trim(lines_[i - 1].text);
    return above.size() > kActorLineMax && !is_actor_cell(g_, above);
  }

  std::size_t count_actor_lines() const {
    std::size_t count = 0;
    for (std::size_t i = first_; i < lines_.size() && count < kActorColumnMin; ++i) {
      count += !lines_[i].blank && !furniture_[i] && (is_actor_line(i) || actor_beside(lines_[i])) ? 1U : 0U;
    }
    return count;
  }

  // Layout text: who is to act, in a column at the far right of a line of text.
  bool actor_beside(const SegLine& line) const {
    // (A gutter inside the line, not its indent: most lines of layout text are indented.)
    if (util::trim(line.text).find("   ") == std::string_view::npos) {
      return false;
    }
    const auto cells = layout_cells(line.text);
    return cells.size() >= 2 && cells.back().column >= kActionColumn &&
           cells.back().column >= cells[cells.size() - 2].end + kActionGutter && is_actor_cell(g_, cells.back().text);
  }

  // Plain text under an action column's header: the column's initials run on to the end of the
  // line they stand beside ("... in this regard. DN").
  std::string_view take_trailing_initials(std::string_view text) {
    if (!action_column_) {
      return text;
    }
    const std::size_t space = text.rfind(' ');
    if (space == std::string_view::npos || space == 0) {
      return text;
    }
    const std::string_view before = util::trim(text.substr(0, space));
    const std::string_view tail = text.substr(space + 1);
    if (tail.size() > kInitialsMax || !ends_sentence(before) || !is_initials_list(g_, tail)) {
      return text;
    }
    marks_.push_back({i_, std::string(tail)});
    return before;
  }

  // Plain text: an action column's initials on a line of their own, after the paragraph they
  // mark.
  bool read_standalone_initials(std::string_view text) {
    if (actor_column_ && is_actor_line(i_) && !paragraph_.text.empty() && paragraph_.last + 1 == i_) {
      // Beside the paragraph's last line: the sentence that ends there is the action.
      explicit_actions_ = true;
      marks_.push_back({paragraph_.last, std::string(text)});
      end_paragraph();
      return true;
    }
    if (!is_initials_list(g_, text) || text.size() > kInitialsMax) {
      return false;
    }
    if (!action_column_) {
      return false;
    }
    explicit_actions_ = true;
    // Printed between two lines of a paragraph: the initials stand beside the line above.
    if (!paragraph_.text.empty() && i_ > 0 && !lines_[i_ - 1].blank && i_ + 1 < lines_.size() &&
        !lines_[i_ + 1].blank) {
      marks_.push_back({paragraph_.last, std::string(text)});
      return true;
    }
    end_paragraph();
    if (!last_paragraph_.text.empty()) {
      const Sentence* marked = task_sentence(last_paragraph_);
      if (marked != nullptr) {
        add_action(marked->text, std::string(text), lines_[last_paragraph_.line_at(marked->offset)].number,
                   last_heading_, end_line(last_paragraph_, marked->offset, marked->text.size()));
      }
    }
    explicit_actions_ = true;
    return true;
  }

  // --- step 3: resolutions and action markers -----------------------------------------------
  // A block of text from line i_: the marker's line and the lines it runs on to.
  std::string read_block(std::string_view first) {
    std::string block(first);
    block_starts_.assign(1, {0, lines_[i_].number});
    std::string_view last_point;  // the last line that opened a point of the resolution
    std::size_t k = i_ + 1;
    for (std::size_t taken = 0; k < lines_.size() && taken < kBlockLines; ++k) {
      if (lines_[k].blank || furniture_[k]) {
        // A resolution cut by a page break goes on where the next page's text continues it,
        // and one that ends with a colon goes on with its points ("agree to:" / "A) ...").
        const bool list_follows = !block.empty() && block.back() == ':' && next_is_point(k);
        if (furniture_[k] || list_follows || (!ends_sentence(block) && next_continues(k))) {
          continue;
        }
        break;
      }
      const std::string_view next = util::trim(lines_[k].text);
      // "RESOLVED:" / "1) That ..." / "2) That ...": the resolution's points, not items.
      const bool point = point_label_size(next) > 0 &&
                         (util::trim(block).empty() || block.back() == ':' || next_point(last_point, next));
      if (point) {
        last_point = next;
      } else if (decision_marker(g_, next) || g_.matches("minutes.action_marker", next) || is_item_line(next) ||
                 list_label(g_, next) || (is_initials_list(g_, next) && next.size() <= kInitialsMax)) {
        break;
      }
      block += " ";
      block_starts_.emplace_back(block.size(), lines_[k].number);
      block += next;
      ++taken;
    }
    i_ = k - 1;
    return block;
  }

  // The line after a bare marker ("NOTED") is its text: "That ...", "(a) ...". A new page is
  // not.
  bool next_line_continues_decision() const {
    for (std::size_t j = i_ + 1; j < lines_.size(); ++j) {
      if (lines_[j].page_start) {
        return false;
      }
      if (lines_[j].blank || furniture_[j]) {
        continue;
      }
      const std::string_view next = util::trim(lines_[j].text);
      return g_.matches("minutes.decision_continues", next) && !closes_point_above(next);
    }
    return false;
  }

  // A mark between two points of a list ("i) Bank statement ..." / "Noted" / "ii) ..."): it
  // ends the point above, and the next point is not its text.
  bool closes_point_above(std::string_view next) const {
    for (std::size_t j = i_; j > first_ && i_ - j < kPointLines;) {
      --j;
      if (lines_[j].blank) {
        return false;
      }
      if (next_point(lines_[j].text, next)) {
        return true;
      }
    }
    return false;
  }

  bool next_is_point(std::size_t k) const {
    for (std::size_t j = k; j < lines_.size(); ++j) {
      if (lines_[j].blank || furniture_[j]) {
        continue;
      }
      return g_.matches("minutes.decision_continues", util::trim(lines_[j].text));
    }
    return false;
  }

  bool next_continues(std::size_t k) const {
    for (std::size_t j = k; j < lines_.size(); ++j) {
      if (lines_[j].blank || furniture_[j]) {
        continue;
      }
      const std::string_view next = util::trim(lines_[j].text);
      return std::islower(static_cast<unsigned char>(next.front())) != 0 || next.front() == '(';
    }
    return false;
  }

  bool is_item_line(std::string_view text) const {
    grammar::Captures captures;
    if (!g_.match("item.numbered", text, captures) && !g_.matches("item.number_only", text)) {
      return false;
    }
    const auto date = find_date(g_, text);
    return !(date && date->offset == 0);
  }

  bool read_resolution(std::string_view text) {
    const auto marker = decision_marker(g_, text);
    if (!marker) {
      return false;
    }
    end_paragraph();
    const model::LineNo line = lines_[i_].number;
    // A bare "Noted" stands alone unless the next line reads as its text ("That ...").
    std::string block =
        marker->text.empty() && !next_line_continues_decision() ? std::string() : read_block(marker->text);
    // "... at £15 per hour. 36/17 Clerk Vacancy Update": the next item starts mid-line.
    std::string after;
    if (const auto cut = inline_item_at(block); cut != npos) {
      after = block.substr(cut);
      block.resize(cut);
    }
    const model::LineNo line_end = lines_[i_].number;  // read_block() went on to here
    const auto points = resolution_points(block);
    for (const auto point : points) {
      model::Decision decision;
      decision.kind = marker->kind;
      decision.item = item_number();
      decision.meeting_date = date_;
      // The first point is on the marker's line; each later one on the line it opens.
      decision.line = point.data() == points.front().data() ? line : block_line(block, point, line);
      decision.line_end = line_end;
      if (!point.empty()) {
        decision.text = util::collapse_spaces(point);
      }
      ctx_.pack.decisions.push_back(std::move(decision));
      if (const auto task = task_in_resolution(g_, point)) {
        Candidate candidate{minutes_action(task->text, task->owner, line, heading_), top_, true};
        candidate.action.line_end = line_end;
        candidates_.push_back(std::move(candidate));
      }
    }
    if (!after.empty()) {
      read_item(after);
    }
    return true;
  }

  // The line of the block read last that holds `part` of it (`fallback` if none does).
  model::LineNo block_line(const std::string& block, std::string_view part, model::LineNo fallback) const {
    if (part.empty() || part.data() < block.data() || part.data() >= block.data() + block.size()) {
      return fallback;
    }
    const auto offset = static_cast<std::size_t>(part.data() - block.data());
    model::LineNo found = fallback;
    for (const auto& [start, number] : block_starts_) {
      if (start <= offset) {
        found = number;
      }
    }
    return found;
  }

  bool read_marker(std::string_view text) {
    grammar::Captures captures;
    if (!g_.match("minutes.action_marker", text, captures)) {
      return false;
    }
    end_paragraph();
    explicit_actions_ = true;
    if (captures.get("bare")) {
      return true;  // an "ACTION" margin mark without a ref: nothing to track
    }
    const model::LineNo line = lines_[i_].number;
    model::Action action;
    action.source = model::ActionSource::minutes;
    action.line = line;
    action.raised = date_;
    action.raised_text = date_text_;
    action.meeting_date = date_;
    action.item = heading_.empty() ? std::nullopt : model::Text(heading_);
    // A new action with no status words is open as of this meeting.
    action.status = model::ActionStatus::open;
    if (const auto ref = captures.get("ref")) {
      action.ref = std::string(*ref);
      ctx_.clues.minutes_marker_refs.emplace_back(*ref);
    }
    if (const auto status = captures.get("status")) {
      action.status_text = std::string(*status);
      if (const auto found = find_status(g_, *status)) {
        action.status = found->status;
      }
      if (const auto raised = captures.get("raised")) {
        action.raised_text = std::string(*raised);
        const auto date = find_date(g_, *raised);
        action.raised = date ? model::Text(date->iso) : std::nullopt;
      }
    }
    const std::string_view rest = util::trim(captures.get("rest").value_or(""));
    const bool has_sep = captures.get("sep").has_value();
    if (rest.empty()) {
      read_margin_owner(action);
    } else if (action.ref && !has_sep && !looks_like_name(g_, rest) && !is_initials_list(g_, rest)) {
      read_review(action, rest);
    } else if (looks_like_name(g_, rest) || is_initials_list(g_, rest)) {
      action.owner = std::string(rest);
    } else {
      read_action_text(action, read_block(rest));
    }
    action.line_end = lines_[i_].number;  // the readers above went on to here
    ctx_.pack.actions.push_back(std::move(action));
    return true;
  }

  // "Action 46" with its owner on the next short lines ("Executive" / "Lead").
  void read_margin_owner(model::Action& action) {
    std::vector<std::string_view> owner;
    for (std::size_t j = i_ + 1; j < lines_.size() && owner.size() < 3; ++j) {
      if (lines_[j].blank) {
        continue;
      }
      const std::string_view next = util::trim(lines_[j].text);
      if (next.size() > 30 || next.back() == '.' || is_item_line(next) || decision_marker(g_, next) ||
          std::count(next.begin(), next.end(), ' ') > 2) {
        break;
      }
      owner.push_back(next);
      i_ = j;
    }
    if (!owner.empty()) {
      action.owner = util::join_collapsed(owner);
    }
  }

  // "Action 68 Chair's Update" then its progress: a review of an earlier action.
  void read_review(model::Action& action, std::string_view title) {
    action.item = std::string(title);
    action.status = model::ActionStatus::unknown;
    action.raised.reset();
    action.raised_text.reset();
    std::vector<std::string_view> comments;
    std::size_t j = i_ + 1;
    for (; j < lines_.size() && comments.size() < 8; ++j) {
      if (lines_[j].blank) {
        break;
      }
      const std::string_view next = util::trim(lines_[j].text);
      if (g_.matches("minutes.action_marker", next) || is_item_line(next)) {
        break;
      }
      comments.push_back(next);
    }
    i_ = j - 1;
    split_review(util::join_collapsed(comments), action);
  }

  // "A link ... had been circulated. Action closed." -> comments and status.
  void split_review(const std::string& text, model::Action& action) const {
    std::string comments;
    for (const Sentence& sentence : split_sentences(text)) {
      const auto status = sentence.text.size() <= 40 ? find_status(g_, sentence.text) : std::nullopt;
      if (status && !action.status_text) {
        action.status = status->status;
        action.status_text = std::string(sentence.text);
        continue;
      }
      if (!comments.empty()) {
        comments.push_back(' ');
      }
      comments.append(sentence.text);
    }
    if (!comments.empty()) {
      action.comments = comments;
    }
  }

  // The text of a marked action: its due date, an "Owner:" field, a bracketed owner, or the
  // subject of "X to do Y".
  void read_action_text(model::Action& action, std::string body) {
    grammar::Captures field;
    if (g_.match("minutes.action_due", body, field)) {
      if (const auto due = find_date_or_month(g_, field.get("due").value_or(""))) {
        action.due = due->iso;
        action.due_text = due->text;
        body.erase(static_cast<std::size_t>(field.whole().data() - body.data()));
      }
    }
    if (g_.match("minutes.action_owner", body, field)) {
      action.owner = std::string(field.get("owner").value_or(""));
      const auto at = static_cast<std::size_t>(field.whole().data() - body.data());
      body.erase(at, field.whole().size());
      body = util::collapse_spaces(body);
    }
    if (!action.owner) {
      action.owner = bracket_owner(g_, body);
    }
    if (!action.owner) {
      if (const auto task = task_in(g_, body, true)) {
        action.owner = task->owner;
      }
    }
    const std::string text(util::trim(body));
    action.text = util::collapse_spaces(text.back() == ';' ? text.substr(0, text.size() - 1) : text);
    if (action.text->empty()) {
      action.text.reset();
    }
  }

  // --- step 4: items and headings ---------------------------------------------------------
  bool accept_number(std::string_view number, std::string_view title, bool lettered = false) const {
    if (!plain_number(number)) {
      return true;  // references like "BoD 23/045", "19.01.1" or "2.1" are never body text
    }
    const int value = leading_int(number);
    if (last_number_ < 0) {
      return value >= 0 && value <= 999 && title.size() <= kTitleMax;
    }
    // "3a", "3b": parts of item 3.
    return (lettered && value == last_number_) || (value > last_number_ && value <= last_number_ + 6);
  }

  // An item number met inside a paragraph, in the minutes' own numbering and next in turn.
  std::size_t inline_item_at(std::string_view text) const {
    if (item_shape_.empty()) {
      return npos;
    }
    for (std::size_t at = text.find(". "); at != std::string_view::npos; at = text.find(". ", at + 1)) {
      const std::string_view rest = text.substr(at + 2);
      grammar::Captures captures;
      if (g_.match("item.numbered", rest, captures) && shape_of(captures.get("number").value_or("")) == item_shape_ &&
          !plain_number(item_shape_)) {
        return at + 2;
      }
    }
    return npos;
  }

  // A numbered paragraph rather than a heading: "1.1 JP proposed ... and this was agreed.",
  // "1.2 AM restated that ...", "1.6 There was a discussion and agreement that this group is
  // convened to provide leadership for," going on below.
  // "AM restated ...", "DS,IT, RK highlighted ...", "Kieron O'Hara (KO) welcomed ...": people
  // known by their initials open the sentence.
  bool initials_subject(std::string_view title) const {
    const std::size_t space = title.find(' ');
    const std::string_view first = title.substr(0, space);
    if (is_initials_list(g_, util::trim_punctuation(first))) {
      // ... and a clause after them ("RK reported on the current ..."), not a heading that
      // starts with initials ("AOB and Close").
      return space != std::string_view::npos && space + 1 < title.size() &&
             std::islower(static_cast<unsigned char>(title[space + 1])) != 0 &&
             std::count(title.begin(), title.end(), ' ') >= kClauseWords - 1;
    }
    const auto open = title.find('(');
    const auto close = title.find(')', open == std::string_view::npos ? 0 : open);
    return open != std::string_view::npos && open < kSubheadingMax / 2 && close != std::string_view::npos &&
           is_initials_list(g_, title.substr(open + 1, close - open - 1));
  }

  bool numbered_paragraph(std::string_view number, std::string_view title) const {
    if (initials_subject(title)) {
      return true;
    }
    if (ends_sentence(title)) {
      return decision_in_sentence(g_, title) || task_in(g_, title, false) || !apologies_in(g_, title).empty();
    }
    // A sentence broken off at a comma or between two words runs on to the next line (a
    // paragraph numbered "1.6"; a top-level item's heading may wrap).
    if (number.find('.') == std::string_view::npos) {
      return false;
    }
    const char last = util::trim(title).empty() ? ' ' : util::trim(title).back();
    const bool broken = last == ',' || std::islower(static_cast<unsigned char>(last)) != 0;
    return broken && title.size() > kSubheadingMax && i_ + 1 < lines_.size() && !lines_[i_ + 1].blank &&
           !is_item_line(util::trim(lines_[i_ + 1].text));
  }

  bool read_item(std::string_view text) {
    grammar::Captures captures;
    if (pending_number_) {
      // A number printed alone: its title is the next heading-like line (a decision printed
      // between the two belongs to the item before).
      if (text.size() <= kTitleMax && std::isupper(static_cast<unsigned char>(text.front())) != 0 &&
          !decision_marker(g_, text)) {
        open_item(*pending_number_, text, pending_line_);
        pending_number_.reset();
        read_item_list(text);
        return true;
      }
      if (text.size() > kTitleMax) {
        pending_number_.reset();
      }
    }
    // A line that opens with a date ("12 March 2024 ...") is no item, whatever its number.
    const auto opens_with_date = [&] {
      const auto date = find_date(g_, text);
      return date && date->offset == 0;
    };
    const bool numbered = g_.match("item.numbered", text, captures);
    if ((numbered || g_.may_match("item.number_only", text) ||
         (last_number_ < 0 && top_ == npos && text.size() <= 40)) &&
        opens_with_date()) {
      return false;
    }
    if (numbered) {
      std::string number(captures.get("number").value_or(""));
      std::string_view title = captures.get("title").value_or("");
      if (plain_number(number) && !sibling_form(true)) {
        // A numbered list inside an item: a short entry heads what follows it.
        if (title.size() > kSubheadingMax || ends_sentence(title)) {
          return false;
        }
        end_paragraph();
        heading_ = std::string(util::trim_punctuation(util::collapse_spaces(title)));
        return true;
      }
      if (accept_number(number, title, captures.get("letter") || captures.get("sub"))) {
        if (const auto letter = captures.get("letter")) {
          number += *letter;
        }
        if (const auto sub = captures.get("sub")) {
          number += *sub;
        }
        // "23/17 Apologies for absence. Apologies were received ...": the title is the first
        // sentence; the rest of the line is the item's text.
        std::string_view body;
        const auto sentences = split_sentences(title);
        if (sentences.size() > 1 || title.size() > kTitleMax) {
          const std::string_view first = sentences.front().text;
          body = util::trim(title.substr(first.size()));
          title = first;
          if (title.size() > kTitleMax) {
            for (const std::string_view dash : {std::string_view(" \xE2\x80\x93 "), std::string_view(" - ")}) {
              if (const auto at = title.find(dash); at != std::string_view::npos && at < kTitleMax) {
                body = util::trim(std::string_view(text).substr(
                    static_cast<std::size_t>(title.data() + at + dash.size() - text.data())));
                title = title.substr(0, at);
                break;
              }
            }
          }
        }
        // A gutter ends the title: "Discovery Findings  - Full report".
        if (const auto gutter = title.find("  "); gutter != std::string_view::npos) {
          title = title.substr(0, gutter);
        }
        // A numbered paragraph rather than a heading ("1.1 JP proposed ... and this was
        // agreed."): its words are text to read, the item has no title.
        if (numbered_paragraph(number, title)) {
          body = util::trim(std::string_view(text).substr(static_cast<std::size_t>(title.data() - text.data())));
          title = {};
        }
        // A long heading wraps: "Update on the downgrading of ... the recorded" / "crime
        // outcomes framework." (the next line goes on in lower case).
        std::string wrapped;
        const model::LineNo line = lines_[i_].number;
        if (body.empty() && title.size() >= kWrappedTitleMin && !ends_sentence(title) && i_ + 1 < lines_.size() &&
            !lines_[i_ + 1].blank) {
          const std::string_view next = util::trim(lines_[i_ + 1].text);
          if (!next.empty() && std::islower(static_cast<unsigned char>(next.front())) != 0 &&
              title.size() + next.size() < 2 * kTitleMax && !is_item_line(next)) {
            wrapped = std::string(title) + " " + std::string(next);
            title = wrapped;
            ++i_;
          }
        }
        end_paragraph();
        open_item(number, title, line);
        if (!body.empty()) {
          add_to_paragraph(body, i_);
        } else {
          read_item_list(title);
        }
        return true;
      }
    }
    if (g_.match("item.number_only", text, captures)) {
      const std::string_view number = captures.get("number").value_or("");
      if (!accept_number(number, "")) {
        return false;
      }
      end_paragraph();
      // A number printed after its title (a number column emitted after the title cell):
      // the heading just before, when the text after it is not a heading too.
      if (subheading_index_ != npos && previous_text_index(i_) == subheading_index_ && !heading_follows()) {
        open_item(std::string(number), subheading_, lines_[subheading_index_].number);
        return true;
      }
      if (!sibling_form(false)) {
        return false;
      }
      pending_number_ = std::string(number);
      pending_line_ = lines_[i_].number;
      pending_form_ = true;
      pending_indent_ = lines_[i_].text.find_first_not_of(" \t");
      return true;
    }
    if (last_number_ < 0 && top_ == npos && text.size() <= 40 && g_.match("item.unnumbered", text, captures)) {
      end_paragraph();
      open_item(std::nullopt, text, lines_[i_].number);
      return true;
    }
    return false;
  }

  // "19.01.1 Apologies" / "R Healey": an item whose title is a list's label, its lines names.
  void read_item_list(std::string_view title) {
    const auto label = list_label(g_, title);
    if (!label || !label->rest.empty() || label->kind == ListLabel::Kind::mode) {
      return;
    }
    const auto status = label->kind == ListLabel::Kind::apologies ? model::AttendanceStatus::apologies
                        : label->kind == ListLabel::Kind::absent  ? model::AttendanceStatus::absent
                        : label->kind == ListLabel::Kind::member  ? model::AttendanceStatus::member
                                                                  : model::AttendanceStatus::attendee;
    const std::size_t end = read_people_under(ctx_, lines_, i_ + 1, lines_.size(), date_, status);
    if (end > i_ + 1) {
      i_ = end - 1;
    }
  }

  // Items of the minutes are printed alike: a number with its title beside it, or a number on
  // a line of its own, at one indentation. A numbered line printed otherwise ("1. Fixed Asset
  // Review" indented under "4. Decisions", or beside its title where the items stand alone)
  // belongs to a list inside an item.
  bool sibling_form(bool inline_title) const {
    if (!item_form_ || !inline_title) {
      return true;
    }
    const std::size_t indent = lines_[i_].text.find_first_not_of(" \t");
    return item_form_->inline_title && indent <= item_form_->indent + 3;
  }

  void open_item(model::Text number, std::string_view title, model::LineNo line) {
    close_items(line);
    model::MinuteItem item;
    item.number = number;
    item.title = std::string(util::trim_punctuation(util::collapse_spaces(title)));
    item.meeting_date = date_;
    item.line_start = line;
    item.line_end = line;
    ctx_.pack.minute_items.push_back(std::move(item));
    top_ = ctx_.pack.minute_items.size() - 1;
    // A numbered paragraph ("2.1 Matthew Brown explained the background ...") is not what
    // the actions under it are about: the heading before it still is.
    const std::string& item_title = ctx_.pack.minute_items.back().title;
    if (!item_title.empty() && (item_title.size() <= kSubheadingMax || !number || plain_number(*number))) {
      heading_ = item_title;
    }
    if (number) {
      if (plain_number(*number)) {
        last_number_ = leading_int(*number);
        if (!item_form_) {
          const bool inline_title = !pending_form_;
          item_form_ =
              ItemForm{inline_title, inline_title ? lines_[i_].text.find_first_not_of(" \t") : pending_indent_};
        }
      }
      item_shape_ = shape_of(*number);
    }
    pending_form_ = false;
  }

  void close_items(model::LineNo line) {
    if (top_ != npos) {
      auto& item = ctx_.pack.minute_items[top_];
      item.line_end = std::max(item.line_start, last_text_line_ != 0 ? last_text_line_ : line);
    }
  }

  model::Text item_number() const { return top_ == npos ? std::nullopt : ctx_.pack.minute_items[top_].number; }

  // A short heading line under an item ("Matters Arising", "Lowestoft"): what the actions
  // after it are about.
  bool read_subheading(std::string_view text) {
    // (Measured without the zero-width spaces extraction leaves at a line's end: "Conclusions:".)
    const std::string clean = util::collapse_spaces(text);
    text = clean;
    if (text.empty() || text.size() > kSubheadingMax || std::isupper(static_cast<unsigned char>(text.front())) == 0 ||
        ends_sentence(text) || text.back() == ',' || text.back() == '-' || util::trim_punctuation(text) != text) {
      return false;
    }
    if (text.size() >= 3 &&
        (text.substr(text.size() - 3) == "\xE2\x80\x93" || text.substr(text.size() - 3) == "\xE2\x80\x94")) {
      return false;
    }
    if (!paragraph_.text.empty() && !ends_sentence(paragraph_.text)) {
      return false;  // a line of a sentence that goes on
    }
    // The value of a form's label on the line above ("Presenter:" / "Helen Brown").
    if (const std::size_t above = previous_text_index(i_); above != npos) {
      const std::string label = util::collapse_spaces(lines_[above].text);
      if (!label.empty() && label.back() == ':' && label.size() <= kSubheadingMax) {
        return false;
      }
    }
    if (std::count(text.begin(), text.end(), ' ') > 9 || list_label(g_, text) || is_initials_list(g_, text)) {
      return false;
    }
    // The next text is a new sentence, not the rest of this one.
    for (std::size_t j = i_ + 1; j < lines_.size(); ++j) {
      if (lines_[j].blank || furniture_[j]) {
        continue;
      }
      const std::string_view next = util::trim(lines_[j].text);
      if (std::islower(static_cast<unsigned char>(next.front())) != 0) {
        return false;
      }
      break;
    }
    end_paragraph();
    subheading_ = std::string(util::trim_punctuation(util::collapse_spaces(text)));
    subheading_index_ = i_;
    // Under a form's item label, a heading in the text is part of that item.
    if (!labelled_item_) {
      heading_ = subheading_;
    }
    return true;
  }

  std::size_t previous_text_index(std::size_t from) const {
    for (std::size_t j = from; j-- > 0;) {
      if (!lines_[j].blank && !furniture_[j]) {
        return j;
      }
    }
    return npos;
  }

  // The next text line is short and unpunctuated, like a heading.
  bool heading_follows() const {
    for (std::size_t j = i_ + 1; j < lines_.size(); ++j) {
      if (lines_[j].blank || furniture_[j]) {
        continue;
      }
      const std::string_view next = util::trim(lines_[j].text);
      return next.size() <= 60 && !ends_sentence(next);
    }
    return false;
  }

  // --- step 5: paragraphs and their sentences -----------------------------------------------
  void add_to_paragraph(std::string_view text, std::size_t index) {
    if (paragraph_.text.empty()) {
      paragraph_.first = index;
      paragraph_heading_ = heading_;
    } else {
      paragraph_.text.push_back(' ');
    }
    paragraph_.starts.emplace_back(paragraph_.text.size(), index);
    paragraph_.text.append(text);
    paragraph_.last = index;
    last_text_line_ = lines_[index].number;
  }

  void end_paragraph() {
    if (paragraph_.text.empty()) {
      return;
    }
    const std::vector<Sentence> sentences = split_sentences(paragraph_.text);
    aim_top_marks(sentences);
    for (const Sentence& sentence : sentences) {
      read_sentence(sentence);
    }
    last_paragraph_ = std::move(paragraph_);
    last_heading_ = paragraph_heading_;
    paragraph_ = {};
  }

  // The number of the line on which `size` characters of the paragraph from `offset` end.
  model::LineNo end_line(const Paragraph& paragraph, std::size_t offset, std::size_t size) const {
    return lines_[paragraph.line_at(offset + (size > 0 ? size - 1 : 0))].number;
  }

  void read_sentence(const Sentence& sentence) {
    const model::LineNo line = lines_[paragraph_.line_at(sentence.offset)].number;
    const model::LineNo line_end = end_line(paragraph_, sentence.offset, sentence.text.size());
    // "... 46/17 Other Business – Any additional reports ...": an item starts mid-paragraph.
    grammar::Captures captures;
    if (!item_shape_.empty() && g_.match("item.numbered", sentence.text, captures) &&
        shape_of(captures.get("number").value_or("")) == item_shape_ && !plain_number(item_shape_)) {
      const std::string_view title = util::trim_punctuation(captures.get("title").value_or(""));
      open_item(std::string(captures.get("number").value_or("")), title, line);
      paragraph_heading_ = heading_;
      return;
    }
    if (const auto people = apologies_in(g_, sentence.text); !people.empty()) {
      for (auto person : people) {
        person.meeting_date = date_;
        person.line = line;
        person.line_end = line_end;
        ctx_.pack.attendance.push_back(std::move(person));
      }
      return;
    }
    // Bullet points record what was said: what they note is reported, not the meeting's
    // decision; what they agree is.
    auto decision = decision_in_sentence(g_, sentence.text);
    if (decision && paragraph_.bullet && decision->kind == model::DecisionKind::noted) {
      decision.reset();
    }
    if (decision) {
      model::Decision d;
      d.kind = decision->kind;
      d.text = util::collapse_spaces(decision->text);
      d.item = item_number();
      d.meeting_date = date_;
      const auto offset = static_cast<std::size_t>(decision->text.data() - paragraph_.text.data());
      d.line = lines_[paragraph_.line_at(offset)].number;
      d.line_end = end_line(paragraph_, offset, decision->text.size());
      ctx_.pack.decisions.push_back(std::move(d));
    }
    // Initials in the action column beside a line: the sentence going on at the line's end.
    for (auto mark = marks_.begin(); mark != marks_.end();) {
      if (mark_falls_in(*mark, sentence)) {
        add_action(sentence.text, mark->initials, line, paragraph_heading_, line_end);
        explicit_actions_ = true;
        mark = marks_.erase(mark);
      } else {
        ++mark;
      }
    }
    if (const auto task = task_in(g_, sentence.text, false)) {
      candidates_.push_back({minutes_action(task->text, task->owner, line, paragraph_heading_), top_, false});
      candidates_.back().action.line_end = line_end;
    }
  }

  struct Mark {
    std::size_t index;  // the marked line
    std::string initials;
    std::size_t sentence = npos;  // the offset of the sentence it marks, when not the line's
  };

  // A column's cell printed at the top of its row stands beside the paragraph's first line,
  // whatever sentence it is about: where that line's sentence gives no one a task, the mark is
  // the paragraph's task sentence.
  void aim_top_marks(const std::vector<Sentence>& sentences) {
    if (sentences.size() < 2) {
      return;
    }
    for (Mark& mark : marks_) {
      if (mark.index != paragraph_.first || mark.sentence != npos) {
        continue;
      }
      const auto at_line = std::find_if(sentences.begin(), sentences.end(),
                                        [&](const Sentence& sentence) { return mark_falls_in(mark, sentence); });
      if (at_line == sentences.end() || task_in(g_, at_line->text, true)) {
        continue;
      }
      // Not where each line has its own entry: each is beside its sentence.
      const bool others = std::any_of(marks_.begin(), marks_.end(), [&](const Mark& other) {
        return &other != &mark && other.index > paragraph_.first && other.index <= paragraph_.last;
      });
      if (others) {
        continue;
      }
      if (const Sentence* task = task_sentence(paragraph_); task != nullptr) {
        mark.sentence = task->offset;
      }
    }
  }

  // Where the paragraph's line `index` ends in its text (npos if the line is not in it).
  std::size_t line_end_offset(std::size_t index) const {
    for (std::size_t k = 0; k < paragraph_.starts.size(); ++k) {
      if (paragraph_.starts[k].second == index) {
        return k + 1 < paragraph_.starts.size() ? paragraph_.starts[k + 1].first - 1 : paragraph_.text.size();
      }
    }
    return npos;
  }

  bool mark_falls_in(const Mark& mark, const Sentence& sentence) const {
    if (mark.sentence != npos) {
      return sentence.offset == mark.sentence;
    }
    // The offset where the marked line ends in the paragraph.
    const std::size_t end = line_end_offset(mark.index);
    if (end == npos) {
      return false;
    }
    return sentence.offset < end && end <= sentence.offset + sentence.text.size() + 1;
  }

  // Which sentence of a paragraph the initials after it mark: the last one in which someone
  // will do something ("X will send ..."), else the first with a task, else the last.
  const Sentence* task_sentence(const Paragraph& paragraph) {
    marked_sentences_ = split_sentences(paragraph.text);
    const Sentence* first_task = nullptr;
    const Sentence* last_active = nullptr;
    for (const Sentence& sentence : marked_sentences_) {
      const std::string lower = util::to_lower_ascii(sentence.text);
      const auto will = lower.find(" will ");
      if (will == std::string::npos && lower.find(" to ") == std::string::npos) {
        continue;
      }
      if (first_task == nullptr && will != std::string::npos) {
        first_task = &sentence;
      }
      if (will != std::string::npos && lower.compare(will + 6, 3, "be ") != 0 &&
          std::isupper(static_cast<unsigned char>(sentence.text[will > 0 ? lower.rfind(' ', will - 1) + 1 : 0])) != 0) {
        last_active = &sentence;
      }
    }
    if (last_active != nullptr) {
      return last_active;
    }
    if (first_task != nullptr) {
      return first_task;
    }
    return marked_sentences_.empty() ? nullptr : &marked_sentences_.back();
  }

  model::Action minutes_action(std::string_view text, const std::string& owner, model::LineNo line,
                               const std::string& heading) const {
    model::Action action;
    action.source = model::ActionSource::minutes;
    action.text = util::collapse_spaces(text);
    if (!owner.empty()) {
      action.owner = owner;
    }
    action.line = line;
    action.raised = date_;
    action.raised_text = date_text_;
    action.meeting_date = date_;
    action.status = model::ActionStatus::open;
    if (!heading.empty()) {
      action.item = heading;
    }
    return action;
  }

  void add_action(std::string_view text, const std::string& owner, model::LineNo line, const std::string& heading,
                  model::LineNo line_end) {
    ctx_.pack.actions.push_back(minutes_action(text, owner, line, heading));
    ctx_.pack.actions.back().line_end = line_end;
  }

  // --- step 6: which inferred actions stand -------------------------------------------------
  // Tasks read from resolutions and sentences stand only where the minutes do not mark their
  // actions themselves; one read from a sentence does not where a resolution of the same
  // item gives the same person a task.
  void settle_actions() {
    for (auto& candidate : candidates_) {
      if (explicit_actions_) {
        continue;
      }
      if (!candidate.from_resolution) {
        const bool repeated = std::any_of(candidates_.begin(), candidates_.end(), [&](const Candidate& other) {
          return other.from_resolution && other.item == candidate.item && other.action.owner &&
                 candidate.action.owner && same_owner(*other.action.owner, *candidate.action.owner);
        });
        if (repeated) {
          continue;
        }
      }
      ctx_.pack.actions.push_back(std::move(candidate.action));
    }
  }

  static bool same_owner(const std::string& a, const std::string& b) {
    const std::string x = util::to_lower_ascii(a);
    const std::string y = util::to_lower_ascii(b);
    return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
  }

  ExtractContext& ctx_;
  const grammar::Grammar& g_;
  const std::vector<SegLine>& lines_;
  segment::SectionChunk& chunk_;
  std::vector<bool> furniture_;
  std::uint64_t label_classes_;  // the line classes of list labels
  model::Text date_;
  model::Text date_text_;
  std::size_t first_ = 0;
  std::size_t i_ = 0;
  bool header_members_ = false;

  std::size_t top_ = npos;
  std::size_t sub_ = npos;
  int last_number_ = -1;
  std::string item_shape_;
  struct ItemForm {
    bool inline_title = true;
    std::size_t indent = 0;
  };
  std::optional<ItemForm> item_form_;  // how the first numbered item was printed
  bool pending_form_ = false;          // the item being opened had its number alone
  std::size_t pending_indent_ = 0;
  std::optional<std::string> pending_number_;
  model::LineNo pending_line_ = 0;
  std::string heading_;
  std::string subheading_;
  std::size_t subheading_index_ = npos;
  model::LineNo last_text_line_ = 0;

  Paragraph paragraph_;
  std::string paragraph_heading_;
  Paragraph last_paragraph_;
  std::string last_heading_;
  std::vector<Sentence> marked_sentences_;

  bool action_column_ = false;
  bool actor_column_ = false;   // entries of an action column stand on lines of their own
  bool labelled_item_ = false;  // items are named by a form's label ("Agenda item: ...")
  bool explicit_actions_ = false;
  std::vector<Mark> marks_;
  std::vector<std::pair<std::size_t, model::LineNo>> block_starts_;  // read_block: line starts
  std::vector<Candidate> candidates_;
};

}  // namespace

std::size_t read_minutes(ExtractContext& ctx, segment::SectionChunk& chunk) {
  MinutesReader(ctx, chunk).run();
  return chunk.lines.size();
}

}  // namespace bpack::extract
