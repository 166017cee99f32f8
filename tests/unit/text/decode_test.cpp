#include "bpack/text/decode.hpp"

#include <doctest/doctest.h>

#include <string>

using bpack::text::append_cp1252_as_utf8;
using bpack::text::is_valid_utf8;

TEST_CASE("text decode: is_valid_utf8") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII"));
  CHECK(is_valid_utf8("\xC2\xA3"));          // U+00A3
  CHECK(is_valid_utf8("\xE2\x80\x93"));      // U+2013
  CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point

  CHECK_FALSE(is_valid_utf8("\xA3"));              // a lone continuation byte (cp1252 pound)
  CHECK_FALSE(is_valid_utf8("\x93quoted\x94"));    // cp1252 curly quotes
  CHECK_FALSE(is_valid_utf8("\xC2"));              // truncated at the end
  CHECK_FALSE(is_valid_utf8("\xE2\x80"));          // truncated at the end
  CHECK_FALSE(is_valid_utf8("\xE2\x80x"));         // not a continuation byte
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  CHECK_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));
  CHECK_FALSE(is_valid_utf8("\xFF"));
}

TEST_CASE("text decode: Windows-1252 to UTF-8") {
  auto decode = [](std::string_view bytes) {
    std::string out = ">";  // appends, never replaces
    append_cp1252_as_utf8(bytes, out);
    return out;
  };
  CHECK(decode("abc") == ">abc");
  CHECK(decode("\x93\x94\x96\xA3") == ">\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x93\xC2\xA3");
  CHECK(decode("\x80") == ">\xE2\x82\xAC");                      // euro sign
  CHECK(decode("\x85") == ">\xE2\x80\xA6");                      // ellipsis
  CHECK(decode("\x92") == ">\xE2\x80\x99");                      // right single quote
  CHECK(decode("\x97") == ">\xE2\x80\x94");                      // em dash
  CHECK(decode("\x9F") == ">\xC5\xB8");                          // Y with diaeresis
  CHECK(decode("\xA0\xE9\xFF") == ">\xC2\xA0\xC3\xA9\xC3\xBF");  // Latin-1 half
  // The five bytes cp1252 leaves undefined become U+FFFD.
  CHECK(decode("\x81\x8D\x8F\x90\x9D") == ">\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("text decode: printable_ascii_prefix stops at the first byte that needs a closer look") {
  using bpack::text::printable_ascii_prefix;
  CHECK(printable_ascii_prefix("") == 0);
  CHECK(printable_ascii_prefix("plain text, long enough to take the eight-byte path ~") == 53);
  // Every position of every kind of stop byte, so that both the word loop and the byte loop
  // are seen to stop exactly there.
  for (const char stop : {'\t', '\f', '\r', '\0', '\x1F', '\x80', '\xC3', '\xFF'}) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string text(20, 'a');
      text[at] = stop;
      CHECK_MESSAGE(printable_ascii_prefix(text) == at, "stop byte ", static_cast<int>(stop), " at ", at);
    }
  }
  CHECK(printable_ascii_prefix(std::string(" !~\x7F", 4)) == 4);  // space, tilde and DEL are plain
}
