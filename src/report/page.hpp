#pragma once

// The frame every page of the report shares: language, title, the local stylesheet, a skip
// link, the navigation and a footer. Pages in subfolders reach the others through `root`.

#include <string>
#include <string_view>

namespace bpack::report {

struct Page {
  std::string title;
  std::string root;          // "" for pages at the top, "../" in subfolders
  std::string body;          // the main content, HTML
  std::string scripts = {};  // <script> elements after the content
};

std::string render_page(const Page& page);

}  // namespace bpack::report
