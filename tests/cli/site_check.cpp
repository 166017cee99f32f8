#include "cli/site_check.hpp"

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "cli/cli_support.hpp"

namespace bpack::test {
namespace {

std::vector<std::string> attribute_values(const std::string& html, const std::string& attribute) {
  const std::regex pattern("\\s" + attribute + "=\"([^\"]*)\"");
  std::vector<std::string> values;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), pattern); it != std::sregex_iterator(); ++it) {
    values.push_back((*it)[1].str());
  }
  return values;
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
  return unescaped(std::regex_replace(html, std::regex("<[^>]*>"), ""));
}

}  // namespace

std::vector<std::string> hrefs_of(const std::string& html) {
  return attribute_values(html, "href");
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
  const std::regex table("<table>([\\s\\S]*?)</table>");
  const std::regex row("<tr>([\\s\\S]*?)</tr>");
  const std::regex cell("<td[^>]*>([\\s\\S]*?)</td>");
  for (auto t = std::sregex_iterator(html.begin(), html.end(), table); t != std::sregex_iterator(); ++t) {
    const std::string body = (*t)[1].str();
    const std::size_t open = body.find("<caption>");
    if (open == std::string::npos ||
        without_tags(body.substr(open, body.find("</caption>") - open)).find(caption) == std::string::npos) {
      continue;
    }
    for (auto r = std::sregex_iterator(body.begin(), body.end(), row); r != std::sregex_iterator(); ++r) {
      const std::string cells_html = (*r)[1].str();
      std::size_t index = 0;
      for (auto c = std::sregex_iterator(cells_html.begin(), cells_html.end(), cell); c != std::sregex_iterator();
           ++c, ++index) {
        if (index == column) {
          cells.push_back(without_tags((*c)[1].str()));
        }
      }
    }
  }
  return cells;
}

}  // namespace bpack::test
