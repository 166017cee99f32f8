#include "bpack/output/list_writer.hpp"

#include "bpack/output/csv.hpp"
#include "bpack/output/json_view.hpp"

namespace bpack::output {
namespace {

constexpr std::size_t kPiece = std::size_t{1} << 16U;

}  // namespace

ListWriter::ListWriter(const ListView& list, ListFormat format, TextStyle style, Sink sink)
    : columns_(list.columns), format_(format), style_(style), sink_(std::move(sink)) {
  if (format_ == ListFormat::csv) {
    append_csv_header(out_, columns_);
  } else if (format_ == ListFormat::text && list.layout == ListView::Layout::table) {
    table_.emplace(list);
  }
}

void ListWriter::row(const std::vector<Cell>& cells) {
  switch (format_) {
    case ListFormat::json:
      append_json_row(out_, columns_, cells);
      break;
    case ListFormat::csv:
      append_csv_row(out_, columns_, cells);
      break;
    case ListFormat::text:
      if (table_) {
        table_->add(cells);
        return;
      }
      append_record(out_, columns_, cells, style_);
      break;
  }
  spill(false);
}

std::string ListWriter::finish() {
  if (table_) {
    table_->write(style_.width, out_, [this] { spill(false); });
    table_.reset();
  }
  spill(true);
  return std::move(out_);
}

void ListWriter::spill(bool all) {
  if (sink_ && !out_.empty() && (all || out_.size() >= kPiece)) {
    sink_(out_);
    out_.clear();
  }
}

std::string render_list(const ListView& list, ListFormat format, const TextStyle& style) {
  ListWriter writer(list, format, style);
  for (const auto& row : list.rows) {
    writer.row(row);
  }
  return writer.finish();
}

}  // namespace bpack::output
