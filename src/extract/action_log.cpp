// Action log tables, rebuilt from extracted text by anchoring rows on their ref and date:
//  - row-wise text (each row's cells follow its "ref date" line, wrapped cells one per line):
//    item, action text, then "owner due status comments", then more comments;
//  - layout text (cells side by side, separated by gutters of spaces): fragments go to the
//    column whose edge they start at, edges taken from the header row;
//  - column-wise text (one cell per line, the table emitted column by column): rows are
//    anchored on "ref" / "date" line pairs, and the cells printed after the last row (texts,
//    owners, due/status/comment groups) are paired back with rows by count and order.

#include <cctype>
#include <optional>

#include "bpack/extract/action_log.hpp"
#include "bpack/extract/action_table.hpp"
#include "bpack/extract/dates.hpp"
#include "bpack/extract/people.hpp"
#include "bpack/extract/status.hpp"
#include "bpack/extract/warnings.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

using segment::SegLine;

// An item cell is narrow: lines up to this long, before the action text starts, are item.
constexpr std::size_t kItemWidth = 30;

struct Row {
  model::Action action;
  std::vector<std::string> item, text, owner, comments;
  bool complete = false;  // emitted row-wise with its own text
};

std::string joined(const std::vector<std::string>& parts) {
  std::vector<std::string_view> views(parts.begin(), parts.end());
  return util::join_collapsed(views);
}

model::Text nonempty(std::string text) {
  if (text.empty()) {
    return std::nullopt;
  }
  return text;
}

// "Daphne Thomas Apr-21 Open July 20 - Wave 5 ..." -> owner, due, status, comments.
bool read_tail(const grammar::Grammar& grammar, std::string_view text, Row& row) {
  const auto due = find_date_or_month(grammar, text);
  const auto status = find_status(grammar, text);
  if (!due && !status) {
    return false;
  }
  std::size_t owner_end = text.size();
  std::size_t rest_start = 0;
  if (due && (!status || due->offset <= status->offset)) {
    owner_end = due->offset;
    row.action.due = due->iso;
    row.action.due_text = due->text;
    rest_start = due->offset + due->text.size();
    std::string_view rest = util::trim(text.substr(rest_start));
    const auto st = find_status(grammar, rest);
    if (st && st->offset == 0) {
      row.action.status = st->status;
      row.action.status_text = std::string(rest.substr(0, st->size));
      rest.remove_prefix(st->size);
    }
    if (!util::trim(rest).empty()) {
      row.comments.emplace_back(util::trim(rest));
    }
  } else {
    owner_end = status->offset;
    row.action.status = status->status;
    row.action.status_text = std::string(text.substr(status->offset, status->size));
    const std::string_view rest = util::trim(text.substr(status->offset + status->size));
    if (!rest.empty()) {
      row.comments.emplace_back(rest);
    }
  }
  const std::string_view owner = util::trim(text.substr(0, owner_end));
  if (!owner.empty()) {
    row.owner.emplace_back(owner);
  }
  return true;
}

bool is_title_line(const grammar::Grammar& grammar, std::string_view text) {
  return grammar.matches("head.action_log", text) || grammar.matches("actions.header_word", text);
}

// A cell of names: "Richard Alsop/ Geraint", "Julie Ogley/Kate", "Alison Blair".
bool is_name_cell(const grammar::Grammar& grammar, std::string_view text) {
  if (text.empty() || text.back() == '.' || text.size() > 60) {
    return false;
  }
  std::string spaced(text);
  for (char& c : spaced) {
    if (c == '/' || c == '&') {
      c = ' ';
    }
  }
  const std::string collapsed = util::collapse_spaces(spaced);
  if (text.find('/') != std::string_view::npos) {
    // Each word capitalised.
    std::size_t start = 0;
    while (start < collapsed.size()) {
      const auto end = collapsed.find(' ', start);
      if (std::isupper(static_cast<unsigned char>(collapsed[start])) == 0) {
        return false;
      }
      start = end == std::string::npos ? collapsed.size() : end + 1;
    }
    return true;
  }
  return looks_like_name(grammar, collapsed) && collapsed.find(' ') != std::string::npos &&
         std::count(collapsed.begin(), collapsed.end(), ' ') <= 2;
}

// "Julie Ogley/Kate" ends mid-name: the person after the last '/' has one word.
bool name_incomplete(std::string_view text) {
  const auto slash = text.rfind('/');
  if (slash == std::string_view::npos) {
    return false;
  }
  return util::trim(text.substr(slash + 1)).find(' ') == std::string_view::npos;
}

void finish_row(Row& row, std::vector<model::Action>& out) {
  row.action.item = nonempty(joined(row.item));
  row.action.text = nonempty(joined(row.text));
  std::string owner = joined(row.owner);
  row.action.owner = nonempty(owner);
  row.action.comments = nonempty(joined(row.comments));
  row.action.source = model::ActionSource::action_log;
  out.push_back(std::move(row.action));
}

// Row-wise: cells follow the row's first line in column order.
void read_row_wise(const grammar::Grammar& grammar, Row& row, const std::vector<std::string_view>& cells) {
  bool text_started = false;
  bool tail_seen = false;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const std::string_view cell = cells[k];
    if (tail_seen) {
      row.comments.emplace_back(cell);
      continue;
    }
    if (k > 0 && read_tail(grammar, cell, row)) {
      tail_seen = true;
      continue;
    }
    if (!text_started && (k == 0 || cell.size() <= kItemWidth) && !(k > 0 && cell.size() > kItemWidth)) {
      if (k > 0 && (util::starts_with_ci(cell, "to ") || util::starts_with_ci(cell, "that "))) {
        text_started = true;
        row.text.emplace_back(cell);
        continue;
      }
      row.item.emplace_back(cell);
      continue;
    }
    text_started = true;
    row.text.emplace_back(cell);
  }
  row.complete = !row.text.empty();
}

// Column-wise: rows are "ref" / "date" pairs followed by their item (and, for rows emitted
// whole, their text); after the last row come the orphaned columns.
void read_column_wise(const grammar::Grammar& grammar, std::vector<Row>& rows,
                      std::vector<std::vector<std::string_view>>& row_cells,
                      const std::vector<std::string_view>& tail) {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Row& row = rows[r];
    bool text_started = false;
    const auto& cells = row_cells[r];
    for (std::size_t k = 0; k < cells.size(); ++k) {
      std::string_view cell = cells[k];
      if (is_name_cell(grammar, cell) && text_started) {
        row.owner.emplace_back(cell);
        // The rest of a wrapped owner cell lands at the end of the next text line.
        if (name_incomplete(cell) && k + 1 < cells.size()) {
          std::string_view next = cells[k + 1];
          const auto space = next.rfind(' ');
          if (space != std::string_view::npos && std::isupper(static_cast<unsigned char>(next[space + 1])) != 0 &&
              next.back() != '.') {
            row.owner.emplace_back(next.substr(space + 1));
            row.text.emplace_back(next.substr(0, space));
            ++k;
          }
        }
        continue;
      }
      if (!text_started && cell.size() <= kItemWidth && !util::starts_with_ci(cell, "to ")) {
        row.item.emplace_back(cell);
        continue;
      }
      text_started = true;
      row.text.emplace_back(cell);
    }
    row.complete = !row.text.empty();
  }
  if (rows.empty()) {
    return;
  }
  // Orphaned text column: sentences go, in order, to rows that have none; a name met while
  // a sentence is being read (or right after it, on its line) is that row's owner.
  std::vector<Row*> wanting_text;
  for (auto& row : rows) {
    if (row.text.empty()) {
      wanting_text.push_back(&row);
    }
  }
  std::size_t k = 0;
  std::size_t next_row = 0;
  std::vector<std::string> sentence;
  Row* last_filled = nullptr;
  for (; k < tail.size() && next_row < wanting_text.size(); ++k) {
    std::string_view cell = tail[k];
    if (is_title_line(grammar, cell)) {
      continue;
    }
    if (is_name_cell(grammar, cell)) {
      Row* target = sentence.empty() ? last_filled : wanting_text[next_row];
      if (target != nullptr) {
        target->owner.emplace_back(cell);
      }
      continue;
    }
    if (find_date_or_month(grammar, cell) && find_date_or_month(grammar, cell)->offset == 0) {
      break;  // the due/status columns begin
    }
    std::string_view owner_after;
    const auto stop = cell.rfind(". ");
    if (stop != std::string_view::npos && is_name_cell(grammar, util::trim(cell.substr(stop + 2)))) {
      owner_after = util::trim(cell.substr(stop + 2));
      cell = cell.substr(0, stop + 1);
    }
    sentence.emplace_back(cell);
    if (cell.back() == '.') {
      Row* row = wanting_text[next_row++];
      row->text = sentence;
      sentence.clear();
      last_filled = row;
      if (!owner_after.empty()) {
        row->owner.emplace_back(owner_after);
      }
    }
  }
  // Orphaned owner column: names (wrapped at '/') to rows without an owner, in order.
  std::vector<std::string> owners;
  std::vector<std::vector<std::string>> groups;  // due/status/comment groups
  for (; k < tail.size(); ++k) {
    const std::string_view cell = tail[k];
    if (is_title_line(grammar, cell)) {
      continue;
    }
    const auto date = find_date_or_month(grammar, cell);
    if (date && date->offset == 0) {
      groups.push_back({std::string(cell)});
      continue;
    }
    if (!groups.empty()) {
      groups.back().emplace_back(cell);
      continue;
    }
    if (!owners.empty() && name_incomplete(owners.back())) {
      owners.back() += std::string(cell.find('/') == 0 ? "" : " ") + std::string(cell);
      continue;
    }
    if (is_name_cell(grammar, cell)) {
      owners.emplace_back(cell);
    }
  }
  std::size_t o = 0;
  for (auto& row : rows) {
    if (row.owner.empty() && o < owners.size()) {
      row.owner.push_back(owners[o++]);
    }
  }
  // Due/status/comment groups: one per row when the counts agree; otherwise only the rows
  // printed whole can be paired with confidence.
  std::vector<Row*> targets;
  for (auto& row : rows) {
    if (groups.size() == rows.size() || row.complete) {
      targets.push_back(&row);
    }
  }
  for (std::size_t g = 0; g < groups.size() && g < targets.size(); ++g) {
    Row& row = *targets[g];
    for (std::size_t c = 0; c < groups[g].size(); ++c) {
      if (c == 0) {
        Row scratch;
        read_tail(grammar, groups[g][c], scratch);
        row.action.due = scratch.action.due;
        row.action.due_text = scratch.action.due_text;
        row.action.status = scratch.action.status;
        row.action.status_text = scratch.action.status_text;
        row.comments.insert(row.comments.end(), scratch.comments.begin(), scratch.comments.end());
        continue;
      }
      const auto status = find_status(grammar, groups[g][c]);
      if (!row.action.status_text && status && status->offset == 0 && groups[g][c].size() <= 20) {
        row.action.status = status->status;
        row.action.status_text = std::string(util::trim(groups[g][c]));
        continue;
      }
      row.comments.push_back(groups[g][c]);
    }
  }
}

}  // namespace

std::size_t read_action_log(ExtractContext& ctx, segment::SectionChunk& chunk) {
  const auto& grammar = ctx.grammar;
  const auto& lines = chunk.lines;
  // Non-blank lines, trimmed, with their numbers.
  std::vector<std::pair<std::string_view, model::LineNo>> cells;
  for (const auto& line : lines) {
    if (!line.blank) {
      cells.emplace_back(util::trim(line.text), line.number);
    }
  }
  if (const auto& board = chunk.section.title; ctx.clues.board.empty() && grammar.matches("head.action_log", board)) {
    grammar::Captures captures;
    std::string name = board;
    if (grammar.match("meeting.heading_tail", name, captures)) {
      name.erase(static_cast<std::size_t>(captures.whole().data() - name.data()));
    }
    ctx.clues.board = std::string(util::trim_punctuation(name));
  }

  // A table laid out in columns: read by its header row.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].blank && action_table_header(grammar, lines[i].text)) {
      TableReport report;
      read_action_table(grammar, lines, i, lines.size(), TableContext{}, ctx.pack.actions, &report);
      note_table(ctx, lines[i].number, report);
      return lines.size();
    }
  }

  std::vector<Row> rows;
  std::vector<std::vector<std::string_view>> row_cells;
  std::vector<std::string_view> after_rows;
  bool column_wise = false;
  grammar::Captures captures;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto [text, number] = cells[i];
    if (grammar.match("actions.row_start", text, captures)) {
      Row row;
      if (const auto ref = captures.get("ref")) {
        row.action.ref = std::string(*ref);
      }
      if (const auto raised = find_date(grammar, captures.get("date").value_or(""))) {
        row.action.raised = raised->iso;
        row.action.raised_text = raised->text;
      }
      row.action.line = number;
      row.action.line_end = number;
      rows.push_back(std::move(row));
      row_cells.emplace_back();
      const std::string_view rest = util::trim(captures.get("rest").value_or(""));
      if (!rest.empty()) {
        row_cells.back().push_back(rest);
      }
      after_rows.clear();
      continue;
    }
    if (i + 1 < cells.size() && grammar.match("actions.ref_only", text, captures) &&
        grammar.matches("actions.date_only", cells[i + 1].first)) {
      Row row;
      if (const auto ref = captures.get("ref")) {
        row.action.ref = std::string(*ref);
      }
      if (const auto raised = find_date(grammar, cells[i + 1].first)) {
        row.action.raised = raised->iso;
        row.action.raised_text = raised->text;
      }
      row.action.line = number;
      row.action.line_end = cells[i + 1].second;  // the ref and date lines: other cells come later
      rows.push_back(std::move(row));
      row_cells.emplace_back();
      column_wise = true;
      after_rows.clear();
      ++i;
      continue;
    }
    if (rows.empty() || is_title_line(grammar, text)) {
      continue;
    }
    row_cells.back().push_back(text);
    if (!column_wise) {
      rows.back().action.line_end = number;  // a row's cells follow its first line
    }
  }

  if (column_wise && !rows.empty()) {
    // The last row keeps its item; what follows it belongs to the orphaned columns when
    // earlier rows lack their text.
    auto& last = row_cells.back();
    std::vector<std::string_view> tail;
    bool others_lack_text = false;
    for (std::size_t r = 0; r + 1 < rows.size(); ++r) {
      bool has_text = false;
      for (const auto cell : row_cells[r]) {
        has_text = has_text || cell.size() > kItemWidth;
      }
      others_lack_text = others_lack_text || !has_text;
    }
    if (others_lack_text) {
      std::size_t keep = 0;
      while (keep < last.size() && last[keep].size() <= kItemWidth && !is_name_cell(grammar, last[keep])) {
        ++keep;
      }
      tail.assign(last.begin() + static_cast<std::ptrdiff_t>(keep), last.end());
      last.resize(keep);
    }
    read_column_wise(grammar, rows, row_cells, tail);
  } else {
    for (std::size_t r = 0; r < rows.size(); ++r) {
      read_row_wise(grammar, rows[r], row_cells[r]);
    }
  }
  for (auto& row : rows) {
    finish_row(row, ctx.pack.actions);
  }
  return lines.size();
}

}  // namespace bpack::extract
