// Every test runs with the grammar contract strict: a reader that asks a grammar for a rule
// or capture group that src/grammar/rule_specs.cpp does not declare fails the test that
// reaches it (release builds of bpack treat such a name as absent).

#include "bpack/grammar/rule_specs.hpp"

namespace {

const bool kStrict = [] {
  bpack::grammar::set_strict_contract(true);
  return true;
}();

}  // namespace
