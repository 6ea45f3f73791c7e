#!/usr/bin/python3
"""The GeoPandas peer of the planner, for bench/peers.sh: the short script an analyst would
write instead of using the planner, on the same files the region manifest names.

  geopandas_peer.py dominance MANIFEST DATA_DIR OUT_DIR   dominant PCN per LSOA
  geopandas_peer.py all       MANIFEST DATA_DIR OUT_DIR   that, plus the parish x LSOA overlay

Writes OUT_DIR/dominance.csv (lsoa_code, dominant_pcn_code, tie) and, for "all",
OUT_DIR/pieces.csv (lsoa_code, parish_code, area_m2), and prints its phase timings.

The dominance rule is the planner's plurality rule (docs/methodology.md section 2): only rows
whose LSOA is one of the region's LSOAs (those of the boundary file) count; rows of practices
with PCN "U", a blank PCN or missing from the practice map count for no PCN and such a practice
is never dominant; the PCN with most patients wins, and on equal counts the lower PCN code.
Rows of the same practice and LSOA (one per SEX value) add up, as in the planner's import.
LSOAs with no registrations at an allocated practice get no dominant PCN.
"""
import json
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
import geopandas as gpd  # noqa: E402  (the import is part of what a user waits for)
import pandas as pd  # noqa: E402

BNG = "EPSG:27700"


class Phases:
    """Wall-clock per phase, printed as one line each at the end."""

    def __init__(self):
        self.rows = [("python start + imports", time.perf_counter() - T0)]
        self.t = time.perf_counter()

    def done(self, name):
        now = time.perf_counter()
        self.rows.append((name, now - self.t))
        self.t = now

    def write(self, path):
        """To stdout and to PATH (which bench/peers.sh's report shows)."""
        lines = [f"  {name:<52} {s:7.3f} s" for name, s in self.rows]
        lines.append(f"  {'total (inside the process)':<52} {time.perf_counter() - T0:7.3f} s")
        print("\n".join(lines))
        path.write_text("\n".join(lines) + "\n")


def source(manifest, data, role):
    spec = manifest["inputs"][role]
    return data / spec["path"], spec.get("columns", {})


def read_table(path, columns):
    """The named columns of a CSV as strings (patients as numbers), renamed to the manifest's
    roles; codes trimmed, as the planner trims them."""
    wanted = {spec: role for role, spec in columns.items()}
    frame = pd.read_csv(path, usecols=list(wanted), keep_default_na=False,
                        dtype={spec: str for spec, role in wanted.items() if role != "patients"})
    frame = frame.rename(columns=wanted)
    for role in columns:
        if role != "patients":
            frame[role] = frame[role].str.strip()
    return frame


def dominance(manifest, data, region_codes, out, phases):
    reg_path, rc = source(manifest, data, "registrations")
    reg = read_table(reg_path, {"practice": rc.get("practice", "PRACTICE_CODE"), "lsoa": rc.get("lsoa", "LSOA_CODE"),
                                "patients": rc.get("patients", "NUMBER_OF_PATIENTS")})
    map_path, mc = source(manifest, data, "practice_map")
    pmap = read_table(map_path, {"practice": mc.get("practice", "PRACTICE_CODE"), "pcn": mc.get("pcn", "PCN_CODE")})
    pmap = pmap.drop_duplicates("practice")
    phases.done(f"read registrations + practice map ({len(reg):,} rows)")

    reg = reg[reg["lsoa"].isin(region_codes)]
    cells = reg.merge(pmap, on="practice", how="left")
    cells = cells[cells["pcn"].notna() & (cells["pcn"] != "") & (cells["pcn"] != "U")]
    per_pcn = cells.groupby(["lsoa", "pcn"], sort=False)["patients"].sum().reset_index()
    per_pcn = per_pcn[per_pcn["patients"] > 0]
    ranked = per_pcn.sort_values(["lsoa", "patients", "pcn"], ascending=[True, False, True])
    first = ranked.drop_duplicates("lsoa", keep="first").set_index("lsoa")
    second = ranked[ranked.duplicated("lsoa", keep="first")].drop_duplicates("lsoa", keep="first").set_index("lsoa")
    answer = pd.DataFrame(index=pd.Index(sorted(set(region_codes)), name="lsoa_code"))
    answer["dominant_pcn_code"] = first["pcn"].reindex(answer.index).fillna("")
    answer["tie"] = (second["patients"].reindex(answer.index) == first["patients"].reindex(answer.index))
    phases.done(f"dominance ({len(answer):,} LSOAs, {int(answer['tie'].sum())} ties)")
    answer.to_csv(out / "dominance.csv")
    phases.done("write dominance.csv")


def valid(frame, what):
    """Repairs invalid polygons (counted, never dropped), as the planner does."""
    bad = ~frame.geometry.is_valid
    if bad.any():
        frame.loc[bad, "geometry"] = frame.loc[bad, "geometry"].buffer(0)
    print(f"  {what}: {int(bad.sum())} invalid polygons repaired")
    return frame


def main(argv):
    if len(argv) != 5 or argv[1] not in ("dominance", "all"):
        sys.exit(__doc__)
    mode, manifest_path, data, out = argv[1], Path(argv[2]), Path(argv[3]), Path(argv[4])
    manifest = json.loads(manifest_path.read_text())
    declared = manifest["inputs"]["registrations"].get("vintage")
    if declared != manifest["region"].get("lsoa_vintage"):
        # the planner converts 2011 LSOA counts through the ONS lookup (methodology.md §1); this peer does not
        sys.exit(f"{manifest_path}: registrations of LSOA vintage {declared}, boundaries of"
                 f" {manifest['region'].get('lsoa_vintage')}: this script compares only same-vintage files")
    out.mkdir(parents=True, exist_ok=True)
    phases = Phases()
    lsoa_path, lc = source(manifest, data, "lsoa_boundaries")
    code = lc.get("code", "LSOA21CD")
    if mode == "dominance":
        # only the codes: the region's LSOAs are those of the boundary file
        region = gpd.read_file(lsoa_path, ignore_geometry=True)[code].str.strip()
        phases.done("read LSOA codes (no geometry)")
        dominance(manifest, data, set(region), out, phases)
    else:
        lsoa = gpd.read_file(lsoa_path)[[code, "geometry"]].rename(columns={code: "lsoa_code"})
        parish_path, pc = source(manifest, data, "parish_boundaries")
        parish = gpd.read_file(parish_path)[[pc.get("code", "PARNCP21CD"), "geometry"]] \
            .rename(columns={pc.get("code", "PARNCP21CD"): "parish_code"})
        phases.done(f"read boundaries ({len(lsoa):,} LSOAs, {len(parish):,} parishes)")
        lsoa["lsoa_code"] = lsoa["lsoa_code"].str.strip()
        parish["parish_code"] = parish["parish_code"].str.strip()
        dominance(manifest, data, set(lsoa["lsoa_code"]), out, phases)
        lsoa = valid(lsoa.to_crs(BNG), "LSOAs")
        parish = valid(parish.to_crs(BNG), "parishes")
        phases.done("reproject to EPSG:27700 + validity")
        pieces = gpd.overlay(lsoa, parish, how="intersection", keep_geom_type=True)
        pieces["area_m2"] = pieces.geometry.area
        pieces = pieces[pieces["area_m2"] > 0]
        phases.done(f"overlay ({len(pieces):,} pieces, {pieces['area_m2'].sum() / 1e6:,.1f} km2)")
        pieces[["lsoa_code", "parish_code", "area_m2"]].sort_values(["lsoa_code", "parish_code"]) \
            .to_csv(out / "pieces.csv", index=False)  # full precision: some pieces are under 0.001 m²
        phases.done("write pieces.csv")
    phases.write(out / "phases.txt")


if __name__ == "__main__":
    main(sys.argv)
