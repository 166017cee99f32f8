#include "pack_pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "bpack/output/pack_views.hpp"
#include "page.hpp"

namespace bpack::report {
namespace {

using output::append_html_escaped;

// One paragraph, its first line numbered and linkable, and an anchor at each of its lines
// that a row points at (`targets`, sorted, from `*next` on).
void append_block(std::string& out, const index::PackBlock& block, const std::vector<std::int64_t>& targets,
                  std::size_t& next) {
  out += fmt::format("<p id=\"L{0}\"><a class=\"n\" href=\"#L{0}\">{0}</a>", block.line);
  std::int64_t line = block.line;
  std::size_t start = 0;
  while (next < targets.size() && targets[next] <= block.line) {
    ++next;  // this paragraph's own first line
  }
  for (std::size_t i = 0; i <= block.text.size(); ++i) {
    if (i < block.text.size() && block.text[i] != '\n') {
      continue;
    }
    if (line > block.line && next < targets.size() && targets[next] == line) {
      out += fmt::format("<span id=\"L{}\"></span>", line);
      ++next;
    }
    append_html_escaped(out, std::string_view(block.text).substr(start, i - start + (i < block.text.size() ? 1 : 0)));
    start = i + 1;
    ++line;
  }
  out += "</p>\n";
}

std::string pack_body(const index::PackRow& pack, const std::vector<index::OutlineSection>& sections,
                      const std::vector<index::PackBlock>& blocks, std::vector<std::int64_t> targets,
                      PackPlaces& places) {
  const std::string name = std::filesystem::path(pack.path).filename().string();
  std::string out = "<h1>";
  append_html_escaped(out, name);
  out += "</h1>\n<p class=\"meta\">";
  append_html_escaped(
      out, fmt::format("{}, meeting of {}. {}: {} lines, {} page{}, sha256 {}.",
                       pack.board.value_or("Board not stated"), pack.meeting_date.value_or("no date"), pack.path,
                       pack.lines, pack.pages, pack.pages == 1 ? "" : "s", pack.sha256.substr(0, 12)));
  out += "</p>\n";

  index::PackOutline outline;
  outline.pack = pack;
  outline.sections = sections;
  output::DetailView view = output::pack_outline_view(outline);
  output::HtmlOptions options;
  options.caption = "Sections";
  options.cell_href = [&](const output::ListView& list, std::size_t row, std::size_t column) -> std::string {
    return list.columns[column].name == "title" ? fmt::format("#L{}", sections[row].line_start) : std::string();
  };
  for (const auto& [list_name, list] : view.lists) {
    if (list_name == "sections" && !list.rows.empty()) {
      output::append_list_html(out, list, options);
    }
  }

  // Every line a link may point at gets an anchor; a line between paragraphs (blank, or
  // not kept) gets one where it would be.
  targets.push_back(1);
  std::sort(targets.begin(), targets.end());
  targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  out += "<h2>Text</h2>\n<div class=\"pack\">\n";
  std::size_t next = 0;
  std::int64_t page = 0;
  for (const auto& block : blocks) {
    while (next < targets.size() && targets[next] < block.line) {
      out += fmt::format("<span id=\"L{}\"></span>\n", targets[next++]);
    }
    if (block.page != page) {
      page = block.page;
      places.add_page_start(pack.id, page, block.line);
      if (pack.pages > 1) {
        out += fmt::format("<h2 class=\"page\" id=\"p{0}\">Page {0}</h2>\n", page);
      }
    }
    append_block(out, block, targets, next);
  }
  for (; next < targets.size(); ++next) {
    out += fmt::format("<span id=\"L{}\"></span>\n", targets[next]);
  }
  out += "</div>\n";
  return out;
}

}  // namespace

void PackPlaces::add_pack(std::int64_t pack_id, std::string file_name) {
  names_[pack_id] = std::move(file_name);
}

void PackPlaces::add_page_start(std::int64_t pack_id, std::int64_t page, std::int64_t line) {
  pages_[pack_id].emplace_back(line, page);
}

std::int64_t PackPlaces::page_of(std::int64_t pack_id, std::int64_t line) const {
  const auto found = pages_.find(pack_id);
  if (found == pages_.end()) {
    return 1;
  }
  const auto& starts = found->second;
  const auto after = std::upper_bound(starts.begin(), starts.end(), std::make_pair(line, INT64_MAX));
  return after == starts.begin() ? 1 : std::prev(after)->second;
}

std::optional<output::HtmlLink> PackPlaces::link(const output::Place& place, const std::string& root) const {
  const auto found = names_.find(place.pack_id);
  if (found == names_.end()) {
    return std::nullopt;
  }
  const std::int64_t line = std::max<std::int64_t>(place.line, 1);
  return output::HtmlLink{fmt::format("{}packs/{}.html#L{}", root, place.pack_id, line),
                          fmt::format("{} p.{} l.{}", found->second, page_of(place.pack_id, line), line)};
}

void write_pack_pages(index::Database& db, const std::vector<index::PackRow>& packs, SiteWriter& site,
                      PackPlaces& places) {
  for (const auto& pack : packs) {
    places.add_pack(pack.id, std::filesystem::path(pack.path).filename().string());
  }
  for (const auto& pack : packs) {
    const std::string body = pack_body(pack, index::pack_sections(db, pack.id), index::pack_blocks(db, pack.id),
                                       index::referenced_lines(db, pack.id), places);
    Page page{std::filesystem::path(pack.path).filename().string(), "../", body};
    site.write(fmt::format("packs/{}.html", pack.id), render_page(page));
  }
}

}  // namespace bpack::report
