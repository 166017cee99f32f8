#pragma once

#include <string>

#include "bpack/model/pack.hpp"

namespace bpack::output {

// Appends the `bpack.parse/1` object for one pack (docs/parse-json.md), on one line.
void append_pack_json(const model::Pack& pack, std::string& out);

}  // namespace bpack::output
