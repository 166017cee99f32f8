#pragma once

// The packs' pages: each pack's text from the index, paragraph by paragraph, with an anchor
// at every line a row of the index points at (packs/ID.html#L572) and a heading where each
// page starts; and the page of any line, for the labels of links to it.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bpack/index/database.hpp"
#include "bpack/index/pack_queries.hpp"
#include "bpack/output/html.hpp"
#include "site_writer.hpp"

namespace bpack::report {

class PackPlaces {
 public:
  void add_pack(std::int64_t pack_id, std::string file_name);
  void add_page_start(std::int64_t pack_id, std::int64_t page, std::int64_t line);
  std::int64_t page_of(std::int64_t pack_id, std::int64_t line) const;
  // "../packs/12.html#L572", "blmk-2021-04-07.txt p.1 l.572"; empty for a pack without a page.
  std::optional<output::HtmlLink> link(const output::Place& place, const std::string& root) const;

 private:
  std::unordered_map<std::int64_t, std::string> names_;
  std::unordered_map<std::int64_t, std::vector<std::pair<std::int64_t, std::int64_t>>> pages_;  // (line, page)
};

// Writes packs/ID.html for every pack in `packs` and records their pages in `places`.
void write_pack_pages(index::Database& db, const std::vector<index::PackRow>& packs, SiteWriter& site,
                      PackPlaces& places);

}  // namespace bpack::report
