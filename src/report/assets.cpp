#include "assets.hpp"

namespace bpack::report {

std::string_view stylesheet() {
  // Readable without colour: flags are words, links are underlined, the target of a link is
  // outlined as well as shaded. Printed, the navigation goes and table headers repeat.
  return R"css(body {
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a;
  background: #fff;
  margin: 0;
}
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
header nav { background: #1d3557; }
header nav ul { list-style: none; margin: 0; padding: .6rem 1.5rem; display: flex; gap: 1.5rem; flex-wrap: wrap; }
header nav a { color: #fff; font-weight: 600; }
main { max-width: 80rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
a { color: #0b4f9c; }
a:focus { outline: 3px solid #e07a00; outline-offset: 2px; }
h1 { font-size: 1.7rem; margin: .5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
.meta { color: #3d3d3d; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .93rem; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; }
th, td { border: 1px solid #c3c8cf; padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #e9edf2; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.nw { white-space: nowrap; }
tbody tr:nth-child(even) { background: #f7f8fa; }
.note, .none { font-style: italic; }
.search-form input { font-size: 1rem; padding: .3rem; width: min(30rem, 90%); }
.search-form button { font-size: 1rem; padding: .3rem .8rem; }
#results li { margin: .4rem 0; }
.pack p {
  white-space: pre-wrap;
  margin: 0 0 .6rem 4.5rem;
  position: relative;
  font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace;
  font-size: .88rem;
}
.pack p > a.n { position: absolute; left: -4.5rem; width: 4rem; text-align: right; color: #4a4a4a; text-decoration: none; }
.pack .page { border-top: 1px dashed #888; font-size: 1rem; margin: 1.5rem 0 .5rem; padding-top: .25rem; }
:target { background: #fff1b8; outline: 2px solid #8a6d00; }
footer { border-top: 1px solid #c3c8cf; margin-top: 2rem; padding: .5rem 1.5rem; font-size: .85rem; color: #3d3d3d; }
@media print {
  header, .skip, .search-form, footer { display: none; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  table { page-break-inside: auto; font-size: 9pt; }
  tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) { background: none; }
  h1, h2 { page-break-after: avoid; }
  .pack .page { page-break-before: always; border: none; }
}
)css";
}

std::string_view search_script() {
  // Every word must occur in an entry, in any case; the first 200 matches are listed. The
  // entries (window.BPACK_SEARCH) come from search-data.js: [kind, text, board, date, href, where].
  return R"js((function () {
  'use strict';
  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('results');
  var entries = window.BPACK_SEARCH || [];
  var limit = 200;
  function show(entry) {
    var item = document.createElement('li');
    var link = document.createElement('a');
    link.href = entry[4];
    link.textContent = entry[1];
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = ' (' + entry[0] + ', ' + entry[2] + ', ' + entry[3] + ', ' + entry[5] + ')';
    item.appendChild(link);
    item.appendChild(meta);
    list.appendChild(item);
  }
  function run(query) {
    list.textContent = '';
    var words = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0) {
      status.textContent = 'Type words to search ' + entries.length + ' entries.';
      return;
    }
    var found = 0;
    for (var i = 0; i < entries.length && found < limit; i++) {
      var text = entries[i][1].toLowerCase();
      if (words.every(function (w) { return text.indexOf(w) >= 0; })) {
        show(entries[i]);
        found++;
      }
    }
    status.textContent = found === 0 ? 'No entry matches.'
      : found === limit ? 'The first ' + limit + ' matches.'
      : found + (found === 1 ? ' match.' : ' matches.');
  }
  var query = new URLSearchParams(window.location.search).get('q') || '';
  input.value = query;
  run(query);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run(input.value);
    try {
      history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    } catch (e) {
      // Some browsers refuse it for files opened from disk; the results are shown anyway.
    }
  });
})();
)js";
}

}  // namespace bpack::report
