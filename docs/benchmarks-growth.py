#!/usr/bin/env python3
"""Draws docs/benchmarks-growth.svg from docs/benchmarks-growth.csv (no libraries: plain SVG).

Each CSV row: series,events,ready_seconds,rss_mib,rebuild_events_per_second
Run: python3 docs/benchmarks-growth.py
"""
import csv
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(HERE, "benchmarks-growth.csv"))))
series = []
for r in rows:
    if r["series"] not in series:
        series.append(r["series"])
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
PANELS = [("ready_seconds", "time to ready (s)"), ("rss_mib", "resident memory at ready (MiB)"),
          ("rebuild_events_per_second", "rebuild at start-up (events/s)")]
W, H, PAD = 300, 220, 45
out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">'
       % (len(PANELS) * (W + 20) + 20, H + 70)]
xs = sorted({int(r["events"]) for r in rows})
lx = [math.log10(x) for x in xs]
for p, (field, title) in enumerate(PANELS):
    ox = 20 + p * (W + 20)
    values = [float(r[field]) for r in rows if r[field]]
    top = max(values) * 1.1
    out.append('<text x="%d" y="15" font-weight="bold">%s</text>' % (ox, title))
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (ox + PAD, 20 + H - PAD, ox + W, 20 + H - PAD))
    out.append('<line x1="%d" y1="20" x2="%d" y2="%d" stroke="black"/>' % (ox + PAD, ox + PAD, 20 + H - PAD))
    def px(x):
        return ox + PAD + (math.log10(x) - lx[0]) / max(1e-9, lx[-1] - lx[0]) * (W - PAD - 15)
    def py(v):
        return 20 + (H - PAD) - v / top * (H - PAD - 10)
    for x in xs:
        out.append('<text x="%.0f" y="%d" text-anchor="middle">%s</text>' % (px(x), 20 + H - PAD + 14,
                   "{:,}".format(x)))
    for k in range(5):
        v = top * k / 4
        out.append('<text x="%d" y="%.0f" text-anchor="end">%s</text>' % (ox + PAD - 4, py(v) + 4, "{:,.0f}".format(v)))
    for i, s in enumerate(series):
        pts = [(int(r["events"]), float(r[field])) for r in rows if r["series"] == s and r[field]]
        pts.sort()
        if not pts:
            continue
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (
            COLOURS[i % len(COLOURS)], " ".join("%.1f,%.1f" % (px(x), py(v)) for x, v in pts)))
        for x, v in pts:
            out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (px(x), py(v), COLOURS[i % len(COLOURS)]))
    out.append('<text x="%d" y="%d" text-anchor="middle">events in the store</text>' % (ox + PAD + (W - PAD) / 2, 20 + H - 8))
for i, s in enumerate(series):
    out.append('<rect x="%d" y="%d" width="12" height="4" fill="%s"/><text x="%d" y="%d">%s</text>' % (
        20 + i * 260, H + 45, COLOURS[i % len(COLOURS)], 36 + i * 260, H + 50, s))
out.append("</svg>")
open(os.path.join(HERE, "benchmarks-growth.svg"), "w").write("\n".join(out) + "\n")
