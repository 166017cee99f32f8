#include "bpack/output/pack_json.hpp"
#include "bpack/model/section_kind.hpp"

#include "bpack/output/json.hpp"

namespace bpack::output {
namespace {

template <typename T, typename Fn>
void write_list(JsonWriter& json, std::string_view name, const std::vector<T>& items, Fn&& write_one) {
  json.key(name).begin_array();
  for (const auto& item : items) {
    json.begin_object();
    write_one(item);
    json.end_object();
  }
  json.end_array();
}

}  // namespace

void write_warnings(JsonWriter& json, const std::vector<model::Warning>& warnings) {
  write_list(json, "warnings", warnings, [&](const model::Warning& w) {
    json.field("code", w.code).field("message", w.message).field("line", w.line);
  });
}

void append_pack_json(const model::Pack& pack, std::string& out) {
  using namespace model;
  JsonWriter json(out);
  json.begin_object();
  json.field("schema", "bpack.parse/1");
  json.key("source").begin_object();
  json.field("path", pack.source.path)
      .field("sha256", pack.source.sha256)
      .field("bytes", pack.source.bytes)
      .field("lines", pack.source.lines)
      .field("pages", pack.source.pages);
  json.end_object();

  write_list(json, "meetings", pack.meetings, [&](const Meeting& m) {
    json.field("body", m.body).field("date", m.date).field("date_text", m.date_text);
    json.field("time", m.time).field("venue", m.venue).field("role", to_string(m.role));
    json.field("line", m.line);
  });
  write_list(json, "sections", pack.sections, [&](const Section& s) {
    json.field("kind", model::section_name(s.kind)).field("title", s.title);
    json.field("line_start", s.line_start).field("line_end", s.line_end);
    json.field("page_start", s.page_start).field("page_end", s.page_end);
  });
  write_list(json, "agenda_items", pack.agenda_items, [&](const AgendaItem& a) {
    json.field("number", a.number).field("title", a.title).field("lead", a.lead);
    json.field("paper", a.paper).field("time", a.time).field("line", a.line);
  });
  write_list(json, "attendance", pack.attendance, [&](const Attendee& a) {
    json.field("name", a.name).field("role", a.role).field("initials", a.initials);
    json.field("status", to_string(a.status)).field("meeting_date", a.meeting_date).field("line", a.line);
  });
  write_list(json, "minute_items", pack.minute_items, [&](const MinuteItem& m) {
    json.field("number", m.number).field("title", m.title).field("meeting_date", m.meeting_date);
    json.field("line_start", m.line_start).field("line_end", m.line_end);
  });
  write_list(json, "decisions", pack.decisions, [&](const Decision& d) {
    json.field("item", d.item).field("kind", to_string(d.kind)).field("text", d.text);
    json.field("meeting_date", d.meeting_date).field("line", d.line);
  });
  write_list(json, "actions", pack.actions, [&](const Action& a) {
    json.field("ref", a.ref).field("raised", a.raised).field("raised_text", a.raised_text);
    json.field("item", a.item).field("text", a.text).field("owner", a.owner);
    json.field("owner_initials", a.owner_initials)
        .field("owner_name", a.owner_name)
        .field("due", a.due)
        .field("due_text", a.due_text);
    json.field("status", to_string(a.status)).field("status_text", a.status_text);
    json.field("comments", a.comments).field("source", to_string(a.source));
    json.field("meeting_date", a.meeting_date).field("line", a.line);
  });
  write_list(json, "papers", pack.papers, [&](const Paper& p) {
    json.field("ref", p.ref).field("title", p.title).field("purpose", p.purpose);
    json.field("ask", p.ask).field("recommendation", p.recommendation);
    json.field("line_start", p.line_start).field("line_end", p.line_end);
  });
  write_warnings(json, pack.warnings);
  json.end_object();
}

}  // namespace bpack::output
