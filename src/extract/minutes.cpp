// Minutes: the meeting header, attendance printed at the top, numbered items (numbers before
// their titles, on their own line, or as references like "BoD 23/045"), decisions and action
// markers.

#include <algorithm>
#include <cctype>
#include <charconv>

#include "bpack/extract/dates.hpp"
#include "bpack/extract/meeting_header.hpp"
#include "bpack/extract/minutes.hpp"
#include "bpack/extract/people.hpp"
#include "bpack/extract/status.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

constexpr std::size_t kTitleMax = 100;
constexpr std::size_t kDecisionLinesMax = 12;

int leading_int(std::string_view number) {
  int value = -1;
  std::from_chars(number.data(), number.data() + number.size(), value);
  return value;
}

bool plain_number(std::string_view number) {
  return !number.empty() && number.find_first_not_of("0123456789") == std::string_view::npos;
}

bool heading_like(std::string_view text) {
  return !text.empty() && text.size() <= kTitleMax && std::isupper(static_cast<unsigned char>(text[0])) != 0 &&
         text.back() != ',';
}

model::DecisionKind decision_kind(std::string_view word) {
  const std::string lower = util::to_lower_ascii(word);
  if (lower == "resolved")
    return model::DecisionKind::resolved;
  if (lower == "noted")
    return model::DecisionKind::noted;
  if (lower == "approved")
    return model::DecisionKind::approved;
  if (lower == "endorsed")
    return model::DecisionKind::endorsed;
  return model::DecisionKind::agreed;
}

class MinutesReader {
 public:
  MinutesReader(ExtractContext& ctx, const segment::SectionChunk& chunk, model::Text meeting_date)
      : ctx_(ctx), grammar_(ctx.grammar), lines_(chunk.lines), date_(std::move(meeting_date)) {}

  void run() {
    for (i_ = 0; i_ < lines_.size(); ++i_) {
      const auto& line = lines_[i_];
      if (line.blank) {
        continue;
      }
      const std::string_view text = util::trim(line.text);
      if (read_decision(text, line.number) || read_marker(text, line.number) || read_item(text, line.number)) {
        continue;
      }
      last_body_index_ = i_;
      extend(line.number);
    }
    close_top();
  }

  std::size_t first_item_index() const { return first_item_index_; }

 private:
  // Extends the open items to `line`.
  void extend(model::LineNo line) {
    if (top_ != npos) {
      items_end(top_, line);
    }
    if (sub_ != npos) {
      items_end(sub_, line);
    }
  }
  void items_end(std::size_t index, model::LineNo line) { ctx_.pack.minute_items[index].line_end = line; }

  void close_top() {
    top_ = npos;
    sub_ = npos;
  }

  std::size_t add_item(model::Text number, std::string title, model::LineNo line) {
    if (first_item_index_ == npos) {
      first_item_index_ = i_;
    }
    model::MinuteItem item;
    item.number = std::move(number);
    item.title = std::string(util::trim_punctuation(util::collapse_spaces(title)));
    item.meeting_date = date_;
    item.line_start = line;
    item.line_end = line;
    ctx_.pack.minute_items.push_back(std::move(item));
    return ctx_.pack.minute_items.size() - 1;
  }

  // The item a decision or marker belongs to: while a number waits for its title, the item
  // before it (extraction can print a decision between the two).
  model::Text current_item_number() const {
    const std::size_t index = sub_ != npos ? sub_ : top_;
    if (index == npos) {
      return std::nullopt;
    }
    return ctx_.pack.minute_items[index].number;
  }
  std::string current_item_title() const {
    const std::size_t index = sub_ != npos ? sub_ : top_;
    return index == npos ? std::string() : ctx_.pack.minute_items[index].title;
  }

  std::size_t previous_text_index(std::size_t from) const {
    for (std::size_t j = from; j-- > 0;) {
      if (!lines_[j].blank) {
        return j;
      }
    }
    return npos;
  }
  std::size_t next_text_index(std::size_t from) const {
    for (std::size_t j = from + 1; j < lines_.size(); ++j) {
      if (!lines_[j].blank) {
        return j;
      }
    }
    return npos;
  }
  // A title-shaped line: short, capitalised, not a sentence.
  bool short_heading(std::string_view text) const {
    return heading_like(text) && text.size() <= 60 && text.back() != '.' && text.back() != ':' &&
           !grammar_.matches("minutes.decision", text) && !grammar_.matches("minutes.action_marker", text);
  }

  // A line that opens with a date ("13.01.21 ...") is not a numbered item.
  bool starts_with_date(std::string_view text) const {
    const auto date = find_date(grammar_, text);
    return date && date->offset == 0;
  }

  bool accept_number(std::string_view number) const {
    if (!plain_number(number)) {
      return true;  // references like "BoD 23/045" or "19.01.1" are never body text
    }
    const int value = leading_int(number);
    if (last_number_ < 0) {
      return value >= 0 && value <= 30;
    }
    return value > last_number_ && value <= last_number_ + 6;
  }

  bool read_item(std::string_view text, model::LineNo line) {
    grammar::Captures captures;
    if (pending_number_) {
      // A number printed alone: its title is the next heading-like line.
      if (heading_like(text) && !grammar_.matches("minutes.decision", text)) {
        close_top();
        top_ = add_item(pending_number_, std::string(text), pending_line_);
        pending_number_.reset();
        return true;
      }
      if (text.size() > kTitleMax) {
        pending_number_.reset();
      }
      return false;
    }
    if (grammar_.match("item.numbered", text, captures) && !starts_with_date(text)) {
      const std::string_view number = *captures.get("number");
      const std::string_view title = *captures.get("title");
      if (title.size() <= kTitleMax && !(title.back() == '.' && title.size() > 60) && accept_number(number)) {
        std::string full(number);
        if (const auto letter = captures.get("letter")) {
          full += *letter;
        }
        close_top();
        if (const auto sub = captures.get("sub")) {
          top_ = npos;
          sub_ = add_item(full + std::string(*sub), std::string(title), line);
          parent_number_ = full;
        } else {
          top_ = add_item(full, std::string(title), line);
          parent_number_ = full;
        }
        if (plain_number(number)) {
          last_number_ = leading_int(number);
        }
        return true;
      }
    }
    if (grammar_.match("item.number_only", text, captures)) {
      const std::string_view number = *captures.get("number");
      if (accept_number(number)) {
        // A number printed after its title (a number column that extraction emitted after
        // the title cell): the line before is a short heading and the line after is not.
        const std::size_t before = previous_text_index(i_);
        const std::size_t after = next_text_index(i_);
        if (before != npos && after != npos && last_body_index_ == before &&
            short_heading(util::trim(lines_[before].text)) && !short_heading(util::trim(lines_[after].text))) {
          if (top_ != npos) {
            const std::size_t end = previous_text_index(before);
            items_end(top_, end != npos ? std::max(lines_[end].number, ctx_.pack.minute_items[top_].line_start)
                                        : ctx_.pack.minute_items[top_].line_start);
          }
          close_top();
          top_ = add_item(std::string(number), std::string(util::trim(lines_[before].text)), lines_[before].number);
          if (first_item_index_ == i_) {
            first_item_index_ = before;
          }
          parent_number_ = std::string(number);
          extend(line);
          if (plain_number(number)) {
            last_number_ = leading_int(number);
          }
          return true;
        }
        pending_number_ = std::string(number);
        pending_line_ = line;
        if (plain_number(number)) {
          last_number_ = leading_int(number);
        }
        return true;
      }
      return false;
    }
    if (!parent_number_.empty() && grammar_.match("item.sub", text, captures)) {
      const std::string_view title = *captures.get("title");
      if (title.size() <= 60 && title.back() != '.' && std::isupper(static_cast<unsigned char>(title[0])) != 0) {
        const std::string number = parent_number_ + std::string(*captures.get("sub"));
        sub_ = add_item(number, std::string(title), line);
        if (top_ != npos) {
          items_end(top_, line);
        }
        return true;
      }
    }
    if (last_number_ < 0 && top_ == npos && text.size() <= 40 && grammar_.match("item.unnumbered", text, captures)) {
      top_ = add_item(std::nullopt, std::string(text), line);
      return true;
    }
    return false;
  }

  bool read_decision(std::string_view text, model::LineNo line) {
    grammar::Captures captures;
    if (!grammar_.match("minutes.decision", text, captures)) {
      return false;
    }
    model::Decision decision;
    decision.kind = decision_kind(*captures.get("kind"));
    decision.item = current_item_number();
    decision.meeting_date = date_;
    decision.line = line;
    std::vector<std::string_view> parts;
    const std::string_view first = util::trim(*captures.get("text"));
    if (!first.empty()) {
      parts.push_back(first);
    }
    // Following lines continue the decision while it reads as one sentence.
    std::size_t j = i_ + 1;
    for (std::size_t taken = 0; j < lines_.size() && taken < kDecisionLinesMax; ++j) {
      if (lines_[j].blank) {
        if (parts.empty()) {
          continue;
        }
        break;
      }
      const std::string_view next = util::trim(lines_[j].text);
      const bool continues = grammar_.matches("minutes.decision_continues", next);
      if (parts.empty() ? !continues : (parts.back().back() == '.' && !continues)) {
        break;
      }
      if (grammar_.matches("minutes.action_marker", next) || grammar_.matches("item.numbered", next) ||
          grammar_.matches("item.number_only", next) || grammar_.matches("minutes.decision", next)) {
        break;
      }
      parts.push_back(next);
      ++taken;
    }
    if (!parts.empty()) {
      decision.text = util::join_collapsed(parts);
      for (std::size_t k = i_ + 1; k < j; ++k) {
        extend(lines_[k].number);
      }
      i_ = j - 1;
    }
    extend(line);
    ctx_.pack.decisions.push_back(std::move(decision));
    return true;
  }

  bool read_marker(std::string_view text, model::LineNo line) {
    grammar::Captures captures;
    if (!grammar_.match("minutes.action_marker", text, captures)) {
      return false;
    }
    extend(line);
    if (captures.get("bare")) {
      return true;  // an "ACTION" margin mark without a ref: nothing to track
    }
    model::Action action;
    action.source = model::ActionSource::minutes;
    action.line = line;
    action.raised = date_;
    action.meeting_date = date_;
    const auto ref = captures.get("ref");
    if (ref) {
      action.ref = std::string(*ref);
      ctx_.clues.minutes_marker_refs.emplace_back(*ref);
    }
    const std::string_view rest = util::trim(captures.get("rest").value_or(""));
    const bool has_sep = captures.get("sep").has_value();
    if (rest.empty()) {
      // The owner stands in the margin on the next short lines ("Executive" / "Lead").
      std::vector<std::string_view> owner;
      for (std::size_t j = i_ + 1; j < lines_.size() && owner.size() < 3; ++j) {
        if (lines_[j].blank) {
          continue;
        }
        const std::string_view next = util::trim(lines_[j].text);
        if (next.size() > 30 || next.back() == '.' || grammar_.matches("item.numbered", next) ||
            grammar_.matches("item.number_only", next) || grammar_.matches("minutes.decision", next) ||
            std::count(next.begin(), next.end(), ' ') > 2) {
          break;
        }
        owner.push_back(next);
        extend(lines_[j].number);
        i_ = j;
      }
      if (!owner.empty()) {
        action.owner = util::join_collapsed(owner);
      }
      action.item = current_item_title();
    } else if (has_sep || !ref) {
      if (looks_like_name(grammar_, rest) || grammar_.matches("attendance.initials", rest)) {
        action.owner = std::string(rest);
      } else {
        std::string body(rest);
        grammar::Captures field;
        if (grammar_.match("minutes.action_due", body, field)) {
          if (const auto due = find_date_or_month(grammar_, *field.get("due"))) {
            action.due = due->iso;
            action.due_text = due->text;
            // Only a date is cut: "Reply by email to the Chair" keeps its words.
            body.erase(static_cast<std::size_t>(field.whole().data() - body.data()));
          }
        }
        // "Owner: JS" is a field of the action, not part of its text.
        if (grammar_.match("minutes.action_owner", body, field)) {
          action.owner = std::string(*field.get("owner"));
          const auto at = static_cast<std::size_t>(field.whole().data() - body.data());
          body.erase(at, field.whole().size());
          body = util::collapse_spaces(body);
        }
        action.text = std::string(util::trim_punctuation(body));
      }
      action.item = current_item_title();
    } else if (looks_like_name(grammar_, rest) || grammar_.matches("attendance.initials", rest)) {
      action.owner = std::string(rest);
      action.item = current_item_title();
    } else {
      // "Action 68 Chair's Update" then its progress: a review of an earlier action.
      action.item = std::string(rest);
      action.raised.reset();
      std::vector<std::string_view> comments;
      std::size_t j = i_ + 1;
      for (; j < lines_.size() && comments.size() < 8; ++j) {
        if (lines_[j].blank) {
          break;
        }
        const std::string_view next = util::trim(lines_[j].text);
        if (grammar_.matches("minutes.action_marker", next) || grammar_.matches("item.numbered", next) ||
            grammar_.matches("item.number_only", next)) {
          break;
        }
        comments.push_back(next);
        extend(lines_[j].number);
      }
      i_ = j - 1;
      split_review(util::join_collapsed(comments), action);
    }
    ctx_.pack.actions.push_back(std::move(action));
    return true;
  }

  // "A link ... had been circulated. Action closed." -> comments and status.
  void split_review(const std::string& text, model::Action& action) const {
    std::string comments;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find(". ", start);
      end = end == std::string::npos ? text.size() : end + 1;
      const std::string_view sentence = util::trim(std::string_view(text).substr(start, end - start));
      const auto status = sentence.size() <= 40 ? find_status(grammar_, sentence) : std::nullopt;
      if (status && !action.status_text) {
        action.status = status->status;
        action.status_text = std::string(sentence);
      } else if (!sentence.empty()) {
        if (!comments.empty()) {
          comments.push_back(' ');
        }
        comments.append(sentence);
      }
      start = end;
    }
    if (!comments.empty()) {
      action.comments = comments;
    }
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  ExtractContext& ctx_;
  const grammar::Grammar& grammar_;
  const std::vector<segment::SegLine>& lines_;
  model::Text date_;
  std::size_t i_ = 0;
  std::size_t top_ = npos;
  std::size_t sub_ = npos;
  std::size_t first_item_index_ = npos;
  std::string parent_number_;
  int last_number_ = -1;
  std::optional<std::string> pending_number_;
  model::LineNo pending_line_ = 0;
  std::size_t last_body_index_ = npos;  // the last line read as body text
};

}  // namespace

void read_minutes(ExtractContext& ctx, segment::SectionChunk& chunk) {
  model::Meeting meeting = read_meeting_header(ctx.grammar, chunk, model::MeetingRole::minutes);
  ++ctx.clues.minutes_meetings;
  if (meeting.date) {
    ctx.pack.meetings.push_back(meeting);
    if (meeting.body) {
      ctx.clues.board = ctx.clues.board.empty() ? *meeting.body : ctx.clues.board;
    }
  }
  MinutesReader reader(ctx, chunk, meeting.date);
  reader.run();
  // People listed above the first item ("Present: ...") are this meeting's attendance.
  const std::size_t preamble_end = std::min(reader.first_item_index(), chunk.lines.size());
  bool has_list = false;
  for (std::size_t i = 0; i < preamble_end; ++i) {
    has_list = has_list || ctx.grammar.matches("line.attendance.heading", chunk.lines[i].text) ||
               ctx.grammar.matches("line.attendance.inline", chunk.lines[i].text);
  }
  if (has_list) {
    const std::size_t before = ctx.pack.attendance.size();
    read_attendance_lines(ctx.grammar, chunk.lines, 0, preamble_end, ctx.pack.attendance);
    for (std::size_t i = before; i < ctx.pack.attendance.size(); ++i) {
      ctx.pack.attendance[i].meeting_date = meeting.date;
    }
  }
}

}  // namespace bpack::extract
