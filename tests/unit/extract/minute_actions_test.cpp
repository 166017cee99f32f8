#include "bpack/extract/minute_actions.hpp"

#include <doctest/doctest.h>

#include <string>

#include "bpack/grammar/grammar.hpp"

namespace bpack::extract {
namespace {

const grammar::Grammar& g() {
  return grammar::default_grammar();
}

}  // namespace

TEST_SUITE("extract minute actions") {
  TEST_CASE("task_in: 'X to do Y' when X is an individual") {
    const auto initials = task_in(g(), "JW to send the survey to members.", false);
    REQUIRE(initials);
    CHECK(initials->owner == "JW");
    CHECK(initials->text == "JW to send the survey to members.");

    const auto officer = task_in(g(), "The Clerk to book the hall.", false);
    REQUIRE(officer);
    CHECK(officer->owner == "Clerk");

    const auto agreed = task_in(g(), "Priya Shah agreed to draft the terms of reference.", false);
    REQUIRE(agreed);
    CHECK(agreed->owner == "Priya Shah");
  }

  TEST_CASE("task_in: the board, an empty sentence, and 'will' outside a marked action are no task") {
    CHECK_FALSE(task_in(g(), "The Board to meet again in June.", false));
    CHECK_FALSE(task_in(g(), "", false));
    CHECK_FALSE(task_in(g(), "The Clerk will book the hall.", false));
    const auto future = task_in(g(), "The Clerk will book the hall.", true);
    REQUIRE(future);
    CHECK(future->owner == "Clerk");
  }

  TEST_CASE("task_in_resolution: a point that directs a task, with or without an owner") {
    const auto clerk = task_in_resolution(g(), "The Clerk to circulate the budget by 1 March.");
    REQUIRE(clerk);
    CHECK(clerk->owner == "Clerk");
    const auto that = task_in_resolution(g(), "That the Clerk contact the landowner.");
    REQUIRE(that);
    CHECK(that->owner == "Clerk");
    const auto none = task_in_resolution(g(), "That the fees be placed on the next agenda.");
    REQUIRE(none);
    CHECK(none->owner.empty());
    CHECK_FALSE(task_in_resolution(g(), ""));
  }

  TEST_CASE("bracket_owner: the owner in brackets at the end is cut from the text") {
    std::string text = "Circulate the draft policy (Secretariat).";
    const auto owner = bracket_owner(g(), text);
    REQUIRE(owner);
    CHECK(*owner == "Secretariat");
    CHECK(text == "Circulate the draft policy");

    std::string two = "Share the findings (Anna Webb, Carl Diaz)";
    const auto both = bracket_owner(g(), two);
    REQUIRE(both);
    CHECK(*both == "Anna Webb, Carl Diaz");
  }

  TEST_CASE("bracket_owner: a bracket that names no one stays in the text") {
    std::string text = "Publish the annual report (see appendix 2).";
    CHECK_FALSE(bracket_owner(g(), text));
    CHECK(text == "Publish the annual report (see appendix 2).");
    std::string empty;
    CHECK_FALSE(bracket_owner(g(), empty));
  }

  TEST_CASE("is_actor_cell: initials, names, officers and 'All'; not words of a sentence") {
    CHECK(is_actor_cell(g(), "TB/AW"));
    CHECK(is_actor_cell(g(), "JS & AB"));
    CHECK(is_actor_cell(g(), "Cllr. J. Davies"));
    CHECK(is_actor_cell(g(), "Clerk"));
    CHECK(is_actor_cell(g(), "All"));
    CHECK_FALSE(is_actor_cell(g(), ""));
    CHECK_FALSE(is_actor_cell(g(), "the meeting closed"));
    CHECK_FALSE(is_actor_cell(g(), "2024"));
  }

  TEST_CASE("owner_of: the actor without its article") {
    CHECK(owner_of("The Clerk") == "Clerk");
    CHECK(owner_of("the Treasurer") == "Treasurer");
    CHECK(owner_of("JW") == "JW");
    CHECK(owner_of("").empty());
  }
}

}  // namespace bpack::extract
