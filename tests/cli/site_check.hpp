#pragma once

// Reads the report's HTML as a browser would need it: the links of a page (href values) and
// the ids it defines, and which relative links do not resolve to a file and an id there.

#include <string>
#include <vector>

namespace bpack::test {

std::vector<std::string> hrefs_of(const std::string& html);
// The src and href values that reach beyond the folder ("https://...", "//host/...").
std::vector<std::string> remote_references(const std::string& html);
std::vector<std::string> ids_of(const std::string& html);

// Each link of `html` (a page at `page_path`) that points at no file, or at an id its file
// does not define, as "href"; links to other sites are reported too (the report must stand
// alone).
std::vector<std::string> broken_links(const std::string& page_path, const std::string& html);

// The text of the cells in column `column` (0-based) of every table whose caption contains
// `caption`.
std::vector<std::string> table_column(const std::string& html, const std::string& caption, std::size_t column);

}  // namespace bpack::test
