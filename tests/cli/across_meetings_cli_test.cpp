// End to end: a board's business across meetings. The Westshire fixtures
// (tests/fixtures/westshire/) are five packs of one planning committee that name it three
// ways; the March minutes mark two actions without refs, which later logs carry as 41 and 42.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "cli/corpus_index.hpp"

namespace {

using bpack::test::Run;
using bpack::test::run_bpack;
using bpack::test::ScratchDir;
namespace json = bpack::test::json;

std::string fixture_dir() {
  return std::string(BPACK_SOURCE_DIR) + "/tests/fixtures/westshire";
}

struct Westshire {
  ScratchDir dir;
  std::string db = dir.file("westshire.db");
  Westshire() {
    const Run ingest = run_bpack({"--db", db, "ingest", fixture_dir()});
    REQUIRE_MESSAGE(ingest.status == 0, ingest.err);
  }
  Run bpack(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db});
    return run_bpack(args);
  }
  std::vector<json::Value> rows(std::vector<std::string> args) const {
    args.push_back("--json");
    const Run run = bpack(args);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    return json::parse_lines(run.out);
  }
};

// One field of each row as text: numbers as integers, null as "-".
std::vector<std::string> column(const std::vector<json::Value>& rows, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& row : rows) {
    const json::Value& v = row[key];
    out.push_back(v.type == json::Value::Type::number ? std::to_string(static_cast<long>(v.number))
                                                      : v.text().value_or("-"));
  }
  return out;
}

}  // namespace

TEST_CASE("westshire: the committee written three ways is one board; --board matches any of its names") {
  Westshire w;
  const auto boards = w.rows({"boards"});
  REQUIRE(boards.size() == 1);
  CHECK(boards[0]["name"].string == "Westshire District Council Planning Committee");
  CHECK(boards[0]["aliases"].string == "Westshire District Council Planning Committee; Planning Committee");
  CHECK(boards[0]["packs"].number == 5);
  // The 12 March meeting is one row: its agenda in one pack, its minutes in the next.
  const auto meetings = w.rows({"meetings"});
  CHECK(column(meetings, "date") ==
        std::vector<std::string>{"2024-03-12", "2024-04-09", "2024-05-14", "2024-06-11", "2024-07-09"});
  CHECK(meetings[0]["agenda_pack"].string.find("planning-2024-03-12.txt") != std::string::npos);
  CHECK(meetings[0]["minutes_pack"].string.find("planning-2024-04-09.txt") != std::string::npos);
  for (const char* name : {"westshire", "planning committee", "PLANNING"}) {
    CAPTURE(name);
    CHECK(w.rows({"meetings", "--board", name}).size() == 5);
    CHECK(w.rows({"actions", "--board", name}).size() == 4);
  }
  CHECK(w.rows({"decisions", "--board", "westshire"}).size() == 3);
  CHECK(w.rows({"meetings", "--board", "licensing"}).empty());
}

TEST_CASE("westshire: the minutes' actions and the later log's rows are one action each, and show says so") {
  Westshire w;
  const auto actions = w.rows({"actions"});
  CHECK(column(actions, "ref") == std::vector<std::string>{"41", "42", "43", "44"});
  CHECK(column(actions, "packs_seen") == std::vector<std::string>{"4", "4", "1", "2"});
  CHECK(column(actions, "raised") == std::vector<std::string>{"2024-03-12", "2024-03-12", "2024-04-09", "2024-05-14"});
  // 43 left the log without being closed.
  CHECK(column(actions, "vanished_date") == std::vector<std::string>{"-", "-", "2024-06-11", "-"});

  const auto show = w.rows({"actions", "show", "41"});
  REQUIRE(show.size() == 1);
  const auto& history = show[0]["history"].array;
  REQUIRE(history.size() == 4);
  CHECK(history[0]["source"].string == "minutes");
  CHECK_FALSE(history[0]["ref"].text().has_value());
  CHECK(history[1]["linked_by"].string == "text");
  CHECK(history[1]["similarity"].number > 0.5);
  CHECK(history[2]["linked_by"].string == "ref");
  const Run text = w.bpack({"actions", "show", "41"});
  CHECK(text.out.find("linked: ") != std::string::npos);
  CHECK(text.out.find("planning-2024-05-14.txt:") != std::string::npos);
  CHECK(text.out.find("joined by its owner and a text") != std::string::npos);
  // An action is also found by its id.
  const Run by_id = w.bpack({"actions", "show", "--id", std::to_string(static_cast<long>(actions[0]["id"].number))});
  CHECK(by_id.status == 0);
  CHECK(by_id.out.find("Action 41") == 0);
}

TEST_CASE("westshire: what each owner has open, overdue and oldest") {
  Westshire w;
  const auto owners = w.rows({"actions", "--by-owner", "--as-of", "2024-07-31"});
  // Most overdue first; 43 is still open (it vanished from the log without closing).
  CHECK(column(owners, "owner") == std::vector<std::string>{"Aisha Begum", "Jane Brown", "Peter Smith", "Tom Reilly"});
  CHECK(column(owners, "open") == std::vector<std::string>{"1", "1", "1", "1"});
  CHECK(column(owners, "overdue") == std::vector<std::string>{"1", "0", "0", "0"});
  CHECK(column(owners, "oldest_ref") == std::vector<std::string>{"43", "41", "44", "42"});
  CHECK(column(owners, "oldest_days") == std::vector<std::string>{"113", "141", "78", "141"});
  CHECK(w.bpack({"actions", "--by-owner", "--owner", "reilly", "--fail-if-any"}).status == 3);
  CHECK(w.bpack({"actions", "--by-owner", "--closed"}).status == 2);
}

TEST_CASE("westshire: changes since the last meeting, over a period, as CSV, and as a CI gate") {
  Westshire w;
  const auto latest = w.rows({"changes"});
  CHECK(column(latest, "ref") == std::vector<std::string>{"41", "41", "42", "44"});
  CHECK(column(latest, "kind") == std::vector<std::string>{"reopened", "slipped", "slipped", "owner"});
  CHECK(column(latest, "days") == std::vector<std::string>{"-", "184", "92", "-"});
  CHECK(column(latest, "from") == std::vector<std::string>{"closed", "Apr-24", "Sep-24", "Aisha Begum"});
  CHECK(column(latest, "to") == std::vector<std::string>{"open", "Oct-24", "Dec-24", "Peter Smith"});

  const auto june = w.rows({"changes", "--between", "planning-2024-05-14.txt", "planning-2024-06-11.txt"});
  CHECK(column(june, "kind") == std::vector<std::string>{"closed", "slipped", "vanished", "new"});
  CHECK(column(june, "ref") == std::vector<std::string>{"41", "42", "43", "44"});

  const Run csv = w.bpack({"changes", "--since", "2024-06-01", "--csv"});
  REQUIRE(csv.status == 0);
  const auto lines = bpack::test::split_lines(csv.out);
  REQUIRE(lines.size() == 9);  // header and 8 changes
  CHECK(lines[0].rfind("meeting_date,board,ref,kind,from,to,days,owner,text,", 0) == 0);

  // Fail when an action slipped twice.
  const Run gate =
      w.bpack({"changes", "--since", "2024-01-01", "--kind", "slipped", "--at-least", "2", "--fail-if-any", "--json"});
  CHECK(gate.status == 3);
  CHECK(column(json::parse_lines(gate.out), "ref") == std::vector<std::string>{"42", "42"});
  const Run calm = w.bpack({"changes", "--kind", "vanished", "--fail-if-any"});
  CHECK(calm.status == 0);
  const Run usage = w.bpack({"changes", "--kind", "lost"});
  CHECK(usage.status == 2);
}

TEST_CASE("westshire: boards merge survives ingest; split and rename") {
  ScratchDir dir;
  const std::string db = dir.file("index.db");
  const std::string packs = dir.file("packs");
  std::filesystem::copy(fixture_dir(), packs);
  // The committee's old name in one more pack: ingest cannot know it is the same board.
  const std::string old_name = packs + "/control-2023-11-14.txt";
  std::ofstream(old_name) << "Development Control Committee\nTuesday 14th November 2023\n7.00pm\n\nAGENDA\n\n"
                             "1. Apologies for absence\nChair 7.00pm\n";
  REQUIRE(run_bpack({"--db", db, "ingest", packs}).status == 0);
  const auto boards = [&] { return json::parse_lines(run_bpack({"--db", db, "boards", "--json"}).out); };
  REQUIRE(boards().size() == 2);

  const Run merge = run_bpack({"--db", db, "boards", "merge", "westshire", "development control"});
  CHECK(merge.status == 0);
  CHECK(merge.out.empty());
  CHECK(merge.err.find("merged into board") != std::string::npos);
  REQUIRE(boards().size() == 1);
  CHECK(boards()[0]["packs"].number == 6);

  std::ofstream(old_name, std::ios::app) << "\n2. Minutes of the previous meeting\nChair 7.05pm\n";
  const Run again = run_bpack({"--db", db, "ingest", packs});
  CHECK(again.err.find("0 added, 1 replaced, 5 unchanged") != std::string::npos);
  REQUIRE(boards().size() == 1);
  CHECK(boards()[0]["packs"].number == 6);

  CHECK(run_bpack({"--db", db, "boards", "rename", "westshire", "Westshire Planning"}).status == 0);
  CHECK(run_bpack({"--db", db, "boards", "split", "Development Control Committee"}).status == 0);
  const auto split = boards();
  REQUIRE(split.size() == 2);
  CHECK(column(split, "name") == std::vector<std::string>{"Development Control Committee", "Westshire Planning"});
  const Run ambiguous = run_bpack({"--db", db, "boards", "merge", "committee", "westshire"});
  CHECK(ambiguous.status == 2);
  CHECK(ambiguous.err.find("matches 2 boards") != std::string::npos);
}

TEST_CASE("corpus: lists say what a status filter left out; action 68 is closed at the meeting that closed it") {
  bpack::test::CorpusIndex index;
  const Run open = index.bpack({"actions", "--open"});
  CHECK(open.status == 0);
  CHECK(open.err == "(3 actions with unknown status not shown: --status unknown)\n");
  CHECK(index.bpack({"-q", "actions", "--open"}).err.empty());
  CHECK(index.bpack({"actions"}).err.empty());
  const Run closed = index.bpack({"actions", "--closed", "--json"});
  const auto rows = json::parse_lines(closed.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["ref"].string == "68");
  CHECK(rows[0]["closed_on"].string == "2021-12-08");
  CHECK(rows[0]["closed_in"].string.find("blmk-2022-02-09.txt") != std::string::npos);
  // Both packs name the board differently: one board.
  CHECK(json::parse_lines(index.bpack({"boards", "--json"}).out).size() == 1);
  CHECK(json::parse_lines(index.bpack({"meetings", "--board", "bedfordshire", "--json"}).out).size() == 4);
}
