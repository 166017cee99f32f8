#pragma once

// The grammar contract: every rule name the code asks a grammar for, with the capture groups
// each alternative of it must have and may have. Loading a grammar checks each rule against
// this table, so that a misspelt rule name or capture group in a grammar file is an error that
// names its file and line instead of a rule that silently never fires, and a reader never asks
// for a group its rule cannot have.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bpack::grammar {

struct RuleSpec {
  std::string_view name;
  std::string_view required;  // capture groups every alternative must have, space-separated
  std::string_view optional;  // capture groups an alternative may have, space-separated
};

// The table, sorted by name.
std::span<const RuleSpec> rule_specs();
// The entry for `name`, or nullptr when the code never asks for a rule of that name.
const RuleSpec* find_rule_spec(std::string_view name);
// True when `group` is one of the spec's required or optional groups.
bool declares_group(const RuleSpec& spec, std::string_view group);

// What is wrong with an alternative of rule `name` whose pattern has the named capture groups
// `groups`, as a message ready to follow "file:line: "; empty when it keeps the contract.
std::string check_rule(std::string_view name, const std::vector<std::string_view>& groups);

// A reader asked a grammar for a rule or capture group the table does not declare: a bug in
// the reader, not in a grammar file (loading refuses undeclared names and groups). In strict
// mode, on in debug builds and in the test suite, it throws std::logic_error with `what`; else
// the name is treated as absent, as a rule that never matches or a group that took no part.
void contract_violation(const std::string& what);
void set_strict_contract(bool strict);

// Of `candidates`, the one nearest to `word` in edit distance when it is near enough to be
// a likely misspelling; empty otherwise.
std::string_view nearest_name(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace bpack::grammar
