#include "bpack/extract/attendance.hpp"

#include "bpack/grammar/line_classifier.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "bpack/extract/meeting.hpp"
#include "bpack/extract/people.hpp"
#include "bpack/extract/prose.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

using model::AttendanceStatus;
using Kind = ListLabel::Kind;

// Lists are short lines or paragraphs; a long line that is not a list ends them.
constexpr std::size_t kParagraphMax = 4000;
// An organisation's name on a line of its own in a list of people is at most this long.
constexpr std::size_t kOrganisationMax = 60;

std::string_view strip_lead(std::string_view text) {
  text = util::trim(text);
  for (;;) {
    if (!text.empty() && (text.front() == '-' || text.front() == ':' || text.front() == '.')) {
      text = util::trim(text.substr(1));
    } else if (text.substr(0, 3) == "\xE2\x80\x93" || text.substr(0, 3) == "\xE2\x80\x94") {
      text = util::trim(text.substr(3));
    } else {
      return text;
    }
  }
}

bool open_bracket(std::string_view text) {
  return std::count(text.begin(), text.end(), '(') > std::count(text.begin(), text.end(), ')');
}

// The part after the last comma or "and": the name a paragraph ends with.
std::string_view last_part(std::string_view text) {
  std::size_t cut = 0;
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') {
      ++depth;
    } else if (text[i] == ')') {
      --depth;
    } else if (depth <= 0 && (text[i] == ',' || text.substr(i, 5) == " and ")) {
      cut = i + (text[i] == ',' ? 1 : 5);
    }
  }
  return util::trim(text.substr(cut));
}

class ListReader {
 public:
  ListReader(ExtractContext& ctx, const std::vector<segment::SegLine>& lines, const model::Text& date)
      : ctx_(ctx), g_(ctx.grammar), lines_(lines), date_(date), label_classes_(list_label_classes(ctx.grammar)) {}

  // The lists that follow are the body's membership: read, but no attendance.
  void membership() { membership_ = true; }

  // Lines read as if a label giving `status` stood before them.
  void assume(AttendanceStatus status) {
    status_ = status;
    labelled_ = true;
  }

  std::size_t run(std::size_t begin, std::size_t end) {
    std::size_t used = begin;
    for (std::size_t i = begin; i < end; ++i) {
      const auto& line = lines_[i];
      if (line.blank) {
        // A list cut mid-entry by one blank line goes on after it (converters print a blank
        // line between the wrapped lines of a paragraph).
        if (i + 1 < end && !lines_[i + 1].blank && (i == 0 || !lines_[i - 1].blank) && unfinished(true)) {
          continue;
        }
        flush();
        continue;
      }
      const std::string_view text = util::trim(line.text);
      if (text.size() > kParagraphMax) {
        break;
      }
      if (const auto label = (line.line_hits & label_classes_) != 0 ? list_label(g_, text) : std::nullopt) {
        flush();
        set_label(label->kind);
        start(strip_lead(label->rest), line.number);
        used = i + 1;
        continue;
      }
      if (!labelled_) {
        break;
      }
      // "Members of public x 4": part of the list, naming nobody.
      if (g_.matches("attendance.not_person", text)) {
        flush();
        used = i + 1;
        continue;
      }
      if (const std::size_t after = read_apologies(i, end); after > i) {
        flush();
        used = after;
        i = after - 1;
        continue;
      }
      if (!para_.empty() && continues(text)) {
        append(text, line.number);
        used = i + 1;
        continue;
      }
      // A name/organisation table printed a cell a line: the person's organisation or role.
      const bool people = reads_as_people(text);
      if (read_role_cell(i, end, people)) {
        used = i + 1;
        continue;
      }
      // A table printed column by column: the names, then their organisations in order.
      if (const std::size_t after = read_role_column(i, end); after > i) {
        used = after;
        i = after - 1;
        continue;
      }
      // "Councillors" alone: the names it titles follow.
      if (people || (para_.empty() && g_.matches("attendance.plural_title", text))) {
        flush();
        start(text, line.number);
        used = i + 1;
        continue;
      }
      // "Lowbridge Borough Council" on a line of its own: who the people below are from.
      if (names_organisation(text)) {
        flush();
        used = i + 1;
        continue;
      }
      break;
    }
    flush();
    return used;
  }

 private:
  // A line that starts a new paragraph of the list: each of its sentences reads as people.
  // It may end in a name the next line completes ("... Mark Betteridge, Margaret"), or open a
  // bracket the next line closes ("Cllr Tracey Stock (Central Bedfordshire").
  bool reads_as_people(std::string_view text) const {
    std::string line(text);
    if (open_bracket(line)) {
      line += ")";
    }
    const std::vector<Sentence> sentences = split_sentences(line);
    for (std::size_t k = 0; k < sentences.size(); ++k) {
      const std::string_view words = strip_lead(sentences[k].text);
      if (k > 0 && k + 1 == sentences.size() && words.find(' ') == std::string_view::npos) {
        continue;  // "... Danny Connellan. Councillors" / "Angela Caldara, ...": cut by the line end
      }
      const PeopleList people = read_people(g_, words);
      std::size_t rejected = people.rejected;
      const std::string_view tail = last_part(sentences[k].text);
      if (rejected == 1 && k + 1 == sentences.size() && !tail.empty() && tail.find(' ') == std::string_view::npos &&
          std::isupper(static_cast<unsigned char>(tail.front())) != 0) {
        rejected = 0;  // a name cut by the end of the line
      }
      if (people.people.empty() || rejected > 0) {
        return false;
      }
    }
    return !sentences.empty();
  }

  // "Paul Okoro (PO)" then "Harbour Health, network member": a line that names nobody, right
  // after a line of one person without a role, is that person's organisation or role. Once
  // rows have gone so twice, a cell after a person is a role even if it reads like a name
  // ("Harbour Health, Chair").
  bool read_role_cell(std::size_t i, std::size_t end, bool people) {
    const std::string_view text = util::trim(lines_[i].text);
    if (para_.empty() || text.size() > 80 || g_.matches("line.item", text)) {
      return false;
    }
    if (role_cells_ < 2 && people &&
        !(text.find('(') == std::string_view::npos && i + 1 < end && !lines_[i + 1].blank &&
          util::trim(para_).back() == ')' && initialled_row(para_) && initialled_row(util::trim(lines_[i + 1].text)))) {
      return false;  // a person, unless it stands between two rows of a person and initials
    }
    const std::size_t before = ctx_.pack.attendance.size();
    flush();
    if (ctx_.pack.attendance.size() != before + 1 || ctx_.pack.attendance.back().role) {
      return false;
    }
    ctx_.pack.attendance.back().role = util::collapse_spaces(util::trim_punctuation(text));
    ++role_cells_;
    if (!column_.empty() && column_.back() == before) {
      column_.pop_back();
    }
    return true;
  }

  // A short line whose last word names an organisation or a committee.
  bool names_organisation(std::string_view text) const {
    if (text.size() > kOrganisationMax || std::isupper(static_cast<unsigned char>(text.front())) == 0) {
      return false;
    }
    const std::size_t space = text.rfind(' ');
    return space != std::string_view::npos && g_.matches("attendance.organisation_word", text.substr(space + 1));
  }

  // "Nadia Brennan (NB)": one person, with initials and no role.
  bool initialled_row(std::string_view text) const {
    const PeopleList people = read_people(g_, text);
    return people.people.size() == 1 && people.rejected == 0 && people.people.front().initials &&
           !people.people.front().role;
  }

  // After a column of names one a line (no roles), a block of as many lines that are not all
  // names: the table's second column, each line the role of the name in the same row.
  std::size_t read_role_column(std::size_t i, std::size_t end) {
    flush();
    if (column_.size() < 2 || i == 0 || !lines_[i - 1].blank) {
      return i;
    }
    std::vector<std::string_view> cells;
    std::size_t j = i;
    std::size_t blanks = 0;
    std::size_t not_names = 0;
    for (; j < end && cells.size() < column_.size(); ++j) {
      if (lines_[j].blank) {
        if (++blanks > 2) {
          break;
        }
        continue;
      }
      blanks = 0;
      const std::string_view cell = util::trim(lines_[j].text);
      if (list_label(g_, cell) || g_.matches("line.item", cell) || cell.size() > 80) {
        break;
      }
      const PeopleList people = read_people(g_, cell);
      not_names += people.people.empty() || g_.matches("attendance.role", cell) ? 1U : 0U;
      cells.push_back(cell);
    }
    if (cells.size() != column_.size() || not_names * 3 < cells.size()) {
      return i;
    }
    // A column of initials ("MC" / "KC" / ...) gives each row its initials, any other its role.
    const bool initials = std::all_of(cells.begin(), cells.end(), [&](std::string_view cell) {
      return cell.find_first_of(" ,/&") == std::string_view::npos && is_initials_list(g_, cell);
    });
    if (!initials && cells.size() < 3) {
      return i;  // two lines are too few to call a column of roles
    }
    for (std::size_t k = 0; k < cells.size(); ++k) {
      auto& person = ctx_.pack.attendance[column_[k]];
      auto& field = initials ? person.initials : person.role;
      if (!field) {
        field = util::collapse_spaces(cells[k]);
      }
    }
    column_.clear();
    return j;
  }

  void set_label(Kind kind) {
    group_ = 0;
    role_cells_ = 0;
    column_.clear();
    first_group_size_ = 0;
    switch (kind) {
      case Kind::member:
        status_ = AttendanceStatus::member;
        break;
      case Kind::attendees:
        // "Attendees" lists the members when it is the first list; after a members or an
        // apologies list, it lists the others present.
        status_ = lists_seen_ ? AttendanceStatus::attendee : AttendanceStatus::member;
        break;
      case Kind::attendee:
        status_ = AttendanceStatus::attendee;
        break;
      case Kind::apologies:
        status_ = AttendanceStatus::apologies;
        break;
      case Kind::absent:
        status_ = AttendanceStatus::absent;
        break;
      case Kind::mode:
        if (!labelled_) {
          status_ = AttendanceStatus::member;
        }
        break;
    }
    labelled_ = true;
  }

  void start(std::string_view text, model::LineNo line) {
    para_.clear();
    offsets_.clear();
    if (!text.empty()) {
      append(text, line);
    }
  }

  void append(std::string_view text, model::LineNo line) {
    if (!para_.empty()) {
      para_.push_back(' ');
    }
    offsets_.emplace_back(para_.size(), line);
    para_.append(text);
  }

  // The line goes on with the paragraph: the paragraph ends mid-entry (a comma, "and", an
  // open bracket, a name cut in two) or the line starts with what cannot begin an entry.
  bool continues(std::string_view text) const {
    if (util::trim(para_).empty()) {
      return false;
    }
    const char first = text.front();
    return first == '(' || std::islower(static_cast<unsigned char>(first)) != 0 || unfinished(false);
  }

  // The paragraph so far stops mid-list: after a comma or "and", inside a bracket, on an
  // initial ("B.") or a plural title ("Councillors"); unless `surely`, also on what may be the
  // start of a name ("... Charlotte Clark, Marion", "Dr M").
  bool unfinished(bool surely) const {
    const std::string_view para = util::trim(para_);
    if (para.empty()) {
      return false;
    }
    const char last = para.back();
    if (last == ',' || last == '&' || last == ';' || open_bracket(para) ||
        (para.size() >= 4 && util::to_lower_ascii(para.substr(para.size() - 4)) == " and")) {
      return true;
    }
    const std::string_view tail = last_part(para);
    const std::string_view last_word = para.substr(para.find_last_of(' ') + 1);
    const bool initial =
        last_word.size() == 2 && last_word.back() == '.' && std::isupper(static_cast<unsigned char>(last_word[0])) != 0;
    if (initial || g_.matches("attendance.plural_title", last_word)) {
      return true;
    }
    if (surely) {
      return false;
    }
    if (tail.empty() || (last == '.' && !initial) || g_.matches("attendance.role", tail) ||
        std::count(tail.begin(), tail.end(), ' ') > 2) {
      return false;
    }
    return read_people(g_, tail).people.empty() && std::isupper(static_cast<unsigned char>(tail.front())) != 0;
  }

  void flush() {
    if (util::trim(para_).empty()) {
      para_.clear();
      return;
    }
    // Under one label, paragraphs after a paragraph of several members list others present
    // (officers, guests): "Councillors A, B and C" / "D (Clerk), E (Adviser)".
    const bool later_group = group_ > 0 && first_group_size_ >= 2 && status_ == AttendanceStatus::member;
    const std::size_t before = ctx_.pack.attendance.size();
    read_sentences(later_group ? AttendanceStatus::attendee : status_);
    const std::size_t added = ctx_.pack.attendance.size() - before;
    // One person a line: perhaps the first column of a table (a role in brackets stays theirs;
    // the row still has its cell in the next column).
    if (added == 1) {
      column_.push_back(ctx_.pack.attendance.size() - 1);
    } else if (added > 0) {
      column_.clear();
    }
    if (group_ == 0) {
      first_group_size_ = added;
    }
    if (added > 0) {
      ++group_;
      lists_seen_ = true;
    }
    para_.clear();
    offsets_.clear();
  }

  model::LineNo line_at(std::size_t offset) const {
    model::LineNo line = offsets_.empty() ? 0 : offsets_.front().second;
    for (const auto& [at, number] : offsets_) {
      if (at <= offset) {
        line = number;
      }
    }
    return line;
  }

  // The person's entry runs from `offset` to `last` in the paragraph.
  void add(model::Attendee person, AttendanceStatus status, std::size_t offset, std::size_t last) {
    if (membership_) {
      return;  // a list of who sits on the body, not of who attended
    }
    person.status = status;
    person.meeting_date = date_;
    person.line = line_at(offset);
    person.line_end = line_at(std::max(offset, last));
    ctx_.pack.attendance.push_back(std::move(person));
  }

  // A paragraph is read sentence by sentence: a list, then perhaps "X was in attendance.",
  // "Apologies were received from ...", "(JM)" initials of the person before.
  void read_sentences(AttendanceStatus status) {
    const std::string_view para(para_);
    for (const Sentence& sentence : split_sentences(para)) {
      std::string_view text = sentence.text;
      const std::size_t base = static_cast<std::size_t>(text.data() - para.data());
      // "(JM)" after the sentence that named Jon Miles.
      if (text.size() >= 4 && text.front() == '(') {
        const auto close = text.find(')');
        const std::string_view inside = close == std::string_view::npos ? "" : text.substr(1, close - 1);
        if (!inside.empty() && g_.matches("attendance.initials", inside) && !ctx_.pack.attendance.empty() &&
            !ctx_.pack.attendance.back().initials) {
          ctx_.pack.attendance.back().initials = std::string(inside);
          text = util::trim(text.substr(close + 1));
          if (text.empty()) {
            continue;
          }
        }
      }
      const auto sentence_base = static_cast<std::size_t>(text.data() - para.data());
      const std::size_t sentence_last = sentence_base + (text.empty() ? 0 : text.size() - 1);
      if (const auto apologies = apologies_in(g_, text); !apologies.empty()) {
        for (auto person : apologies) {
          add(std::move(person), AttendanceStatus::apologies, sentence_base, sentence_last);
        }
        continue;
      }
      grammar::Captures captures;
      if (g_.match("attendance.in_attendance", text, captures)) {
        const std::string_view who = text.substr(0, static_cast<std::size_t>(captures.whole().data() - text.data()));
        const PeopleList people = read_people(g_, strip_lead(who));
        for (const auto& person : people.people) {
          add(person, AttendanceStatus::attendee, sentence_base, sentence_last);
        }
        if (!people.people.empty()) {
          continue;
        }
        break;
      }
      const PeopleList people = read_people(g_, strip_lead(text));
      if (people.people.empty() || people.rejected > people.people.size()) {
        break;  // prose after the list
      }
      // Each entry runs to where the next one starts, the last to the sentence's end.
      std::vector<std::size_t> starts;
      std::size_t offset = base;
      for (const auto& person : people.people) {
        const auto at = para.find(person.name, offset);
        offset = at == std::string_view::npos ? offset : at;
        starts.push_back(offset);
      }
      for (std::size_t k = 0; k < starts.size(); ++k) {
        const bool next_later = k + 1 < starts.size() && starts[k + 1] > starts[k];
        add(people.people[k], status, starts[k],
            next_later              ? starts[k + 1] - 1
            : k + 1 < starts.size() ? starts[k]
                                    : sentence_last);
      }
    }
  }

  // "Apologies for absence were received from A and B" (possibly over several lines).
  std::size_t read_apologies(std::size_t i, std::size_t end) {
    const std::string_view text = util::trim(lines_[i].text);
    grammar::Captures captures;
    if (!g_.match("attendance.apologies_from", text, captures)) {
      return i;
    }
    std::string sentence(text);
    std::size_t j = i + 1;
    while (sentence.back() != '.' && j < end && !lines_[j].blank && sentence.size() < 600) {
      const std::string_view next = util::trim(lines_[j].text);
      if (list_label(g_, next) || g_.matches("line.item", next) || g_.matches("line.number_only", next)) {
        break;
      }
      sentence += " " + std::string(next);
      ++j;
    }
    for (auto person : apologies_in(g_, sentence)) {
      person.status = AttendanceStatus::apologies;
      person.meeting_date = date_;
      person.line = lines_[i].number;
      person.line_end = lines_[j - 1].number;
      ctx_.pack.attendance.push_back(std::move(person));
    }
    return j;
  }

  ExtractContext& ctx_;
  const grammar::Grammar& g_;
  const std::vector<segment::SegLine>& lines_;
  const model::Text& date_;
  std::uint64_t label_classes_;
  AttendanceStatus status_ = AttendanceStatus::member;
  bool labelled_ = false;
  bool membership_ = false;
  bool lists_seen_ = false;
  std::size_t group_ = 0;
  std::size_t role_cells_ = 0;  // rows read as a person's line, then their role's
  std::size_t first_group_size_ = 0;
  std::vector<std::size_t> column_;  // people read one a line, in order
  std::string para_;
  std::vector<std::pair<std::size_t, model::LineNo>> offsets_;  // where each line starts in para_
};

}  // namespace

std::optional<ListLabel> list_label(const grammar::Grammar& grammar, std::string_view text) {
  static constexpr std::pair<const char*, Kind> kLabels[] = {
      {"line.attendance.apologies", Kind::apologies}, {"line.attendance.attendee", Kind::attendee},
      {"line.attendance.absent", Kind::absent},       {"line.attendance.attendees", Kind::attendees},
      {"line.attendance.member", Kind::member},       {"line.attendance.mode", Kind::mode},
  };
  grammar::Captures captures;
  for (const auto& [rule, kind] : kLabels) {
    if (grammar.match(rule, text, captures) && captures.whole().data() == text.data()) {
      return ListLabel{kind, util::trim(text.substr(captures.whole().size()))};
    }
  }
  return std::nullopt;
}

std::uint64_t list_label_classes(const grammar::Grammar& grammar) {
  return grammar.line_classifier().mask({"line.attendance.apologies", "line.attendance.attendee",
                                         "line.attendance.absent", "line.attendance.attendees",
                                         "line.attendance.member", "line.attendance.mode"});
}

std::vector<model::Attendee> apologies_in(const grammar::Grammar& grammar, std::string_view sentence) {
  grammar::Captures captures;
  if (!grammar.match("attendance.apologies_from", sentence, captures)) {
    return {};
  }
  std::string_view who =
      sentence.substr(static_cast<std::size_t>(captures.whole().data() - sentence.data()) + captures.whole().size());
  // The sentence ends the list: "... from Tom Foy. The Chair welcomed ..."
  if (const auto stop = who.find(". "); stop != std::string_view::npos) {
    who = who.substr(0, stop);
  }
  PeopleList people = read_people(grammar, util::trim_punctuation(util::trim(who)));
  for (auto& person : people.people) {
    person.status = AttendanceStatus::apologies;
  }
  return std::move(people.people);
}

void settle_apologies(std::vector<model::Attendee>& people) {
  const auto key = [](const model::Attendee& p) {
    return std::pair(p.meeting_date.value_or(""), util::to_lower_ascii(p.name));
  };
  // A name printed twice in one list is one person.
  std::vector<bool> drop(people.size(), false);
  {
    std::map<std::tuple<std::string, std::string, int>, std::size_t> seen;
    for (std::size_t i = 0; i < people.size(); ++i) {
      const auto [date, name] = key(people[i]);
      if (!seen.emplace(std::tuple(date, name, static_cast<int>(people[i].status)), i).second &&
          people[i].line - people[seen[std::tuple(date, name, static_cast<int>(people[i].status))]].line < 40) {
        drop[i] = true;
      }
    }
  }
  std::map<std::pair<std::string, std::string>, std::size_t> apologies;
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (people[i].status == AttendanceStatus::apologies) {
      apologies.emplace(key(people[i]), i);
    }
  }
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (people[i].status == AttendanceStatus::apologies) {
      continue;
    }
    const auto found = apologies.find(key(people[i]));
    if (found == apologies.end()) {
      continue;
    }
    auto& kept = people[found->second];
    if (!kept.role) {
      kept.role = people[i].role;
    }
    if (!kept.initials) {
      kept.initials = people[i].initials;
    }
    drop[i] = true;
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (!drop[i]) {
      if (out != i) {
        people[out] = std::move(people[i]);
      }
      ++out;
    }
  }
  people.resize(out);
}

std::size_t read_attendance_lists(ExtractContext& ctx, const std::vector<segment::SegLine>& lines, std::size_t begin,
                                  std::size_t end, const model::Text& meeting_date) {
  return ListReader(ctx, lines, meeting_date).run(begin, end);
}

std::size_t read_people_under(ExtractContext& ctx, const std::vector<segment::SegLine>& lines, std::size_t begin,
                              std::size_t end, const model::Text& meeting_date, model::AttendanceStatus status) {
  ListReader reader(ctx, lines, meeting_date);
  reader.assume(status);
  return reader.run(begin, end);
}

std::size_t read_attendance(ExtractContext& ctx, segment::SectionChunk& chunk) {
  // The meeting the lists record: a header above them (in this section, or just before it),
  // else the meeting whose record is being read.
  const RecordedMeeting meeting = take_meeting_header(ctx, chunk, model::MeetingRole::minutes);
  // Lists start at the first label.
  std::size_t begin = meeting.header_end;
  while (begin < chunk.lines.size() &&
         (chunk.lines[begin].blank || !list_label(ctx.grammar, util::trim(chunk.lines[begin].text)))) {
    ++begin;
  }
  if (begin == chunk.lines.size()) {
    return chunk.lines.size();
  }
  ListReader reader(ctx, chunk.lines, meeting.date);
  for (std::size_t i = meeting.header_end; i < begin; ++i) {
    if (ctx.grammar.matches("attendance.membership", util::trim(chunk.lines[i].text))) {
      reader.membership();
    }
  }
  const std::size_t end = reader.run(begin, chunk.lines.size());
  return std::max(end, begin + 1);
}

}  // namespace bpack::extract
