#!/usr/bin/python3
"""Medians, ratios and answer checks for bench/peers.sh.

  report.py TIMES.tsv OUT_DIR REGION…

TIMES.tsv holds one line per timed process (region, step, seconds); OUT_DIR/REGION/ holds the
answers the last run wrote. Prints Markdown tables (pasted into docs/benchmarks.md) and exits 1
when the dominant PCNs disagree, so a disagreement cannot go unnoticed.
"""
import csv
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path


def load_times(path):
    runs = defaultdict(list)  # (region, step) -> seconds per run, in run order
    with open(path) as f:
        for region, step, seconds in csv.reader(f, delimiter="\t"):
            runs[(region, step)].append(float(seconds))
    return runs


def median(values):
    return statistics.median(values) if values else float("nan")


def dominant(path, column="dominant_pcn_code"):
    with open(path, newline="") as f:
        return {row["lsoa_code"]: row[column] for row in csv.DictReader(f)}


def compare(name_a, a, name_b, b, ties):
    """One line: LSOAs that agree and differ; the differences listed (a few) so they are seen."""
    codes = sorted(set(a) | set(b))
    differ = [c for c in codes if a.get(c) != b.get(c)]
    line = f"{name_a} vs {name_b}: {len(codes) - len(differ):,} of {len(codes):,} LSOAs agree, {len(differ):,} differ"
    if differ:
        shown = ", ".join(f"{c} ({a.get(c, 'missing') or 'none'} / {b.get(c, 'missing') or 'none'}"
                          f"{', a tie' if c in ties else ''})" for c in differ[:8])
        line += f" — DISAGREE: {shown}{' …' if len(differ) > 8 else ''}"
    return line, len(differ)


def pieces(path):
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            area = float(row["area_m2"])
            if area > 0:
                out[(row["lsoa_code"], row["parish_code"])] = area
    return out


def overlay_check(gp, pg):
    both = gp.keys() & pg.keys()
    diffs = [abs(gp[k] - pg[k]) for k in both]
    only_gp, only_pg = gp.keys() - pg.keys(), pg.keys() - gp.keys()
    return (f"overlay pieces (area > 0), GeoPandas vs PostGIS: {len(both):,} in both, {len(only_gp):,} only in"
            f" GeoPandas ({sum(gp[k] for k in only_gp):.3g} m²), {len(only_pg):,} only in PostGIS"
            f" ({sum(pg[k] for k in only_pg):.3g} m²); largest area difference {max(diffs, default=0):.3g} m²,"
            f" all differences {sum(diffs):,.0f} m² in all; total {sum(gp.values()) / 1e6:,.1f} km² and"
            f" {sum(pg.values()) / 1e6:,.1f} km²")


def region_report(region, runs, out):
    t = {step: runs[(r, step)] for (r, step) in runs if r == region}
    n = len(t.get("sda import", []))
    # files → dominance and overlay, per run: the planner's three commands one after the other
    chain = [sum(x) for x in zip(t["sda import"], t["sda dominance"], t["sda blocks"])]
    sql_both = [a + b for a, b in zip(t["postgis dominance"], t["postgis overlay"])]
    m = {step: median(v) for step, v in t.items()}
    m["chain"] = median(chain)
    m["sql both"] = median(sql_both)
    m["sda dominance + blocks"] = median([a + b for a, b in zip(t["sda dominance"], t["sda blocks"])])

    def runs_of(values):
        return " / ".join(f"{v:.2f}" for v in values)

    print(f"\n### {region}: medians of {n} runs (s), each a whole process\n")
    print("| step | planner (`sda`, H2GIS store) | GeoPandas script | PostGIS SQL (data loaded beforehand) |")
    print("|---|---|---|---|")
    print(f"| dominant PCN per LSOA | `sda dominance` {m['sda dominance']:.2f} ({runs_of(t['sda dominance'])})"
          f" | `dominance` {m['geopandas dominance']:.2f} ({runs_of(t['geopandas dominance'])})"
          f" | dominance.sql {m['postgis dominance']:.2f} ({runs_of(t['postgis dominance'])}) |")
    print(f"| parish × LSOA overlay | `sda blocks` {m['sda blocks']:.2f} ({runs_of(t['sda blocks'])}) | (in `all`)"
          f" | overlay.sql {m['postgis overlay']:.2f} ({runs_of(t['postgis overlay'])}) |")
    print(f"| files → store | `sda import` {m['sda import']:.2f} ({runs_of(t['sda import'])}) | — "
          f"| `sda import` into PostGIS {m['load into PostGIS']:.2f} (once, not in the ratios) |")
    print(f"| files → dominance and overlay | import + dominance + blocks {m['chain']:.2f} ({runs_of(chain)})"
          f" | `all` {m['geopandas all']:.2f} ({runs_of(t['geopandas all'])})"
          f" | both SQL {m['sql both']:.2f} ({runs_of(sql_both)}) |")

    print(f"\n| ratio (medians) | value | issue 18 aims at |")
    print("|---|---|---|")
    print(f"| `sda dominance` ÷ GeoPandas `dominance` | {m['sda dominance'] / m['geopandas dominance']:.2f} | under 1 |")
    print(f"| (import + dominance + blocks) ÷ GeoPandas `all` | {m['chain'] / m['geopandas all']:.2f} | at most 0.5 |")
    print(f"| `sda dominance` ÷ PostGIS dominance SQL | {m['sda dominance'] / m['postgis dominance']:.2f} | |")
    print(f"| `sda blocks` ÷ PostGIS overlay SQL | {m['sda blocks'] / m['postgis overlay']:.2f} | |")
    print(f"| (dominance + blocks) ÷ (both SQL) | {m['sda dominance + blocks'] / m['sql both']:.2f} | |")
    print(f"| `sda dominance` / `sda blocks` on the imported store (s) |"
          f" {m['sda dominance']:.2f} / {m['sda blocks']:.2f} | each under 2 s on C&P |")

    d = out / region
    sda = dominant(d / "sda-dominance.csv")
    gp = dominant(d / "gp-dominance" / "dominance.csv")
    gp_all = dominant(d / "gp-all" / "dominance.csv")
    pg = dominant(d / "pg-dominance.csv")
    with open(d / "sda-dominance.csv", newline="") as f:
        ties = {row["lsoa_code"] for row in csv.DictReader(f) if row["tie"] == "true"}
    print("\nGeoPandas `all`, its phases in the last run:\n```")
    print((d / "gp-all" / "phases.txt").read_text().rstrip() + "\n```")
    print(f"\nAnswers ({len(ties)} LSOAs where the planner reports a tie, broken by the lower PCN code on every side):")
    bad = 0
    for name_b, b in (("GeoPandas", gp), ("GeoPandas `all`", gp_all), ("PostGIS", pg)):
        line, differ = compare("planner", sda, name_b, b, ties)
        bad += differ
        print(f"- dominant PCN, {line}")
    print(f"- {overlay_check(pieces(d / 'gp-all' / 'pieces.csv'), pieces(d / 'pg-pieces.csv'))}")
    with open(d / "sda-blocks.geojson") as f:
        blocks = json.load(f)["features"]
    print(f"- `sda blocks` wrote {len(blocks):,} blocks (parishes, and LSOAs or their parts outside every parish,"
          f" slivers merged), built from the same overlay")
    return bad


def main(argv):
    runs = load_times(argv[1])
    out = Path(argv[2])
    bad = sum(region_report(region, runs, out) for region in argv[3:])
    if bad:
        print(f"\nThe answers DISAGREE in {bad:,} LSOA comparisons (listed above).")
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv)
