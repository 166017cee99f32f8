#include "bpack/text/text_source.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bpack/util/diagnostics.hpp"
#include "bpack/util/error.hpp"
#include "unit/text/line_reading.hpp"

namespace {

using bpack::CollectingSink;
using bpack::Diagnostic;
using bpack::text::ByteStream;
using bpack::text::from_string;
using bpack::text::Line;
using bpack::text::TextSource;

using bpack::test::Read;
using bpack::test::read_all;
using bpack::test::TrickleStream;

std::vector<Read> read_all(std::string bytes, const std::string& name = "pack.txt") {
  TextSource source(from_string(std::move(bytes)), name);
  return read_all(source);
}

std::vector<std::string> texts(const std::vector<Read>& lines) {
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (const auto& line : lines) {
    out.push_back(line.text);
  }
  return out;
}

std::vector<std::int64_t> numbers(const std::vector<Read>& lines) {
  std::vector<std::int64_t> out;
  for (const auto& line : lines) {
    out.push_back(line.number);
  }
  return out;
}

std::vector<std::int64_t> pages(const std::vector<Read>& lines) {
  std::vector<std::int64_t> out;
  for (const auto& line : lines) {
    out.push_back(line.page);
  }
  return out;
}

// The error message a binary input gets, or "" when none is thrown.
std::string binary_error(std::string bytes, const std::string& name) {
  TextSource source(from_string(std::move(bytes)), name);
  try {
    read_all(source);
  } catch (const bpack::Error& e) {
    return e.what();
  }
  return "";
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

constexpr const char* kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

}  // namespace

TEST_CASE("text_source: UTF-8 with and without BOM") {
  const std::string body = "Agenda\nItem 1 \xE2\x80\x93 Welcome\n";

  SUBCASE("without BOM") {
    const auto lines = read_all(body);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == "Agenda");
    CHECK(lines[0].number == 1);
    CHECK(lines[1].text == "Item 1 \xE2\x80\x93 Welcome");
  }
  SUBCASE("with BOM: stripped, first line text exact") {
    TextSource source(from_string("\xEF\xBB\xBF" + body), "pack.txt");
    const auto lines = read_all(source);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == "Agenda");
    CHECK(lines[0].number == 1);
    CHECK(lines[1].text == "Item 1 \xE2\x80\x93 Welcome");
    // The BOM is not text, but it is part of the file's bytes.
    CHECK(source.bytes() == body.size() + 3);
    CHECK_FALSE(source.used_cp1252());
  }
  SUBCASE("only a leading BOM is stripped") {
    const auto lines = read_all(
        "a\n\xEF\xBB\xBF"
        "b\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].text ==
          "\xEF\xBB\xBF"
          "b");
  }
  SUBCASE("a file holding only a BOM is empty") {
    TextSource source(from_string("\xEF\xBB\xBF"), "pack.txt");
    CHECK(read_all(source).empty());
    CHECK(source.lines() == 0);
    CHECK(source.pages() == 1);
    CHECK(source.bytes() == 3);
  }
}

TEST_CASE("text_source: LF and CRLF give the same lines") {
  const std::string lf = "Minutes\n\nPresent: A\nEnd\n";
  const std::string crlf = "Minutes\r\n\r\nPresent: A\r\nEnd\r\n";
  const auto from_lf = read_all(lf);
  const auto from_crlf = read_all(crlf);
  const std::vector<std::string> expected{"Minutes", "", "Present: A", "End"};
  CHECK(texts(from_lf) == expected);
  CHECK(texts(from_crlf) == expected);
  CHECK(numbers(from_crlf) == std::vector<std::int64_t>{1, 2, 3, 4});
  CHECK(numbers(from_crlf) == numbers(from_lf));

  SUBCASE("mixed line ends and a CRLF last line without a final newline") {
    CHECK(texts(read_all("a\r\nb\nc\r\nd")) == std::vector<std::string>{"a", "b", "c", "d"});
  }
  SUBCASE("a final CR without LF is a line end, not text") {
    CHECK(texts(read_all("a\r\nb\r")) == std::vector<std::string>{"a", "b"});
  }
}

TEST_CASE("text_source: form feed starts a new page") {
  // Page 1: lines 1-2. Line 3 begins with \f, so it is the first line of page 2. Line 4 has a
  // \f after text: its text is kept whole and the page turns for line 5. The trailing \f at
  // end of file closes page 3 and starts no page 4.
  TextSource source(from_string("p1 a\np1 b\n\fp2 a\nmid\fdle\np3 a\n\f"), "pack.txt");
  const auto lines = read_all(source);
  REQUIRE(lines.size() == 5);
  CHECK(texts(lines) == std::vector<std::string>{"p1 a", "p1 b", "p2 a", "middle", "p3 a"});
  CHECK(numbers(lines) == std::vector<std::int64_t>{1, 2, 3, 4, 5});  // they run on across pages
  CHECK(pages(lines) == std::vector<std::int64_t>{1, 1, 2, 2, 3});
  CHECK(source.lines() == 5);
  CHECK(source.pages() == 3);

  SUBCASE("text after a leading form feed is kept") {
    const auto one = read_all("first\n\fSecond page title\n");
    REQUIRE(one.size() == 2);
    CHECK(one[1].text == "Second page title");
    CHECK(one[1].page == 2);
  }
  SUBCASE("a form feed on a line of its own is an empty line on the new page") {
    TextSource s(from_string("a\n\f\nb\n"), "pack.txt");
    const auto got = read_all(s);
    REQUIRE(got.size() == 3);
    CHECK(got[1].text.empty());
    CHECK(got[1].page == 2);
    CHECK(got[2].text == "b");
    CHECK(got[2].page == 2);
    CHECK(s.pages() == 2);
  }
  SUBCASE("two form feeds in a row leave an empty page") {
    TextSource s(from_string("a\n\f\fb\n"), "pack.txt");
    const auto got = read_all(s);
    REQUIRE(got.size() == 2);
    CHECK(got[1].text == "b");
    CHECK(got[1].page == 3);
    CHECK(s.pages() == 3);
  }
  SUBCASE("form feed after CRLF") {
    const auto got = read_all("a\r\n\fb\r\n");
    REQUIRE(got.size() == 2);
    CHECK(got[1].text == "b");
    CHECK(got[1].page == 2);
  }
  SUBCASE("a trailing form feed at end of file adds no page") {
    TextSource after_newline(from_string("a\nb\n\f"), "pack.txt");
    CHECK(read_all(after_newline).size() == 2);
    CHECK(after_newline.lines() == 2);
    CHECK(after_newline.pages() == 1);

    TextSource after_text(from_string("a\nb\f"), "pack.txt");
    const auto got = read_all(after_text);
    REQUIRE(got.size() == 2);
    CHECK(got[1].text == "b");
    CHECK(got[1].page == 1);
    CHECK(after_text.pages() == 1);

    TextSource after_text_and_newline(from_string("a\nb\f\n"), "pack.txt");
    CHECK(read_all(after_text_and_newline).size() == 2);
    CHECK(after_text_and_newline.pages() == 1);
  }
  SUBCASE("pdftotext-style pages") {
    TextSource s(from_string("one\n\ftwo\n\fthree\n\f"), "pack.txt");
    const auto got = read_all(s);
    REQUIRE(got.size() == 3);
    CHECK(got[0].page == 1);
    CHECK(got[1].page == 2);
    CHECK(got[2].page == 3);
    CHECK(s.pages() == 3);
    CHECK(s.lines() == 3);
  }
}

TEST_CASE("text_source: invalid UTF-8 falls back to Windows-1252 with one warning") {
  CollectingSink sink;
  // 0x93/0x94 are curly double quotes, 0x96 an en dash, 0xA3 the pound sign in cp1252.
  TextSource source(from_string("Minutes\n\x93Quoted\x94 \x96 cost \xA3"
                                "5\nplain\nNet \xA3"
                                "3\n"),
                    "board-2021.txt", &sink);
  const auto lines = read_all(source);
  const std::vector<std::string> expected{"Minutes",
                                          "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 cost \xC2\xA3"
                                          "5",
                                          "plain",
                                          "Net \xC2\xA3"
                                          "3"};
  CHECK(texts(lines) == expected);
  CHECK(source.used_cp1252());
  REQUIRE(sink.items.size() == 1);  // two bad lines, one warning
  const Diagnostic& warning = sink.items[0];
  CHECK(warning.level == Diagnostic::Level::warning);
  CHECK(warning.file == "board-2021.txt");
  CHECK(warning.line == 2);  // where the first bad byte was seen
  CHECK(warning.message.find("Windows-1252") != std::string::npos);

  SUBCASE("valid UTF-8 lines of the same file stay as they are") {
    CollectingSink mixed_sink;
    const auto mixed = [&] {
      TextSource s(from_string("caf\xC3\xA9\n\xA3"
                               "1\n"),
                   "mixed.txt", &mixed_sink);
      return read_all(s);
    }();
    CHECK(texts(mixed) == std::vector<std::string>{"caf\xC3\xA9",
                                                   "\xC2\xA3"
                                                   "1"});
    CHECK(mixed_sink.items.size() == 1);
  }
  SUBCASE("valid UTF-8 raises no warning") {
    CollectingSink quiet;
    TextSource s(from_string("\xC2\xA3"
                             "5 \xE2\x80\x9Cok\xE2\x80\x9D\n"),
                 "ok.txt", &quiet);
    read_all(s);
    CHECK(quiet.items.empty());
    CHECK_FALSE(s.used_cp1252());
  }
  SUBCASE("no sink: decodes all the same") {
    TextSource s(from_string("\x93hi\x94"), "nosink.txt");
    CHECK(texts(read_all(s)) == std::vector<std::string>{"\xE2\x80\x9Chi\xE2\x80\x9D"});
    CHECK(s.used_cp1252());
  }
}

TEST_CASE("text_source: binary input is refused naming the file") {
  SUBCASE("a NUL byte") {
    const std::string message = binary_error(std::string("text\nmore\0bytes\n", 16), "scan.pdf");
    CHECK(starts_with(message, "scan.pdf:2: "));
    CHECK(message.find("not a text file") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);  // one line
  }
  SUBCASE("a NUL byte in an unterminated last line") {
    const std::string message = binary_error(std::string("\0", 1), "blob.bin");
    CHECK(starts_with(message, "blob.bin:1: "));
    CHECK(message.find("not a text file") != std::string::npos);
  }
  SUBCASE("other C0 control bytes") {
    CHECK(starts_with(binary_error("PK\x03\x04zip\n", "a.zip"), "a.zip:1: "));
    CHECK(binary_error("PK\x03\x04zip\n", "a.zip").find("not a text file") != std::string::npos);
    CHECK_THROWS_AS(read_all("ok\n\x01\n"), bpack::Error);
  }
  SUBCASE("tab, vertical tab and escape are text") {
    CHECK(texts(read_all("a\tb\vc\x1B[0m\n")) == std::vector<std::string>{"a\tb\vc\x1B[0m"});
  }
}

TEST_CASE("text_source: empty input") {
  TextSource source(from_string(""), "empty.txt");
  CHECK(source.sha256_hex().empty());  // not known until the end
  Line line;
  CHECK_FALSE(source.next(line));
  CHECK_FALSE(source.next(line));  // and stays at the end
  CHECK(source.lines() == 0);
  CHECK(source.pages() == 1);
  CHECK(source.bytes() == 0);
  CHECK(source.sha256_hex() == kEmptySha256);
  CHECK_FALSE(source.used_cp1252());
}

TEST_CASE("text_source: a 10 MB single line is read back whole") {
  constexpr std::size_t kSize = 10 * 1024 * 1024;
  std::string big(kSize, ' ');
  for (std::size_t i = 0; i < kSize; ++i) {
    big[i] = static_cast<char>('a' + i % 26);
  }

  SUBCASE("unterminated") {
    TextSource source(from_string(big), "big.txt");
    Line line;
    REQUIRE(source.next(line));
    CHECK(line.text.size() == kSize);
    CHECK(line.text == big);
    CHECK(line.number == 1);
    CHECK_FALSE(source.next(line));
    CHECK(source.lines() == 1);
    CHECK(source.bytes() == kSize);
  }
  SUBCASE("followed by another line, fed in small reads") {
    TextSource source(std::make_unique<TrickleStream>(big + "\r\nafter\n", 65536), "big.txt");
    Line line;
    REQUIRE(source.next(line));
    CHECK(line.text.size() == kSize);
    CHECK(line.text == big);
    REQUIRE(source.next(line));
    CHECK(std::string(line.text) == "after");
    CHECK(line.number == 2);
    CHECK_FALSE(source.next(line));
    CHECK(source.bytes() == kSize + 8);
  }
}

TEST_CASE("text_source: last line without a newline") {
  TextSource source(from_string("first\nlast"), "pack.txt");
  const auto lines = read_all(source);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].text == "last");
  CHECK(lines[1].number == 2);
  CHECK(source.lines() == 2);
}

TEST_CASE("text_source: lines() counts terminated lines and a final line with text") {
  auto count = [](std::string bytes) {
    TextSource source(from_string(std::move(bytes)), "pack.txt");
    const auto lines = read_all(source);
    CHECK(static_cast<std::int64_t>(lines.size()) == source.lines());
    return source.lines();
  };
  CHECK(count("a\nb\n") == 2);
  CHECK(count("a\nb") == 2);
  CHECK(count("a\n\n") == 2);    // a terminated empty line is a line
  CHECK(count("a\n \t ") == 1);  // a final unterminated white-space line is not
  CHECK(count("a\n  x") == 2);   // ... but one with text is
  CHECK(count("\n") == 1);
  CHECK(count("   ") == 0);
}

TEST_CASE("text_source: sha256_hex and bytes() describe the input bytes") {
  SUBCASE("abc") {
    TextSource source(from_string("abc"), "abc.txt");
    CHECK(source.sha256_hex().empty());
    read_all(source);
    CHECK(source.sha256_hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(source.bytes() == 3);
  }
  SUBCASE("hash and size are of the raw bytes, BOM and CRLF included") {
    // sha256 of these 9 bytes, from sha256sum.
    TextSource source(from_string("\xEF\xBB\xBF"
                                  "a\r\nb\r\n"),
                      "crlf.txt");
    CHECK(texts(read_all(source)) == std::vector<std::string>{"a", "b"});
    CHECK(source.bytes() == 9);
    CHECK(source.sha256_hex() == "ef7385f30109f20b5bb2d2b82376d31c0fc64b33feefeb8efac373469fc9dca6");
  }
}

TEST_CASE("text_source: results do not depend on how the bytes arrive") {
  // Over 256 KiB (the read chunk) of CRLF lines with a BOM, UTF-8, cp1252 and form feeds, read
  // in one go and in reads of awkward sizes.
  std::string bytes = "\xEF\xBB\xBF";
  for (int i = 1; i <= 30000; ++i) {
    if (i % 1000 == 0) {
      bytes += "\f";
    }
    bytes += "line " + std::to_string(i) + (i % 7 == 0 ? " \xE2\x80\x94 dash" : "") + "\r\n";
  }
  bytes +=
      "cost \xA3"
      "9";  // cp1252 in the last, unterminated line
  REQUIRE(bytes.size() > 256 * 1024);

  TextSource whole(from_string(bytes), "pack.txt");
  const auto expected = read_all(whole);
  REQUIRE(expected.size() == 30001);
  CHECK(expected[0].text == "line 1");
  CHECK(expected[6].text == "line 7 \xE2\x80\x94 dash");
  CHECK(expected[999].page == 2);  // line 1000 starts with \f
  CHECK(expected[998].page == 1);
  CHECK(expected[29999].page == 31);
  CHECK(expected[30000].text ==
        "cost \xC2\xA3"
        "9");
  CHECK(whole.pages() == 31);

  for (const std::size_t step : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{4093}}) {
    CAPTURE(step);
    TextSource trickled(std::make_unique<TrickleStream>(bytes, step), "pack.txt");
    const auto got = read_all(trickled);
    REQUIRE(got.size() == expected.size());
    bool same = true;
    for (std::size_t i = 0; i < got.size() && same; ++i) {
      same = got[i].text == expected[i].text && got[i].number == expected[i].number && got[i].page == expected[i].page;
    }
    CHECK(same);
    CHECK(trickled.sha256_hex() == whole.sha256_hex());
    CHECK(trickled.bytes() == bytes.size());
    CHECK(trickled.pages() == whole.pages());
  }
}

TEST_CASE("text_source: open_file reads a file and names a missing one") {
  const auto path = std::filesystem::temp_directory_path() / "bpack_text_source_test.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBFOne\r\n\fTwo\r\n";
  }
  TextSource source(bpack::text::open_file(path.string()), path.string());
  const auto lines = read_all(source);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == "One");
  CHECK(lines[1].text == "Two");
  CHECK(lines[1].page == 2);
  CHECK(source.bytes() == 14);
  std::filesystem::remove(path);

  const std::string missing = "/nonexistent-dir/bpack-missing.txt";
  try {
    bpack::text::open_file(missing);
    FAIL("open_file did not throw");
  } catch (const bpack::Error& e) {
    CHECK(starts_with(e.what(), missing + ": cannot open"));
  }
}
