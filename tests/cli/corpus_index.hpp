#pragma once

// A temporary index holding both corpus packs, made by the built binary, and the gold's
// view of the same packs.

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"

namespace bpack::test {

inline const std::vector<std::string>& corpus_packs() {
  static const std::vector<std::string> packs = {"blmk-2021-04-07.txt", "blmk-2022-02-09.txt"};
  return packs;
}

struct CorpusIndex {
  ScratchDir dir;
  std::string db = dir.file("corpus.db");
  Run ingest;

  CorpusIndex() {
    std::vector<std::string> args = {"--db", db, "ingest"};
    for (const auto& pack : corpus_packs()) {
      args.push_back(corpus_file(pack));
    }
    ingest = run_bpack(args);
    REQUIRE_MESSAGE(ingest.status == 0, ingest.err);
  }

  // bpack --db DB ARGS...
  Run bpack(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db});
    return run_bpack(args);
  }
};

// The gold's answer to "which actions are open?" across the corpus: each ref's status in the
// pack with the latest meeting date (the meeting the pack is for) that carries it.
inline std::vector<std::string> gold_open_refs() {
  std::map<std::string, std::pair<std::string, std::string>> latest;  // ref -> (pack date, status)
  for (const auto& pack : corpus_packs()) {
    const std::string name = pack.substr(0, pack.size() - 4);
    const auto gold = json::parse(read_text(std::string(BPACK_SOURCE_DIR) + "/corpus/gold/" + name + ".gold.json"));
    std::string date;
    for (const auto& meeting : gold["meetings"].array) {
      if (meeting["role"].string == "agenda") {
        date = meeting["date"].string;
      }
    }
    REQUIRE_FALSE(date.empty());
    for (const auto& action : gold["actions"].array) {
      const auto ref = action["ref"].text();
      REQUIRE(ref.has_value());
      auto& slot = latest[*ref];
      if (date >= slot.first) {
        slot = {date, action["status"].string};
      }
    }
  }
  std::vector<std::string> open;
  for (const auto& [ref, state] : latest) {
    if (state.second == "open" || state.second == "in_progress") {
      open.push_back(ref);
    }
  }
  std::sort(open.begin(), open.end());
  return open;
}

}  // namespace bpack::test
