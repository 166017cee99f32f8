// The JSON reader the end-to-end tests rely on must reject what is not JSON, or the
// "--json output parses" tests prove nothing.

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "cli/cli_support.hpp"

namespace {

using bpack::test::json::parse;
using bpack::test::json::parse_lines;

TEST_CASE("the test JSON reader accepts JSON") {
  const auto v =
      parse(R"( {"a": [1, -2.5e3, 0.25, true, false, null], "b": {"c": "x\"y\\u00e9\ud83d\ude00\n"}, "d": []} )");
  CHECK(v["a"].array.size() == 6);
  CHECK(v["a"].array[1].number == -2500.0);
  CHECK(v["a"].array[5].is_null());
  CHECK(v["b"]["c"].string == "x\"y\\u00e9\xF0\x9F\x98\x80\n");
  CHECK(v["d"].array.empty());
  CHECK(parse_lines("{\"x\":1}\n\n[2]\n").size() == 2);
}

TEST_CASE("the test JSON reader rejects what is not JSON") {
  for (const std::string bad :
       {"",     "{",       "{\"a\":1,}",  "[1,]",        "{a:1}",   "'x'",       "\"tab\there\"",
        "01",   "1.",      ".5",          "-",           "NaN",     "Infinity",  "tru",
        "nul",  "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "[1] [2]", "{\"a\" 1}", "\"unterminated",
        "[1 2]"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse(bad), std::runtime_error);
  }
}

}  // namespace
