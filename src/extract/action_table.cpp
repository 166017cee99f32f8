#include "bpack/extract/action_table.hpp"

#include <algorithm>
#include <cctype>

#include "bpack/extract/dates.hpp"
#include "bpack/extract/layout.hpp"
#include "bpack/extract/minute_actions.hpp"
#include "bpack/extract/status.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

using segment::SegLine;

// A fragment may start this many characters left of its header word (headers are often
// centred or indented over their cells).
constexpr std::size_t kEdgeSlack = 3;
// Blank lines that end a table.
constexpr std::size_t kTableEndBlanks = 3;
// A table's header cells printed one to a line are this short, and the other columns' names
// come within this many lines of the action column's.
constexpr std::size_t kStackedCellMax = 40;
constexpr std::size_t kStackedHeaderReach = 12;  // non-blank lines after the first
// A cell of more words than this is an action's text, not a name or a date.
constexpr std::size_t kStackedWordsMax = 4;

// "Sam", "Helen", "Despo": under an owner column's name, a few capitalised words are a person.
bool capitalised_words(std::string_view text) {
  bool word_start = true;
  std::size_t words = 0;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (std::isdigit(u) != 0) {
      return false;
    }
    if (word_start) {
      if (std::islower(u) != 0) {
        return false;
      }
      ++words;
      word_start = false;
    }
  }
  return words >= 1 && words <= 3;
}

std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t';
    words += !space && !in_word ? 1U : 0U;
    in_word = !space;
  }
  return words;
}

constexpr std::size_t kColumns = static_cast<std::size_t>(TableColumn::comments) + 1;

std::optional<TableColumn> column_named(const grammar::Grammar& grammar, std::string_view word) {
  static constexpr std::pair<const char*, TableColumn> kRules[] = {
      {"actions.header.ref", TableColumn::ref},       {"actions.header.raised", TableColumn::raised},
      {"actions.header.item", TableColumn::item},     {"actions.header.text", TableColumn::text},
      {"actions.header.owner", TableColumn::owner},   {"actions.header.due", TableColumn::due},
      {"actions.header.status", TableColumn::status}, {"actions.header.comments", TableColumn::comments},
  };
  for (const auto& [rule, column] : kRules) {
    if (grammar.matches(rule, word)) {
      return column;
    }
  }
  return std::nullopt;
}

// A zero-width space or a bullet before a cell's words marks a new row's text.
std::string_view strip_marker(std::string_view text, bool& marked) {
  marked = false;
  for (;;) {
    // Trimmed of ASCII spaces only: util::trim would take the zero-width mark for a space.
    const auto start = text.find_first_not_of(" \t");
    text.remove_prefix(start == std::string_view::npos ? text.size() : start);
    if (text.substr(0, 3) == "\xE2\x80\x8B" || text.substr(0, 3) == "\xE2\x80\xA2") {
      text.remove_prefix(3);
      marked = true;
    } else if (text.size() > 1 && (text[0] == '-' || text[0] == '*' || text[0] == 'o') && text[1] == ' ') {
      text.remove_prefix(2);
      marked = true;
    } else {
      return util::trim(text);
    }
  }
}

bool ends_sentence(std::string_view text) {
  text = util::trim(text);
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

struct Piece {
  std::string_view text;
  std::size_t line = 0;  // index into the section's lines
  bool marked = false;   // after a bullet or zero-width mark
};

struct Entry {
  std::vector<std::string_view> parts;
  std::size_t first = 0;
  std::size_t last = 0;
};

// A column's pieces grouped into entries: a new entry after a blank line, after a bullet,
// or where the entry before ended a sentence; short columns (owners, dates, statuses) hold one
// entry a line unless the line goes on with the one before.
std::vector<Entry> entries_of(const std::vector<Piece>& pieces, bool short_cells) {
  std::vector<Entry> out;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const Piece& piece = pieces[k];
    bool start = out.empty() || piece.marked || piece.line > out.back().last + 1;
    if (!start) {
      const std::string_view before = out.back().parts.back();
      const bool goes_on = !before.empty() && (before.back() == ',' || before.back() == '/' || before.back() == '&' ||
                                               std::islower(static_cast<unsigned char>(piece.text.front())) != 0);
      start = short_cells ? !goes_on : (ends_sentence(before) && !goes_on);
    }
    if (start) {
      out.push_back({{piece.text}, piece.line, piece.line});
    } else {
      out.back().parts.push_back(piece.text);
      out.back().last = piece.line;
    }
  }
  return out;
}

class TableReader {
 public:
  TableReader(const grammar::Grammar& grammar, const std::vector<SegLine>& lines, TableHeader header)
      : g_(grammar), lines_(lines), header_(std::move(header)) {}

  std::size_t collect(std::size_t begin, std::size_t end) {
    std::size_t blanks = 0;
    std::size_t i = begin;
    for (; i < end; ++i) {
      const SegLine& line = lines_[i];
      if (line.blank) {
        if (++blanks >= kTableEndBlanks && !pieces_empty()) {
          break;
        }
        continue;
      }
      blanks = 0;
      if (action_table_header(g_, line.text)) {
        continue;  // the header repeated on a new page
      }
      const auto cells = layout_cells(line.text);
      // Prose across the columns, or the next item of the minutes ("4. Any other business"),
      if (is_prose(cells) || (cells.size() == 1 && g_.matches("item.numbered", cells.front().text)) ||
          (!cells.empty() && g_.matches("minutes.item_label", cells.front().text))) {
        break;  // ... or a form's label for the next item ("Agenda item:   PVG Update")
      }
      std::size_t last_column = kColumns;
      bool misaligned = false;
      for (const Cell& cell : cells) {
        bool marked = false;
        const std::string_view text = strip_marker(cell.text, marked);
        if (text.empty()) {
          continue;
        }
        const std::size_t column = column_of(cell.column);
        misaligned = misaligned || column == last_column;
        last_column = column;
        pieces_[column].push_back({text, i, marked});
      }
      if (misaligned && report_.misaligned++ == 0) {
        report_.first_misaligned = line.number;
      }
    }
    return i;
  }

  // Plain text prints a table column by column, a cell to a line, in an order that follows the
  // page only loosely: cells are told apart by their shape. A marked line (bullet, zero-width
  // mark) or one of more than four words is an action's text, a name is its owner, a date its
  // due date; other short lines ("Enter deadline here") hold nothing. The table ends at a
  // label ("Agenda item:"), a numbered item, three blank lines, or prose after marked rows.
  std::size_t collect_stacked(std::size_t begin, std::size_t end) {
    auto& texts = pieces_[static_cast<std::size_t>(TableColumn::text)];
    stacked_ = true;
    std::size_t blanks = 0;
    bool marked_rows = false;
    std::size_t i = begin;
    for (; i < end; ++i) {
      if (lines_[i].blank) {
        if (++blanks >= kTableEndBlanks && !texts.empty()) {
          break;
        }
        continue;
      }
      blanks = 0;
      bool marked = false;
      const std::string_view text = strip_marker(lines_[i].text, marked);
      if (text.empty() || (text.size() <= kStackedCellMax && column_named(g_, text))) {
        continue;  // a mark alone, or a column's name printed among the cells
      }
      if (!marked && (text.back() == ':' || g_.matches("item.numbered", text))) {
        break;  // the next label or item
      }
      if (marked || word_count(text) > kStackedWordsMax) {
        const bool goes_on = !texts.empty() && texts.back().line + 1 == i && !ends_sentence(texts.back().text);
        if (!marked && marked_rows && !goes_on) {
          break;
        }
        marked_rows = marked_rows || marked;
        texts.push_back({text, i, marked});
      } else if (header_.has(TableColumn::owner) && (is_actor_cell(g_, text) || capitalised_words(text))) {
        pieces_[static_cast<std::size_t>(TableColumn::owner)].push_back({text, i, false});
      } else if (header_.has(TableColumn::due) && find_date_or_month(g_, text)) {
        pieces_[static_cast<std::size_t>(TableColumn::due)].push_back({text, i, false});
      }
    }
    return i;
  }

  void build(const TableContext& context, std::vector<model::Action>& out) {
    std::vector<Row> rows = header_.has(TableColumn::ref) ? rows_by_ref() : rows_by_text();
    for (auto& row : rows) {
      out.push_back(finish(row, context));
    }
    report_.rows = rows.size();
  }

  const TableReport& report() const { return report_; }

 private:
  struct Row {
    std::size_t line = 0;
    std::size_t last = 0;  // the last line with a cell of the row
    std::vector<std::string_view> fields[kColumns];
  };

  bool pieces_empty() const {
    return std::all_of(std::begin(pieces_), std::end(pieces_), [](const auto& p) { return p.empty(); });
  }

  std::size_t column_of(std::size_t start) const {
    std::size_t index = 0;
    for (std::size_t k = 0; k < header_.columns.size(); ++k) {
      if (header_.columns[k].first <= start + kEdgeSlack) {
        index = k;
      }
    }
    return static_cast<std::size_t>(header_.columns[index].second);
  }

  // A line of prose across the columns (the minutes going on after the table).
  bool is_prose(const std::vector<Cell>& cells) const {
    if (cells.size() != 1 || header_.columns.size() < 2) {
      return false;
    }
    const Cell& cell = cells.front();
    std::size_t spanned = 0;
    for (const auto& [start, column] : header_.columns) {
      spanned += cell.column < start && cell.end > start + kEdgeSlack ? 1U : 0U;
    }
    return spanned >= 2;
  }

  // Rows start where the ref column holds a ref (and the date column a date, if there is one).
  std::vector<Row> rows_by_ref() const {
    std::vector<std::pair<std::size_t, TableColumn>> order;
    std::vector<Row> rows;
    // Pieces by line, in column order.
    std::vector<std::vector<std::pair<TableColumn, std::string_view>>> by_line(lines_.size());
    for (std::size_t c = 0; c < kColumns; ++c) {
      for (const Piece& piece : pieces_[c]) {
        by_line[piece.line].emplace_back(static_cast<TableColumn>(c), piece.text);
      }
    }
    for (std::size_t i = 0; i < by_line.size(); ++i) {
      std::optional<std::string_view> ref;
      std::optional<std::string_view> raised;
      for (const auto& [column, text] : by_line[i]) {
        if (column == TableColumn::ref && !ref) {
          ref = text;
        } else if (column == TableColumn::raised && !raised) {
          raised = text;
        }
      }
      grammar::Captures captures;
      if (ref && g_.match("actions.ref_only", *ref, captures) &&
          (!header_.has(TableColumn::raised) || (raised && find_date(g_, *raised)))) {
        rows.emplace_back();
        rows.back().line = i;
      }
      if (rows.empty()) {
        continue;
      }
      for (const auto& [column, text] : by_line[i]) {
        rows.back().fields[static_cast<std::size_t>(column)].push_back(text);
        rows.back().last = i;
      }
    }
    return rows;
  }

  // Without refs, each entry of the action column is a row; the other columns' entries are
  // paired with rows in order when their counts agree, else with the row nearest by line.
  std::vector<Row> rows_by_text() const {
    const auto text_index = static_cast<std::size_t>(TableColumn::text);
    const std::vector<Entry> texts = entries_of(pieces_[text_index], false);
    std::vector<Row> rows(texts.size());
    for (std::size_t r = 0; r < texts.size(); ++r) {
      rows[r].line = texts[r].first;
      rows[r].last = texts[r].last;
      rows[r].fields[text_index] = texts[r].parts;
    }
    for (std::size_t c = 0; c < kColumns; ++c) {
      if (c == text_index || rows.empty()) {
        continue;
      }
      const auto column = static_cast<TableColumn>(c);
      const bool short_cells = column == TableColumn::owner || column == TableColumn::due ||
                               column == TableColumn::status || column == TableColumn::raised ||
                               column == TableColumn::ref;
      const std::vector<Entry> entries = entries_of(pieces_[c], short_cells);
      // Printed column by column, cells pair with rows only in order: where the counts differ,
      // which cell is whose cannot be told.
      if (stacked_ && entries.size() != rows.size()) {
        continue;
      }
      for (std::size_t e = 0; e < entries.size(); ++e) {
        const std::size_t r = entries.size() == rows.size() ? e : nearest(texts, entries[e]);
        auto& field = rows[r].fields[c];
        field.insert(field.end(), entries[e].parts.begin(), entries[e].parts.end());
        rows[r].last = std::max(rows[r].last, entries[e].last);
      }
    }
    return rows;
  }

  static std::size_t nearest(const std::vector<Entry>& texts, const Entry& entry) {
    std::size_t best = 0;
    std::size_t best_distance = static_cast<std::size_t>(-1);
    for (std::size_t r = 0; r < texts.size(); ++r) {
      const std::size_t distance = entry.first < texts[r].first  ? texts[r].first - entry.first
                                   : entry.first > texts[r].last ? entry.first - texts[r].last
                                                                 : 0;
      // Ties go to the row below: cells are printed at the top of their row.
      if (distance < best_distance || (distance == best_distance && texts[r].first > entry.first)) {
        best = r;
        best_distance = distance;
      }
    }
    return best;
  }

  model::Action finish(Row& row, const TableContext& context) const {
    const auto field = [&](TableColumn column) -> model::Text {
      const auto& parts = row.fields[static_cast<std::size_t>(column)];
      std::string joined = util::join_collapsed(parts);
      return joined.empty() ? std::nullopt : model::Text(std::move(joined));
    };
    model::Action action;
    action.source = model::ActionSource::action_log;
    action.line = lines_[row.line].number;
    action.line_end = lines_[std::max(row.line, row.last)].number;
    grammar::Captures captures;
    if (const auto ref = field(TableColumn::ref); ref && g_.match("actions.ref_only", *ref, captures)) {
      action.ref = std::string(captures.get("ref").value_or(""));
    }
    if (const auto raised = field(TableColumn::raised)) {
      if (const auto date = find_date(g_, *raised)) {
        action.raised = date->iso;
        action.raised_text = date->text;
      }
    } else {
      action.raised = context.raised;
      action.raised_text = context.raised_text;
    }
    action.item = field(TableColumn::item);
    if (!action.item) {
      action.item = context.item;
    }
    action.text = field(TableColumn::text);
    action.owner = field(TableColumn::owner);
    action.comments = field(TableColumn::comments);
    if (const auto due = field(TableColumn::due)) {
      if (const auto date = find_date_or_month(g_, *due)) {
        action.due = date->iso;
        action.due_text = *due;
      }
    }
    action.status_text = field(TableColumn::status);
    if (action.status_text) {
      if (const auto found = find_status(g_, *action.status_text)) {
        action.status = found->status;
      }
    } else if (!header_.has(TableColumn::status)) {
      action.status = model::ActionStatus::open;  // a new action, as of the meeting that set it
    }
    action.meeting_date = context.meeting_date;
    return action;
  }

  const grammar::Grammar& g_;
  const std::vector<SegLine>& lines_;
  TableHeader header_;
  std::vector<Piece> pieces_[kColumns];
  TableReport report_;
  bool stacked_ = false;  // cells read one to a line (collect_stacked)
};

}  // namespace

std::optional<StackedHeader> stacked_table_header(const grammar::Grammar& grammar,
                                                  const std::vector<segment::SegLine>& lines, std::size_t first,
                                                  std::size_t end) {
  const std::string_view text = util::trim(lines[first].text);
  if (text.empty() || text.size() > kStackedCellMax || column_named(grammar, text) != TableColumn::text) {
    return std::nullopt;
  }
  // The other columns' names follow, before or after the action column's cells.
  StackedHeader found;
  found.header.columns.emplace_back(0, TableColumn::text);
  std::size_t seen = 0;
  for (std::size_t k = first + 1; k < end && seen < kStackedHeaderReach; ++k) {
    if (lines[k].blank) {
      continue;
    }
    ++seen;
    const std::string_view cell = util::trim(lines[k].text);
    if (cell.back() == ':') {
      break;
    }
    const auto column = cell.size() <= kStackedCellMax ? column_named(grammar, cell) : std::nullopt;
    if (!column || *column == TableColumn::text) {
      continue;
    }
    if (!found.header.has(*column)) {
      found.header.columns.emplace_back(0, *column);
    }
  }
  if (!found.header.has(TableColumn::owner) && !found.header.has(TableColumn::due)) {
    return std::nullopt;
  }
  found.body = first + 1;
  return found;
}

std::size_t read_stacked_action_table(const grammar::Grammar& grammar, const std::vector<segment::SegLine>& lines,
                                      const StackedHeader& header, std::size_t end, const TableContext& context,
                                      std::vector<model::Action>& out, TableReport* report) {
  TableReader reader(grammar, lines, header.header);
  const std::size_t after = reader.collect_stacked(header.body, end);
  reader.build(context, out);
  if (report != nullptr) {
    *report = reader.report();
  }
  return after;
}

bool TableHeader::has(TableColumn column) const {
  return std::any_of(columns.begin(), columns.end(), [&](const auto& c) { return c.second == column; });
}

std::optional<TableHeader> action_table_header(const grammar::Grammar& grammar, std::string_view line) {
  const auto cells = layout_cells(line);
  if (cells.size() < 2) {
    return std::nullopt;
  }
  TableHeader header;
  std::size_t known = 0;
  bool text = false;
  bool other = false;
  for (const Cell& cell : cells) {
    const auto column = column_named(grammar, cell.text);
    // Words the vocabulary does not know ("Notes from March") are read as comments.
    header.columns.emplace_back(cell.column, column.value_or(TableColumn::comments));
    known += column ? 1U : 0U;
    text = text || column == TableColumn::text;
    other = other || column == TableColumn::ref || column == TableColumn::owner || column == TableColumn::due ||
            column == TableColumn::status;
  }
  if (!text || !other || known < 2 || known * 2 < cells.size()) {
    return std::nullopt;
  }
  return header;
}

std::size_t read_action_table(const grammar::Grammar& grammar, const std::vector<segment::SegLine>& lines,
                              std::size_t header, std::size_t end, const TableContext& context,
                              std::vector<model::Action>& out, TableReport* report) {
  auto found = action_table_header(grammar, lines[header].text);
  if (!found) {
    return header;
  }
  TableReader reader(grammar, lines, std::move(*found));
  const std::size_t after = reader.collect(header + 1, end);
  reader.build(context, out);
  if (report != nullptr) {
    *report = reader.report();
  }
  return after;
}

}  // namespace bpack::extract
