#include "bpack/extract/attendance.hpp"

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

std::string names(const std::vector<model::Attendee>& people) {
  std::vector<std::string> out;
  for (const auto& p : people) {
    out.push_back(p.name + " | " + std::string(model::to_string(p.status)));
  }
  return test::joined(out);
}

model::Attendee person(std::string name, model::AttendanceStatus status, model::Text role = std::nullopt) {
  model::Attendee a;
  a.name = std::move(name);
  a.status = status;
  a.role = std::move(role);
  a.meeting_date = "2024-06-05";
  return a;
}

}  // namespace

TEST_SUITE("extract attendance") {
  TEST_CASE("list_label: labels and the status they give, with the rest of the line") {
    const auto present = list_label(g(), "Present: Alan Birch (Chair), Carla Dent");
    REQUIRE(present);
    CHECK(present->kind == ListLabel::Kind::member);
    CHECK(present->rest == "Alan Birch (Chair), Carla Dent");

    const auto attendance = list_label(g(), "In attendance:");
    REQUIRE(attendance);
    CHECK(attendance->kind == ListLabel::Kind::attendee);
    CHECK(attendance->rest.empty());

    const auto apologies = list_label(g(), "Apologies");
    REQUIRE(apologies);
    CHECK(apologies->kind == ListLabel::Kind::apologies);

    const auto absent = list_label(g(), "ABSENT: Cllr Stella Vane");
    REQUIRE(absent);
    CHECK(absent->kind == ListLabel::Kind::absent);
  }

  TEST_CASE("list_label: no label in prose or an empty line") {
    CHECK_FALSE(list_label(g(), ""));
    CHECK_FALSE(list_label(g(), "The Chair welcomed everyone present."));
  }

  TEST_CASE("apologies_in: the people a sentence sends apologies for") {
    CHECK(names(apologies_in(g(), "Apologies were received from Cllr Hugo Lamb, Iris Penn and Dr Joe Kerr.")) ==
          "Cllr Hugo Lamb | apologies / Iris Penn | apologies / Dr Joe Kerr | apologies");
    CHECK(names(apologies_in(g(), "Apologies for absence were received from Mona Gill. 2. Minutes")) ==
          "Mona Gill | apologies");
  }

  TEST_CASE("apologies_in: no one in a sentence that sends no apologies") {
    CHECK(apologies_in(g(), "").empty());
    CHECK(apologies_in(g(), "The Board agreed the plan.").empty());
    CHECK(apologies_in(g(), "There were no apologies.").empty());
  }

  TEST_CASE("settle_apologies: present and sending apologies is apologies, keeping the role") {
    std::vector<model::Attendee> people{
        person("Jack Dunn", model::AttendanceStatus::member, "Treasurer"),
        person("Grace Allen", model::AttendanceStatus::member),
        person("Jack Dunn", model::AttendanceStatus::apologies),
    };
    settle_apologies(people);
    REQUIRE(people.size() == 2);
    CHECK(names(people) == "Grace Allen | member / Jack Dunn | apologies");
    CHECK(people[1].role.value_or("<null>") == "Treasurer");
  }

  TEST_CASE("settle_apologies: an empty list, and different people, stay as they are") {
    std::vector<model::Attendee> none;
    settle_apologies(none);
    CHECK(none.empty());
    std::vector<model::Attendee> two{person("Ann Bell", model::AttendanceStatus::member),
                                     person("Tom Cox", model::AttendanceStatus::apologies)};
    settle_apologies(two);
    CHECK(names(two) == "Ann Bell | member / Tom Cox | apologies");
  }
}

}  // namespace bpack::extract
