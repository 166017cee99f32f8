#include "bpack/grammar/grammar.hpp"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "bpack/grammar/embedded.hpp"
#include "bpack/grammar/line_classifier.hpp"
#include "bpack/grammar/pattern.hpp"
#include "bpack/util/error.hpp"

namespace {

using bpack::grammar::Captures;
using bpack::grammar::Grammar;
using bpack::grammar::LineClassifier;
using bpack::grammar::Pattern;

std::string str(std::optional<std::string_view> text) {
  return text ? std::string(*text) : "<absent>";
}

// The message Grammar::load throws for `text`, or "" when it loads.
std::string load_error(std::string_view text, const std::string& file = "house.grammar") {
  Grammar grammar;
  try {
    grammar.load(text, file);
  } catch (const bpack::Error& e) {
    return e.what();
  }
  return "";
}

// RE2's own message for a pattern, as the loader should quote it.
std::string re2_error(const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 re(pattern, options);
  return re.error();
}

std::vector<int> classify(const LineClassifier& classifier, std::string_view line) {
  std::vector<int> hits{99, 98};  // classify() must clear what was there
  classifier.classify(line, hits);
  std::sort(hits.begin(), hits.end());
  return hits;
}

std::vector<int> sorted(std::vector<int> values) {
  std::sort(values.begin(), values.end());
  return values;
}

std::vector<int> ids(const LineClassifier& classifier, std::vector<std::string_view> names) {
  std::vector<int> out;
  for (const auto name : names) {
    out.push_back(classifier.id(name));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A temporary grammar file, removed when the test ends.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text) : path_(std::filesystem::temp_directory_path() / name) {
    std::ofstream out(path_, std::ios::binary);
    out << text;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

const char* const kSmallGrammar =
    "# A small house style.\n"
    "\n"
    "   # an indented comment\n"
    "date.simple = (?P<day>\\d{1,2})/(?P<month>\\d{1,2})/(?P<year>\\d{4})\n"
    "\t\n"
    "either = (?P<left>x+)|(?P<right>y+)\n";

}  // namespace

TEST_CASE("grammar: load() a small grammar and match with named captures") {
  Grammar grammar;
  grammar.load(kSmallGrammar, "small.grammar");
  grammar.finish();
  CHECK(grammar.size() == 2);  // comments and blank lines are not rules

  const auto& dates = grammar.rules("date.simple");
  REQUIRE(dates.size() == 1);
  CHECK(dates[0]->name == "date.simple");
  CHECK(dates[0]->file == "small.grammar");
  CHECK(dates[0]->line == 4);  // file line numbers count comments and blank lines
  CHECK(dates[0]->pattern.source() == "(?P<day>\\d{1,2})/(?P<month>\\d{1,2})/(?P<year>\\d{4})");
  CHECK(grammar.rules("either")[0]->line == 6);

  Captures captures;
  REQUIRE(grammar.match("date.simple", "Meeting held on 3/11/2021 at noon", captures));
  CHECK(std::string(captures.whole()) == "3/11/2021");
  CHECK(str(captures.get("day")) == "3");
  CHECK(str(captures.get("month")) == "11");
  CHECK(str(captures.get("year")) == "2021");
  CHECK(str(captures.get("hour")) == "<absent>");
  CHECK(captures.end() == 25);

  CHECK(grammar.matches("date.simple", "3/11/2021"));
  CHECK_FALSE(grammar.matches("date.simple", "3 November 2021"));
  CHECK_FALSE(grammar.match("date.simple", "no date", captures));

  SUBCASE("a group that took no part is absent") {
    REQUIRE(grammar.match("either", "--yy--", captures));
    CHECK(str(captures.get("left")) == "<absent>");
    CHECK(str(captures.get("right")) == "yy");
  }
  SUBCASE("an unknown rule has no alternatives and matches nothing") {
    CHECK(grammar.rules("nope").empty());
    CHECK_FALSE(grammar.matches("nope", "anything"));
    CHECK_FALSE(grammar.match("nope", "anything", captures));
  }
}

TEST_CASE("grammar: '=' replaces earlier rules of the name, '+=' adds alternatives") {
  Grammar grammar;
  grammar.load(
      "word = (?P<w>foo)\n"
      "word += (?P<w>bar)\n"
      "other = x\n",
      "base.grammar");

  SUBCASE("'+=' alternatives are kept in order and the first that matches wins") {
    const auto& word = grammar.rules("word");
    REQUIRE(word.size() == 2);
    CHECK(word[0]->pattern.source() == "(?P<w>foo)");
    CHECK(word[1]->pattern.source() == "(?P<w>bar)");
    Captures captures;
    // Both alternatives match; the first listed wins even though "bar" comes first in the text.
    REQUIRE(grammar.match("word", "bar foo", captures));
    CHECK(str(captures.get("w")) == "foo");
    REQUIRE(grammar.match("word", "only bar", captures));
    CHECK(str(captures.get("w")) == "bar");
  }
  SUBCASE("'=' in a later file replaces every alternative") {
    grammar.load("# override\nword = (?P<w>baz)\n", "user.grammar");
    const auto& word = grammar.rules("word");
    REQUIRE(word.size() == 1);
    CHECK(word[0]->pattern.source() == "(?P<w>baz)");
    CHECK(word[0]->file == "user.grammar");
    CHECK(word[0]->line == 2);
    CHECK_FALSE(grammar.matches("word", "foo bar"));
    CHECK(grammar.matches("word", "baz"));
    CHECK(grammar.rules("other").size() == 1);  // other names are untouched
  }
  SUBCASE("'+=' in a later file adds to the defaults") {
    grammar.load("word += (?P<w>qux)\n", "user.grammar");
    REQUIRE(grammar.rules("word").size() == 3);
    CHECK(grammar.rules("word")[2]->file == "user.grammar");
    CHECK(grammar.matches("word", "qux"));
    CHECK(grammar.matches("word", "foo"));
  }
  SUBCASE("'=' later in the same file replaces too") {
    grammar.load("word = a\nword += b\nword = c\n", "again.grammar");
    REQUIRE(grammar.rules("word").size() == 1);
    CHECK(grammar.rules("word")[0]->pattern.source() == "c");
    CHECK(grammar.rules("word")[0]->line == 3);
  }
  SUBCASE("spacing around the operator is free and CRLF files load") {
    grammar.load("spaced+=\t  zz  \r\ntight=yy\r\n", "crlf.grammar");
    REQUIRE(grammar.rules("spaced").size() == 1);
    CHECK(grammar.rules("spaced")[0]->pattern.source() == "zz");
    REQUIRE(grammar.rules("tight").size() == 1);
    CHECK(grammar.rules("tight")[0]->pattern.source() == "yy");
  }
  SUBCASE("a pattern may itself contain '=' and '+='") {
    grammar.load("eq = a=b\nplus = c+=d\n", "eq.grammar");
    CHECK(grammar.rules("eq")[0]->pattern.source() == "a=b");
    CHECK(grammar.rules("plus")[0]->pattern.source() == "c+=d");
    CHECK(grammar.matches("plus", "ccc=d"));
  }
}

TEST_CASE("grammar: load errors name the file, the line and what is wrong") {
  SUBCASE("a bad pattern quotes RE2's message") {
    const std::string message = load_error("# first\nok = a\nbad.rule = (?P<x>abc\n", "house.grammar");
    const std::string prefix = "house.grammar:3: rule 'bad.rule': bad pattern: ";
    CHECK(starts_with(message, prefix));
    CHECK(message.find("missing )") != std::string::npos);
    CHECK(message == prefix + re2_error("(?P<x>abc"));
  }
  SUBCASE("other RE2 errors") {
    CHECK(load_error("r = a**\n", "g") == "g:1: rule 'r': bad pattern: " + re2_error("a**"));
    CHECK(load_error("r = (?P<n-x>a)\n", "g") == "g:1: rule 'r': bad pattern: " + re2_error("(?P<n-x>a)"));
    CHECK(re2_error("(?P<n-x>a)").find("invalid named capture group") != std::string::npos);
    CHECK(load_error("r = [z-a]\n", "g") == "g:1: rule 'r': bad pattern: " + re2_error("[z-a]"));
    CHECK(re2_error("a**").find("bad repetition operator") != std::string::npos);
  }
  SUBCASE("a capture name used twice in one pattern") {
    // Some RE2 releases accept it but would capture only the first group under the name.
    CHECK(load_error("date.x = (?P<day>\\d+)st|(?P<day>\\d+)th\n", "g") ==
          "g:1: rule 'date.x': bad pattern: duplicate capture group name: day");
  }
  SUBCASE("a line without '='") {
    CHECK(load_error("ok = a\n\nno equals sign here\n") ==
          "house.grammar:3: expected 'name = pattern' or 'name += pattern'");
  }
  SUBCASE("a bad name") {
    CHECK(load_error("Line.Upper = a\n") == "house.grammar:1: bad rule name 'Line.Upper' (use a-z, 0-9, '_' and '.')");
    CHECK(load_error("two words = a\n") == "house.grammar:1: bad rule name 'two words' (use a-z, 0-9, '_' and '.')");
    CHECK(load_error(" = a\n") == "house.grammar:1: bad rule name '' (use a-z, 0-9, '_' and '.')");
    CHECK(load_error("+= a\n") == "house.grammar:1: bad rule name '' (use a-z, 0-9, '_' and '.')");
  }
  SUBCASE("an empty pattern") {
    CHECK(load_error("x.y =   \n") == "house.grammar:1: rule 'x.y' has an empty pattern");
    CHECK(load_error("\n#c\nx.y +=\n") == "house.grammar:3: rule 'x.y' has an empty pattern");
  }
  SUBCASE("Pattern alone throws RE2's message") {
    CHECK_THROWS_WITH_AS(Pattern("(abc"), re2_error("(abc").c_str(), bpack::Error);
  }
}

TEST_CASE("grammar: limits on pattern size, alternatives and rules are errors naming file:line") {
  const std::string long_pattern(Grammar::kMaxPatternBytes + 1, 'a');
  CHECK(load_error("ok = a\nbig = " + long_pattern + "\n", "g") ==
        "g:2: rule 'big': pattern of 4097 bytes; the limit is 4096");
  CHECK(load_error("fits = " + std::string(Grammar::kMaxPatternBytes, 'a') + "\n").empty());

  std::string many;
  for (std::size_t i = 0; i <= Grammar::kMaxAlternatives; ++i) {
    many += "alt += a" + std::to_string(i) + "\n";
  }
  CHECK(load_error(many, "g") == "g:257: rule 'alt': more than 256 alternatives");
  // `=` starts the rule's alternatives again.
  CHECK(load_error(many.substr(0, many.rfind("alt +=")) + "alt = b\n").empty());

  std::string rules;
  for (std::size_t i = 0; i <= Grammar::kMaxRules; ++i) {
    rules += "r" + std::to_string(i) + " = a\n";
  }
  CHECK(load_error(rules, "g") == "g:4097: more than 4096 rules in all");
}

TEST_CASE("grammar: load_grammar() reads files over the defaults") {
  SUBCASE("a missing file is named") {
    const std::string missing = "/nonexistent-dir/house.grammar";
    try {
      (void)bpack::grammar::load_grammar({missing});
      FAIL("load_grammar did not throw");
    } catch (const bpack::Error& e) {
      CHECK(starts_with(e.what(), missing + ": "));
      CHECK(std::string(e.what()) == missing + ": cannot open grammar file: No such file or directory");
    }
  }
  SUBCASE("a directory or a device is not a grammar file") {
    const std::string dir = std::filesystem::temp_directory_path().string();
    CHECK_THROWS_WITH_AS((void)bpack::grammar::load_grammar({dir}),
                         (dir + ": is a directory; --grammar takes a grammar file").c_str(), bpack::Error);
    CHECK_THROWS_WITH_AS((void)bpack::grammar::load_grammar({"/dev/zero"}),
                         "/dev/zero: not a regular file; --grammar takes a grammar file", bpack::Error);
  }
  SUBCASE("a file larger than the limit is refused before it is read") {
    const TempFile file("bpack_grammar_test_large.grammar", std::string(Grammar::kMaxFileBytes + 1, '#'));
    CHECK_THROWS_WITH_AS((void)bpack::grammar::load_grammar({file.path()}),
                         (file.path() + ": grammar file of 1048577 bytes; the limit is 1048576 bytes").c_str(),
                         bpack::Error);
  }
  SUBCASE("a temp file layered over the defaults") {
    const Grammar& defaults = bpack::grammar::default_grammar();
    REQUIRE_FALSE(defaults.rules("time.any").empty());
    const std::size_t default_dates = defaults.rules("date.any").size();
    REQUIRE(default_dates > 0);

    const TempFile file("bpack_grammar_test_layer.grammar",
                        "# a user's house style\n"
                        "time.any = (?P<hour>\\d\\d)h(?P<minute>\\d\\d)\n"
                        "line.person += ^ZZZ\n");
    const Grammar grammar = bpack::grammar::load_grammar({file.path()});
    const auto& time = grammar.rules("time.any");
    REQUIRE(time.size() == 1);  // '=' replaced every default alternative
    CHECK(time[0]->file == file.path());
    CHECK(time[0]->line == 2);
    Captures captures;
    REQUIRE(grammar.match("time.any", "starts 16h30", captures));
    CHECK(str(captures.get("hour")) == "16");
    CHECK(str(captures.get("minute")) == "30");
    CHECK_FALSE(grammar.matches("time.any", "16:30"));
    CHECK(grammar.rules("date.any").size() == default_dates);  // the rest of the defaults stay

    // The user's alternative of a line rule joins the default line rules in the classifier.
    const auto& classifier = grammar.line_classifier();
    CHECK(classifier.size() == defaults.line_classifier().size());
    const int person = classifier.id("line.person");
    REQUIRE(person >= 0);
    CHECK(classify(classifier, "ZZZ top") == std::vector<int>{person});
    CHECK(classify(defaults.line_classifier(), "ZZZ top").empty());
  }
  SUBCASE("without defaults only the files count") {
    const TempFile file("bpack_grammar_test_only.grammar", "line.person = ^ZZZ\n");
    const Grammar grammar = bpack::grammar::load_grammar({file.path()}, false);
    CHECK(grammar.size() == 1);
    CHECK(grammar.rules("date.any").empty());
    CHECK(grammar.line_classifier().size() == 1);
    CHECK(grammar.head_classifier().size() == 0);
  }
  SUBCASE("an error in a file names that file and line") {
    const TempFile file("bpack_grammar_test_bad.grammar", "line.person = a\nline.bullet = (\n");
    try {
      (void)bpack::grammar::load_grammar({file.path()});
      FAIL("load_grammar did not throw");
    } catch (const bpack::Error& e) {
      CHECK(std::string(e.what()) == file.path() + ":2: rule 'line.bullet': bad pattern: " + re2_error("("));
    }
  }
}

TEST_CASE("grammar: the line classifier puts a line in every line.* rule it matches, in one pass") {
  Grammar grammar;
  grammar.load(
      "line.upper = ^[A-Z ]+$\n"
      "line.item = ^\\s*\\d+\\.\\s\n"
      "line.item += ^\\s*[a-h]\\)\\s\n"
      "line.minutes = (?i)\\bminutes\\b\n"
      "line.gone = ^GONE\n"
      "line.gone = ^NEVER\n"
      "head.agenda = ^Agenda\n"
      "date.any = \\d{4}\n",
      "lines.grammar");
  grammar.finish();
  const LineClassifier& lines = grammar.line_classifier();

  // One id per distinct "line." name; other prefixes are not in it.
  CHECK(lines.size() == 4);
  const int upper = lines.id("line.upper");
  const int item = lines.id("line.item");
  const int minutes = lines.id("line.minutes");
  const int gone = lines.id("line.gone");
  CHECK(ids(lines, {"line.upper", "line.item", "line.minutes", "line.gone"}) == std::vector<int>{0, 1, 2, 3});
  CHECK(lines.id("head.agenda") == -1);
  CHECK(lines.id("date.any") == -1);
  CHECK(lines.id("line.missing") == -1);

  CHECK(classify(lines, "MINUTES OF THE BOARD") == sorted({upper, minutes}));
  CHECK(classify(lines, "3. Minutes of the last meeting") == sorted({item, minutes}));
  CHECK(classify(lines, "  b) matters arising") == std::vector<int>{item});
  CHECK(classify(lines, "nothing here 2021").empty());
  CHECK(classify(lines, "").empty());

  SUBCASE("a name matched by two alternatives is reported once") {
    Grammar both;
    both.load("line.x = a\nline.x += b\n", "both.grammar");
    both.finish();
    CHECK(classify(both.line_classifier(), "ab") == std::vector<int>{both.line_classifier().id("line.x")});
  }
  SUBCASE("a replaced rule no longer classifies") {
    CHECK(classify(lines, "GONE") == std::vector<int>{upper});
    CHECK(classify(lines, "never mind") == std::vector<int>{});
    CHECK(classify(lines, "NEVER") == sorted({upper, gone}));
  }
  SUBCASE("head.* rules go to the head classifier") {
    const LineClassifier& heads = grammar.head_classifier();
    CHECK(heads.size() == 1);
    CHECK(heads.id("line.upper") == -1);
    const int agenda = heads.id("head.agenda");
    REQUIRE(agenda >= 0);
    CHECK(classify(heads, "Agenda for the meeting") == std::vector<int>{agenda});
  }
  SUBCASE("rules match where they would match alone, anchored or not") {
    // The classifier runs anchored at the start of the text; rules that are not anchored
    // themselves (or only at line starts, in multi-line mode) must still match further on.
    Grammar g;
    g.load(
        "head.start = (?i)^abc\n"
        "head.text_start = (?m)\\Adef\n"
        "head.any_line = (?m)^ghi\n"
        "head.flags_then_group = (?i)(?:x|y)z\n"
        "head.unset_multi_line = (?m-m)^jkl\n",
        "anchors.grammar");
    g.finish();
    const LineClassifier& heads = g.head_classifier();
    const auto one = [&](const char* name) { return std::vector<int>{heads.id(name)}; };
    CHECK(classify(heads, "ABC then") == one("head.start"));
    CHECK(classify(heads, "then abc").empty());
    CHECK(classify(heads, "def\nx") == one("head.text_start"));
    CHECK(classify(heads, "x\ndef").empty());
    CHECK(classify(heads, "x\nghi") == one("head.any_line"));
    CHECK(classify(heads, "ghi") == one("head.any_line"));
    CHECK(classify(heads, "wwwYZ") == one("head.flags_then_group"));
    CHECK(classify(heads, "jkl") == one("head.unset_multi_line"));
    CHECK(classify(heads, "x\njkl").empty());
  }
  SUBCASE("an empty grammar classifies nothing") {
    Grammar empty;
    empty.finish();
    CHECK(empty.line_classifier().size() == 0);
    CHECK(classify(empty.line_classifier(), "anything").empty());
  }
}

TEST_CASE("grammar: the default grammar compiles") {
  const auto& embedded = bpack::grammar::embedded_grammars();
  REQUIRE_FALSE(embedded.empty());
  std::size_t rules = 0;
  for (std::size_t i = 0; i < embedded.size(); ++i) {
    CAPTURE(embedded[i].name);
    const std::string name(embedded[i].name);
    CHECK(name.size() > 8);
    CHECK(name.substr(name.size() - 8) == ".grammar");
    if (i > 0) {
      CHECK(embedded[i - 1].name < embedded[i].name);  // sorted by name
    }
    Grammar one;
    CHECK_NOTHROW(one.load(embedded[i].text, name));
    rules += one.size();
  }

  const Grammar* grammar = nullptr;
  CHECK_NOTHROW(grammar = &bpack::grammar::default_grammar());
  REQUIRE(grammar != nullptr);
  CHECK(grammar->size() == rules);
  CHECK(grammar->line_classifier().size() > 0);
  CHECK(grammar->head_classifier().size() > 0);

  // dates.grammar documents its groups as day, month and year.
  Captures captures;
  REQUIRE(grammar->match("date.any", "Wednesday 3rd February 2021", captures));
  CHECK(str(captures.get("day")) == "3");
  CHECK(str(captures.get("month")) == "February");
  CHECK(str(captures.get("year")) == "2021");
}

TEST_CASE("grammar: Pattern searches from an offset to walk every match") {
  const Pattern number("(?P<n>\\d+)");
  const std::string_view text = "a1 b22 c333";
  std::vector<std::string> found;
  Captures captures;
  for (std::size_t from = 0; number.search(text, captures, from); from = captures.end()) {
    found.push_back(str(captures.get("n")));
  }
  CHECK(found == std::vector<std::string>{"1", "22", "333"});
  CHECK_FALSE(number.search(text, captures, text.size() + 1));
  CHECK(number.search("x9"));
  CHECK_FALSE(number.search("none"));

  SUBCASE("more than sixteen groups") {
    std::string source;
    for (int i = 0; i < 20; ++i) {
      source += "(?P<g" + std::to_string(i) + ">" + static_cast<char>('a' + i) + ")";
    }
    const Pattern many(source);
    REQUIRE(many.search("--abcdefghijklmnopqrst--", captures));
    CHECK(str(captures.get("g0")) == "a");
    CHECK(str(captures.get("g19")) == "t");
    CHECK(captures.end() == 22);
  }
}
