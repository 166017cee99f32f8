#include "bpack/output/text.hpp"

#include "bpack/output/list_writer.hpp"
#include "bpack/output/terminal_text.hpp"

namespace bpack::output {
namespace {

std::string indented(const std::string& text) {
  std::string out;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find('\n', start);
    out += "  " + text.substr(start, end == std::string::npos ? std::string::npos : end - start + 1);
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return out;
}

// Pack text escaped for a terminal (terminal_text.hpp); the match marks a search puts in its
// snippets (\x02, \x03, never in pack text) become bold, or brackets without it.
std::string safe_marked(std::string_view value, const TextStyle& style) {
  const bool bold = !style.bold_start.empty();
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && value[i] != '\x02' && value[i] != '\x03') {
      continue;
    }
    append_terminal_safe(out, value.substr(start, i - start));
    if (i < value.size()) {
      const bool opens = value[i] == '\x02';
      out += bold ? std::string(opens ? style.bold_start : style.bold_end) : std::string(opens ? "[" : "]");
    }
    start = i + 1;
  }
  return out;
}

}  // namespace

void append_record(std::string& out, const std::vector<Column>& columns, const std::vector<Cell>& row,
                   const TextStyle& style) {
  std::string head;
  std::string body;
  for (std::size_t c = 0; c < columns.size() && c < row.size(); ++c) {
    const std::string value = safe_marked(cell_text(row[c]), style);
    switch (columns[c].record) {
      case RecordPart::head:
        head += std::string(style.bold_start) + value + std::string(style.bold_end);
        break;
      case RecordPart::detail:
        if (!value.empty()) {
          head += "  " + value;
        }
        break;
      case RecordPart::body:
        body += "    " + value + "\n";
        break;
      case RecordPart::none:
        break;
    }
  }
  out += head + "\n" + body;
}

std::string render_list_text(const ListView& list, const TextStyle& style) {
  return render_list(list, ListFormat::text, style);
}

std::string render_detail_text(const DetailView& detail, const TextStyle& style) {
  // Titles and lines hold pack text and file names: escaped for a terminal.
  std::string out = std::string(style.bold_start) + terminal_safe(detail.title) + std::string(style.bold_end) +
                    (detail.subtitle.empty() ? "" : "  " + terminal_safe(detail.subtitle)) + "\n";
  for (const auto& line : detail.lines) {
    out += "  " + terminal_safe(line) + "\n";
  }
  TextStyle nested = style;
  nested.width = style.width > 2 ? style.width - 2 : 0;
  for (const auto& [name, list] : detail.lists) {
    if (!list.rows.empty()) {
      out += name + "\n" + indented(render_list_text(list, nested));
    }
  }
  return out;
}

}  // namespace bpack::output
