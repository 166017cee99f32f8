#!/usr/bin/env python3
"""Pages per second of `bpack parse x.pdf` against `pdftotext -layout x.pdf - | bpack parse -`
on the same PDFs, in one run.

Each timed run parses every PDF once both ways, one process (or pipeline) per PDF and per way,
through `sh -c` on both sides; the two ways take turns going first from one run to the next, so
that drift in the machine's load falls on both. After one untimed warm-up, the figures are the
medians over the runs of the total time per way. The target (issue 12): bpack reading the PDF
itself takes at most 1.2x the time of the pipeline. The CPU time each way used (user + system,
every process and thread) is shown too: on a machine busy with other work, wall time follows
it; on an idle one, the pipeline's two processes and bpack's reading threads run side by side.

usage: bench/pdf.py [--bpack BIN] [--runs R] [--json] PDF_OR_DIR...
"""
import argparse
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time

TARGET = 1.2


def pdfs_of(paths):
    found = []
    for path in paths:
        if os.path.isdir(path):
            found += sorted(os.path.join(path, n) for n in os.listdir(path) if n.lower().endswith('.pdf'))
        else:
            found.append(path)
    return found


def pages_of(bpack, pdf):
    proc = subprocess.run([bpack, 'parse', '--json', pdf], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f'bench/pdf.py: {bpack} parse {pdf} failed: {proc.stderr.strip()}')
    return json.loads(proc.stdout)['source']['pages']


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command):
    """Wall seconds and CPU seconds of one command."""
    cpu = children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(['sh', '-c', command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f'bench/pdf.py: `{command}` failed: {proc.stderr.decode(errors="replace").strip()}')
    return seconds, children_cpu() - cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('paths', nargs='+', help='PDFs, or folders of PDFs')
    ap.add_argument('--bpack', default='build-bench/bpack', help='the bpack binary (default build-bench/bpack)')
    ap.add_argument('--runs', type=int, default=5, help='timed runs (default 5)')
    ap.add_argument('--json', action='store_true', help='print the figures as JSON lines')
    args = ap.parse_args()

    pdfs = pdfs_of(args.paths)
    if not pdfs:
        sys.exit('bench/pdf.py: no PDFs given')
    bpack = shlex.quote(os.path.abspath(args.bpack))
    pages = {pdf: pages_of(args.bpack, pdf) for pdf in pdfs}
    total_pages = sum(pages.values())
    ways = {
        'bpack_pdf': lambda pdf: f'{bpack} parse --json {shlex.quote(pdf)} >/dev/null',
        'pdftotext_pipe': lambda pdf: f'pdftotext -layout {shlex.quote(pdf)} - | {bpack} parse --json - >/dev/null',
    }
    totals = {way: [] for way in ways}
    cpu_totals = {way: [] for way in ways}
    per_file = {(way, pdf): [] for way in ways for pdf in pdfs}
    for run in range(args.runs + 1):
        order = list(ways) if run % 2 == 0 else list(reversed(ways))
        for way in order:
            seconds = 0.0
            cpu = 0.0
            for pdf in pdfs:
                t, c = timed(ways[way](pdf))
                seconds += t
                cpu += c
                if run > 0:
                    per_file[(way, pdf)].append(t)
            if run > 0:  # run 0 warms the page cache and the dynamic loader
                totals[way].append(seconds)
                cpu_totals[way].append(cpu)

    median = {way: statistics.median(values) for way, values in totals.items()}
    cpu_median = {way: statistics.median(values) for way, values in cpu_totals.items()}
    ratio = median['bpack_pdf'] / median['pdftotext_pipe']
    if args.json:
        for way, values in totals.items():
            print(json.dumps({'name': f'{way}_pages_s', 'median': total_pages / median[way], 'unit': 'pages/s',
                              'seconds': median[way], 'min': min(values), 'max': max(values),
                              'cpu_seconds': cpu_median[way], 'runs': args.runs, 'pdfs': len(pdfs),
                              'pages': total_pages}))
        print(json.dumps({'name': 'bpack_pdf_time_ratio', 'median': ratio, 'unit': 'x pipeline', 'target': TARGET,
                          'pass': ratio <= TARGET}))
        return
    print(f'{len(pdfs)} PDFs, {total_pages} pages, {args.runs} runs (medians of the total, min..max)')
    print(f'{"PDF":48} {"pages":>5} {"bpack ms":>9} {"pipeline ms":>11} {"ratio":>6}')
    for pdf in pdfs:
        a = statistics.median(per_file[('bpack_pdf', pdf)]) * 1000
        b = statistics.median(per_file[('pdftotext_pipe', pdf)]) * 1000
        print(f'{os.path.basename(pdf)[:48]:48} {pages[pdf]:5} {a:9.1f} {b:11.1f} {a / b:6.2f}')
    for way, label in (('bpack_pdf', 'bpack parse x.pdf'), ('pdftotext_pipe', 'pdftotext -layout | bpack parse -')):
        s = median[way]
        print(f'{label:34} {s:7.3f} s [{min(totals[way]):.3f}..{max(totals[way]):.3f}]  '
              f'{total_pages / s:7.1f} pages/s  CPU {cpu_median[way]:.3f} s')
    verdict = 'PASS' if ratio <= TARGET else 'FAIL'
    print(f'time ratio bpack / pipeline: {ratio:.3f}x (target <= {TARGET}x): {verdict}; '
          f'CPU ratio {cpu_median["bpack_pdf"] / cpu_median["pdftotext_pipe"]:.3f}x; '
          f'load average {os.getloadavg()[0]:.1f} at the end')


if __name__ == '__main__':
    main()
