#pragma once

#include <string>
#include <vector>

#include "bpack/model/pack.hpp"
#include "bpack/output/json.hpp"

namespace bpack::output {

// Appends the `bpack.parse/1` object for one pack (docs/parse-json.md), on one line.
void append_pack_json(const model::Pack& pack, std::string& out);

// The contract's "warnings" list, as a field of the object `json` is writing.
void write_warnings(JsonWriter& json, const std::vector<model::Warning>& warnings);

}  // namespace bpack::output
