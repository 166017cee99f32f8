#include "page.hpp"

#include "bpack/output/html.hpp"

namespace bpack::report {

std::string render_page(const Page& page) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  output::append_html_escaped(out, page.title);
  out += "</title>\n<link rel=\"stylesheet\" href=\"" + page.root + "style.css\">\n</head>\n<body>\n";
  out += "<a class=\"skip\" href=\"#main\">Skip to content</a>\n";
  out += "<header><nav aria-label=\"Report\"><ul>";
  out += "<li><a href=\"" + page.root + "index.html\">Boards and meetings</a></li>";
  out += "<li><a href=\"" + page.root + "actions.html\">Open actions by owner</a></li>";
  out += "<li><a href=\"" + page.root + "search.html\">Search</a></li>";
  out += "</ul></nav></header>\n<main id=\"main\">\n";
  out += page.body;
  out += "</main>\n<footer><p>Made with bpack report from the board packs' text.</p></footer>\n";
  out += page.scripts;
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace bpack::report
