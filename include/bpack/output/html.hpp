#pragma once

// Views as HTML fragments for the report's pages: a list is a real table (a caption, column
// headers with scope, a row header-less body), a detail view a section with its lines and
// its lists. Text is escaped; nothing depends on colour (flags are words). Where a row comes
// from (its Place) becomes a link in a last "Source" column when the caller says where
// places live.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "bpack/output/view.hpp"

namespace bpack::output {

struct HtmlLink {
  std::string href;
  std::string label;
};

struct HtmlOptions {
  // Where a place is shown ("packs/12.html#L572", "blmk.txt p.1 l.572"); empty: no link.
  std::function<std::optional<HtmlLink>(const Place&)> link;
  // A column whose cells link somewhere (a meeting's date to its page): column name -> href
  // of the row (empty: none).
  std::function<std::string(const ListView&, std::size_t row, std::size_t column)> cell_href;
  std::string caption;    // the table's caption; empty: the list's name
  int heading_level = 2;  // of a detail view's title; its lists' names are one below
};

// Appends `text` with &, <, > and " escaped.
void append_html_escaped(std::string& out, std::string_view text);

void append_list_html(std::string& out, const ListView& list, const HtmlOptions& options);
void append_detail_html(std::string& out, const DetailView& detail, const HtmlOptions& options);

}  // namespace bpack::output
