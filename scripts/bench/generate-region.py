#!/usr/bin/env python3
"""Deterministic audits and actions data for N partnerships (python3 standard library only).

    scripts/bench/generate-region.py --out DIR [--partnerships 10] [--quick] [--seed 20261123]

A "partnership" is one safeguarding board's worth of qualitative evidence and action plans:
  audits-service   500 audits over 2015-2026 (45 % multi-agency case audits, 10 % single-agency
                   audits, the rest reviews, practitioner events, engagement and complaints
                   summaries), 12 graded cases per case audit with 1-3 agency views (and a joint
                   conclusion on a third of them), and 5,000 findings (10 per audit, 1-3 themes
                   each, a quarter of them recommendations);
  actions-service  100 action plans with 2,000 actions (due 2016-2027, lead agency and priority
                   spread) and 0-4 progress updates per action (about 4,000).
Default region = 10 partnerships: 5,000 audits, ~90,000 case views, 50,000 findings, 1,000 plans,
20,000 actions, ~40,000 updates. --quick is one tenth of one partnership (50 audits, 500 findings,
200 actions) for CI. (The indicator values of a region come from generate-values.py: 500
indicators per partnership, i.e. --indicators 5000 for ten, = 7.8 million values.)

There is no bulk API for audits, cases, findings, plans or actions (one POST per item, each with
its change-log entry), so this writes SQL for the services' own databases, to be run after Flyway
has created the schema and while the service is stopped (scripts/bench/region-bench.sh does that):
  DIR/audits.sql    INSERTs into audit, audit_case, finding (ids from 1; then each table's identity
                    restarted past them, H2 syntax)
  DIR/actions.sql   INSERTs into action_plan, plan_action, action_update (likewise)
  DIR/manifest.json the counts
The same arguments always give byte-identical files. No change-log rows are written (the change
log records API writes; these rows stand for history that predates the benchmark).
"""

import argparse
import json
import os
import random

AGENCIES = ["CSC", "EI", "EDU", "TVP", "OH", "OUH", "CCG", "NPS", "CRC", "YJS", "PH", "VCS"]
THEMES = ["NEGLECT", "DOMESTIC_ABUSE", "PARENTAL_MENTAL_HEALTH", "SUBSTANCE_MISUSE", "EXPLOITATION",
          "VULNERABLE_ADOLESCENTS", "THINK_FAMILY", "FATHERS", "VOICE_OF_THE_CHILD", "CHRONOLOGIES", "THRESHOLDS",
          "INFORMATION_SHARING", "SCHOOL_ATTENDANCE", "ELECTIVE_HOME_EDUCATION", "DISABILITY", "WAS_NOT_BROUGHT",
          "HOUSING", "TRANSITIONS", "ONLINE_ABUSE", "PHYSICAL_ABUSE", "PROFESSIONAL_CURIOSITY", "SELF_HARM",
          "CUMULATIVE_HARM", "EMOTIONAL_WELLBEING", "MULTI_AGENCY_WORKING", "SUPERVISION", "ASSESSMENT",
          "EDUCATION_HEALTH_CARE_PLANS"]
# type, weight, quadrant of its findings
TYPES = [("MULTI_AGENCY_CASE_AUDIT", 45, "QUALITATIVE"), ("SINGLE_AGENCY_AUDIT", 10, "QUALITATIVE"),
         ("SERIOUS_CASE_REVIEW", 8, "QUALITATIVE"), ("LEARNING_REVIEW", 10, "QUALITATIVE"),
         ("DOMESTIC_HOMICIDE_REVIEW", 2, "QUALITATIVE"), ("PRACTITIONER_EVENT_OR_SURVEY", 12, "PRACTITIONER"),
         ("CHILDREN_AND_FAMILIES_ENGAGEMENT", 8, "CHILDREN_AND_FAMILIES"), ("COMPLAINTS_SUMMARY", 5, "CHILDREN_AND_FAMILIES")]
OFSTED = ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"]
EARLY_HELP = ["OUTSTANDING", "HIGHLY_EFFECTIVE", "EFFECTIVE", "INEFFECTIVE"]
KINDS = [("STRENGTH", 30), ("LEARNING_POINT", 30), ("RECOMMENDATION", 25), ("CONCERN", 15)]
SOURCES = ["INSPECTION", "SERIOUS_CASE_REVIEW", "DOMESTIC_HOMICIDE_REVIEW", "LEARNING_REVIEW", "AUDIT", "SELF_ASSESSMENT",
           "BUSINESS_PLAN"]
STATUSES = [("NOT_STARTED", 20), ("IN_PROGRESS", 45), ("COMPLETED", 25), ("CLOSED", 10)]
ROLES = ["Principal Social Worker", "Designated Nurse", "Head of Service", "Detective Inspector", "Safeguarding Lead",
         "Board Business Manager"]
PHRASES = ["Chronologies were not kept up to date", "The child's voice was clearly recorded", "Information was shared promptly",
           "Fathers were not seen or assessed", "Thresholds were applied inconsistently", "Supervision was reflective",
           "Escalation was not used when drift occurred", "School attendance concerns were not followed up",
           "Strategy discussions included all agencies", "Plans were not SMART"]

PER_PARTNERSHIP = {"audits": 500, "findings_per_audit": 10, "cases_per_case_audit": 12, "plans": 100,
                   "actions_per_plan": 20}


def weighted(rng, choices):
    total = sum(c[1] for c in choices)
    r = rng.uniform(0, total)
    for c in choices:
        r -= c[1]
        if r <= 0:
            return c
    return choices[-1]


def q(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return str(v)
    return "'" + str(v).replace("'", "''") + "'"


class Writer:
    """Multi-row INSERTs, 500 rows a statement, written table by table in the order given (parents
    before children, for the foreign keys), then the closing statements."""

    def __init__(self, path, order):
        self.path = path
        self.order = order
        self.statements = {t: [] for t in order}
        self.pending = {}
        self.tail = []

    def row(self, table, cols, values):
        rows = self.pending.setdefault((table, cols), [])
        rows.append("(" + ",".join(q(v) for v in values) + ")")
        if len(rows) >= 500:
            self.flush((table, cols))

    def flush(self, key):
        rows = self.pending.get(key)
        if rows:
            self.statements[key[0]].append(f"INSERT INTO {key[0]} ({key[1]}) VALUES\n" + ",\n".join(rows) + ";\n")
            self.pending[key] = []

    def raw(self, sql):
        self.tail.append(sql + "\n")

    def close(self):
        for key in list(self.pending):
            self.flush(key)
        with open(self.path, "w", encoding="utf-8", newline="\n") as f:
            f.write("SET AUTOCOMMIT TRUE;\n")
            for t in self.order:
                f.writelines(self.statements[t])
            f.writelines(self.tail)


def day(rng, y0, y1):
    y = rng.randint(y0, y1)
    return y, rng.randint(1, 12), rng.randint(1, 28)


def audits(out, rng, n_audits, findings_per_audit, cases_per_audit):
    w = Writer(os.path.join(out, "audits.sql"), ["audit", "audit_case", "finding"])
    a_cols = ("id,audit_type,title,lead_agency,participating_agencies,period_start,period_end,status,scope,summary,"
              "grading_scale,compliance_threshold_percent,created_by,updated_by,updated_at,version")
    c_cols = "id,audit_id,case_ref,agency,grade,domain_grades,summary,recorded_by,recorded_at,version"
    f_cols = ("id,audit_id,kind,finding_text,themes,quadrant,agency,action_ref,action_status,created_by,created_at,"
              "updated_by,updated_at,version")
    case_id = finding_id = 0
    counts = {"audits": 0, "case_views": 0, "findings": 0}
    for a in range(1, n_audits + 1):
        typ, _, quadrant = weighted(rng, TYPES)
        lead = rng.choice(AGENCIES)
        parts = [lead]
        if typ not in ("SINGLE_AGENCY_AUDIT", "COMPLAINTS_SUMMARY"):
            parts += [x for x in rng.sample(AGENCIES, rng.randint(1, 5)) if x != lead]
        y, m, d = day(rng, 2015, 2026)
        start = f"{y:04d}-{m:02d}-01"
        end_y, end_m = (y, m + 5) if m <= 7 else (y + 1, m - 7)
        end = f"{end_y:04d}-{end_m:02d}-28"
        grades = typ in ("MULTI_AGENCY_CASE_AUDIT", "SINGLE_AGENCY_AUDIT")
        scale = ("EARLY_HELP" if rng.random() < 0.2 else "OFSTED") if grades else None
        status = rng.choice(["PLANNED", "IN_PROGRESS", "REPORTED", "CLOSED", "CLOSED", "REPORTED"])
        w.row("audit", a_cols, (a, typ, f"Region audit {a}: {rng.choice(THEMES).lower().replace('_', ' ')}", lead,
                                ",".join(parts), start, end, status, rng.randint(5, 40), None, scale,
                                75 if grades else None, "bench", "bench", f"{y:04d}-{m:02d}-{d:02d} 09:00:00", 0))
        counts["audits"] += 1
        if grades:
            scale_grades = EARLY_HELP if scale == "EARLY_HELP" else OFSTED
            for c in range(1, cases_per_audit + 1):
                ref = f"R{a}-{c:02d}"
                views = rng.sample(parts, min(len(parts), rng.randint(1, 3)))
                if rng.random() < 0.33:
                    views.append("JOINT")
                for agency in views:
                    case_id += 1
                    w.row("audit_case", c_cols, (case_id, a, ref, agency, rng.choice(scale_grades), None, None, "bench",
                                                 f"{y:04d}-{m:02d}-{d:02d} 10:00:00", 0))
                    counts["case_views"] += 1
        for _ in range(findings_per_audit):
            finding_id += 1
            kind = weighted(rng, KINDS)[0]
            themes = ",".join(sorted(rng.sample(THEMES, rng.randint(1, 3))))
            agency = rng.choice(parts) if rng.random() < 0.6 else None
            w.row("finding", f_cols, (finding_id, a, kind, f"{rng.choice(PHRASES)} (finding {finding_id})", themes, quadrant,
                                      agency, None, None, "bench", f"{y:04d}-{m:02d}-{d:02d} 11:00:00", "bench",
                                      f"{y:04d}-{m:02d}-{d:02d} 11:00:00", 0))
            counts["findings"] += 1
    for table, last in (("audit", n_audits), ("audit_case", case_id), ("finding", finding_id)):
        w.raw(f"ALTER TABLE {table} ALTER COLUMN id RESTART WITH {last + 1};")
    w.close()
    return counts


def actions(out, rng, n_plans, per_plan):
    w = Writer(os.path.join(out, "actions.sql"), ["action_plan", "plan_action", "action_update"])
    p_cols = "id,title,source_type,source_ref,owner,start_date,created_by,updated_by,updated_at,version"
    a_cols = ("id,plan_id,ref,issue,action_text,outcome,measure,due_date,lead_role,lead_agency,priority,status,"
              "last_update_at,created_by,created_at,updated_by,updated_at,version")
    u_cols = "id,action_id,update_date,author,author_role,agency,narrative,difference,status_after,created_at"
    action_id = update_id = 0
    counts = {"plans": 0, "actions": 0, "updates": 0}
    for p in range(1, n_plans + 1):
        y, m, d = day(rng, 2015, 2025)
        w.row("action_plan", p_cols, (p, f"Region plan {p}", SOURCES[p % len(SOURCES)], f"region-{p}", rng.choice(ROLES),
                                      f"{y:04d}-{m:02d}-{d:02d}", "bench", "bench", f"{y:04d}-{m:02d}-{d:02d} 09:00:00", 0))
        counts["plans"] += 1
        for i in range(1, per_plan + 1):
            action_id += 1
            dy, dm, dd = day(rng, max(2016, y), min(2027, y + 2))
            status = weighted(rng, STATUSES)[0]
            n_updates = rng.randint(0, 4)
            last = None
            updates = []
            for u in range(n_updates):
                uy, um, ud = day(rng, y, min(2026, y + 2))
                updates.append(f"{uy:04d}-{um:02d}-{ud:02d}")
            updates.sort()
            if updates:
                last = updates[-1] + " 12:00:00"
            lead = rng.choice(AGENCIES)
            w.row("plan_action", a_cols, (action_id, p, f"{i}", rng.choice(PHRASES), f"Action {action_id}: address it",
                                          None, None, f"{dy:04d}-{dm:02d}-{dd:02d}", rng.choice(ROLES), lead,
                                          rng.randint(1, 3), status, last, "bench", f"{y:04d}-{m:02d}-{d:02d} 09:00:00",
                                          "bench", f"{y:04d}-{m:02d}-{d:02d} 09:00:00", 0))
            counts["actions"] += 1
            for date in updates:
                update_id += 1
                w.row("action_update", u_cols, (update_id, action_id, date, "bench", rng.choice(ROLES), lead,
                                                f"Progress on action {action_id}", "Practitioners report more confidence"
                                                if rng.random() < 0.4 else None, None, date + " 12:00:00"))
                counts["updates"] += 1
    for table, last in (("action_plan", n_plans), ("plan_action", action_id), ("action_update", update_id)):
        w.raw(f"ALTER TABLE {table} ALTER COLUMN id RESTART WITH {last + 1};")
    w.close()
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--partnerships", type=float, default=10)
    ap.add_argument("--quick", action="store_true", help="one tenth of one partnership (CI)")
    ap.add_argument("--seed", type=int, default=20261123)
    args = ap.parse_args()
    n = 0.1 if args.quick else args.partnerships
    if n <= 0:
        raise SystemExit("--partnerships must be positive")
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    pp = PER_PARTNERSHIP
    a = audits(args.out, rng, max(1, round(pp["audits"] * n)), pp["findings_per_audit"], pp["cases_per_case_audit"])
    b = actions(args.out, rng, max(1, round(pp["plans"] * n)), pp["actions_per_plan"])
    manifest = {"partnerships": n, "seed": args.seed, **a, **b, "files": ["audits.sql", "actions.sql"]}
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
