#include "bpack/output/terminal_text.hpp"

#include <doctest/doctest.h>

#include <string>

#include "bpack/output/csv.hpp"
#include "bpack/output/json_view.hpp"
#include "bpack/output/table.hpp"
#include "bpack/output/text.hpp"
#include "bpack/output/view.hpp"

namespace {

using bpack::output::terminal_safe;

// What a pack or a file name can hold that a terminal acts on: a window title set by OSC, the
// screen cleared, the same through the C1 form of CSI, and text shown right to left.
const std::string kTitle = "\x1b]0;PWNED\x1b\\";
const std::string kClear = "\x1b[2J";
const std::string kC1 =
    "\xc2\x9b"
    "31m";
const std::string kBidi = "invoice\xe2\x80\xaetxt.exe";

TEST_CASE("terminal_safe: controls, C1 and bidirectional overrides are shown as escapes") {
  CHECK(terminal_safe(kTitle) == "\\x1b]0;PWNED\\x1b\\");
  CHECK(terminal_safe(kClear) == "\\x1b[2J");
  CHECK(terminal_safe(kC1) == "\\u009b31m");
  CHECK(terminal_safe(kBidi) == "invoice\\u202etxt.exe");
  CHECK(terminal_safe("a\rb\bc\x7f"
                      "d\x07") == "a\\x0db\\x08c\\x7fd\\x07");
  CHECK(terminal_safe("\xe2\x81\xa6isolate\xe2\x81\xa9") == "\\u2066isolate\\u2069");
  // Bytes that are not UTF-8 (a file name in another encoding).
  CHECK(terminal_safe("caf\xe9 \x9b") == "caf\\xe9 \\x9b");
}

TEST_CASE("terminal_safe: text, tabs, line breaks and other scripts are left alone") {
  const std::string text = "Covid-19 – vaccination “uptake” 79%\tdone\nÉtat 東京 €5 🙂";
  CHECK(terminal_safe(text) == text);
  CHECK(terminal_safe(terminal_safe(kTitle)) == terminal_safe(kTitle));  // escaping twice changes nothing
}

TEST_CASE("tables show escapes; JSON keeps the exact text as \\u escapes; CSV keeps it, quoted") {
  bpack::output::ListView table;
  table.columns = {{"name"}, {"text"}};
  table.add({bpack::output::Cell(kBidi), bpack::output::Cell(kTitle + kClear + kC1)});

  CHECK(bpack::output::render_table(table) ==
        "NAME                  TEXT\n"
        "invoice\\u202etxt.exe  \\x1b]0;PWNED\\x1b\\\\x1b[2J\\u009b31m\n");
  // A record list (search hits) and a detail view escape the same way.
  table.layout = bpack::output::ListView::Layout::records;
  table.columns[0].record = bpack::output::RecordPart::head;
  table.columns[1].record = bpack::output::RecordPart::body;
  CHECK(bpack::output::render_list_text(table, {}) ==
        "invoice\\u202etxt.exe\n    \\x1b]0;PWNED\\x1b\\\\x1b[2J\\u009b31m\n");
  table.layout = bpack::output::ListView::Layout::table;
  CHECK(bpack::output::render_json_lines(table) ==
        "{\"name\":\"invoice\\u202etxt.exe\",\"text\":\"\\u001b]0;PWNED\\u001b\\\\\\u001b[2J\\u009b31m\"}\n");
  CHECK(bpack::output::render_csv(table) == "name,text\r\n\"" + kBidi + "\",\"" + kTitle + kClear + kC1 + "\"\r\n");
}

}  // namespace
