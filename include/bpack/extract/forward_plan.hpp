#pragma once

#include "bpack/extract/context.hpp"

namespace bpack::extract {

void read_forward_plan(ExtractContext& ctx, segment::SectionChunk& chunk);

}  // namespace bpack::extract
