#pragma once

// Accuracy of `bpack parse --json` against the hand-checked gold files in corpus/gold/:
// per entity list, precision / recall / F1 of the entities found and, for matched ones,
// how many fields agree; overall = mean of (entity F1 averaged over lists, field accuracy).
// Entities are matched the way the gold's notes describe: meetings by (role, date), agenda
// and minute items by number (else title), attendance by name without titles, actions by
// ref (else by the most similar text), decisions by (meeting, item, kind) and most similar
// text, sections and papers by line-span overlap of at least one half.

#include <map>
#include <string>

#include "support/json.hpp"

namespace bpack::test {

struct ListScore {
  int gold = 0;
  int pred = 0;
  int matched = 0;
  double f1 = 0;
  int fields_agree = 0;
  int fields_total = 0;
  double field_accuracy() const { return fields_total == 0 ? 1.0 : static_cast<double>(fields_agree) / fields_total; }
};

struct PackScore {
  std::map<std::string, ListScore> lists;
  double entity_f1 = 0;
  double field_accuracy = 0;
  double overall() const { return (entity_f1 + field_accuracy) / 2; }
};

PackScore score_pack(const json::Value& gold, const json::Value& pred);

// difflib-style similarity ratio (Ratcliff/Obershelp) of two normalised texts.
double similarity(const std::string& a, const std::string& b);

}  // namespace bpack::test
