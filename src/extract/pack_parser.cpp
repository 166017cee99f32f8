#include "bpack/extract/pack_parser.hpp"

#include "bpack/extract/context.hpp"
#include "bpack/extract/section_registry.hpp"
#include "bpack/segment/segmenter.hpp"
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

}  // namespace

model::Pack parse_pack(text::LineSource& source, const ParseOptions& options) {
  const grammar::Grammar& grammar = options.grammar != nullptr ? *options.grammar : grammar::default_grammar();
  model::Pack pack;
  pack.source.path = source.name();
  ExtractContext ctx(grammar, pack);

  // 1. Segment: every line is classified once; each section is handed over when it closes.
  segment::Segmenter segmenter(grammar, segmenter_rules(), [&](segment::SectionChunk& chunk) {
    // 2. Read: the section's own reader turns its lines into entities.
    if (const SectionReader read = section_kind(chunk.section.kind).read) {
      read(ctx, chunk);
    }
    pack.sections.push_back(chunk.section);
    // 3. Index: paragraphs go to the full-text sink (ingest) while their section is in hand.
    if (options.on_block) {
      emit_blocks(chunk, options.on_block);
    }
  });
  text::Line line;
  while (source.next(line)) {
    segmenter.push(line);
  }
  segmenter.finish();

  // 4. Resolve: what needs the whole pack (meeting dates, action merging, owners' names).
  resolve(ctx);

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
