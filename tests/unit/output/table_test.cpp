#include "bpack/output/table.hpp"

#include <doctest/doctest.h>

#include <string>

#include "bpack/output/csv.hpp"
#include "bpack/output/json_view.hpp"
#include "bpack/output/list_writer.hpp"
#include "bpack/output/record_views.hpp"

namespace {

using bpack::output::Align;
using bpack::output::Cell;
using bpack::output::ListView;

ListView sample() {
  ListView t;
  t.columns = {{"ref", Align::right}, {"status"}, {"text", Align::left, true}, {"line", Align::right, false, false}};
  t.add({Cell(std::int64_t{9}), Cell(std::string("open")), Cell(std::string("Report on Wave 5 capital")),
         Cell(std::int64_t{572})});
  t.add({Cell(std::int64_t{46}), Cell(std::string("in_progress")), Cell(std::monostate{}), Cell(std::int64_t{604})});
  t.add({Cell(std::int64_t{100}), Cell(std::string("closed")), Cell(std::string("Chair’s update\nnext line")),
         Cell(std::int64_t{7})});
  return t;
}

TEST_CASE("aligned table: header, right-aligned numbers, hidden columns, no trailing spaces") {
  CHECK(bpack::output::render_table(sample()) ==
        "REF  STATUS       TEXT\n"
        "  9  open         Report on Wave 5 capital\n"
        " 46  in_progress\n"
        "100  closed       Chair’s update next line\n");
}

TEST_CASE("a table wider than the terminal shortens its flexible columns") {
  CHECK(bpack::output::render_table(sample(), 34) ==
        "REF  STATUS       TEXT\n"
        "  9  open         Report on Wave …\n"
        " 46  in_progress\n"
        "100  closed       Chair’s update …\n");
  // Never below a readable minimum: then the line is simply long.
  CHECK(bpack::output::render_table(sample(), 10).find("Report on W…") != std::string::npos);
}

TEST_CASE("cells as text") {
  CHECK(bpack::output::cell_text(Cell(0.5)) == "0.5");
  CHECK(bpack::output::cell_text(Cell(2.0)) == "2");
  CHECK(bpack::output::cell_text(Cell(-4.853681900834554), 6) == "-4.853682");
  CHECK(bpack::output::cell_text(Cell(true)) == "true");
  CHECK(bpack::output::cell_text(Cell(std::monostate{})) == "");
  CHECK(bpack::output::display_width("Chair’s") == 7);
}

TEST_CASE("display-only columns stay out of JSON and CSV") {
  ListView t;
  t.columns = {{"ref"}, {"flags", Align::left, false, true, 0, false}};
  t.add({Cell(std::string("9")), Cell(std::string("overdue"))});
  CHECK(bpack::output::render_table(t) == "REF  FLAGS\n9    overdue\n");
  CHECK(bpack::output::render_json_lines(t) == "{\"ref\":\"9\"}\n");
  CHECK(bpack::output::render_csv(t) == "ref\r\n9\r\n");
}

TEST_CASE("JSON Lines keep every column and the value types") {
  CHECK(bpack::output::render_json_lines(sample()) ==
        "{\"ref\":9,\"status\":\"open\",\"text\":\"Report on Wave 5 capital\",\"line\":572}\n"
        "{\"ref\":46,\"status\":\"in_progress\",\"text\":null,\"line\":604}\n"
        "{\"ref\":100,\"status\":\"closed\",\"text\":\"Chair’s update\\nnext line\",\"line\":7}\n");
}

TEST_CASE("CSV follows RFC 4180") {
  CHECK(bpack::output::render_csv(sample()) ==
        "ref,status,text,line\r\n"
        "9,open,Report on Wave 5 capital,572\r\n"
        "46,in_progress,,604\r\n"
        "100,closed,\"Chair’s update\nnext line\",7\r\n");
  std::string out;
  bpack::output::append_csv_record(out, {"a,b", "say \"hi\"", " padded", "plain", ""});
  CHECK(out == "\"a,b\",\"say \"\"hi\"\"\",\" padded\",plain,\r\n");
}

}  // namespace

TEST_CASE("record views: every row keeps its text, its pack and the place it links to") {
  bpack::index::DecisionRow d;
  d.meeting_date = "2024-03-12";
  d.board = "Planning Committee";
  d.item = "4";
  d.kind = "resolved";
  d.text = "To approve the budget";
  d.pack = "packs/march.txt";
  d.pack_id = 3;
  d.line = 41;
  const ListView decisions = bpack::output::decisions_list({d, d});
  REQUIRE(decisions.rows.size() == 2);
  CHECK(bpack::output::render_csv(decisions) ==
        "meeting_date,board,item,kind,text,pack,line\r\n"
        "2024-03-12,Planning Committee,4,resolved,To approve the budget,packs/march.txt,41\r\n"
        "2024-03-12,Planning Committee,4,resolved,To approve the budget,packs/march.txt,41\r\n");
  REQUIRE(decisions.places.size() == 2);
  CHECK(decisions.places[1]->pack == "packs/march.txt");
  CHECK(decisions.places[1]->line == 41);

  bpack::index::AttendanceRow a;
  a.meeting_date = "2024-03-12";
  a.name = "Jane Brown";
  a.status = "member";
  a.pack = "packs/march.txt";
  a.pack_id = 3;
  a.line = 7;
  const ListView attendance = bpack::output::attendance_list({a});
  CHECK(bpack::output::render_csv(attendance) ==
        "meeting_date,board,name,initials,status,role,pack,line\r\n2024-03-12,,Jane "
        "Brown,,member,,packs/march.txt,7\r\n");
  CHECK(attendance.places[0]->pack == "packs/march.txt");
}

TEST_CASE("a list written row by row comes out as the whole list renders, in pieces, in every format") {
  // Enough rows for many 64 KB pieces of output and several 2 MB blocks of table text, with
  // cells longer than 127 bytes (two bytes of length) and empty ones.
  ListView list;
  list.columns = {{"n", Align::right}, {"text", Align::left, true}, {"note"}};
  for (std::int64_t i = 0; i < 30000; ++i) {
    list.add({Cell(i), Cell(std::string(static_cast<std::size_t>(i % 300), static_cast<char>('a' + i % 26))),
              i % 7 == 0 ? Cell(std::monostate{}) : Cell(std::string("n\u00e9 ") + std::to_string(i))});
  }
  for (const auto format :
       {bpack::output::ListFormat::text, bpack::output::ListFormat::json, bpack::output::ListFormat::csv}) {
    std::string streamed;
    std::size_t pieces = 0;
    bpack::output::ListWriter writer(list, format, {80}, [&](std::string_view text) {
      streamed += text;
      ++pieces;
    });
    for (const auto& row : list.rows) {
      writer.row(row);
    }
    CHECK(writer.finish().empty());  // all of it went to the sink
    CHECK(pieces > 10);
    CHECK(streamed == bpack::output::render_list(list, format, {80}));
  }
  const std::string table = bpack::output::render_table(list);
  CHECK(bpack::output::render_list(list, bpack::output::ListFormat::text, {}) == table);
  CHECK(bpack::output::render_list(list, bpack::output::ListFormat::csv) == bpack::output::render_csv(list));
  // Every row of the table holds its own cells, wherever the blocks of text end.
  std::size_t at = table.find('\n') + 1;
  std::size_t wrong = 0;
  for (std::int64_t i = 0; i < 30000; ++i) {
    const std::size_t end = table.find('\n', at);
    const std::string_view line = std::string_view(table).substr(at, end - at);
    const std::string text(static_cast<std::size_t>(i % 300), static_cast<char>('a' + i % 26));
    const std::string n = std::to_string(i);
    const std::size_t n_end = line.find_first_not_of(' ');
    const bool ok =
        line.substr(n_end, n.size()) == n && line.find(text) != std::string_view::npos &&
        (i % 7 == 0 ? line.find("n\u00e9") == std::string_view::npos : line.ends_with(std::string("n\u00e9 ") + n));
    wrong += ok ? 0 : 1;
    at = end + 1;
  }
  CHECK(wrong == 0);
}

TEST_CASE("a table cell that repeats the one above it is shown again, and a null under it stays empty") {
  ListView list;
  list.columns = {{"date"}, {"status"}, {"role"}};
  list.add({Cell(std::string("2021-02-03")), Cell(std::string("member")), Cell(std::string("Chair"))});
  list.add({Cell(std::string("2021-02-03")), Cell(std::string("member")), Cell(std::monostate{})});
  list.add({Cell(std::string("2021-02-03")), Cell(std::string("apologies")), Cell(std::monostate{})});
  list.add({Cell(std::string("2021-03-03")), Cell(std::string("apologies")), Cell(std::string("Chair"))});
  CHECK(bpack::output::render_table(list) ==
        "DATE        STATUS     ROLE\n"
        "2021-02-03  member     Chair\n"
        "2021-02-03  member\n"
        "2021-02-03  apologies\n"
        "2021-03-03  apologies  Chair\n");
}
