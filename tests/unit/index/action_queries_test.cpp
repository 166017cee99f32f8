#include "bpack/index/action_queries.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bpack/index/writer.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::index::ActionFilter;
using bpack::index::list_actions;
using bpack::model::ActionStatus;
using bpack::model::SectionKind;
using bpack::test::action;
using bpack::test::FakePack;

// Board "Alpha": January pack (actions 1, 2, 3), March pack (1 closed, 2 in progress with a
// new due date; 3 missing: vanished). Board "Beta": one pack whose action 1 is another action.
struct ActionsFixture {
  bpack::test::TempDir dir;
  std::unique_ptr<bpack::index::Database> db = bpack::test::new_index(dir);

  ActionsFixture() {
    bpack::test::FakeParser fake;
    FakePack jan;
    jan.pack.meetings = {bpack::test::agenda_meeting("Alpha Board", "2021-01-13")};
    jan.pack.sections = {bpack::test::section(SectionKind::action_log, "Action Log", 1, 30)};
    jan.pack.actions = {action("1", ActionStatus::open, "Write the strategy", "2021-02", "Ann Lee"),
                        action("2", ActionStatus::open, "Share the data", "2021-02-28", "Bob Roe"),
                        action("3", ActionStatus::open, "Book the venue", std::nullopt, "Ann Lee")};
    jan.pack.actions[0].raised = "2020-12-09";
    jan.pack.actions[1].raised = "2021-01-13";
    fake.add("jan", jan);
    FakePack mar;
    mar.pack.meetings = {bpack::test::agenda_meeting("Alpha Board", "2021-03-10")};
    mar.pack.sections = {bpack::test::section(SectionKind::action_log, "Action Log", 1, 30)};
    mar.pack.actions = {action("1", ActionStatus::closed, "Write the strategy", "2021-02", "Ann Lee"),
                        action("2", ActionStatus::in_progress, "Share the data", "2021-04-30", "Bob Roe")};
    mar.pack.actions[1].comments = "Data requested";
    fake.add("mar", mar);
    FakePack beta;
    beta.pack.meetings = {bpack::test::agenda_meeting("Beta Board", "2021-02-01")};
    beta.pack.sections = {bpack::test::section(SectionKind::action_log, "Action Log", 1, 30)};
    beta.pack.actions = {action("1", ActionStatus::open, "Beta's own action one", "2021-01", "Cy Dee")};
    fake.add("beta", beta);
    bpack::index::Writer writer(*db);
    bpack::ingest::PackIngester ingester(writer, fake.parser());
    ingester.ingest_bytes("mar\n", "mar.txt", "/mar.txt");
    ingester.ingest_bytes("jan\n", "jan.txt", "/jan.txt");
    ingester.ingest_bytes("beta\n", "beta.txt", "/beta.txt");
  }

  std::vector<std::string> refs(const ActionFilter& filter) {
    std::vector<std::string> out;
    for (const auto& a : list_actions(*db, filter)) {
      out.push_back(a.board.value_or("?").substr(0, 1) + a.ref.value_or("-") + ":" + a.status);
    }
    return out;
  }
  static ActionFilter as_of(const std::string& date) {
    ActionFilter f;
    f.as_of = date;
    return f;
  }
};

TEST_CASE_FIXTURE(ActionsFixture, "the latest meeting's pack decides each action's state") {
  CHECK(refs(as_of("2021-03-31")) == std::vector<std::string>{"A1:closed", "A2:in_progress", "A3:open", "B1:open"});
  const auto rows = list_actions(*db, as_of("2021-03-31"));
  const auto& two = rows[1];
  CHECK(two.due == "2021-04-30");
  CHECK(two.comments == "Data requested");
  CHECK(two.raised == "2021-01-13");
  CHECK(two.first_seen == "2021-01-13");
  CHECK(two.last_seen == "2021-03-10");
  CHECK(two.packs_seen == 2);
  CHECK(two.last_pack == "mar.txt");
  CHECK(two.days_open == 77);  // 2021-01-13 to 2021-03-31
  CHECK_FALSE(two.overdue);
  CHECK_FALSE(two.vanished_in.has_value());
  const auto& one = rows[0];
  CHECK(one.days_open == 91);  // raised 2020-12-09, closed in the 2021-03-10 pack
}

TEST_CASE_FIXTURE(ActionsFixture, "an open action missing from a later action log has vanished") {
  const auto rows = list_actions(*db, as_of("2021-03-31"));
  const auto& three = rows[2];
  CHECK(three.ref == "3");
  CHECK(three.status == "open");
  CHECK(three.vanished_in == "mar.txt");
  CHECK(three.vanished_date == "2021-03-10");
  // Beta's pack is later than Alpha's January one but another board: no effect on Alpha 3 or Beta 1.
  CHECK_FALSE(rows[3].vanished_in.has_value());
}

TEST_CASE_FIXTURE(ActionsFixture, "filters") {
  ActionFilter f = as_of("2021-03-31");
  f.state = ActionFilter::State::open;
  CHECK(refs(f) == std::vector<std::string>{"A2:in_progress", "A3:open", "B1:open"});
  f.state = ActionFilter::State::closed;
  CHECK(refs(f) == std::vector<std::string>{"A1:closed"});
  f = as_of("2021-03-31");
  f.status = ActionStatus::in_progress;
  CHECK(refs(f) == std::vector<std::string>{"A2:in_progress"});
  f = as_of("2021-03-31");
  f.overdue_only = true;  // Beta 1 was due by the end of January; Alpha 2 is now due in April
  CHECK(refs(f) == std::vector<std::string>{"B1:open"});
  f.as_of = "2021-05-01";
  CHECK(refs(f) == std::vector<std::string>{"A2:in_progress", "B1:open"});
  f.as_of = "2021-01-31";  // a month-only due date runs to the month's end
  CHECK(refs(f).empty());
  f = as_of("2021-03-31");
  f.owner = "ANN";
  CHECK(refs(f) == std::vector<std::string>{"A1:closed", "A3:open"});
  f = as_of("2021-03-31");
  f.board = "beta";
  CHECK(refs(f) == std::vector<std::string>{"B1:open"});
  f = as_of("2021-03-31");
  f.since = "2021-01-01";
  CHECK(refs(f) == std::vector<std::string>{"A2:in_progress", "A3:open", "B1:open"});
}

TEST_CASE_FIXTURE(ActionsFixture, "history of one action, pack by pack") {
  const auto histories = bpack::index::action_history(*db, "2", std::nullopt, "2021-03-31");
  REQUIRE(histories.size() == 1);
  const auto& h = histories[0];
  REQUIRE(h.entries.size() == 2);
  CHECK(h.entries[0].pack == "jan.txt");
  CHECK(h.entries[0].status == "open");
  CHECK_FALSE(h.entries[0].status_changed);
  CHECK(h.entries[1].pack == "mar.txt");
  CHECK(h.entries[1].status == "in_progress");
  CHECK(h.entries[1].status_changed);
  CHECK(h.entries[1].due_changed);
  CHECK(h.entries[1].comments == "Data requested");

  CHECK(bpack::index::action_history(*db, "1", std::nullopt, "2021-03-31").size() == 2);  // two boards
  const auto beta = bpack::index::action_history(*db, "1", std::string("bet"), "2021-03-31");
  REQUIRE(beta.size() == 1);
  CHECK(beta[0].action.text == "Beta's own action one");
  CHECK(bpack::index::action_history(*db, "99", std::nullopt, "2021-03-31").empty());
  const auto vanished = bpack::index::action_history(*db, "3", std::nullopt, "2021-03-31");
  REQUIRE(vanished.size() == 1);
  CHECK(vanished[0].action.vanished_in == "mar.txt");
}

}  // namespace
