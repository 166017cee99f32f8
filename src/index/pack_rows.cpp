#include "pack_rows.hpp"

#include "bpack/model/section_kind.hpp"

namespace bpack::index {

using model::to_string;

PackRows::PackRows(Database& db)
    : meeting_(db,
               "INSERT INTO meetings (pack_id, body, date, date_text, time, venue, role, line, board_id, board_alias) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
      section_(db,
               "INSERT INTO sections (pack_id, kind, title, line_start, line_end, page_start, page_end) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      agenda_item_(db,
                   "INSERT INTO agenda_items (pack_id, number, title, lead, paper, time, line) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      attendee_(db,
                "INSERT INTO attendance (pack_id, name, role, initials, status, meeting_date, line, listed_date) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
      minute_item_(db,
                   "INSERT INTO minute_items (pack_id, number, title, meeting_date, line_start, line_end) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
      decision_(db,
                "INSERT INTO decisions (pack_id, item, kind, text, meeting_date, line, listed_date) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      paper_(db,
             "INSERT INTO papers (pack_id, ref, title, purpose, ask, recommendation, line_start, line_end) "
             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
      linker_(db),
      history_(db,
               "INSERT INTO action_history (action_id, pack_id, ref, raised, raised_text, item, text, owner, "
               "owner_initials, due, due_text, status, status_text, comments, source, meeting_date, line) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"),
      warning_(db, "INSERT INTO pack_warnings (pack_id, code, message, line) VALUES (?1, ?2, ?3, ?4)") {}

std::int64_t PackRows::insert(std::int64_t pack_id, const model::Pack& pack, const BoardRef& board,
                              BoardResolver& boards) {
  for (const auto& m : pack.meetings) {
    // A meeting without a body stated is the pack's board's.
    const BoardRef meeting_board = m.body ? boards.resolve(m.body) : board;
    meeting_.bind(1, pack_id).bind(2, m.body).bind(3, m.date).bind(4, m.date_text).bind(5, m.time);
    meeting_.bind(6, m.venue).bind(7, to_string(m.role)).bind(8, m.line).bind(9, meeting_board.id);
    meeting_.bind(10, meeting_board.alias).run();
  }
  for (const auto& s : pack.sections) {
    section_.bind(1, pack_id).bind(2, model::section_name(s.kind)).bind(3, s.title).bind(4, s.line_start);
    section_.bind(5, s.line_end).bind(6, s.page_start).bind(7, s.page_end).run();
  }
  for (const auto& a : pack.agenda_items) {
    agenda_item_.bind(1, pack_id).bind(2, a.number).bind(3, a.title).bind(4, a.lead).bind(5, a.paper);
    agenda_item_.bind(6, a.time).bind(7, a.line).run();
  }
  // A row is listed under its meeting's date, else its pack's (the lists read them in that order).
  const model::Meeting* pack_meeting = pack.primary_meeting();
  const std::optional<std::string> pack_date = pack_meeting != nullptr ? pack_meeting->date : std::nullopt;
  for (const auto& a : pack.attendance) {
    attendee_.bind(1, pack_id).bind(2, a.name).bind(3, a.role).bind(4, a.initials);
    attendee_.bind(5, to_string(a.status)).bind(6, a.meeting_date).bind(7, a.line);
    attendee_.bind(8, a.meeting_date ? a.meeting_date : pack_date).run();
  }
  for (const auto& m : pack.minute_items) {
    minute_item_.bind(1, pack_id).bind(2, m.number).bind(3, m.title).bind(4, m.meeting_date);
    minute_item_.bind(5, m.line_start).bind(6, m.line_end).run();
  }
  for (const auto& d : pack.decisions) {
    decision_.bind(1, pack_id).bind(2, d.item).bind(3, to_string(d.kind)).bind(4, d.text);
    decision_.bind(5, d.meeting_date).bind(6, d.line).bind(7, d.meeting_date ? d.meeting_date : pack_date).run();
  }
  for (const auto& p : pack.papers) {
    paper_.bind(1, pack_id).bind(2, p.ref).bind(3, p.title).bind(4, p.purpose).bind(5, p.ask);
    paper_.bind(6, p.recommendation).bind(7, p.line_start).bind(8, p.line_end).run();
  }
  for (const auto& w : pack.warnings) {
    warning_.bind(1, pack_id).bind(2, w.code).bind(3, w.message).bind(4, w.line).run();
  }
  insert_actions(pack_id, pack, board.id);
  return static_cast<std::int64_t>(pack.actions.size());
}

void PackRows::insert_actions(std::int64_t pack_id, const model::Pack& pack, std::int64_t board_id) {
  for (const auto& a : pack.actions) {
    history_.bind(1, linker_.link(board_id, pack_id, a))
        .bind(2, pack_id)
        .bind(3, a.ref)
        .bind(4, a.raised)
        .bind(5, a.raised_text);
    history_.bind(6, a.item).bind(7, a.text).bind(8, a.owner).bind(9, a.owner_initials).bind(10, a.due);
    history_.bind(11, a.due_text).bind(12, to_string(a.status)).bind(13, a.status_text).bind(14, a.comments);
    history_.bind(15, to_string(a.source)).bind(16, a.meeting_date).bind(17, a.line).run();
  }
}

}  // namespace bpack::index
