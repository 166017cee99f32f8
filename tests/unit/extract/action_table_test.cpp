#include "bpack/extract/action_table.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "unit/extract/extract_support.hpp"

namespace bpack::extract {
namespace {

using test::section_lines;

const grammar::Grammar& g() {
  return grammar::default_grammar();
}

// The header's columns as "field@column".
std::string columns(const TableHeader& header) {
  static const char* kNames[] = {"ref", "raised", "item", "text", "owner", "due", "status", "comments"};
  std::vector<std::string> out;
  for (const auto& [at, column] : header.columns) {
    out.push_back(std::string(kNames[static_cast<int>(column)]) + "@" + std::to_string(at));
  }
  return test::joined(out);
}

std::string row(const model::Action& a) {
  return a.ref.value_or("<null>") + " | " + a.text.value_or("<null>") + " | " + a.owner.value_or("<null>") + " | " +
         a.due.value_or("<null>") + " | " + std::string(model::to_string(a.status)) + " | " + std::to_string(a.line);
}

}  // namespace

TEST_SUITE("extract action table") {
  TEST_CASE("action_table_header: columns in any order, with where each starts") {
    const auto log = action_table_header(g(), "Ref   Action                  Owner   Due date     Status");
    REQUIRE(log);
    CHECK(columns(*log) == "ref@0 / text@6 / owner@30 / due@38 / status@51");
    CHECK(log->has(TableColumn::owner));
    CHECK_FALSE(log->has(TableColumn::comments));

    const auto minutes = action_table_header(g(), "Action items            Person responsible     Deadline");
    REQUIRE(minutes);
    CHECK(columns(*minutes) == "text@0 / owner@24 / due@47");

    const auto reordered = action_table_header(g(), "Owner    Status    Action");
    REQUIRE(reordered);
    CHECK(columns(*reordered) == "owner@0 / status@9 / text@19");
  }

  TEST_CASE("action_table_header: no header without an action column and a second column") {
    CHECK_FALSE(action_table_header(g(), ""));
    CHECK_FALSE(action_table_header(g(), "Action"));
    CHECK_FALSE(action_table_header(g(), "Owner     Due date     Status"));
    CHECK_FALSE(action_table_header(g(), "Action to be taken by the Clerk before the next meeting"));
  }

  TEST_CASE("read_action_table: rows anchored on refs, wrapped text joined, the table's end returned") {
    auto s = section_lines({
        "Ref   Action                          Owner   Due date     Status",    // 1 (index 0)
        "7     Publish the drought plan        JW      30/06/2024   Open",      // 2
        "      for consultation",                                               // 3
        "8     Write to the regulator          AK      31/07/2024   Complete",  // 4
    });
    std::vector<model::Action> out;
    TableContext context;
    context.raised = "2024-05-01";
    const std::size_t end = read_action_table(g(), s.lines, 0, s.lines.size(), context, out);
    CHECK(end == s.lines.size());
    REQUIRE(out.size() == 2);
    CHECK(row(out[0]) == "7 | Publish the drought plan for consultation | JW | 2024-06-30 | open | 2");
    CHECK(row(out[1]) == "8 | Write to the regulator | AK | 2024-07-31 | closed | 4");
    CHECK(out[0].raised.value_or("<null>") == "2024-05-01");
  }

  TEST_CASE("read_action_table: a header with no rows under it reads nothing") {
    auto s = section_lines({"Ref   Action      Owner"});
    std::vector<model::Action> out;
    read_action_table(g(), s.lines, 0, s.lines.size(), TableContext{}, out);
    CHECK(out.empty());
  }
}

}  // namespace bpack::extract
