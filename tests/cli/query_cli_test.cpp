// End to end: the query commands on the corpus, checked against the gold and the text.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bpack/util/strings.hpp"
#include "cli/cli_support.hpp"
#include "cli/corpus_index.hpp"

namespace {

using bpack::test::CorpusIndex;
using bpack::test::read_text;
using bpack::test::split_lines;
namespace json = bpack::test::json;

std::vector<std::string> refs_of(const std::string& json_lines) {
  std::vector<std::string> refs;
  for (const auto& row : json::parse_lines(json_lines)) {
    refs.push_back(row["ref"].text().value_or("(none)"));
  }
  std::sort(refs.begin(), refs.end());
  return refs;
}

TEST_CASE("actions --open lists exactly the gold's open actions, latest state winning") {
  CorpusIndex index;
  const auto expected = bpack::test::gold_open_refs();
  CHECK(expected == std::vector<std::string>{"19", "46", "47", "67", "72", "9"});
  const auto run = index.bpack({"actions", "--open", "--json"});
  REQUIRE(run.status == 0);
  CHECK(refs_of(run.out) == expected);
  for (const auto& row : json::parse_lines(run.out)) {
    CHECK((row["status"].string == "open" || row["status"].string == "in_progress"));
  }
}

TEST_CASE("actions: --fail-if-any is a CI gate; show REF gives the history") {
  CorpusIndex index;
  const auto gate = index.bpack({"actions", "--open", "--fail-if-any"});
  CHECK(gate.status == 3);
  CHECK_FALSE(gate.out.empty());
  const auto none = index.bpack({"actions", "--status", "deferred", "--fail-if-any", "--json"});
  CHECK(none.status == 0);
  CHECK(none.out.empty());

  const auto show = index.bpack({"actions", "show", "46", "--json"});
  REQUIRE(show.status == 0);
  const auto histories = json::parse_lines(show.out);
  REQUIRE(histories.size() == 1);
  const auto& action = histories[0];
  CHECK(action["ref"].string == "46");
  CHECK(action["status"].string == "open");
  REQUIRE(action["history"].array.size() == 1);
  CHECK(action["history"].array[0]["pack"].string.find("blmk-2021-04-07.txt") != std::string::npos);
  // Gold: action 46 is in the 2021 log and not in the 2022 pack's log, never closed.
  CHECK(action["vanished"].boolean);
  CHECK(action["vanished_date"].text() == "2022-02-09");

  const auto text = index.bpack({"actions", "show", "46"});
  CHECK(text.status == 0);
  CHECK(text.out.find("Action 46") != std::string::npos);
  CHECK(text.out.find("vanished: not in the action log of") != std::string::npos);

  const auto missing = index.bpack({"actions", "show", "9999"});
  CHECK(missing.status == 1);
  CHECK(missing.err == "bpack: no action with ref 9999\n");
}

TEST_CASE("search vaccination: every hit's line holds a form of the word; the top hit is about vaccination") {
  CorpusIndex index;
  const auto run = index.bpack({"search", "vaccination", "--json"});
  REQUIRE(run.status == 0);
  const auto hits = json::parse_lines(run.out);
  REQUIRE(hits.size() == 20);
  for (const auto& hit : hits) {
    const auto lines = split_lines(read_text(hit["pack"].string));
    const auto line = static_cast<std::size_t>(hit["line"].number);
    CAPTURE(hit["pack"].string);
    CAPTURE(line);
    REQUIRE(line >= 1);
    REQUIRE(line <= lines.size());
    // Porter stems vaccination, vaccinated, vaccine, vaccinating alike: "vaccin".
    CHECK(bpack::util::contains_ci(lines[line - 1], "vaccin"));
    CHECK(hit["snippet"].string.find('[') != std::string::npos);
  }
  const auto& top = hits[0];
  const std::string where = top["section"].text().value_or("") + " | " + top["item"].text().value_or("");
  CAPTURE(where);
  CHECK(bpack::util::contains_ci(where, "vaccin"));
  CHECK(top["rank"].number == 1);

  // The plain text form: path:line first.
  const auto plain = index.bpack({"search", "vaccination", "--limit", "1"});
  REQUIRE(plain.status == 0);
  CHECK(plain.out.rfind(top["pack"].string + ":" + std::to_string(static_cast<int>(top["line"].number)), 0) == 0);
}

TEST_CASE("search: plain words are always valid; --raw syntax errors are usage errors") {
  CorpusIndex index;
  for (const std::string query : {"COVID-19", "9.03.22", "“health inequalities”", "don't", "AND", "NEAR(", "a:b",
                                  "\"vacc", "(covid)", "vacc*", "-covid", "covid^2", "{text}:x"}) {
    CAPTURE(query);
    const auto run = index.bpack({"search", "--json", "--", query});
    CHECK(run.status == 0);
    CHECK((run.err.empty() || run.err == "search: no paragraph matches\n"));
    CHECK_NOTHROW(json::parse_lines(run.out));
  }
  // Nothing left to search for is a usage error, said as such.
  for (const std::string query : {"\"", "(", "--", "“”"}) {
    CAPTURE(query);
    const auto run = index.bpack({"search", "--", query});
    CHECK(run.status == 2);
    CHECK(run.err == "bpack: search: the query has no words to search for\n");
  }
  const auto raw = index.bpack({"search", "--raw", "vaccination AND ("});
  CHECK(raw.status == 2);
  CHECK(raw.out.empty());
  CHECK(raw.err.rfind("bpack: search: not a valid FTS5 query: fts5: syntax error", 0) == 0);
  CHECK(std::count(raw.err.begin(), raw.err.end(), '\n') == 1);

  const auto phrase = index.bpack({"search", "--raw", "\"vaccination centre\"", "--json"});
  CHECK(phrase.status == 0);
  CHECK(json::parse_lines(phrase.out).size() >= 2);  // lines 219 and 314 of the 2021 pack

  const auto kind = index.bpack({"search", "vaccination", "--kind", "minutes", "--json"});
  CHECK(kind.status == 0);
  for (const auto& hit : json::parse_lines(kind.out)) {
    CHECK(hit["kind"].string == "minutes");
  }
  CHECK(index.bpack({"search", "vaccination", "--kind", "nonsense"}).status == 2);
  CHECK(index.bpack({"search", "vaccination", "--since", "2021-13-01"}).status == 2);
}

TEST_CASE("the sqlite3 shell sees the full-text table") {
  CorpusIndex index;
  const auto which = bpack::test::run_program("/bin/sh", {"-c", "command -v sqlite3"});
  if (which.status != 0) {
    MESSAGE("sqlite3 shell not installed: skipped");
    return;
  }
  const auto run = bpack::test::run_program(
      "sqlite3", {index.db, "SELECT * FROM passages_fts WHERE passages_fts MATCH 'vaccination'"});
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  CHECK(bpack::util::contains_ci(run.out, "vaccination"));
  CHECK(split_lines(run.out).size() > 20);
}

TEST_CASE("every command's --json output parses") {
  CorpusIndex index;
  const std::string pack = bpack::test::corpus_file("blmk-2022-02-09.txt");
  struct Case {
    std::vector<std::string> args;
    bool rows_expected;
  };
  std::vector<Case> cases = {
      {{"actions", "--json"}, true},
      {{"actions", "--open", "--overdue", "--as-of", "2022-03-01", "--json"}, true},
      {{"actions", "show", "67", "--json"}, true},
      {{"search", "health", "inequalities", "--json"}, true},
      {{"meetings", "--json"}, true},
      {{"decisions", "--json"}, true},
      {{"attendance", "--json"}, true},
      {{"attendance", "--summary", "--json"}, true},
      {{"show", "--json"}, true},
      {{"show", pack, "--json"}, true},
      {{"export", "--table", "actions", "--json"}, true},
  };
  for (const char* table : {"packs", "meetings", "sections", "agenda_items", "attendance", "minute_items", "decisions",
                            "papers", "actions", "action_history", "blocks", "passages"}) {
    cases.push_back({{"export", "--table", table, "--format", "json"}, std::string(table) != "agenda_items"});
  }
  for (const auto& c : cases) {
    const auto run = index.bpack(c.args);
    std::string command;
    for (const auto& arg : c.args) {
      command += arg + " ";
    }
    CAPTURE(command);
    CHECK(run.status == 0);
    std::vector<json::Value> rows;
    CHECK_NOTHROW(rows = json::parse_lines(run.out));
    if (c.rows_expected) {
      CHECK_FALSE(rows.empty());
    }
    for (const auto& row : rows) {
      CHECK(row.type == json::Value::Type::object);
    }
  }
  // A fresh ingest reports each file as JSON too.
  bpack::test::ScratchDir dir;
  const auto ingest = bpack::test::run_bpack({"--db", dir.file("fresh.db"), "ingest", pack, "--json"});
  CHECK(ingest.status == 0);
  const auto results = json::parse_lines(ingest.out);
  REQUIRE(results.size() == 1);
  CHECK(results[0]["outcome"].string == "added");
}

TEST_CASE("CSV and JSON carry the same rows") {
  CorpusIndex index;
  const auto json_rows = json::parse_lines(index.bpack({"actions", "--json"}).out);
  const auto csv = index.bpack({"actions", "--csv"}).out;
  CHECK(csv.rfind("board,ref,status,", 0) == 0);
  // Records end in CRLF; the action texts hold no line breaks.
  std::size_t records = 0;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) {
    ++records;
  }
  CHECK(records == json_rows.size() + 1);
  CHECK(index.bpack({"actions", "--csv", "--json"}).status == 2);
}

TEST_CASE("every command's --help shows an example") {
  for (const std::vector<std::string>& command : {std::vector<std::string>{"ingest"},
                                                  {"actions"},
                                                  {"actions", "show"},
                                                  {"search"},
                                                  {"meetings"},
                                                  {"decisions"},
                                                  {"attendance"},
                                                  {"show"},
                                                  {"export"}}) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    const auto run = bpack::test::run_bpack(args);
    CAPTURE(command.back());
    CHECK(run.status == 0);
    CHECK(run.out.find("Examples:\n  bpack " + command[0]) != std::string::npos);
  }
}

}  // namespace
