#include "bpack/grammar/rule_specs.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "bpack/grammar/embedded.hpp"
#include "bpack/grammar/grammar.hpp"
#include "bpack/util/error.hpp"

namespace {

using bpack::grammar::check_rule;
using bpack::grammar::find_rule_spec;
using bpack::grammar::Grammar;
using bpack::grammar::rule_specs;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The message loading `text` over the defaults throws, or "" when it loads.
std::string load_error(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / "bpack_rule_specs_test.grammar";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  std::string message;
  try {
    (void)bpack::grammar::load_grammar({path.string()});
  } catch (const bpack::UsageError& e) {
    message = e.what();
  }
  std::filesystem::remove(path);
  return message;
}

std::vector<std::filesystem::path> sources_under(const std::string& folder) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(BPACK_SOURCE_DIR) + folder)) {
    const auto ext = entry.path().extension();
    if (ext == ".cpp" || ext == ".hpp") {
      out.push_back(entry.path());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("rule specs: the table is sorted, each name once, each group named once") {
  const auto specs = rule_specs();
  REQUIRE(specs.size() > 50);
  for (std::size_t i = 1; i < specs.size(); ++i) {
    CHECK_MESSAGE(specs[i - 1].name < specs[i].name, specs[i].name);
  }
  for (const auto& spec : specs) {
    CHECK(find_rule_spec(spec.name) == &spec);
    std::set<std::string> groups;
    std::istringstream words(std::string(spec.required) + " " + std::string(spec.optional));
    for (std::string word; words >> word;) {
      CHECK_MESSAGE(groups.insert(word).second, spec.name << " names group " << word << " twice");
    }
  }
  CHECK(find_rule_spec("item.numberd") == nullptr);
  CHECK(find_rule_spec("") == nullptr);
}

TEST_CASE("rule specs: every rule of the default grammar keeps the contract, and every declared rule is defined") {
  std::set<std::string> defined;
  for (const auto& embedded : bpack::grammar::embedded_grammars()) {
    Grammar one;  // no contract: read the rules as they are, then check each
    one.load(embedded.text, std::string(embedded.name));
    for (const auto* rule : one.live_rules()) {
      CHECK_MESSAGE(check_rule(rule->name, rule->pattern.group_names()) == "",
                    embedded.name << ":" << rule->line << " " << rule->name);
      defined.insert(rule->name);
    }
  }
  for (const auto& spec : rule_specs()) {
    CHECK_MESSAGE(defined.count(std::string(spec.name)) == 1,
                  spec.name << " is declared but no default grammar defines it");
  }
  CHECK_NOTHROW((void)bpack::grammar::load_grammar({}));
}

TEST_CASE("rule specs: a grammar file that breaks the contract is an error naming file:line and the nearest name") {
  SUBCASE("a misspelt rule name") {
    const std::string error = load_error(
        "# house style\nitem.numberd += ^\\s*Minute\\s+(?P<number>\\d{2}/\\d{1,3})\\s+(?P<title>[A-Z].*)$\n");
    CHECK(error.find("bpack_rule_specs_test.grammar:2: unknown rule 'item.numberd' (did you mean 'item.numbered'?)") !=
          std::string::npos);
  }
  SUBCASE("a rule name nothing is near") {
    CHECK(load_error("frobnicate = x\n")
              .find(":1: unknown rule 'frobnicate'; the rules bpack reads are listed in "
                    "grammars/README.md") != std::string::npos);
  }
  SUBCASE("a capture group the rule does not have") {
    const std::string error =
        load_error("item.numbered += ^\\s*Minute\\s+(?P<num>\\d{2}/\\d{1,3})\\s+(?P<title>[A-Z].*)$\n");
    CHECK(error.find(":1: rule 'item.numbered': unknown capture group 'num' (did you mean 'number'?); it needs "
                     "'number' and 'title' and may have 'letter' and 'sub'") != std::string::npos);
  }
  SUBCASE("a missing required group") {
    const std::string error = load_error("\n\nminutes.decision += ^\\s*Decision:\\s*(?P<text>.*)$\n");
    CHECK(error.find(":3: rule 'minutes.decision': missing capture group 'kind'; it needs 'kind' and may have "
                     "'text'") != std::string::npos);
  }
  SUBCASE("a group on a rule that takes none") {
    const std::string error = load_error("head.minutes += (?m)\\A(?P<title>Record of proceedings)$\n");
    CHECK(error.find(":1: rule 'head.minutes': unknown capture group 'title'; it has no capture groups") !=
          std::string::npos);
  }
  SUBCASE("rules that keep it load") {
    CHECK(load_error("item.numbered += ^\\s*Minute\\s+(?P<number>\\d{2}/\\d{1,3})\\s+(?P<title>[A-Z].*)$\n"
                     "minutes.decision += ^\\s*(?P<kind>Decision)\\s*:\\s*(?P<text>.*)$\n"
                     "date.any = (?P<day>\\d+)/(?P<month>\\d+)\n") == "");
  }
}

TEST_CASE("rule specs: a reader that asks for an undeclared rule or group is caught") {
  const Grammar& grammar = bpack::grammar::default_grammar();
  CHECK_THROWS_AS((void)grammar.matches("item.numberd", "3. Minutes"), std::logic_error);
  CHECK_FALSE(grammar.matches("item.numbered", "no item here"));
  bpack::grammar::Captures captures;
  REQUIRE(grammar.match("item.numbered", "3. Minutes of the last meeting", captures));
  CHECK(captures.get("number").value_or("") == "3");
  CHECK_FALSE(captures.get("letter").has_value());  // declared, took no part: absent
  CHECK_THROWS_AS((void)captures.get("num"), std::logic_error);
}

TEST_CASE("rule specs: every rule name and capture group the sources ask for is declared") {
  // Rule names are string literals in src/ ("item.numbered", or "line.attendance.member" in
  // a table of cues); the captures a reader reads are literals in .get("...").
  std::set<std::string> prefixes;
  std::set<std::string> groups;
  for (const auto& spec : rule_specs()) {
    prefixes.insert(std::string(spec.name.substr(0, spec.name.find('.'))));
    std::istringstream words(std::string(spec.required) + " " + std::string(spec.optional));
    for (std::string word; words >> word;) {
      groups.insert(word);
    }
  }
  const std::regex literal(R"re("([a-z_]+)\.([a-z0-9_.]+)")re");
  const std::regex get(R"re(\.get\("([a-z_]+)"\))re");
  std::size_t names = 0;
  for (const auto& path : sources_under("/src")) {
    const std::string text = read_file(path);
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
      if (prefixes.count((*it)[1]) == 0 || (*it)[2].str().empty() || (*it)[2].str().back() == '.') {
        continue;
      }
      // File names ("page.hpp", "actions.html") are no rules.
      static const std::set<std::string> kFileTypes = {"hpp", "cpp", "html", "css", "js", "json", "txt", "md"};
      if (kFileTypes.count((*it)[2].str()) != 0) {
        continue;
      }
      ++names;
      const std::string name = (*it)[1].str() + "." + (*it)[2].str();
      CHECK_MESSAGE(find_rule_spec(name) != nullptr, path.filename().string() << " asks for undeclared rule " << name);
    }
    for (std::sregex_iterator it(text.begin(), text.end(), get), end; it != end; ++it) {
      CHECK_MESSAGE(groups.count((*it)[1]) == 1, path.filename().string()
                                                     << " reads undeclared capture group " << (*it)[1]);
    }
  }
  CHECK(names > 100);
}

TEST_CASE("rule specs: grammars/README.md lists every rule bpack reads") {
  const std::string readme = read_file(std::string(BPACK_SOURCE_DIR) + "/grammars/README.md");
  for (const auto& spec : rule_specs()) {
    CHECK_MESSAGE(readme.find("`" + std::string(spec.name) + "`") != std::string::npos, spec.name);
  }
}
