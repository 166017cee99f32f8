#pragma once

// The report's folder: a file is written only when its bytes change (so a CI job can publish
// the folder and see real changes), and generated files the run did not produce again are
// removed from the folders the report owns.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bpack/report/report.hpp"

namespace bpack::report {

class SiteWriter {
 public:
  // `owned`: subfolders whose *.html the report alone writes (stale pages there are removed).
  SiteWriter(std::string dir, std::vector<std::string> owned);

  // Writes `content` to DIR/relative unless the file holds exactly that already. Throws
  // bpack::Error naming the file.
  void write(const std::string& relative, std::string_view content);

  // Removes the owned folders' pages not written by this run; returns the counts.
  ReportSummary finish();

 private:
  std::string dir_;
  std::vector<std::string> owned_;
  std::set<std::string> written_;
  ReportSummary summary_;
};

}  // namespace bpack::report
