// `bpack parse --json` on every pack in corpus/ exits 0 and keeps to the bpack.parse/1
// contract (docs/parse-json.md): every field present with its type, enumerations closed.

#include <doctest/doctest.h>

#include <dirent.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "support/json.hpp"

namespace bpack::test {
namespace {

using Type = json::Value::Type;

struct FieldSpec {
  const char* name;
  std::set<Type> types;
  std::set<std::string> values;  // for enumerations
};

const std::set<Type> kText{Type::string, Type::null};
const std::set<Type> kString{Type::string};
const std::set<Type> kNumber{Type::number};

void check_entity(const std::string& where, const json::Value& entity, const std::vector<FieldSpec>& fields) {
  REQUIRE_MESSAGE(entity.type == Type::object, where);
  for (const auto& f : fields) {
    INFO(where << "." << f.name);
    REQUIRE(entity.has(f.name));
    CHECK(f.types.count(entity[f.name].type) == 1);
    if (!f.values.empty() && entity[f.name].type == Type::string) {
      CHECK(f.values.count(entity[f.name].string) == 1);
    }
  }
}

std::vector<std::string> corpus_packs() {
  std::vector<std::string> packs;
  const std::string dir = std::string(BPACK_SOURCE_DIR) + "/corpus";
  if (DIR* d = ::opendir(dir.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      const std::string name = e->d_name;
      if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") {
        packs.push_back(dir + "/" + name);
      }
    }
    ::closedir(d);
  }
  std::sort(packs.begin(), packs.end());
  return packs;
}

bool is_iso_date(const json::Value& v) {
  if (v.is_null()) {
    return true;
  }
  const std::string& s = v.string;
  const auto digits = [&](std::size_t from, std::size_t n) {
    return s.size() >= from + n &&
           std::all_of(s.begin() + static_cast<long>(from), s.begin() + static_cast<long>(from + n), ::isdigit);
  };
  return (s.size() == 7 || s.size() == 10) && digits(0, 4) && s[4] == '-' && digits(5, 2) &&
         (s.size() == 7 || (s[7] == '-' && digits(8, 2)));
}

}  // namespace

TEST_CASE("corpus: parse --json keeps to the bpack.parse/1 contract on every pack") {
  const auto packs = corpus_packs();
  REQUIRE(packs.size() >= 2);
  for (const auto& pack : packs) {
    INFO(pack);
    const Run run = run_bpack({"parse", pack, "--json"});
    REQUIRE(run.status == 0);
    const json::Value doc = json::parse(run.out);
    CHECK(doc["schema"].text().value_or("") == "bpack.parse/1");
    check_entity("source", doc["source"],
                 {{"path", kString, {}},
                  {"sha256", kString, {}},
                  {"bytes", kNumber, {}},
                  {"lines", kNumber, {}},
                  {"pages", kNumber, {}}});
    CHECK(doc["source"]["sha256"].string.size() == 64);
    const std::vector<std::pair<std::string, std::vector<FieldSpec>>> lists{
        {"meetings",
         {{"body", kText, {}},
          {"date", kText, {}},
          {"date_text", kText, {}},
          {"time", kText, {}},
          {"venue", kText, {}},
          {"role", kString, {"agenda", "minutes"}},
          {"line", kNumber, {}}}},
        {"sections",
         {{"kind", kString, {"agenda", "attendance", "minutes", "action_log", "paper", "forward_plan", "other"}},
          {"title", kString, {}},
          {"line_start", kNumber, {}},
          {"line_end", kNumber, {}},
          {"page_start", kNumber, {}},
          {"page_end", kNumber, {}}}},
        {"agenda_items",
         {{"number", kText, {}},
          {"title", kString, {}},
          {"lead", kText, {}},
          {"paper", kText, {}},
          {"time", kText, {}},
          {"line", kNumber, {}}}},
        {"attendance",
         {{"name", kString, {}},
          {"role", kText, {}},
          {"initials", kText, {}},
          {"status", kString, {"member", "apologies", "attendee", "absent"}},
          {"meeting_date", kText, {}},
          {"line", kNumber, {}}}},
        {"minute_items",
         {{"number", kText, {}},
          {"title", kString, {}},
          {"meeting_date", kText, {}},
          {"line_start", kNumber, {}},
          {"line_end", kNumber, {}}}},
        {"decisions",
         {{"item", kText, {}},
          {"kind", kString, {"agreed", "resolved", "noted", "approved", "endorsed"}},
          {"text", kText, {}},
          {"meeting_date", kText, {}},
          {"line", kNumber, {}}}},
        {"actions",
         {{"ref", kText, {}},
          {"raised", kText, {}},
          {"raised_text", kText, {}},
          {"item", kText, {}},
          {"text", kText, {}},
          {"owner", kText, {}},
          {"due", kText, {}},
          {"due_text", kText, {}},
          {"status", kString, {"open", "in_progress", "proposed_closed", "closed", "deferred", "unknown"}},
          {"status_text", kText, {}},
          {"comments", kText, {}},
          {"source", kString, {"action_log", "minutes"}},
          {"line", kNumber, {}}}},
        {"papers",
         {{"ref", kText, {}},
          {"title", kText, {}},
          {"purpose", kText, {}},
          {"ask", kText, {}},
          {"recommendation", kText, {}},
          {"line_start", kNumber, {}},
          {"line_end", kNumber, {}}}},
        {"warnings",
         {{"code",
           kString,
           {"no_sections", "empty_action_log", "empty_attendance", "undated_minutes", "outside_minutes",
            "ragged_table"}},
          {"message", kString, {}},
          {"line", kNumber, {}}}},
    };
    for (const auto& list : lists) {
      const auto& name = list.first;
      const auto& fields = list.second;
      REQUIRE_MESSAGE(doc[name].type == Type::array, name);
      for (std::size_t i = 0; i < doc[name].array.size(); ++i) {
        check_entity(name + "[" + std::to_string(i) + "]", doc[name].array[i], fields);
      }
    }
    for (const auto& m : doc["meetings"].array) {
      CHECK(is_iso_date(m["date"]));
    }
    for (const auto& a : doc["actions"].array) {
      CHECK(is_iso_date(a["raised"]));
      CHECK(is_iso_date(a["due"]));
    }
    // Sections cover the pack in order without overlapping.
    double last_end = 0;
    for (const auto& s : doc["sections"].array) {
      CHECK(s["line_start"].number > last_end);
      CHECK(s["line_end"].number >= s["line_start"].number);
      last_end = s["line_end"].number;
    }
    CHECK(last_end <= doc["source"]["lines"].number + 1);
  }
}

}  // namespace bpack::test
