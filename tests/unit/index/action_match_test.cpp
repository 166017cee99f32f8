#include "index/action_match.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using bpack::index::content_words;
using bpack::index::link_similarity;
using bpack::index::LinkSide;
using bpack::index::owner_key;
using bpack::index::split_owners;
using bpack::index::word_similarity;

TEST_CASE("action owners: one name each, and a key that initials and names share") {
  CHECK(split_owners("Richard Alsop/ Geraint Thomas") == std::vector<std::string>{"Richard Alsop", "Geraint Thomas"});
  CHECK(split_owners("Julie Ogley/Kate Walker/Michael Bracey/Robin Porter").size() == 4);
  CHECK(split_owners("JB and KW") == std::vector<std::string>{"JB", "KW"});
  CHECK(split_owners("Executive lead") == std::vector<std::string>{"Executive lead"});
  CHECK(split_owners(" ; ").empty());

  CHECK(owner_key(std::string("Jane Brown")) == "jb");
  CHECK(owner_key(std::string("JB")) == "jb");
  CHECK(owner_key(std::string("Cllr J. Brown")) == "jb");
  CHECK(owner_key(std::string("Dr Rima Makarem")) == "rm");
  CHECK(owner_key(std::string("Richard Alsop/ Geraint Thomas")) == owner_key(std::string("GT/RA")));
  CHECK(owner_key(std::nullopt).empty());
}

TEST_CASE("action texts: content words and their similarity") {
  CHECK(content_words(std::string("To circulate the papers to all members")) == "circulat member paper");
  CHECK(content_words(std::string("Papers circulated to members")) == "circulat member paper");
  CHECK(content_words(std::nullopt).empty());
  CHECK(word_similarity("a b c d", "a b c d") == doctest::Approx(1.0));
  CHECK(word_similarity("a b c d", "e f") == doctest::Approx(0.0));
  CHECK(word_similarity("a b c d", "b d e f") == doctest::Approx(0.5));
  CHECK(word_similarity("", "a") == doctest::Approx(0.0));
}

TEST_CASE("action links: owners agree, texts are alike, raised dates do not disagree") {
  const LinkSide minutes{owner_key(std::string("JB")),
                         content_words(std::string("JB to write to the Secretary of State about the bus subsidy")),
                         std::string("2023-03-14")};
  LinkSide log{owner_key(std::string("Jane Brown")),
               content_words(std::string("Write to the Secretary of State about bus subsidy")),
               std::string("2023-03-14")};
  const auto linked = link_similarity(minutes, log);
  REQUIRE(linked.has_value());
  CHECK(*linked > 0.8);

  log.raised = "2023-03";  // a month agrees with its days
  CHECK(link_similarity(minutes, log).has_value());
  log.raised = "2023-05-09";
  CHECK_FALSE(link_similarity(minutes, log).has_value());
  log.raised = std::nullopt;
  CHECK(link_similarity(minutes, log).has_value());

  LinkSide other_owner = log;
  other_owner.owner_key = owner_key(std::string("Kate Walker"));
  CHECK_FALSE(link_similarity(minutes, other_owner).has_value());
  LinkSide no_owner = minutes;
  no_owner.owner_key.clear();
  CHECK_FALSE(link_similarity(no_owner, no_owner).has_value());
  LinkSide other_text = log;
  other_text.words = content_words(std::string("Book a room for the away day"));
  CHECK_FALSE(link_similarity(minutes, other_text).has_value());
}
