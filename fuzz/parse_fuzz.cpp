// bytes -> parse -> JSON: any input either parses to a pack whose JSON is well formed, or is
// refused with bpack::Error. A crash, a hang or a leak is a bug. PDFs are left out: their
// bytes are poppler's to read, and parse_pdf_fuzz would be another target.

#include <cstddef>
#include <cstdint>
#include <string>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/output/pack_json.hpp"
#include "bpack/text/open_source.hpp"
#include "bpack/util/error.hpp"
#include "fuzz_support.hpp"

namespace {

// A shallow check of what append_pack_json wrote: one line, one object, brackets balanced
// outside strings, no raw control byte. The full contract is checked by the test suite.
void check_json(const std::string& json) {
  if (json.empty() || json.front() != '{' || json.back() != '}') {
    bpack::fuzz::fail("pack JSON is not one object");
  }
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const auto c = static_cast<unsigned char>(json[i]);
    if (c < 0x20) {
      bpack::fuzz::fail("raw control byte in pack JSON");
    }
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth < 0) {
        bpack::fuzz::fail("unbalanced brackets in pack JSON");
      }
    }
  }
  if (depth != 0 || in_string) {
    bpack::fuzz::fail("unterminated pack JSON");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bpack::text::looks_like_pdf(bytes)) {
    return -1;  // not added to the corpus
  }
  try {
    auto source = bpack::text::open_source(std::move(bytes), "fuzz.txt");
    const bpack::model::Pack pack = bpack::extract::parse_pack(*source);
    std::string json;
    bpack::output::append_pack_json(pack, json);
    check_json(json);
  } catch (const bpack::Error&) {
    // refused with a message: fine
  }
  return 0;
}
