#!/usr/bin/env python3
"""The dataset of generate-values.py as files to load straight into indicators-service's H2 file
(python3 standard library only), for sizes the import API takes too long to load.

    scripts/bench/generate-values-sql.py --out DIR [--indicators 500] [--periods 120] [--start 200901]
                                         [--agencies 13] [--chunk-rows 250000] [--target-periods 12]
                                         [--seed 20261123] [--owners-only]

Same definitions, values and targets as generate-values.py with the same arguments (it imports that
script's functions), in the state the benchmark reads them in: each indicator's owner agency's values
APPROVED (what indicators-bench.sh's sign-off step does with SQL), every other agency's values DRAFT,
outlier flags as the service computes them (ValueRules.isOutlier). Writes into DIR:
  indicators.csv, targets.csv, values-0001.csv ...   plain CSV with a header row
  load.sql    INSERT ... SELECT FROM CSVREAD(...) for each file (absolute paths), one statement,
              and so one transaction, per file; run with org.h2.tools.RunScript on the service's H2
              file after Flyway has created the schema (the service stopped)
  manifest.json
Rows are streamed one indicator at a time, so memory stays small at any size.
--owners-only writes only each indicator's owner agency's values (indicators x periods rows): all the
scorecard reads (LatestValues reads the owner's rows only), a thirteenth of the load time; the other
agencies' rows only make the indexes deeper.
"""

import argparse
import csv
import importlib.util
import json
import os
import random
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("generate_values", os.path.join(HERE, "generate-values.py"))
gv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gv)

STAMP = "2026-11-23 00:00:00"
BY = "bench-loader"


def outlier(value, previous):
    """ValueRules.isOutlier: a change of more than 50 % of the previous value (any change from zero)."""
    if previous is None:
        return False
    if previous == 0:
        return value != 0
    return abs(value - previous) > abs(previous) * Decimal("0.5")


def sql_text(s):
    return "'" + s.replace("'", "''") + "'"


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True)
    p.add_argument("--indicators", type=int, default=500)
    p.add_argument("--periods", type=int, default=120)
    p.add_argument("--start", type=int, default=200901)
    p.add_argument("--agencies", type=int, default=len(gv.AGENCIES))
    p.add_argument("--chunk-rows", type=int, default=250000, help="rows per values file, and per transaction")
    p.add_argument("--target-periods", type=int, default=12)
    p.add_argument("--seed", default="20261123")
    p.add_argument("--owners-only", action="store_true", help="only each indicator's owner agency's values")
    a = p.parse_args(argv)
    if a.indicators < 1 or a.periods < 1 or not 1 <= a.agencies <= len(gv.AGENCIES) or a.chunk_rows < 1:
        p.error("sizes must be >= 1, --agencies 1-%d" % len(gv.AGENCIES))
    a.target_periods = max(0, min(a.target_periods, a.periods))
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):
        if name.endswith(".csv") or name in ("load.sql", "manifest.json"):
            os.remove(os.path.join(out, name))

    months = gv.periods(a.start, a.periods)
    starts = {m: "%s-%s-01" % (m[:4], m[4:]) for m in months}
    defs = gv.define_indicators(random.Random("%s/definitions" % a.seed), a.indicators)
    agencies = gv.AGENCIES[:a.agencies]

    with open(os.path.join(out, "indicators.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "title", "description", "unit", "polarity", "frequency", "owner_agency", "priority",
                    "tolerance_percent", "numerator_label", "denominator_label", "published"])
        for d in defs:
            w.writerow([d["code"], d["title"], d["description"], d["unit"], d["polarity"], d["frequency"], d["ownerAgency"],
                        d["priority"], d["tolerancePercent"], d.get("numeratorLabel", ""), d.get("denominatorLabel", ""),
                        "TRUE" if d["published"] else "FALSE"])

    chunks, targets = [], 0
    tf = open(os.path.join(out, "targets.csv"), "w", newline="", encoding="utf-8")
    tw = csv.writer(tf, lineterminator="\n")
    tw.writerow(["indicator_code", "period", "figure"])
    header = ["indicator_code", "period", "period_start", "agency_code", "amount", "numerator", "denominator",
              "commentary", "status", "outlier"]
    vf = vw = None
    count = total = 0

    def open_chunk():
        nonlocal vf, vw, count
        name = "values-%04d.csv" % (len(chunks) + 1)
        chunks.append({"file": name, "rows": 0})
        vf = open(os.path.join(out, name), "w", newline="", encoding="utf-8")
        vw = csv.writer(vf, lineterminator="\n")
        vw.writerow(header)
        count = 0

    for d in defs:
        owner = d["ownerAgency"] if d["ownerAgency"] in agencies else agencies[0]
        for agency in agencies:
            if a.owners_only and agency != owner:
                continue
            rows = gv.series_rows(a.seed, d, agency, months)
            if agency == owner:
                trng = random.Random("%s/%s/targets" % (a.seed, d["code"]))
                for period in months[len(months) - a.target_periods:]:
                    tw.writerow([d["code"], period, gv.target_for(trng, d, rows)])
                    targets += 1
            status = "APPROVED" if agency == d["ownerAgency"] else "DRAFT"
            previous = None
            for code, period, ag, value, numerator, denominator, comment in rows:
                if vf is None or count == a.chunk_rows:
                    if vf is not None:
                        chunks[-1]["rows"] = count
                        vf.close()
                    open_chunk()
                v = Decimal(value)
                vw.writerow([code, period, starts[period], ag, value, numerator, denominator, comment, status,
                             "TRUE" if outlier(v, previous) else "FALSE"])
                previous = v
                count += 1
                total += 1
    chunks[-1]["rows"] = count
    vf.close()
    tf.close()

    def csvread(name):
        return "CSVREAD(%s, NULL, 'charset=UTF-8')" % sql_text(os.path.join(out, name))

    sql = ["-- generated by scripts/bench/generate-values-sql.py; run on indicators-service's H2 file (service stopped)",
           "INSERT INTO indicator (code, title, description, unit, polarity, frequency, owner_agency, priority, tolerance_percent, "
           "numerator_label, denominator_label, population, published, active, version, updated_by, updated_at) "
           "SELECT code, title, description, unit, polarity, frequency, owner_agency, CAST(priority AS INT), "
           "CAST(tolerance_percent AS DECIMAL(6, 2)), NULLIF(numerator_label, ''), NULLIF(denominator_label, ''), NULL, "
           "CAST(published AS BOOLEAN), TRUE, 0, %s, TIMESTAMP '%s' FROM %s;" % (sql_text(BY), STAMP, csvread("indicators.csv")),
           "INSERT INTO indicator_reference (indicator_code, kind, period, comparator, figure, updated_by, updated_at) "
           "SELECT indicator_code, 'TARGET', period, '', CAST(figure AS DECIMAL(18, 4)), %s, TIMESTAMP '%s' FROM %s;"
           % (sql_text(BY), STAMP, csvread("targets.csv"))]
    for c in chunks:
        sql.append(
            "INSERT INTO indicator_value (indicator_code, period, period_start, agency_code, amount, numerator, denominator, "
            "commentary, status, return_reason, outlier, submitted_by, submitted_at, approved_by, approved_at, updated_by, "
            "updated_at, version) "
            "SELECT indicator_code, period, CAST(period_start AS DATE), agency_code, CAST(amount AS DECIMAL(18, 4)), "
            "CAST(NULLIF(numerator, '') AS DECIMAL(18, 4)), CAST(NULLIF(denominator, '') AS DECIMAL(18, 4)), "
            "NULLIF(commentary, ''), status, NULL, CAST(outlier AS BOOLEAN), "
            "CASE WHEN status = 'APPROVED' THEN %(by)s END, CASE WHEN status = 'APPROVED' THEN TIMESTAMP '%(ts)s' END, "
            "CASE WHEN status = 'APPROVED' THEN %(by)s END, CASE WHEN status = 'APPROVED' THEN TIMESTAMP '%(ts)s' END, "
            "%(by)s, TIMESTAMP '%(ts)s', 0 FROM %(src)s;" % {"by": sql_text(BY), "ts": STAMP, "src": csvread(c["file"])})
    with open(os.path.join(out, "load.sql"), "w", encoding="utf-8") as f:
        f.write("\n".join(sql) + "\n")
    manifest = {"seed": a.seed, "indicators": a.indicators, "ownersOnly": a.owners_only, "agencies": agencies, "periods": a.periods,
                "firstPeriod": months[0], "lastPeriod": months[-1], "rows": total, "targets": targets, "chunks": chunks}
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    print("generate-values-sql: %d indicators x %d agencies x %d periods = %d values in %d file(s), %d targets -> %s"
          % (a.indicators, len(agencies), a.periods, total, len(chunks), targets, out))


if __name__ == "__main__":
    main(sys.argv[1:])
