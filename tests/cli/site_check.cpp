#include "cli/site_check.hpp"

#include <filesystem>
#include <map>
#include <set>

#include "cli/cli_support.hpp"

namespace bpack::test {
namespace {

// Values of `attribute="..."` in the HTML (scanned, not matched with std::regex: its
// backtracking takes minutes on a page of a few hundred kilobytes).
std::vector<std::string> attribute_values(const std::string& html, const std::string& attribute) {
  const std::string marker = attribute + "=\"";
  std::vector<std::string> values;
  for (std::size_t at = html.find(marker); at != std::string::npos; at = html.find(marker, at + 1)) {
    const char before = at > 0 ? html[at - 1] : ' ';
    if (before != ' ' && before != '\n' && before != '\t') {
      continue;  // part of a longer attribute name (data-href)
    }
    const std::size_t start = at + marker.size();
    const std::size_t end = html.find('"', start);
    if (end == std::string::npos) {
      break;
    }
    values.push_back(html.substr(start, end - start));
  }
  return values;
}

// The parts of `html` between each `open` and the next `close`.
std::vector<std::string> between(const std::string& html, const std::string& open, const std::string& close) {
  std::vector<std::string> parts;
  for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    const std::size_t start = html.find('>', at) + 1;
    const std::size_t end = html.find(close, start);
    if (end == std::string::npos) {
      break;
    }
    parts.push_back(html.substr(start, end - start));
  }
  return parts;
}

std::string unescaped(std::string text) {
  for (const auto& [entity, character] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}}) {
    for (std::size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, entity.size(), character);
    }
  }
  return text;
}

std::string without_tags(const std::string& html) {
  std::string text;
  bool in_tag = false;
  for (const char c : html) {
    if (c == '<' || c == '>') {
      in_tag = c == '<';
    } else if (!in_tag) {
      text.push_back(c);
    }
  }
  return unescaped(text);
}

}  // namespace

std::vector<std::string> hrefs_of(const std::string& html) {
  return attribute_values(html, "href");
}

std::vector<std::string> remote_references(const std::string& html) {
  std::vector<std::string> remote;
  for (const char* attribute : {"src", "href"}) {
    for (const auto& value : attribute_values(html, attribute)) {
      if (value.find("//") != std::string::npos) {
        remote.push_back(value);
      }
    }
  }
  return remote;
}

std::vector<std::string> ids_of(const std::string& html) {
  return attribute_values(html, "id");
}

std::vector<std::string> broken_links(const std::string& page_path, const std::string& html) {
  namespace fs = std::filesystem;
  std::map<std::string, std::set<std::string>> ids_by_file;  // the ids of each file linked to
  std::vector<std::string> broken;
  for (const std::string& raw : hrefs_of(html)) {
    const std::string href = unescaped(raw);
    if (href.find("://") != std::string::npos || href.rfind("//", 0) == 0) {
      broken.push_back(href);  // another site: the report must not need the network
      continue;
    }
    const std::size_t hash = href.find('#');
    std::string file = href.substr(0, hash);
    file = file.substr(0, file.find('?'));
    const fs::path target = file.empty() ? fs::path(page_path) : fs::path(page_path).parent_path() / file;
    if (!fs::is_regular_file(target)) {
      broken.push_back(href);
      continue;
    }
    if (hash != std::string::npos) {
      const std::string key = fs::weakly_canonical(target).string();
      if (!ids_by_file.count(key)) {
        const auto ids = ids_of(read_text(target.string()));
        ids_by_file[key] = std::set<std::string>(ids.begin(), ids.end());
      }
      if (!ids_by_file[key].count(href.substr(hash + 1))) {
        broken.push_back(href);
      }
    }
  }
  return broken;
}

std::vector<std::string> table_column(const std::string& html, const std::string& caption, std::size_t column) {
  std::vector<std::string> cells;
  for (const std::string& table : between(html, "<table", "</table>")) {
    const auto captions = between(table, "<caption", "</caption>");
    if (captions.empty() || without_tags(captions.front()).find(caption) == std::string::npos) {
      continue;
    }
    for (const std::string& row : between(table, "<tr", "</tr>")) {
      const auto row_cells = between(row, "<td", "</td>");
      if (column < row_cells.size()) {
        cells.push_back(without_tags(row_cells[column]));
      }
    }
  }
  return cells;
}

}  // namespace bpack::test
