#pragma once

// The reader of each kind of section (see section_registry.hpp).

#include "bpack/extract/action_log.hpp"
#include "bpack/extract/agenda.hpp"
#include "bpack/extract/attendance.hpp"
#include "bpack/extract/forward_plan.hpp"
#include "bpack/extract/minutes.hpp"
#include "bpack/extract/paper.hpp"
