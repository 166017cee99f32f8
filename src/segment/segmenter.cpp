#include "bpack/segment/segmenter.hpp"

#include <algorithm>
#include <cstring>

#include "bpack/grammar/line_classifier.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::segment {
namespace {

// How many lines after a paper opens its cover sheet may run: further paper signals in that
// window (Appendices row, "1. Summary") belong to the same paper.
constexpr LineNo kCoverWindow = 60;
// A heading is a short line; long lines are prose and never start a section.
// Long enough for "Minutes of the meeting of X held on <date> at <time> in <venue>".
constexpr std::size_t kHeadingMax = 170;
// Lines (non-blank) a pack may open with before its first recognised section.
constexpr LineNo kPreambleMax = 60;
// Line texts are stored in blocks of this size (a longer line gets a block of its own).
constexpr std::size_t kBlockSize = 64 * 1024;

bool is_head_rule(std::string_view rule) {
  return rule.substr(0, 5) == "head.";
}

}  // namespace

Segmenter::Segmenter(const grammar::Grammar& grammar, const SegmenterRules& rules, SectionSink sink)
    : grammar_(grammar), sink_(std::move(sink)), rules_(rules) {
  const auto ids_of = [&](std::string_view rule) {
    const bool head = is_head_rule(rule);
    return RuleIds{head ? grammar_.head_classifier().id(rule) : grammar_.line_classifier().id(rule), head};
  };
  for (const auto& cue : rules_.cues) {
    cue_ids_.push_back(ids_of(cue.rule));
  }
  enumerated_ = ids_of("line.enumerated");
  bullet_ = ids_of("line.bullet");
  person_ = ids_of("line.person");
  item_ = ids_of("line.item");
  number_only_ = ids_of("line.number_only");
}

bool Segmenter::hit(const SegLine& line, RuleIds rule) const {
  return rule.id >= 0 && rule.id < 64 && ((rule.head ? line.head_hits : line.line_hits) >> rule.id & 1U) != 0;
}

std::string_view Segmenter::store(std::string_view text) {
  if (blocks_.empty() || blocks_.back().capacity - blocks_.back().size < text.size()) {
    Block block;
    block.capacity = std::max(kBlockSize, text.size());
    block.data = std::make_unique_for_overwrite<char[]>(block.capacity);
    blocks_.push_back(std::move(block));
  }
  Block& block = blocks_.back();
  char* at = block.data.get() + block.size;
  if (!text.empty()) {
    std::memcpy(at, text.data(), text.size());
  }
  block.size += text.size();
  return {at, text.size()};
}

void Segmenter::release_stored(const char* oldest) {
  // Lines are stored in order: the blocks before the one holding the oldest line still held
  // are no longer needed.
  while (blocks_.size() > 1) {
    const Block& front = blocks_.front();
    const char* begin = front.data.get();
    if (oldest >= begin && oldest <= begin + front.size) {
      break;
    }
    blocks_.pop_front();
  }
  closed_ = false;
}

void Segmenter::push(const text::Line& line) {
  SegLine seg;
  seg.text = store(line.text);
  seg.number = line.number;
  seg.page = line.page;
  seg.heading = line.heading;
  seg.blank = util::is_blank(seg.text);
  if (!seg.blank) {
    const bool leading_space = seg.text.size() > 1 && seg.text[0] == ' ' && seg.text[1] != ' ';
    seg.page_start = line.page != last_text_page_ || (leading_space && !previous_had_leading_space_) || !seen_text_;
    seen_text_ = true;
    previous_had_leading_space_ = leading_space;
    grammar_.line_classifier().classify(seg.text, scratch_);
    for (const int id : scratch_) {
      if (id < 64) {
        seg.line_hits |= std::uint64_t{1} << id;
      }
    }
    ++pending_text_lines_;
    last_text_page_ = line.page;
  }
  pending_.push_back(std::move(seg));
  // The front line can be judged once the two non-blank lines after it are known.
  while (!pending_.empty() && pending_text_lines_ >= 3) {
    process_front();
  }
}

void Segmenter::finish() {
  while (!pending_.empty()) {
    process_front();
  }
  close();
}

// The line being judged has left pending_: the first non-blank pending line follows it.
bool Segmenter::next_is_person() const {
  for (const auto& line : pending_) {
    if (!line.blank) {
      return hit(line, person_);
    }
  }
  return false;
}

bool Segmenter::person_follows(const Cue& cue, const SegLine& line) const {
  grammar::Captures captures;
  const std::string_view text = util::trim(line.text);
  if (grammar_.match(cue.rule, text, captures)) {
    std::string_view rest = util::trim(text.substr(captures.end()));
    while (!rest.empty() && (rest.front() == '-' || rest.front() == ':')) {
      rest = util::trim(rest.substr(1));
    }
    if (!rest.empty()) {
      return grammar_.matches("line.person", rest);
    }
  }
  return next_is_person();
}

bool Segmenter::never_opens_section(const SegLine& line) const {
  return hit(line, bullet_);
}

void head_window(std::string& out, std::string_view trimmed, std::span<const std::string_view> next) {
  out.assign(trimmed);
  for (const auto text : next.first(std::min<std::size_t>(next.size(), 2))) {
    out.push_back('\n');
    out.append(util::trim(text));
  }
}

void Segmenter::classify_head(SegLine& line, std::string_view trimmed) {
  std::string_view next[2];
  std::size_t joined = 0;
  for (const auto& later : pending_) {
    if (joined == 2) {
      break;
    }
    if (!later.blank) {
      next[joined++] = later.text;
    }
  }
  head_window(head_, trimmed, std::span<const std::string_view>(next, joined));
  grammar_.head_classifier().classify(head_, scratch_);
  for (const int id : scratch_) {
    if (id < 64) {
      line.head_hits |= std::uint64_t{1} << id;
    }
  }
}

bool Segmenter::is_appendix(const SegLine& line) const {
  for (std::size_t i = 0; i < rules_.cues.size(); ++i) {
    const CueWeight weight = rules_.cues[i].weight;
    if ((weight == CueWeight::appendix || weight == CueWeight::numbered_appendix) && !cue_ids_[i].head &&
        hit(line, cue_ids_[i])) {
      return true;
    }
  }
  return false;
}

const Cue* Segmenter::cue_of(const SegLine& line) const {
  if (never_opens_section(line)) {
    return nullptr;
  }
  // A numbered item ("3.", "7   WORK PROGRAMME"), or the title after a number printed alone,
  // is never a section's heading (a page number before a page's first line is no item number).
  const bool enumerated = hit(line, enumerated_) || hit(line, item_) || (previous_was_number_ && !line.page_start);
  for (std::size_t i = 0; i < rules_.cues.size(); ++i) {
    const Cue& cue = rules_.cues[i];
    if (!hit(line, cue_ids_[i]) || (cue.not_enumerated && enumerated)) {
      continue;
    }
    if (cue.weight == CueWeight::list_label && !person_follows(cue, line)) {
      continue;
    }
    // A numbered appendix ("Appendix 4") is usually a part of the report before it: it
    // opens a paper of its own only where a new page starts, and not as one of a list.
    if (cue.weight == CueWeight::numbered_appendix && (!line.page_start || previous_was_appendix_)) {
      return nullptr;
    }
    return &cue;
  }
  return nullptr;
}

void Segmenter::process_front() {
  SegLine line = std::move(pending_.front());
  pending_.pop_front();
  if (!line.blank) {
    --pending_text_lines_;
    // Headings are short: only short lines are joined with what follows and classified.
    const std::string_view trimmed = util::trim(line.text);
    if (trimmed.size() <= kHeadingMax) {
      // Heading hits of a line that cannot open a section would be thrown away.
      if (!never_opens_section(line)) {
        classify_head(line, trimmed);
      }
      if (line.head_hits != 0 || line.line_hits != 0) {
        accept(cue_of(line), line);
      } else if (close_log_after_title_) {
        accept(nullptr, line);
      }
    } else if (close_log_after_title_) {
      accept(nullptr, line);
    }
  }
  if (!line.blank) {
    previous_was_appendix_ = is_appendix(line);
    previous_was_number_ = hit(line, number_only_);
  }
  if (closed_) {
    // A section was handed on while this line was judged: it and the look-ahead after it
    // are the oldest lines still held.
    release_stored(line.text.data());
  }
  if (!open_) {
    if (line.blank) {
      // Leading blank lines wait for the first section, which starts at line 1.
      current_.lines.push_back(std::move(line));
      return;
    }
  }
  if (!open_ && !line.blank) {
    // Text before any recognised heading: held as a preamble until a signal names it.
    current_.lines.push_back(std::move(line));
    ++current_text_lines_;
    if (current_text_lines_ > kPreambleMax) {
      current_.section.kind = SectionKind::other;
      current_.section.line_start = current_.lines.front().number;
      current_.section.page_start = current_.lines.front().page;
      current_.section.title = std::string(util::trim(current_.lines.front().text));
      open_ = true;
    }
    return;
  }
  if (!line.blank) {
    ++current_text_lines_;
    current_.section.line_end = line.number;
    current_.section.page_end = line.page;
  }
  current_.lines.push_back(std::move(line));
}

bool Segmenter::accept(const Cue* cue, const SegLine& line) {
  const bool have = open_;
  const SectionKind kind = current_.section.kind;
  const LineNo age = have ? line.number - current_.section.line_start : 0;

  if (close_log_after_title_) {
    // The action log's title printed after its table ends it; what follows is a paper
    // unless it announces itself as something else.
    close_log_after_title_ = false;
    if (cue == nullptr || cue->kind == SectionKind::paper) {
      open(SectionKind::paper, line);
      return true;
    }
  }
  if (cue == nullptr || (cue->front_only && seen_body_)) {
    return false;
  }
  if (have && in(cue->stays_in, kind)) {
    // A log's title after its header and rows ends the table.
    if (kind == cue->kind && cue->title_after_table && current_text_lines_ >= 2) {
      close_log_after_title_ = true;
    }
    return false;
  }
  if (have && cue->only_in != 0 && !in(cue->only_in, kind)) {
    return false;
  }
  if (have && in(cue->page_top_in, kind) && !line.page_start) {
    return false;
  }
  if (have && kind == cue->kind &&
      (age < cue->same_kind_gap || (cue->weight == CueWeight::report_heading && !line.page_start))) {
    return false;
  }
  open(cue->kind, line);
  return true;
}

void Segmenter::open(SectionKind kind, const SegLine& line) {
  if (!open_) {
    // The first section takes in the preamble (from line 1) unless it was long.
    current_.section.kind = kind;
    current_.section.title = std::string(util::trim(line.text));
    current_.section.heading_line = line.number;
    current_.section.line_start = current_.lines.empty() ? line.number : current_.lines.front().number;
    current_.section.page_start = current_.lines.empty() ? line.page : current_.lines.front().page;
    if (current_.lines.empty() || current_text_lines_ == 0) {
      current_.section.line_end = line.number;
    }
    open_ = true;
  } else {
    close();
    current_.section.kind = kind;
    current_.section.title = std::string(util::trim(line.text));
    current_.section.heading_line = line.number;
    current_.section.line_start = line.number;
    current_.section.page_start = line.page;
    current_.section.line_end = line.number;
    current_.section.page_end = line.page;
    open_ = true;
  }
  if (in(rules_.body_kinds, kind)) {
    seen_body_ = true;
  }
}

void Segmenter::close() {
  if (current_.lines.empty() && !open_) {
    return;
  }
  if (!open_) {
    if (current_text_lines_ == 0) {
      current_ = {};
      return;
    }
    current_.section.kind = SectionKind::other;
    current_.section.line_start = current_.lines.front().number;
    current_.section.page_start = current_.lines.front().page;
    current_.section.title = std::string(util::trim(current_.lines.front().text));
  }
  // Trailing blank lines belong to the gap between sections.
  while (!current_.lines.empty() && current_.lines.back().blank) {
    current_.lines.pop_back();
  }
  if (!current_.lines.empty()) {
    current_.section.line_end = current_.lines.back().number;
    current_.section.page_end = current_.lines.back().page;
    sink_(current_);
  }
  current_.section = {};
  current_.lines.clear();  // keeps its room for the next section
  current_text_lines_ = 0;
  open_ = false;
  closed_ = true;
}

}  // namespace bpack::segment
