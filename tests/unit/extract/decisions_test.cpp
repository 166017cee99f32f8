#include "bpack/extract/decisions.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bpack/grammar/grammar.hpp"

#include "unit/extract/extract_support.hpp"

namespace bpack::extract {
namespace {

const grammar::Grammar& g() {
  return grammar::default_grammar();
}

std::string points(std::string_view text) {
  std::vector<std::string> out;
  for (const auto p : resolution_points(text)) {
    out.emplace_back(p);
  }
  return test::joined(out);
}

}  // namespace

TEST_SUITE("extract decisions") {
  TEST_CASE("decision_kind: the verb names the kind") {
    CHECK(decision_kind("RESOLVED") == model::DecisionKind::resolved);
    CHECK(decision_kind("agreed") == model::DecisionKind::agreed);
    CHECK(decision_kind("Noted") == model::DecisionKind::noted);
    CHECK(decision_kind("APPROVED") == model::DecisionKind::approved);
    CHECK(decision_kind("endorsed") == model::DecisionKind::endorsed);
  }

  TEST_CASE("decision_marker: a marker at the start of a line, with what follows it") {
    const auto resolved = decision_marker(g(), "RESOLVED: That the budget be approved.");
    REQUIRE(resolved);
    CHECK(resolved->kind == model::DecisionKind::resolved);
    CHECK(resolved->word == "RESOLVED");
    CHECK(resolved->text == "That the budget be approved.");

    const auto noted = decision_marker(g(), "NOTED");
    REQUIRE(noted);
    CHECK(noted->kind == model::DecisionKind::noted);
    CHECK(noted->text.empty());
  }

  TEST_CASE("decision_marker: none in prose, an empty line, or a heading naming a decision") {
    CHECK_FALSE(decision_marker(g(), ""));
    CHECK_FALSE(decision_marker(g(), "The Chair noted the late papers."));
    CHECK_FALSE(decision_marker(g(), "Decision - 24/00097 Treasury strategy"));
  }

  TEST_CASE("resolution_points: 1) 2) and (a) (b) points that are resolutions of their own") {
    CHECK(points("1) That the plan be adopted. 2) That the fees be held.") ==
          "That the plan be adopted. / That the fees be held.");
    CHECK(points("(a) the plan be adopted; (b) the fees be held.") == "the plan be adopted; / the fees be held.");
  }

  TEST_CASE("resolution_points: text without points, or points that complete one sentence, is one point") {
    CHECK(points("That the plan be adopted.") == "That the plan be adopted.");
    CHECK(points("to agree to: a) the plan; and b) the fees.").find(" / ") == std::string::npos);
  }

  TEST_CASE("decision_in_sentence: the meeting decides") {
    const auto board = decision_in_sentence(g(), "The Board agreed to extend the contract.");
    REQUIRE(board);
    CHECK(board->kind == model::DecisionKind::agreed);
    CHECK(board->text == "The Board agreed to extend the contract.");

    const auto record = decision_in_sentence(g(), "The minutes were agreed as a true record.");
    REQUIRE(record);
    CHECK(record->kind == model::DecisionKind::agreed);

    const auto resolved = decision_in_sentence(g(), "It was resolved to close the account.");
    REQUIRE(resolved);
    CHECK(resolved->kind == model::DecisionKind::resolved);
  }

  TEST_CASE("decision_in_sentence: a person, a participle with 'by', another meeting decide nothing") {
    CHECK_FALSE(decision_in_sentence(g(), ""));
    CHECK_FALSE(decision_in_sentence(g(), "Mrs Kaur agreed to circulate the figures."));
    CHECK_FALSE(decision_in_sentence(g(), "The plan approved by the steering group was tabled."));
    CHECK_FALSE(
        decision_in_sentence(g(), "At its meeting on 2 April 2024 the Finance Committee resolved to approve it."));
  }

  TEST_CASE("individual_subject: a person, initials or an officer, not the board") {
    CHECK(individual_subject(g(), "Mrs Kaur agreed to circulate the figures."));
    CHECK(individual_subject(g(), "JW to circulate the figures."));
    CHECK(individual_subject(g(), "The Clerk agreed to write to the owner."));
    CHECK_FALSE(individual_subject(g(), "The Board agreed the plan."));
    CHECK_FALSE(individual_subject(g(), ""));
  }
}

}  // namespace bpack::extract
