#!/usr/bin/env python3
"""Plots bench/yield.sh's CSVs: one panel per run, both flows' Mbit/s per 100 ms."""
import csv
import glob
import os
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

out = sys.argv[1]
runs = sorted(glob.glob(os.path.join(out, "yield-*.csv")))
fig, axes = plt.subplots(len(runs), 1, figsize=(11, 3.2 * len(runs)), sharex=True, squeeze=False)
for ax, path in zip(axes[:, 0], runs):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    t = [float(r["t_s"]) for r in rows]
    ax.plot(t, [float(r["background_mbps"]) for r in rows], label="Drizzle background job", lw=1.2)
    ax.plot(t, [float(r["foreground_mbps"]) for r in rows], label="foreground download", lw=1.2)
    ax.plot(t, [float(r["allowance_mbps"]) for r in rows], label="idle allowance", lw=0.8, ls="--")
    ax.set_title(os.path.basename(path)[:-4])
    ax.set_ylabel("Mbit/s")
    ax.set_ylim(0, 30)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper right", fontsize=8)
axes[-1, 0].set_xlabel("seconds")
fig.tight_layout()
fig.savefig(os.path.join(out, "yield.png"), dpi=110)
