#pragma once

#include "bpack/extract/context.hpp"

namespace bpack::extract {

void read_minutes(ExtractContext& ctx, segment::SectionChunk& chunk);

}  // namespace bpack::extract
