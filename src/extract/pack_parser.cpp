#include "bpack/extract/pack_parser.hpp"

#include <algorithm>
#include <optional>

#include "bpack/extract/context.hpp"
#include "bpack/extract/section_registry.hpp"
#include "bpack/extract/warnings.hpp"
#include "bpack/segment/segmenter.hpp"
#include "bpack/text/markup.hpp"
#include "bpack/text/open_source.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

// Full-text blocks are paragraphs: runs of non-blank lines, cut at a bounded size so a
// hit's line number stays close to the words it matched.
constexpr std::size_t kBlockMaxLines = 24;

void emit_blocks(const segment::SectionChunk& chunk, const BlockSink& sink) {
  std::string text;
  model::LineNo first = 0;
  model::LineNo page = 1;
  std::size_t lines = 0;
  const auto flush = [&] {
    if (lines > 0) {
      model::Block block;
      block.kind = chunk.section.kind;
      block.section_title = chunk.section.title;
      block.text = text;
      block.line = first;
      block.page = page;
      sink(block);
    }
    text.clear();
    lines = 0;
  };
  for (const auto& line : chunk.lines) {
    if (line.blank) {
      flush();
      continue;
    }
    if (lines == 0) {
      first = line.number;
      page = line.page;
    } else {
      text.push_back('\n');
    }
    text.append(util::trim(line.text));
    if (++lines >= kBlockMaxLines) {
      flush();
    }
  }
  flush();
}

// The last lines of a section, from its last page start or blank run (at most a few): a
// heading block above the next section's own heading.
constexpr std::size_t kTailLines = 6;

void hold_tail(const segment::SectionChunk& chunk, std::vector<HeldLine>& tail) {
  tail.clear();
  // From the last page start, when it is near the end; else from the last blank line.
  std::size_t start = chunk.lines.size();
  std::size_t text_lines = 0;
  std::size_t after_blank = chunk.lines.size();
  bool blank_seen = false;
  while (start > 0 && text_lines < kTailLines) {
    const auto& line = chunk.lines[start - 1];
    if (line.blank) {
      blank_seen = true;
    } else {
      ++text_lines;
      if (!blank_seen) {
        after_blank = start - 1;
      }
    }
    --start;
    if (line.page_start && !line.blank) {
      break;
    }
  }
  if (start > 0 && !chunk.lines[start].page_start) {
    start = after_blank;  // no page start near the end: the last block only
  }
  for (std::size_t i = start; i < chunk.lines.size(); ++i) {
    const auto& line = chunk.lines[i];
    tail.push_back({std::string(line.text), line.number, line.page, line.page_start && !line.blank});
  }
}

// Moves the lines from `at` on into a section of their own.
segment::SectionChunk split_off(segment::SectionChunk& chunk, std::size_t at, model::SectionKind kind) {
  segment::SectionChunk rest;
  rest.section.kind = kind;
  rest.lines.assign(std::make_move_iterator(chunk.lines.begin() + static_cast<std::ptrdiff_t>(at)),
                    std::make_move_iterator(chunk.lines.end()));
  chunk.lines.resize(at);
  while (!chunk.lines.empty() && chunk.lines.back().blank) {
    chunk.lines.pop_back();
  }
  if (!chunk.lines.empty()) {
    chunk.section.line_end = chunk.lines.back().number;
    chunk.section.page_end = chunk.lines.back().page;
  }
  const auto first = std::find_if(rest.lines.begin(), rest.lines.end(), [](const auto& l) { return !l.blank; });
  rest.section.title = first != rest.lines.end() ? std::string(util::trim(first->text)) : std::string();
  rest.section.line_start = rest.lines.front().number;
  rest.section.page_start = rest.lines.front().page;
  rest.section.line_end = rest.lines.back().number;
  rest.section.page_end = rest.lines.back().page;
  return rest;
}

}  // namespace

model::Pack parse_pack(text::LineSource& source, const ParseOptions& options) {
  const grammar::Grammar& grammar = options.grammar != nullptr ? *options.grammar : grammar::default_grammar();
  model::Pack pack;
  pack.source.path = source.name();
  ExtractContext ctx(grammar, pack);

  // 1. Segment: every line is classified once; each section is handed over when it closes.
  const std::function<void(segment::SectionChunk&)> take = [&](segment::SectionChunk& chunk) {
    // 2. Read: the section's own reader turns its lines into entities; lines it leaves (the
    // minutes after an attendance list) are a section of the kind that follows it.
    const SectionKindSpec& spec = section_kind(chunk.section.kind);
    const std::size_t read = spec.read != nullptr ? spec.read(ctx, chunk) : chunk.lines.size();
    const bool rest_has_text = std::any_of(chunk.lines.begin() + static_cast<std::ptrdiff_t>(read), chunk.lines.end(),
                                           [](const auto& l) { return !l.blank; });
    std::optional<segment::SectionChunk> rest;
    if (read > 0 && rest_has_text && spec.then != chunk.section.kind) {
      rest = split_off(chunk, read, spec.then);
    }
    pack.sections.push_back(chunk.section);
    note_section(ctx, chunk);
    // 3. Index: paragraphs go to the full-text sink (ingest) while their section is in hand.
    if (options.on_block) {
      emit_blocks(chunk, options.on_block);
    }
    if (options.on_line) {
      for (const auto& line : chunk.lines) {
        options.on_line(line, pack.sections.size() - 1);
      }
    }
    hold_tail(chunk, ctx.previous_tail);
    if (rest) {
      take(*rest);
    }
  };
  segment::Segmenter segmenter(grammar, segmenter_rules(), take);
  // Markdown markup is dropped line by line before anything reads the words.
  text::MarkupFilter markup;
  text::Line line;
  while (source.next(line)) {
    line.text = markup.filter(line.text);
    line.heading = markup.heading();
    segmenter.push(line);
  }
  segmenter.finish();

  // 4. Resolve: what needs the whole pack (meeting dates, action merging, owners' names).
  resolve(ctx);
  // 5. Say where the pack was probably not understood.
  find_warnings(ctx);

  pack.source.sha256 = source.sha256_hex();
  pack.source.bytes = source.bytes();
  pack.source.lines = source.lines();
  pack.source.pages = source.pages();
  return pack;
}

model::Pack parse_file(const std::string& path, const ParseOptions& options) {
  const auto source = text::open_source(text::open_file(path), path, options.diagnostics);
  return parse_pack(*source, options);
}

}  // namespace bpack::extract
