#include "bpack/output/explain.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bpack/model/section_kind.hpp"
#include "bpack/output/json.hpp"
#include "bpack/output/pack_json.hpp"
#include "bpack/output/table.hpp"

namespace bpack::output {
namespace {

using model::ExplainedLine;

// The widest an entity label is shown before it is shortened with "…".
constexpr std::size_t kEntityWidth = 36;

bool in_range(const ExplainedLine& line, LineRange range) {
  return line.number >= range.first && (range.last == 0 || line.number <= range.last);
}

// A pack's text on a terminal: control characters (an escape sequence in a pack must not
// drive the terminal) become '?', tabs a space.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t') {
      out.push_back(' ');
    } else if (c < 0x20 || c == 0x7F) {
      out.push_back('?');
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out.push_back('?');  // a C1 control, U+0080..U+009F
      ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

std::string shortened(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) {
    return text;
  }
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size() && shown + 1 < width; ++i) {
    out.push_back(text[i]);
    if (i + 1 == text.size() || (static_cast<unsigned char>(text[i + 1]) & 0xC0U) != 0x80U) {
      ++shown;
    }
  }
  return out + "…";
}

// "section heading", "meeting 1 (minutes 2021-12-08); section heading", "unused", "".
std::string entity_text(const ExplainedLine& line) {
  if (line.blank) {
    return {};
  }
  if (!line.used()) {
    return "unused";
  }
  std::string out = line.entity ? line.entity->label : std::string();
  if (line.heading) {
    out += out.empty() ? "section heading" : "; section heading";
  }
  return out;
}

std::string rules_text(const ExplainedLine& line) {
  std::string out;
  for (const auto& hit : line.rules) {
    out += fmt::format("{}{} {}:{}", out.empty() ? "" : "; ", hit.name, hit.file, hit.line);
  }
  return out;
}

// Entity counts, as `bpack parse` prints them.
std::string entity_counts(const model::Pack& pack) {
  return fmt::format("{} agenda items, {} attendance, {} minute items, {} decisions, {} actions, {} papers",
                     pack.agenda_items.size(), pack.attendance.size(), pack.minute_items.size(), pack.decisions.size(),
                     pack.actions.size(), pack.papers.size());
}

std::string percent(const model::Explanation& e) {
  return fmt::format("{:.1f}%", 100.0 * e.coverage());
}

}  // namespace

std::string render_explanation(const model::Explanation& e, LineRange range) {
  const model::Pack& pack = e.pack;
  std::size_t entity_width = 6;  // "ENTITY"
  for (const auto& line : e.lines) {
    if (in_range(line, range)) {
      entity_width = std::max(entity_width, std::min(kEntityWidth, display_width(entity_text(line))));
    }
  }
  constexpr std::size_t kSectionWidth = 12;  // "forward_plan"
  std::string out = fmt::format("{:>5}  {:>4}  {:<{}}  {:<{}}  {}\n", "LINE", "PAGE", "SECTION", kSectionWidth,
                                "ENTITY", entity_width, "TEXT");
  const std::string indent(5 + 2 + 4 + 2 + kSectionWidth + 2, ' ');
  for (const auto& line : e.lines) {
    if (!in_range(line, range)) {
      continue;
    }
    const std::string section = line.section ? std::string(model::section_name(pack.sections[*line.section].kind)) : "";
    const std::string entity = shortened(entity_text(line), entity_width);
    std::string row = fmt::format("{:>5}  {:>4}  {:<{}}  {}{}  {}", line.number, line.page, section, kSectionWidth,
                                  entity, std::string(entity_width - display_width(entity), ' '), printable(line.text));
    while (!row.empty() && row.back() == ' ') {
      row.pop_back();
    }
    out += row + "\n";
    if (!line.rules.empty()) {
      out += indent + "rule " + rules_text(line) + "\n";
    }
  }

  out += "\nsections\n";
  for (std::size_t i = 0; i < pack.sections.size(); ++i) {
    const auto& s = pack.sections[i];
    out += fmt::format("  {:<12}  {:>13}  {}\n", model::section_name(s.kind),
                       fmt::format("{}-{}", s.line_start, s.line_end), printable(s.title));
  }
  out += "entities: " + entity_counts(pack) + "\n";
  for (const auto& w : pack.warnings) {
    out += fmt::format("warning: {}{}\n", w.line > 0 ? fmt::format("line {}: ", w.line) : "", printable(w.message));
  }
  out += fmt::format("coverage: {} of {} lines with text are in an entity or a section heading ({})\n", e.used_lines,
                     e.text_lines, percent(e));
  return out;
}

std::string render_explanation_json(const model::Explanation& e, LineRange range) {
  const model::Pack& pack = e.pack;
  std::string out;
  for (const auto& line : e.lines) {
    if (!in_range(line, range)) {
      continue;
    }
    JsonWriter json(out);
    json.begin_object();
    json.field("line", line.number).field("page", line.page);
    json.key("section");
    if (line.section) {
      json.value(model::section_name(pack.sections[*line.section].kind));
    } else {
      json.null();
    }
    json.field("heading", line.heading);
    json.key("entity");
    if (line.entity) {
      json.begin_object();
      json.field("kind", model::to_string(line.entity->kind))
          .field("index", static_cast<std::uint64_t>(line.entity->index))
          .field("label", line.entity->label);
      json.end_object();
    } else {
      json.null();
    }
    json.key("rules").begin_array();
    for (const auto& hit : line.rules) {
      json.begin_object().field("rule", hit.name).field("file", hit.file).field("line", hit.line).end_object();
    }
    json.end_array();
    json.field("used", !line.blank && line.used()).field("text", line.text);
    json.end_object();
    out.push_back('\n');
  }
  JsonWriter json(out);
  json.begin_object().key("summary").begin_object();
  json.field("path", pack.source.path).field("lines", pack.source.lines);
  json.field("text_lines", static_cast<std::uint64_t>(e.text_lines))
      .field("used_lines", static_cast<std::uint64_t>(e.used_lines))
      .field("coverage", e.coverage());
  json.key("sections").begin_array();
  for (const auto& s : pack.sections) {
    json.begin_object()
        .field("kind", model::section_name(s.kind))
        .field("title", s.title)
        .field("line_start", s.line_start)
        .field("line_end", s.line_end)
        .field("heading_line", s.heading_line)
        .end_object();
  }
  json.end_array();
  json.key("entities").begin_object();
  json.field("meetings", static_cast<std::uint64_t>(pack.meetings.size()))
      .field("agenda_items", static_cast<std::uint64_t>(pack.agenda_items.size()))
      .field("attendance", static_cast<std::uint64_t>(pack.attendance.size()))
      .field("minute_items", static_cast<std::uint64_t>(pack.minute_items.size()))
      .field("decisions", static_cast<std::uint64_t>(pack.decisions.size()))
      .field("actions", static_cast<std::uint64_t>(pack.actions.size()))
      .field("papers", static_cast<std::uint64_t>(pack.papers.size()));
  json.end_object();
  write_warnings(json, pack.warnings);
  json.end_object().end_object();
  out.push_back('\n');
  return out;
}

}  // namespace bpack::output
