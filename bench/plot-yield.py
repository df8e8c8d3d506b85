#!/usr/bin/env python3
"""Plots bench/yield.sh's CSVs: one panel per scenario (its first run), both flows' Mbit/s per
100 ms, the idle allowance, and the queueing delay Drizzle measured (right axis)."""
import csv
import glob
import os
import re
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

out = sys.argv[1]
# With several runs per scenario the files end in -1, -2, ...: plot the first of each.
runs = [p for p in sorted(glob.glob(os.path.join(out, "yield-*.csv")))
        if not re.search(r"-\d+\.csv$", p) or p.endswith("-1.csv")]
cols = 2 if len(runs) > 2 else 1
rows_n = (len(runs) + cols - 1) // cols
fig, axes = plt.subplots(rows_n, cols, figsize=(8 * cols, 3.2 * rows_n), sharex=True, squeeze=False)
for ax in axes.flat[len(runs):]:
    ax.set_visible(False)
for ax, path in zip(axes.flat, runs):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    t = [float(r["t_s"]) for r in rows]
    ax.plot(t, [float(r["background_mbps"]) for r in rows], label="Drizzle background job", lw=1.2)
    ax.plot(t, [float(r["foreground_mbps"]) for r in rows], label="foreground download", lw=1.2)
    ax.plot(t, [float(r["allowance_mbps"]) for r in rows], label="idle allowance", lw=0.8, ls="--")
    ax.set_title(re.sub(r"-1$", "", os.path.basename(path)[:-4]))
    ax.set_ylabel("Mbit/s")
    ax.set_ylim(0, 30)
    ax.grid(alpha=0.3)
    delay = ax.twinx()
    delay.plot(t, [max(0.0, float(r["queue_delay_ms"])) for r in rows], color="grey", lw=0.6, alpha=0.7,
               label="queueing delay (ms)")
    delay.set_ylim(0, 300)
    delay.set_ylabel("ms", color="grey")
    lines = ax.get_legend_handles_labels()
    more = delay.get_legend_handles_labels()
    ax.legend(lines[0] + more[0], lines[1] + more[1], loc="upper right", fontsize=7)
for ax in axes[-1]:
    ax.set_xlabel("seconds")
fig.tight_layout()
fig.savefig(os.path.join(out, "yield.png"), dpi=100)
