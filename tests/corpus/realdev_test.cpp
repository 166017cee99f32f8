// Accuracy targets on a held-out set of real board packs: texts in ../shared/realdev and their
// hand-written gold in ../shared/gold/realdev-*.gold.json, kept outside the project (their
// licence does not let them in). Each gold names its text in "source" ("path", relative to
// the shared folder) or "file". Each pack must score at least 0.85, the mean at least 0.90,
// and a plain text and its -layout twin (the same pack extracted keeping the layout) within
// 0.05 of each other, so that a reader does not depend on the extraction. Where the set is
// absent (CI, a fresh clone) the check says in one line that it was skipped, and passes.
// BPACK_SHARED names another folder holding realdev/ and gold/ (the default is the shared
// folder beside the source tree, ../shared).

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "corpus/accuracy.hpp"
#include "support/json.hpp"

namespace bpack::test {
namespace {

namespace fs = std::filesystem;

constexpr double kFileFloor = 0.85;
constexpr double kMeanFloor = 0.90;
constexpr double kTwinGap = 0.05;

fs::path shared_dir() {
  const char* env = std::getenv("BPACK_SHARED");
  return env != nullptr && *env != '\0' ? fs::path(env) : fs::path(BPACK_SOURCE_DIR).parent_path() / "shared";
}

std::vector<fs::path> gold_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("realdev-", 0) == 0 && name.size() > 10 && name.ends_with(".gold.json")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The text a gold file describes: "source": {"path": ...}, "source": "...", or "file": "...",
// relative to the shared folder (or to the realdev folder when it is a bare file name).
fs::path text_of_gold(const fs::path& shared, const json::Value& gold) {
  std::string path;
  if (gold.has("source") && gold["source"].has("path")) {
    path = gold["source"]["path"].text().value_or("");
  } else if (gold.has("source")) {
    path = gold["source"].text().value_or("");
  } else if (gold.has("file")) {
    path = gold["file"].text().value_or("");
  }
  if (path.empty()) {
    return {};
  }
  return path.find('/') == std::string::npos ? shared / "realdev" / path : shared / path;
}

// "02-x.layout.txt" and "02-x.txt" are one pack in two extractions.
std::string pack_of(const fs::path& text) {
  std::string stem = text.stem().string();
  const std::string layout = ".layout";
  if (stem.ends_with(layout)) {
    stem.erase(stem.size() - layout.size());
  }
  return stem;
}

}  // namespace

TEST_SUITE("corpus") {
  TEST_CASE("realdev: every held-out pack >= 0.85, mean >= 0.90, a text and its -layout twin within 0.05") {
    const fs::path shared = shared_dir();
    const fs::path gold_dir = shared / "gold";
    const fs::path text_dir = shared / "realdev";
    if (!fs::is_directory(gold_dir) || !fs::is_directory(text_dir)) {
      MESSAGE("realdev accuracy check skipped: " << shared.string()
                                                 << "/{realdev,gold} not found (the held-out set is kept outside the "
                                                    "project)");
      return;
    }
    const std::vector<fs::path> golds = gold_files(gold_dir);
    if (golds.empty()) {
      MESSAGE("realdev accuracy check skipped: no realdev-*.gold.json in " << gold_dir.string());
      return;
    }

    std::map<std::string, std::vector<std::pair<std::string, double>>> by_pack;
    double sum = 0;
    for (const fs::path& gold_path : golds) {
      const std::string name = gold_path.filename().string();
      const json::Value gold = json::parse(read_text(gold_path.string()));
      const fs::path text = text_of_gold(shared, gold);
      REQUIRE_MESSAGE(fs::is_regular_file(text), name << " names no text that exists: '" << text.string() << "'");
      const Run run = run_bpack({"parse", text.string(), "--json"});
      REQUIRE_MESSAGE(run.status == 0, "bpack parse " << text.string() << ": " << run.err);
      const PackScore score = score_pack(gold, json::parse(run.out));
      std::string lists;
      for (const auto& [list, s] : score.lists) {
        lists += " " + list + "=" + std::to_string(s.f1).substr(0, 5);
      }
      MESSAGE(text.filename().string() << " " << score.overall() << " (entity F1 " << score.entity_f1 << ", fields "
                                       << score.field_accuracy << ";" << lists << ")");
      CHECK_MESSAGE(score.overall() >= kFileFloor, name << " scores " << score.overall());
      sum += score.overall();
      by_pack[pack_of(text)].emplace_back(text.filename().string(), score.overall());
    }

    const double mean = sum / static_cast<double>(golds.size());
    MESSAGE("realdev mean over " << golds.size() << " files: " << mean);
    CHECK(mean >= kMeanFloor);

    for (const auto& entry : by_pack) {
      const auto& pack = entry.first;
      const auto& scores = entry.second;
      if (scores.size() < 2) {
        continue;
      }
      const auto range = std::minmax_element(scores.begin(), scores.end(),
                                             [](const auto& a, const auto& b) { return a.second < b.second; });
      const auto low = range.first;
      const auto high = range.second;
      CAPTURE(pack);
      CHECK_MESSAGE(high->second - low->second <= kTwinGap + 1e-9,
                    low->first << " " << low->second << " vs " << high->first << " " << high->second);
    }
  }
}

}  // namespace bpack::test
