#pragma once

#include "bpack/extract/context.hpp"

namespace bpack::extract {

std::size_t read_action_log(ExtractContext& ctx, segment::SectionChunk& chunk);

}  // namespace bpack::extract
