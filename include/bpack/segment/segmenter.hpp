#pragma once

// Cuts the stream of lines into sections that cover the pack in order. Each line is
// classified once against every grammar rule (two RE2::Sets: single lines and wrapped
// headings); the cues (which rules open which kind of section, from the section registry)
// are weighed here, with a short look-ahead so that a heading wrapped over lines, or a
// heading that needs the next line to confirm it, is seen whole.

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/segment/cues.hpp"
#include "bpack/text/text_source.hpp"

namespace bpack::segment {

using model::LineNo;

struct SegLine {
  std::string_view text;  // valid until its section has been handed on
  LineNo number = 0;
  LineNo page = 1;
  std::uint64_t line_hits = 0;  // bit i: "line.*" rule id i matched
  std::uint64_t head_hits = 0;  // bit i: "head.*" rule id i matched
  bool blank = true;
  bool heading = false;     // marked up as a heading in the source (Markdown)
  bool page_start = false;  // first text of a page (form feed, or the lone leading space
                            // pdftotext writes where a page's text begins)
};

// The text the head.* rules see for a line (already trimmed): it joined by line breaks to
// the next non-blank lines (at most two of `next`, each trimmed), so that a heading wrapped
// over lines is seen whole.
void head_window(std::string& out, std::string_view trimmed, std::span<const std::string_view> next);

// A closed section with its lines (blank lines inside included; the blank lines between
// sections belong to neither).
struct SectionChunk {
  model::Section section;
  std::vector<SegLine> lines;
};

class Segmenter {
 public:
  using SectionSink = std::function<void(SectionChunk&)>;

  Segmenter(const grammar::Grammar& grammar, const SegmenterRules& rules, SectionSink sink);
  void push(const text::Line& line);
  void finish();

 private:
  struct RuleIds {
    int id = -1;
    bool head = false;
  };

  void process_front();
  // The first cue (in order of precedence) the line has, or nullptr.
  const Cue* cue_of(const SegLine& line) const;
  // A bullet item never opens a section, whatever heading rules it matches.
  bool never_opens_section(const SegLine& line) const;
  // The line is an appendix's title (an appendix cue's line rule matches it).
  bool is_appendix(const SegLine& line) const;
  // Sets line.head_hits from the heading rules, run over the trimmed line joined (with line
  // breaks) to the next two non-blank lines, so that a wrapped heading is seen whole.
  void classify_head(SegLine& line, std::string_view trimmed);
  bool accept(const Cue* cue, const SegLine& line);
  void open(model::SectionKind kind, const SegLine& line);
  void close();
  bool hit(const SegLine& line, RuleIds rule) const;
  bool next_is_person() const;
  // A list label's line, or the line after it, starts with a person.
  bool person_follows(const Cue& cue, const SegLine& line) const;
  std::string_view store(std::string_view text);
  void release_stored(const char* oldest);

  const grammar::Grammar& grammar_;
  SectionSink sink_;
  const SegmenterRules& rules_;
  std::vector<RuleIds> cue_ids_;  // one per rules_.cues
  RuleIds enumerated_;
  RuleIds bullet_;
  RuleIds person_;
  RuleIds item_;
  RuleIds number_only_;
  std::vector<int> scratch_;
  std::string head_;  // the line being judged joined with the next two, reused
  // Line texts live in large blocks rather than a string each: a block is let go once every
  // line in it has been handed on with its section.
  struct Block {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    std::size_t capacity = 0;
  };
  std::deque<Block> blocks_;
  bool closed_ = false;  // a section was handed on since blocks were last let go
  std::deque<SegLine> pending_;
  std::size_t pending_text_lines_ = 0;

  bool open_ = false;
  SectionChunk current_;
  LineNo current_text_lines_ = 0;  // non-blank lines in the current section
  LineNo last_text_page_ = 1;
  bool close_log_after_title_ = false;
  bool seen_body_ = false;  // minutes, an action log or a paper has been seen
  bool previous_had_leading_space_ = false;
  bool previous_was_appendix_ = false;
  bool previous_was_number_ = false;  // the last text line was an item number alone
  bool seen_text_ = false;            // a line with text has been read (the first starts page 1)
};

}  // namespace bpack::segment
