#pragma once

#include "bpack/extract/context.hpp"

namespace bpack::extract {

void read_attendance(ExtractContext& ctx, segment::SectionChunk& chunk);

}  // namespace bpack::extract
