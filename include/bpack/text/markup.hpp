#pragma once

// Board packs converted to Markdown (docling, markitdown, pandoc, static-site front matter)
// carry markup that is not part of the pack's words. MarkupFilter rewrites each line so the
// parser sees the words only, line for line (line numbers stay those of the file):
//   - YAML front matter at the top (between `---` lines): its `title:` value is kept as a
//     heading (a page title often names the meeting), other top-level keys as labelled lines
//     ("location: MS Teams" -> "Location: MS Teams") except `date:` (the page's own date,
//     not the meeting's), and a block of text under a key
//     ("minutes: >-" and indented lines) as a heading named by the key and the block's lines,
//     unindented and read as Markdown; nested mappings and lists become blank lines;
//   - `#` heading marks, `>` quote marks, `**` / `__` emphasis, and backslash escapes are
//     dropped; a link keeps its text ("[Full report](http://...)" -> "Full report");
//   - a table row `| a | b |` becomes its cells separated by wide gutters, the way layout
//     text prints a table row; a `|---|---|` rule becomes a blank line.
// Plain text passes through unchanged, and without a copy.

#include <string>
#include <string_view>

namespace bpack::text {

class MarkupFilter {
 public:
  // The line without its markup, valid until the next call.
  std::string_view filter(std::string_view line);
  // The last line filtered was a Markdown heading (`## Apologies`).
  bool heading() const { return heading_; }

 private:
  std::string_view front_matter(std::string_view line);
  std::string_view markdown(std::string_view line);

  enum class FrontMatter { unknown, inside, block, done };
  FrontMatter front_matter_ = FrontMatter::unknown;
  std::size_t block_indent_ = std::string_view::npos;  // of the text block under a key
  bool heading_ = false;
  std::string out_;
};

}  // namespace bpack::text
