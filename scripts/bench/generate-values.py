#!/usr/bin/env python3
"""Deterministic benchmark dataset for indicators-service (python3 standard library only).

    scripts/bench/generate-values.py --out DIR [--indicators 500] [--periods 120] [--start 200901]
                                     [--agencies 13] [--chunk-rows 50000] [--target-periods 12]
                                     [--order indicator|period] [--seed 20261123]

Writes into DIR (created if missing, earlier output replaced):
  indicators.json      the indicator definitions, each exactly the body of POST /api/v1/indicators
  targets.json         [{"code","period","value"}], each one PUT /api/v1/indicators/{code}/targets/{period}
  values-0001.csv ...  the values in Quadrant's import format
                       (indicator_code,period,agency,value,numerator,denominator,comment),
                       at most --chunk-rows rows per file (the service takes at most 200,000 rows
                       and 10 MB per request)
  manifest.json        sizes, seed and file names (the benchmark script reads it)

Every indicator has a value for every agency and every monthly period: indicators x agencies x
periods rows (default 500 x 13 x 120 = 780,000). The same arguments always give byte-identical
files. Values are plausible for their unit and mostly within +-50 % month to month (a few
deliberate jumps exercise the outlier flag):
  COUNT         whole numbers >= 0
  PERCENT       0-100 with one decimal; a third of the rows also give numerator and denominator
                (the value is then their ratio, rounded half up to one decimal)
  RATE_PER_10K  >= 0 with two decimals (the indicator has a denominator label)
  DAYS          >= 0 with one decimal
--order indicator (default) writes each indicator's history together (a historic load);
--order period writes one month's return for every indicator and agency at a time.
"""

import argparse
import csv
import io
import json
import math
import os
import random
import sys

AGENCIES = ["CSC", "EI", "EDU", "TVP", "OH", "OUH", "CCG", "NPS", "CRC", "YJS", "PH", "VCS", "BOARD"]
UNITS = [("COUNT", 40), ("PERCENT", 35), ("RATE_PER_10K", 15), ("DAYS", 10)]
POLARITIES = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER", "NEUTRAL"]
SUBJECTS = ["Contacts", "Referrals", "Assessments", "Child protection plans", "Children in need", "Looked-after children",
            "Missing episodes", "Strategy discussions", "Initial case conferences", "Early help assessments",
            "School exclusions", "Health assessments", "Domestic abuse notifications", "Youth justice first-time entrants",
            "Practitioner training places", "Return-home interviews"]
QUALIFIERS = ["completed on time", "per quarter cohort", "re-referred within 12 months", "with a recorded outcome",
              "reviewed within timescale", "under 5", "aged 16-17", "with a lead professional", "closed to early help",
              "stepped down", "stepped up", "audited as good or better"]
COMMENTS = ["Provisional figure, to be confirmed at the next return",
            "Includes a backlog cleared this month",
            "Recording change in the case management system; see the note to the board",
            "Below the expected level because of staff vacancies, recovery plan agreed",
            "Figure checked with the data owner, no anomalies"]


def periods(start, count):
    year, month = divmod(start, 100)
    if not (1 <= month <= 12 and 1900 <= year <= 9999):
        raise SystemExit("--start must be a month yyyyMM, e.g. 200901")
    out = []
    for _ in range(count):
        out.append("%04d%02d" % (year, month))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def weighted(rng, choices):
    total = sum(w for _, w in choices)
    r = rng.uniform(0, total)
    for value, w in choices:
        r -= w
        if r <= 0:
            return value
    return choices[-1][0]


def define_indicators(rng, n):
    defs = []
    for i in range(n):
        unit = weighted(rng, UNITS)
        subject, qualifier = rng.choice(SUBJECTS), rng.choice(QUALIFIERS)
        d = {
            "code": "BENCH-%04d" % (i + 1),
            "title": "%s %s (benchmark %d)" % (subject, qualifier, i + 1),
            "description": "Synthetic benchmark indicator %d (%s)." % (i + 1, unit),
            "unit": unit,
            "polarity": rng.choice(POLARITIES),
            "frequency": "MONTHLY",
            "ownerAgency": AGENCIES[i % len(AGENCIES)],
            "priority": rng.randint(1, 8),
            "tolerancePercent": 10,
            "published": True,
        }
        if unit == "PERCENT":
            d["numeratorLabel"] = "%s %s" % (subject, qualifier)
            d["denominatorLabel"] = subject
        elif unit == "RATE_PER_10K":
            d["numeratorLabel"] = subject
            d["denominatorLabel"] = "Children in the cohort"
        defs.append(d)
    return defs


def base_level(rng, unit):
    if unit == "COUNT":
        return math.exp(rng.uniform(math.log(5), math.log(3000)))
    if unit == "PERCENT":
        return rng.uniform(8, 92)
    if unit == "RATE_PER_10K":
        return math.exp(rng.uniform(math.log(3), math.log(600)))
    return rng.uniform(4, 120)  # DAYS


def walk(rng, unit, base, n):
    """n successive levels around base: an AR(1) in log space (mean-reverting), step sd ~12 %,
    and about one month in a hundred a deliberate jump of more than 50 %."""
    levels, x = [], rng.gauss(0, 0.15)
    for _ in range(n):
        x = 0.85 * x + rng.gauss(0, 0.12)
        if rng.random() < 0.01:
            x += rng.choice([-1, 1]) * rng.uniform(0.55, 0.9)
        level = base * math.exp(x)
        if unit == "PERCENT":
            level = min(100.0, max(0.0, level))
        levels.append(level)
    return levels


def fmt(unit, level):
    if unit == "COUNT":
        return str(int(round(level)))
    if unit == "RATE_PER_10K":
        return "%.2f" % level
    return "%.1f" % level  # PERCENT, DAYS


def percent_row(rng, level):
    """(value, numerator, denominator) as text with value == numerator/denominator rounded half up."""
    den = rng.randint(40, 2500)
    num = min(den, max(0, int(round(level * den / 100.0))))
    tenths = (1000 * num + den // 2) // den
    return "%d.%d" % divmod(tenths, 10), str(num), str(den)


def series_rows(seed, definition, agency, months):
    """One agency's rows for one indicator: its own random stream, so any order gives the same values."""
    rng = random.Random("%s/%s/%s" % (seed, definition["code"], agency))
    unit = definition["unit"]
    base = base_level(rng, unit)
    rows = []
    for period, level in zip(months, walk(rng, unit, base, len(months))):
        numerator = denominator = ""
        if unit == "PERCENT" and rng.random() < 1 / 3:
            value, numerator, denominator = percent_row(rng, level)
        else:
            value = fmt(unit, level)
        comment = rng.choice(COMMENTS) if rng.random() < 0.03 else ""
        rows.append((definition["code"], period, agency, value, numerator, denominator, comment))
    return rows


def target_for(rng, definition, owner_rows):
    """A target near the owner agency's recent level, a little ambitious for its polarity, so the
    scorecard shows a mix of red, amber and green."""
    recent = [float(r[3]) for r in owner_rows[-12:]]
    level = sum(recent) / len(recent)
    ambition = {"HIGHER_IS_BETTER": 1.04, "LOWER_IS_BETTER": 0.96, "NEUTRAL": 1.0}[definition["polarity"]]
    t = level * ambition * rng.uniform(0.9, 1.1)
    unit = definition["unit"]
    if unit == "PERCENT":
        t = min(100.0, t)
    return fmt(unit, max(0.0, t))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--indicators", type=int, default=500)
    p.add_argument("--periods", type=int, default=120, help="monthly periods per series")
    p.add_argument("--start", type=int, default=200901, help="first period, yyyyMM")
    p.add_argument("--agencies", type=int, default=len(AGENCIES), help="agencies per indicator, 1-13")
    p.add_argument("--chunk-rows", type=int, default=50000, help="rows per CSV file (at most 200000)")
    p.add_argument("--target-periods", type=int, default=12, help="targets for the last N periods of each indicator")
    p.add_argument("--order", choices=["indicator", "period"], default="indicator")
    p.add_argument("--seed", default="20261123")
    a = p.parse_args(argv)
    if a.indicators < 1 or a.periods < 1 or not 1 <= a.agencies <= len(AGENCIES):
        p.error("--indicators and --periods must be >= 1, --agencies 1-%d" % len(AGENCIES))
    if not 1 <= a.chunk_rows <= 200000:
        p.error("--chunk-rows must be 1-200000 (the service's limit per import)")
    a.target_periods = max(0, min(a.target_periods, a.periods))

    months = periods(a.start, a.periods)
    rng = random.Random("%s/definitions" % a.seed)
    defs = define_indicators(rng, a.indicators)
    agencies = AGENCIES[:a.agencies]

    # Every series, kept in memory (780k short tuples is ~200 MB at most; fine for a benchmark box).
    series = {}
    targets = []
    for d in defs:
        for agency in agencies:
            series[(d["code"], agency)] = series_rows(a.seed, d, agency, months)
        owner = d["ownerAgency"] if d["ownerAgency"] in agencies else agencies[0]
        trng = random.Random("%s/%s/targets" % (a.seed, d["code"]))
        owner_rows = series[(d["code"], owner)]
        for period in months[len(months) - a.target_periods:]:
            t = target_for(trng, d, owner_rows)
            targets.append({"code": d["code"], "period": period, "value": int(t) if d["unit"] == "COUNT" else float(t)})

    def ordered():
        if a.order == "indicator":
            for d in defs:
                for agency in agencies:
                    yield from series[(d["code"], agency)]
        else:
            for pi in range(len(months)):
                for d in defs:
                    for agency in agencies:
                        yield series[(d["code"], agency)][pi]

    os.makedirs(a.out, exist_ok=True)
    for name in os.listdir(a.out):
        if name.startswith("values-") and name.endswith(".csv"):
            os.remove(os.path.join(a.out, name))
    header = ["indicator_code", "period", "agency", "value", "numerator", "denominator", "comment"]
    chunks, buf, count, total = [], None, 0, 0

    def flush():
        name = "values-%04d.csv" % (len(chunks) + 1)
        with open(os.path.join(a.out, name), "w", newline="", encoding="utf-8") as f:
            f.write(buf.getvalue())
        chunks.append({"file": name, "rows": count, "bytes": len(buf.getvalue().encode("utf-8"))})

    for row in ordered():
        if buf is None:
            buf, count = io.StringIO(), 0
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(header)
        w.writerow(row)
        count += 1
        total += 1
        if count == a.chunk_rows:
            flush()
            buf = None
    if buf is not None:
        flush()
    for c in chunks:
        if c["bytes"] > 10 * 1024 * 1024:
            raise SystemExit("%s is %d bytes, over the service's 10 MB request limit: lower --chunk-rows" % (c["file"], c["bytes"]))

    with open(os.path.join(a.out, "indicators.json"), "w", encoding="utf-8") as f:
        json.dump(defs, f, indent=1)
    with open(os.path.join(a.out, "targets.json"), "w", encoding="utf-8") as f:
        json.dump(targets, f, indent=1)
    manifest = {
        "seed": a.seed, "indicators": a.indicators, "agencies": agencies, "periods": a.periods,
        "firstPeriod": months[0], "lastPeriod": months[-1], "order": a.order, "rows": total,
        "targets": len(targets), "chunkRows": a.chunk_rows, "chunks": chunks,
        "units": {u: sum(1 for d in defs if d["unit"] == u) for u, _ in UNITS},
    }
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    print("generate-values: %d indicators x %d agencies x %d periods = %d rows in %d file(s), %d targets -> %s"
          % (a.indicators, len(agencies), a.periods, total, len(chunks), len(targets), a.out))


if __name__ == "__main__":
    main(sys.argv[1:])
