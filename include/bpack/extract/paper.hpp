#pragma once

#include "bpack/extract/context.hpp"

namespace bpack::extract {

std::size_t read_paper(ExtractContext& ctx, segment::SectionChunk& chunk);

}  // namespace bpack::extract
