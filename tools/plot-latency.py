#!/usr/bin/env python3
"""Plots post-to-screen latency percentiles against load from load-generator JSON summaries.

Usage: python3 tools/plot-latency.py [-o docs/latency.svg] [--title TEXT] run-250.json run-500.json ...
       [--compare LABEL old-250.json old-500.json ...]

Each file is a summary written by `SalesCoach.Live.LoadGen --json FILE`. The x axis is the measured ingest
throughput (accepted activities per second); the y axis is the post-to-screen latency at the clients (p50, p95,
p99, max) and the HTTP latency p99 of the POSTs, in milliseconds. With --compare, the p50 and p99 of a second set of runs (another build) are
drawn as thin lines for comparison. Only the Python standard library is used.
"""
import argparse
import json
import math
import sys
from xml.sax.saxutils import escape

SERIES = [
    ("postToScreen", "p50", "screen p50", "#1f77b4", ""),
    ("postToScreen", "p95", "screen p95", "#2ca02c", ""),
    ("postToScreen", "p99", "screen p99", "#d62728", ""),
    ("postToScreen", "max", "screen max", "#9467bd", "4 3"),
    ("http", "p99", "HTTP p99 (POST)", "#7f7f7f", "2 3"),
]


def nice_step(span, ticks=6):
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", help="JSON summaries of load-generator runs")
    parser.add_argument("-o", "--output", default="docs/latency.svg")
    parser.add_argument("--title", default="Post-to-screen latency against load")
    parser.add_argument("--target", type=float, default=250.0, help="draw a target line at this latency (ms); 0 for none")
    parser.add_argument("--compare", nargs="+", metavar=("LABEL", "FILE"), help="a label, then the JSON summaries of runs to compare with")
    args = parser.parse_args()

    def load(paths):
        loaded = []
        for path in paths:
            with open(path, encoding="utf-8") as f:
                summary = json.load(f)
            if summary["load"]["postToScreen"]["count"] == 0:
                print(f"{path}: no post-to-screen samples, skipped", file=sys.stderr)
                continue
            loaded.append((summary["load"]["acceptedPerSecond"], summary))
        return sorted(loaded, key=lambda r: r[0])

    compare_label, compare = None, []
    if args.compare:
        if len(args.compare) < 2:
            sys.exit("--compare needs a label and at least one file")
        compare_label, compare = args.compare[0], load(args.compare[1:])

    runs = []
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            summary = json.load(f)
        load = summary["load"]
        if load["postToScreen"]["count"] == 0:
            print(f"{path}: no post-to-screen samples, skipped", file=sys.stderr)
            continue
        runs.append((load["acceptedPerSecond"], summary))
    if not runs:
        sys.exit("no run with post-to-screen samples")
    runs.sort(key=lambda r: r[0])

    width, height = 820, 460
    left, right, top, bottom = 70, 240, 50, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    x_max_data = max(r[0] for r in runs + compare)
    y_max_data = max(max(s["load"][k][p] for k, p, *_ in SERIES) for _, s in runs)
    if compare:
        y_max_data = max(y_max_data, max(s["load"]["postToScreen"]["p99"] for _, s in compare))
    y_max_data = max(y_max_data, args.target or 0)
    x_step = nice_step(x_max_data)
    x_max = math.ceil(x_max_data * 1.05 / x_step) * x_step
    y_step = nice_step(y_max_data)
    y_max = math.ceil(y_max_data * 1.05 / y_step) * y_step

    def sx(v):
        return left + plot_w * v / x_max

    def sy(v):
        return top + plot_h * (1 - v / y_max)

    out = []
    out.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
               'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">')
    out.append(f'<rect width="{width}" height="{height}" fill="white"/>')
    out.append(f'<text x="{left + plot_w / 2}" y="24" text-anchor="middle" font-size="15">{escape(args.title)}</text>')
    # Grid and axes.
    v = 0.0
    while v <= x_max + 1e-9:
        x = sx(v)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{x:.1f}" y="{top + plot_h + 18}" text-anchor="middle">{v:g}</text>')
        v += x_step
    v = 0.0
    while v <= y_max + 1e-9:
        y = sy(v)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{v:g}</text>')
        v += y_step
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333"/>')
    out.append(f'<text x="{left + plot_w / 2}" y="{height - 18}" text-anchor="middle">ingest throughput (accepted activities/s)</text>')
    out.append(f'<text transform="translate(20 {top + plot_h / 2}) rotate(-90)" text-anchor="middle">latency (ms)</text>')
    if args.target:
        y = sy(args.target)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ff7f0e" stroke-dasharray="6 4"/>')
        out.append(f'<text x="{left + 6}" y="{y - 5:.1f}" fill="#ff7f0e">target p99 &lt; {args.target:g} ms</text>')
    # Series.
    for i, (kind, pct, label, colour, dash) in enumerate(SERIES):
        points = [(sx(rate), sy(s["load"][kind][pct])) for rate, s in runs]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash_attr} points="'
                   + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
        for x, y in points:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
        ly = top + 10 + i * 20
        out.append(f'<line x1="{left + plot_w + 15}" y1="{ly}" x2="{left + plot_w + 40}" y2="{ly}" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        out.append(f'<text x="{left + plot_w + 46}" y="{ly + 4}">{escape(label)}</text>')
    legend_rows = len(SERIES)
    if compare:
        for j, (pct, colour) in enumerate((("p50", "#1f77b4"), ("p99", "#d62728"))):
            points = [(sx(rate), sy(s["load"]["postToScreen"][pct])) for rate, s in compare]
            out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1" stroke-opacity="0.55" points="'
                       + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
            for x, y in points:
                out.append(f'<rect x="{x - 2.5:.1f}" y="{y - 2.5:.1f}" width="5" height="5" fill="none" stroke="{colour}" stroke-opacity="0.55"/>')
            ly = top + 10 + (legend_rows + j) * 20
            out.append(f'<line x1="{left + plot_w + 15}" y1="{ly}" x2="{left + plot_w + 40}" y2="{ly}" stroke="{colour}" stroke-width="1" stroke-opacity="0.55"/>')
            out.append(f'<text x="{left + plot_w + 46}" y="{ly + 4}">screen {pct}, {escape(compare_label)}</text>')
        legend_rows += 2
    # Run notes under the legend.
    first = runs[0][1]["options"]
    notes = [f'{first["clients"]} clients, {first["reps"]} reps,', f'{first["teams"]} teams, batch {first["batch"]}']
    for j, note in enumerate(notes):
        out.append(f'<text x="{left + plot_w + 15}" y="{top + 10 + legend_rows * 20 + 14 + j * 16}" fill="#555">{escape(note)}</text>')
    out.append("</svg>")

    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {args.output} from {len(runs)} runs")


if __name__ == "__main__":
    main()
