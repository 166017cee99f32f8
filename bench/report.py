#!/usr/bin/env python3
"""Print one table of bpack's figures against their peers from a bench/run.sh results file.

Every ratio is taken between medians from the same run (same machine state, same corpus).
Targets are those of issue 5, and of issue 13 for list commands and the report (all stated
for a 1 GB corpus on 2 cores).

usage: report.py RESULTS.jsonl [--meta TEXT] [--markdown]
"""
import argparse
import json
import sys


def load(path):
    figs = {}
    for line in open(path, encoding='utf-8'):
        if line.strip():
            j = json.loads(line)
            # 'db' names the database of a query figure, but is a path elsewhere
            # (fts5_para_db_ratio): only query figures are keyed by it.
            db = j.get('db') if j['name'].endswith('_query_ms') else None
            figs[(j['name'], j.get('query'), db, j.get('word'))] = j
    return figs


def rows(figs):
    """(figure, bpack value, peer name, peer value, ratio, target text, pass?) per line."""
    def get(name, query=None, db=None, word=None):
        j = figs.get((name, query, db, word))
        return None if j is None else j['median']

    def spread(name):
        j = figs.get((name, None, None, None))
        return '' if j is None or j.get('runs', 1) < 2 else f" [{j['min']:.3g}..{j['max']:.3g}]"

    out = []
    ingest = get('bpack_ingest_mb_s')
    for peer, goal in (('fts5_ingest_para_mb_s', 2.0), ('fts5_ingest_mb_s', 0.8)):
        p = get(peer)
        r = ingest / p if ingest and p else None
        out.append((f'ingest MB/s{spread("bpack_ingest_mb_s")}', ingest, peer, p, r,
                    f'>= {goal}x', r is not None and r >= goal))
    read = get('read_mb_s')
    parse = get('bpack_parse_mb_s')
    out.append((f'parse-only MB/s{spread("bpack_parse_mb_s")}', parse, 'read_mb_s', read,
                parse / read if parse and read else None, '>= 150 MB/s',
                parse is not None and parse >= 150))
    for (name, _, _, _), j in sorted(figs.items()):
        if not name.startswith('bpack_search_ms:'):
            continue
        q = name.partition(':')[2]
        p = get('sqlite3_cli_query_ms', q, 'para')
        r = j['median'] / p if p else None
        out.append((f'search ms {q} [{j["min"]:.0f}..{j["max"]:.0f}]', j['median'],
                    'sqlite3_cli_query_ms para', p, r, '<= 0.5x', r is not None and r <= 0.5))
        words = [w for w in q.replace('"', ' ').replace('*', ' ').split()]
        rg = [get('rg_ms', word=w) for w in words]
        if words and all(x is not None for x in rg):
            peer = max(rg)
            out.append((f'  (vs ripgrep) {q}', j['median'], 'rg_ms ' + '/'.join(words) + ' (max)',
                        peer, j['median'] / peer, 'info', None))
    for (name, _, _, _), j in sorted(figs.items()):
        if name.startswith('bpack_list_ms:'):
            out.append((f'list ms: {name.partition(":")[2]} [{j["min"]:.0f}..{j["max"]:.0f}]',
                        j['median'], '', None, None, '<= 200 ms', j['median'] <= 200))
    report = figs.get(('bpack_report_ms', None, None, None))
    if report:
        out.append((f'report --html s (new site) [{report["min"] / 1e3:.3g}..{report["max"] / 1e3:.3g}]',
                    report['median'] / 1e3, '', None, None, '<= 30 s', report['median'] <= 30e3))
    rss = get('bpack_ingest_rss_mb')
    out.append(('ingest peak RSS MB', rss, '', None, None, '<= 150 MB',
                rss is not None and rss <= 150))
    prss = figs.get(('bpack_parse_rss_mb', None, None, None))
    if prss:
        out.append((f'parse peak RSS MB ({prss.get("file_bytes", 0) / 1e6:.0f} MB file)',
                    prss['median'], '', None, None, '<= 64 MB', prss['median'] <= 64))
    db = get('bpack_db_ratio')
    p = get('fts5_para_db_ratio')
    out.append(('database / input', db, 'fts5_para_db_ratio', p, db / p if db and p else None,
                '<= 1.5x input', db is not None and db <= 1.5))
    # A run with --lists has no ingest, parse or search figures: leave out what was not measured.
    return [r for r in out if r[1] is not None]


def fmt(x):
    if x is None:
        return '-'
    if isinstance(x, str):
        return x
    return f'{x:,.0f}' if abs(x) >= 1000 else f'{x:.3g}'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('results')
    ap.add_argument('--meta', default='')
    ap.add_argument('--markdown', action='store_true', help='a Markdown table (for RESULTS.md)')
    args = ap.parse_args()
    figs = load(args.results)
    corpus = figs.get(('corpus_mb', None, None, None), {})
    head = ['figure', 'bpack', 'peer', 'peer value', 'ratio', 'target', 'result']
    table = [[f, fmt(v), pn, fmt(pv), '-' if r is None else f'{r:.3g}x', t,
              'info' if ok is None else ('PASS' if ok else 'FAIL')]
             for f, v, pn, pv, r, t, ok in rows(figs)]
    if args.meta or corpus:
        print(f"# {args.meta} | corpus {corpus.get('median', 0):.1f} MB in "
              f"{corpus.get('files', '?')} files")
    if args.markdown:
        print('| ' + ' | '.join(head) + ' |')
        print('|' + '---|' * len(head))
        for r in table:
            print('| ' + ' | '.join(r) + ' |')
    else:
        widths = [max(len(r[i]) for r in table + [head]) for i in range(len(head))]
        for r in [head, ['-' * w for w in widths]] + table:
            print('  '.join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    fails = sum(1 for r in table if r[-1] == 'FAIL')
    print(f'{fails} target(s) missed' if fails else 'all targets met', file=sys.stderr)


if __name__ == '__main__':
    main()
