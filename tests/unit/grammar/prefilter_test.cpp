#include "bpack/grammar/prefilter.hpp"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "bpack/grammar/line_classifier.hpp"

namespace {

using bpack::grammar::Prefilter;

bool may(std::string_view pattern, std::string_view text, Prefilter::Mode mode = Prefilter::Mode::unanchored,
         std::size_t from = 0) {
  const Prefilter filter({pattern}, mode);
  return filter.may_match(text, from);
}

// What RE2 says, for the same pattern, mode and start.
bool re2_matches(const RE2& re, std::string_view text, Prefilter::Mode mode, std::size_t from = 0) {
  return re.Match(re2::StringPiece(text.data(), text.size()), from, text.size(),
                  mode == Prefilter::Mode::anchored ? RE2::ANCHOR_START : RE2::UNANCHORED, nullptr, 0);
}

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("prefilter: rejects texts a pattern cannot match, passes those it can") {
  using Mode = Prefilter::Mode;
  CHECK(may(R"(^\s*(?:Agenda|AGENDA)\b)", "  Agenda for the meeting", Mode::anchored));
  CHECK_FALSE(may(R"(^\s*(?:Agenda|AGENDA)\b)", "The agenda", Mode::anchored));
  CHECK_FALSE(may(R"(^\s*(?:Agenda|AGENDA)\b)", "Agendas", Mode::anchored));
  // Anchored: the match starts at the start; unanchored: anywhere.
  CHECK_FALSE(may("closed", "it was closed", Mode::anchored));
  CHECK(may("closed", "it was closed", Mode::unanchored));
  // Word boundaries and the end of the text are modelled exactly.
  CHECK_FALSE(may(R"(\bclosed\b)", "enclosed papers"));
  CHECK(may(R"(\bclosed\b)", "Action closed."));
  CHECK(may(R"(^\s*\d{1,3}\s*$)", " 12  "));
  CHECK_FALSE(may(R"(^\s*\d{1,3}\s*$)", " 12 apples"));
  CHECK_FALSE(may(R"(^\s*\d{1,3}\s*$)", "1234"));
  // (?m): ^ and $ at line breaks.
  CHECK(may(R"((?m)\A\s*Summary\s*$)", "Summary\nof the paper"));
  CHECK_FALSE(may(R"((?m)\A\s*Summary\s*$)", "Summary of\nthe paper"));
  CHECK(may(R"((?m)^Two$)", "One\nTwo\nThree"));
  // Case folding, including the non-ASCII letters that fold with k and s.
  CHECK(may("(?i)kappa", "KAPPA"));
  CHECK(may("(?i)kappa",
            "\xE2\x84\xAA"
            "appa"));
  CHECK(may("(?i)s", "\xC5\xBF"));
  CHECK_FALSE(may("kappa", "KAPPA"));
  // Classes with UTF-8 members, ranges and negation.
  CHECK(may(R"(^\s*[•·\-–*]\s)", "• item", Mode::anchored));
  CHECK(may(R"(^\s*[•·\-–*]\s)", "– item", Mode::anchored));
  CHECK_FALSE(may(R"(^\s*[•·\-–*]\s)", "— item", Mode::anchored));
  CHECK_FALSE(may(R"(^[^\n.:;]{0,9}Minutes)", "Board. Minutes", Mode::anchored));
  CHECK(may(R"(^[^\n.:;]{0,9}Minutes)", "Board — Minutes", Mode::anchored));
}

TEST_CASE("prefilter: a start inside the text keeps the text before it as context") {
  // RE2 sees "a" before "b": no word boundary there.
  CHECK(may(R"(\Bb)", "ab", Prefilter::Mode::unanchored, 1));
  CHECK_FALSE(may(R"(\bb)", "ab", Prefilter::Mode::unanchored, 1));
  CHECK_FALSE(may(R"(^b)", "ab", Prefilter::Mode::unanchored, 1));
  CHECK(may(R"((?m)^b)", "a\nb", Prefilter::Mode::unanchored, 2));
}

TEST_CASE("prefilter: syntax it does not model passes every text") {
  const Prefilter letters({R"(\pL+\d)"}, Prefilter::Mode::unanchored);
  CHECK_FALSE(letters.modelled());
  CHECK(letters.may_match("123"));
  // One such pattern among several: the automaton passes everything.
  const Prefilter both({"abc", R"(\x{41})"}, Prefilter::Mode::anchored);
  CHECK_FALSE(both.modelled());
  CHECK(both.may_match("zzz"));
  CHECK(Prefilter({"abc"}, Prefilter::Mode::anchored).modelled());
  // No pattern: nothing matches.
  CHECK_FALSE(Prefilter({}, Prefilter::Mode::unanchored).may_match("abc"));
}

TEST_CASE("prefilter: never rejects a text RE2 matches, for every default rule") {
  const auto& grammar = bpack::grammar::default_grammar();
  std::vector<std::string> texts;
  for (const char* name : {"blmk-2021-04-07.txt", "blmk-2022-02-09.txt"}) {
    const auto lines = lines_of(std::string(BPACK_SOURCE_DIR) + "/corpus/" + name);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      texts.push_back(lines[i]);
      if (i + 2 < lines.size()) {
        texts.push_back(lines[i] + "\n" + lines[i + 1] + "\n" + lines[i + 2]);
      }
    }
  }
  // Short texts from pieces that the rules care about, including the non-ASCII letters that
  // fold with ASCII ones, line breaks and bytes that are not UTF-8.
  const std::vector<std::string> pieces = {"a",
                                           "k",
                                           "s",
                                           "K",
                                           "S",
                                           " ",
                                           "\t",
                                           "\n",
                                           "1",
                                           "0",
                                           "/",
                                           ".",
                                           ":",
                                           "-",
                                           "(",
                                           ")",
                                           "’",
                                           "–",
                                           "\xE2\x84\xAA",
                                           "\xC5\xBF",
                                           "\xC3\xA9",
                                           "•",
                                           "_",
                                           "\r",
                                           "\f",
                                           "\v",
                                           "\xFF",
                                           "Minutes",
                                           "Action",
                                           "Log",
                                           "RESOLVED",
                                           "Agreed",
                                           "Present:",
                                           "Dr ",
                                           "Jane Smith",
                                           "(Chair)",
                                           "3rd March 2021",
                                           "04-Mar-20",
                                           "13.01.21",
                                           "3pm",
                                           "16:30hrs",
                                           "closed",
                                           "Appendix B",
                                           "Paper 3a",
                                           "Item Lead Time",
                                           "Ref Date Action Owner Due Status"};
  std::mt19937 random(12345);
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    for (std::size_t j = random() % 10; j > 0; --j) {
      text += pieces[random() % pieces.size()];
    }
    texts.push_back(text);
  }
  std::size_t rules = 0;
  std::size_t rejected = 0;
  std::size_t checks = 0;
  for (const auto* rule : grammar.live_rules()) {  // every rule of the default grammar files
    ++rules;
    const std::string& source = rule->pattern.source();
    for (const auto mode : {Prefilter::Mode::anchored, Prefilter::Mode::unanchored}) {
      const Prefilter filter({source}, mode);
      CHECK(filter.modelled());
      const RE2& re = rule->pattern.re2();
      for (std::size_t t = 0; t < texts.size(); ++t) {
        const std::string& text = texts[t];
        const std::size_t from = mode == Prefilter::Mode::unanchored && !text.empty() ? t % text.size() : 0;
        const bool passes = filter.may_match(text, from);
        ++checks;
        rejected += passes ? 0 : 1;
        if (!passes && re2_matches(re, text, mode, from)) {
          FAIL_CHECK("rule " << rule->name << " (" << source << ") rejected a text RE2 matches: [" << text << "]");
        }
      }
    }
  }
  CHECK(rules > 80);
  // It is worth having: most of these texts match none of the rules.
  CHECK(rejected * 10 > checks * 8);
}

TEST_CASE("prefilter: threads may walk one automaton at once") {
  const Prefilter filter({R"((?i)\b(?:in\s+progress|ongoing|on\s+track|amber)\b)"}, Prefilter::Mode::unanchored);
  const std::vector<std::string> texts = {"work is ongoing", "Amber", "nothing here", "on   track", "ambers"};
  const std::vector<bool> expected = {true, true, false, true, false};
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
          if (filter.may_match(texts[i]) != expected[i]) {
            ++wrong[t];
          }
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  CHECK(wrong == std::vector<int>(4, 0));
}

TEST_CASE("prefilter: a grammar's rules are classified the same whether or not the automaton models them") {
  bpack::grammar::Grammar grammar;
  grammar.load(R"(line.greek = ^\s*\p{Greek}+\s
line.upper = ^\s*[A-Z]{3}\b
item.greek = (?P<word>\p{Greek}{2,})
)",
               "house.grammar");
  grammar.finish();
  const auto& classifier = grammar.line_classifier();
  std::vector<int> hits;
  classifier.classify("  \xCE\xB1\xCE\xB2 text", hits);
  CHECK(hits == std::vector<int>{classifier.id("line.greek")});
  classifier.classify("ABC text", hits);
  CHECK(hits == std::vector<int>{classifier.id("line.upper")});
  classifier.classify("abc text", hits);
  CHECK(hits.empty());
  bpack::grammar::Captures captures;
  REQUIRE(grammar.match("item.greek", "see \xCE\xB1\xCE\xB2\xCE\xB3.", captures));
  CHECK(*captures.get("word") == "\xCE\xB1\xCE\xB2\xCE\xB3");
}
