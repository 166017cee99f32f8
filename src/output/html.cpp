#include "bpack/output/html.hpp"

#include <fmt/format.h>

#include <array>

namespace bpack::output {
namespace {

// The first `width` characters of a UTF-8 text, ending in "…" when cut (as a terminal shows
// a column with a maximum width).
std::string shortened(const std::string& text, std::size_t width) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U && ++chars == width) {
      return text.substr(0, i) + "…";
    }
  }
  return text;
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  // A report escapes a whole index's text (every pack's page): runs without a special
  // character are found by a table look-up a byte and appended whole.
  static constexpr auto kSpecial = [] {
    std::array<bool, 256> special{};
    for (const char c : {'&', '<', '>', '"'}) {
      special[static_cast<unsigned char>(c)] = true;
    }
    return special;
  }();
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!kSpecial[static_cast<unsigned char>(text[i])]) {
      continue;
    }
    out.append(text.substr(start, i - start));
    switch (text[i]) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      default:
        out.append("&quot;");
        break;
    }
    start = i + 1;
  }
  out.append(text.substr(start));
}

void append_list_html(std::string& out, const ListView& list, const HtmlOptions& options) {
  std::vector<std::size_t> shown;
  for (std::size_t c = 0; c < list.columns.size(); ++c) {
    if (list.columns[c].in_table && list.columns[c].record == RecordPart::none) {
      shown.push_back(c);
    }
  }
  const bool sources = options.link && !list.places.empty();
  out += "<table>\n<caption>";
  append_html_escaped(out, options.caption.empty() ? list.name : options.caption);
  out += "</caption>\n<thead><tr>";
  for (const std::size_t c : shown) {
    const Column& column = list.columns[c];
    std::string header = column.header;
    if (header.empty()) {
      header = column.name;
      for (char& ch : header) {
        ch = ch == '_' ? ' ' : ch;
      }
      if (!header.empty() && header[0] >= 'a' && header[0] <= 'z') {
        header[0] = static_cast<char>(header[0] - 'a' + 'A');
      }
    } else {
      // A terminal's capitals read as shouting on a page.
      for (std::size_t i = 1; i < header.size(); ++i) {
        header[i] = header[i] >= 'A' && header[i] <= 'Z' ? static_cast<char>(header[i] - 'A' + 'a') : header[i];
      }
    }
    out += column.align == Align::right ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">";
    append_html_escaped(out, header);
    out += "</th>";
  }
  if (sources) {
    out += "<th scope=\"col\">Source</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < list.rows.size(); ++r) {
    out += "<tr>";
    for (const std::size_t c : shown) {
      const Column& column = list.columns[c];
      // Short values (dates, refs, statuses) stay on one line; long texts wrap.
      out += column.align == Align::right ? "<td class=\"num\">" : column.flexible ? "<td>" : "<td class=\"nw\">";
      std::string value = c < list.rows[r].size() ? cell_text(list.rows[r][c]) : std::string();
      if (column.max_width > 0) {
        value = shortened(value, column.max_width);
      }
      const std::string href = options.cell_href ? options.cell_href(list, r, c) : std::string();
      if (!href.empty()) {
        out += "<a href=\"";
        append_html_escaped(out, href);
        out += "\">";
      }
      append_html_escaped(out, value);
      out += href.empty() ? "</td>" : "</a></td>";
    }
    if (sources) {
      out += "<td>";
      if (r < list.places.size() && list.places[r]) {
        if (const auto link = options.link(*list.places[r])) {
          out += "<a href=\"";
          append_html_escaped(out, link->href);
          out += "\">";
          append_html_escaped(out, link->label);
          out += "</a>";
        }
      }
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  for (const auto& note : list.notes) {
    out += "<p class=\"note\">";
    append_html_escaped(out, note);
    out += "</p>\n";
  }
}

void append_detail_html(std::string& out, const DetailView& detail, const HtmlOptions& options) {
  const int level = options.heading_level;
  out += fmt::format("<section class=\"{}\">\n<h{}>", detail.name, level);
  append_html_escaped(out, detail.title);
  if (!detail.subtitle.empty()) {
    out += " <small>";
    append_html_escaped(out, detail.subtitle);
    out += "</small>";
  }
  out += fmt::format("</h{}>\n", level);
  for (const auto& line : detail.lines) {
    out += "<p>";
    append_html_escaped(out, line);
    out += "</p>\n";
  }
  for (const auto& [name, list] : detail.lists) {
    if (list.rows.empty()) {
      continue;
    }
    HtmlOptions nested = options;
    nested.caption = name;
    append_list_html(out, list, nested);
  }
  out += "</section>\n";
}

}  // namespace bpack::output
