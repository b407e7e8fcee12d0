#!/usr/bin/env python3
"""Concurrent write load with integrity reconciliation, against a running Quadrant suite (standard library only).

    scripts/load/integrity_load.py --gateway http://127.0.0.1:PORT --duration S [options]

Everything goes through the gateway: tokens from POST /api/v1/auth/token, the API through the
/api/{service}/v1/** pass-through, the chair's dashboard at /board (bearer token).

Phases
  setup      (optional) the generated dataset (scripts/bench/generate-values.py output) as the board
             manager: indicator definitions, targets, value import in chunks; then one "load" action
             plan with actions led by every agency (so that every agency has actions to update).
  discover   each agency's own indicators and the actions it leads; for every agency a pool of value
             slots (indicator, period) with their state before the load, a reserved indicator and
             action for deliberate races; the change-log high-water mark of each service.
  load       for --duration seconds, concurrently:
             - every agency user (<code>.lead, <code>.user of the 12 agencies) in a closed loop: reads
               a value then writes it with the version read (PUT .../values/{period}); the lead also
               submits drafts (POST .../submit with the version); reads an action it leads then posts a
               progress update with the action's version; now and then reads its own scorecard;
             - per agency a racer: the lead and the user write the same value (or post an update on the
               same action, or create the same new value) from the same version at the same moment;
             - the board manager returns or approves submitted values and re-opens approved ones, so
               the values stay editable;
             - the chair reads /board and the scorecard in a loop.
             Every request's outcome (status, latency) and every write's payload and result is kept.
  reconcile  - no 5xx, no transport errors, no unexpected status;
             - each value slot: the successful writes' versions form one unbroken chain from the
               version before the load to the version read back now, each from the version before it
               (no two winners from one version, no lost write), and the value, status and comment read
               back are those of the last write;
             - each action: its updates carry exactly the 2xx posts' marks, once each, none of the
               refused ones; its version moved by exactly the number of 2xx posts;
             - every deliberate race: exactly one 2xx, every other 409; every 409 anywhere matches a
               write that succeeded from the same version (a real conflict, not a spurious one);
             - change log (GET /api/{service}/v1/change-log as the manager, entries after the
               high-water mark): per value and per action exactly one entry per successful write, with
               the writer and the written version or update.
  report     Markdown (throughput, latency p50/p95/p99 per operation, counts, reconciliation) to
             --results and stdout; exit 1 on any discrepancy.
"""

import argparse
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse
from decimal import Decimal

AGENCIES = ["CSC", "EI", "EDU", "TVP", "OH", "OUH", "CCG", "NPS", "CRC", "YJS", "PH", "VCS"]
EDITABLE = ("DRAFT", "RETURNED")
WRITE_OPS = {"value.put", "value.create", "value.submit", "value.return", "value.approve", "value.reopen",
             "action.update", "race.value.put", "race.value.create", "race.action.update"}


# ---------------------------------------------------------------------------------------------
# HTTP

class Client:
    """One keep-alive connection to the gateway; reconnects after a transport error."""

    def __init__(self, base, timeout=60):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.timeout = u.hostname, u.port or 80, timeout
        self.conn = None

    def request(self, method, path, body=None, token=None, ctype="application/json", accept="application/json"):
        headers = {"Accept": accept}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = None
        if body is not None:
            data = body if isinstance(body, (bytes, bytearray)) else json.dumps(body).encode("utf-8")
            headers["Content-Type"] = ctype
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            t0 = time.perf_counter()
            try:
                self.conn.request(method, path, body=data, headers=headers)
                r = self.conn.getresponse()
                payload = r.read()
                ms = (time.perf_counter() - t0) * 1000
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return r.status, payload, ms, r.getheader("Content-Type", "")
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as e:
                # A keep-alive connection the server had closed before this request was sent: only
                # then is it safe to send again (nothing reached the service).
                self.close()
                if attempt == 1 and isinstance(e, (http.client.RemoteDisconnected, BrokenPipeError)) and self._idle_close(t0):
                    continue
                return 0, repr(e).encode(), (time.perf_counter() - t0) * 1000, ""
            except (OSError, http.client.HTTPException) as e:
                self.close()
                return 0, repr(e).encode(), (time.perf_counter() - t0) * 1000, ""
        return 0, b"unreachable", 0.0, ""

    @staticmethod
    def _idle_close(t0):
        # A reused connection that fails within a millisecond was closed while idle.
        return time.perf_counter() - t0 < 0.001

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
            self.conn = None


def jbody(payload):
    try:
        return json.loads(payload.decode("utf-8")) if payload else None
    except (ValueError, UnicodeDecodeError):
        return None


def q(s):
    return urllib.parse.quote(s, safe="")


# ---------------------------------------------------------------------------------------------
# Recording

class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []   # (op, status, ms, t, phase)
        self.problems = []   # unexpected outcomes during the load (5xx, transport, unexpected status)
        self.phase = "setup"

    def add(self, op, status, ms, expected, detail=""):
        with self.lock:
            self.requests.append((op, status, ms, time.time(), self.phase))
            if status >= 500 or status == 0:
                self.problems.append("%s: HTTP %s %s" % (op, status or "transport error", detail[:300]))
            elif status not in expected:
                self.problems.append("%s: unexpected HTTP %s (expected %s) %s" % (op, status, sorted(expected), detail[:300]))


class Tokens:
    """Bearer tokens per user, fetched again when half their lifetime has passed."""

    def __init__(self, base, password, rec):
        self.base, self.password, self.rec = base, password, rec
        self.lock = threading.Lock()
        self.tokens = {}

    def get(self, user, client=None):
        with self.lock:
            t = self.tokens.get(user)
        if t and time.time() < t[1]:
            return t[0]
        c = client or Client(self.base)
        status, payload, ms, _ = c.request("POST", "/api/v1/auth/token", {"username": user, "password": self.password})
        self.rec.add("token", status, ms, {200}, payload.decode("utf-8", "replace"))
        if status != 200:
            raise SystemExit("no token for %s: HTTP %s %s" % (user, status, payload[:300]))
        b = jbody(payload)
        tok, life = b["access_token"], int(b.get("expires_in") or 600)
        with self.lock:
            self.tokens[user] = (tok, time.time() + life / 2)
        return tok


# ---------------------------------------------------------------------------------------------
# Periods: new ones for creates, by frequency

FIRST_NEW_YEAR = {"normal": 2030, "race": 2040}


def new_period(freq, i, pool):
    y0 = FIRST_NEW_YEAR[pool]
    if freq == "MONTHLY":
        return "%04d%02d" % (y0 + i // 12, i % 12 + 1)
    if freq == "FINANCIAL_QUARTER":
        return "%dAprilQ%d" % (y0 + i // 4, i % 4 + 1)
    if freq == "CALENDAR_QUARTER":
        return "%dQ%d" % (y0 + i // 4, i % 4 + 1)
    if freq == "FINANCIAL_YEAR":
        return "%dApril" % (y0 + i)
    if freq == "ACADEMIC_YEAR":
        return "%dSep" % (y0 + i)
    return "%d" % (y0 + i)  # CALENDAR_YEAR


def periods_per_decade(freq):
    return {"MONTHLY": 120, "FINANCIAL_QUARTER": 40, "CALENDAR_QUARTER": 40}.get(freq, 10)


# ---------------------------------------------------------------------------------------------
# The state the reconciliation works from

class Slot:
    """One value (indicator, agency, period) and every write attempted on it."""

    def __init__(self, code, agency, period, race=False):
        self.code, self.agency, self.period, self.race = code, agency, period, race
        self.initial = None      # {"version","status"} before the load, or None if it did not exist
        self.events = []         # dicts: op, user, base, status, version, value, vstatus, comment
        self.lock = threading.Lock()

    @property
    def key(self):
        return "%s/%s/%s" % (self.code, self.agency, self.period)

    def add(self, ev):
        with self.lock:
            self.events.append(ev)


class ActionTarget:
    def __init__(self, action_id, agency, race=False):
        self.id, self.agency, self.race = action_id, agency, race
        self.initial_version = None
        self.events = []         # dicts: op, user, base, status, mark
        self.lock = threading.Lock()

    def add(self, ev):
        with self.lock:
            self.events.append(ev)


class Load:
    def __init__(self, args):
        self.a = args
        self.rec = Recorder()
        self.tokens = Tokens(args.gateway, args.password, self.rec)
        self.run = "L%s" % time.strftime("%H%M%S")
        self.seq = 0
        self.seq_lock = threading.Lock()
        self.slots = {}          # agency -> [Slot] (normal pool)
        self.race_slots = {}     # agency -> [Slot] (created by races)
        self.race_indicator = {} # agency -> (code, frequency)
        self.race_next = {}      # agency -> next new-period index
        self.actions = {}        # agency -> [ActionTarget] (normal)
        self.race_actions = {}   # agency -> ActionTarget
        self.races = []          # dicts: kind, agency, key, outcomes [(user, status)], base
        self.races_lock = threading.Lock()
        self.stop_at = 0
        self.changelog_mark = {}
        self.setup_notes = []

    def mark(self):
        with self.seq_lock:
            self.seq += 1
            return "%s-%06d" % (self.run, self.seq)

    def say(self, msg):
        print("[integrity-load] " + msg, flush=True)

    # ---- setup -------------------------------------------------------------------------------
    def call(self, c, op, method, path, body=None, user="manager", expected=(200,), ctype="application/json", accept="application/json"):
        status, payload, ms, ct = c.request(method, path, body, self.tokens.get(user, c), ctype, accept)
        self.rec.add(op, status, ms, set(expected), "%s %s: %s" % (method, path, payload[:300].decode("utf-8", "replace")))
        return status, payload, ms, ct

    def parallel(self, items, fn, threads=8):
        it = iter(list(enumerate(items)))
        lock = threading.Lock()
        errors = []

        def work():
            c = Client(self.a.gateway, timeout=600)
            while True:
                with lock:
                    nxt = next(it, None)
                if nxt is None:
                    return
                try:
                    fn(c, nxt[1])
                except Exception as e:  # noqa: BLE001 - reported, then the run fails
                    errors.append(repr(e))
        ts = [threading.Thread(target=work) for _ in range(threads)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        if errors:
            raise SystemExit("setup failed: " + "; ".join(errors[:5]))

    def load_dataset(self):
        d = self.a.dataset
        manifest = json.load(open(os.path.join(d, "manifest.json")))
        defs = json.load(open(os.path.join(d, "indicators.json")))
        targets = json.load(open(os.path.join(d, "targets.json")))
        t0 = time.time()

        def create(c, item):
            s, p, _, _ = self.call(c, "setup.indicator", "POST", "/api/indicators/v1/indicators", item, expected=(201,))
            if s != 201:
                raise RuntimeError("POST indicator %s: %s %s" % (item["code"], s, p[:200]))
        self.parallel(defs, create)
        self.say("  %d indicator definitions in %.1f s" % (len(defs), time.time() - t0))

        def target(c, t):
            s, p, _, _ = self.call(c, "setup.target", "PUT", "/api/indicators/v1/indicators/%s/targets/%s" % (q(t["code"]), q(t["period"])),
                                   {"value": t["value"]})
            if s != 200:
                raise RuntimeError("PUT target %s/%s: %s %s" % (t["code"], t["period"], s, p[:200]))
        self.parallel(targets, target)
        t1 = time.time()
        c = Client(self.a.gateway, timeout=600)
        rows = 0
        for ch in manifest["chunks"]:
            body = open(os.path.join(d, ch["file"]), "rb").read()
            s, p, ms, _ = self.call(c, "setup.import", "POST", "/api/indicators/v1/values/import?format=quadrant&dryRun=false",
                                    body, ctype="text/csv")
            got = (jbody(p) or {}).get("imported")
            if s != 200 or got != ch["rows"]:
                raise SystemExit("import of %s: HTTP %s, imported %s of %s: %s" % (ch["file"], s, got, ch["rows"], p[:400]))
            rows += ch["rows"]
            if len(manifest["chunks"]) > 5 and (manifest["chunks"].index(ch) + 1) % 10 == 0:
                self.say("  imported %d of %d rows (%.0f s)" % (rows, manifest["rows"], time.time() - t1))
        t2 = time.time()
        self.setup_notes.append("generated dataset: %d indicators x %d agencies x %d monthly periods = %d values, %d targets; "
                                "definitions and targets in %.1f s, import %.1f s (%.0f rows/s through the gateway)"
                                % (manifest["indicators"], len(manifest["agencies"]), manifest["periods"], rows,
                                   len(targets), t1 - t0, t2 - t1, rows / max(t2 - t1, 1e-9)))
        self.say(self.setup_notes[-1])

    def load_plan(self):
        c = Client(self.a.gateway)
        s, p, _, _ = self.call(c, "setup.plan", "POST", "/api/actions/v1/plans",
                               {"title": "Load test plan %s" % self.run, "sourceType": "SELF_ASSESSMENT", "sourceRef": "LOAD-" + self.run},
                               expected=(201, 200))
        if s not in (200, 201):
            raise SystemExit("could not create the load plan: %s %s" % (s, p[:300]))
        plan = jbody(p)["id"]
        n = 0
        for ag in AGENCIES:
            for i in range(self.a.actions_per_agency + 1):
                body = {"ref": "%s.%d" % (ag, i + 1), "issue": "Load test issue for %s" % ag,
                        "action": "Keep the %s return up to date (load test action %d)" % (ag, i + 1),
                        "dueDate": "2019-03-31", "leadRole": "Agency lead", "leadAgency": ag, "priority": 1}
                s, p, _, _ = self.call(c, "setup.action", "POST", "/api/actions/v1/plans/%d/actions" % plan, body, expected=(201, 200))
                if s not in (200, 201):
                    raise SystemExit("could not add a load action: %s %s" % (s, p[:300]))
                n += 1
        self.setup_notes.append("load plan %d with %d actions (%d per agency, one of them for races)" % (plan, n, self.a.actions_per_agency + 1))
        self.say(self.setup_notes[-1])
        return plan

    # ---- discover ----------------------------------------------------------------------------
    def discover(self, load_plan):
        c = Client(self.a.gateway)
        s, p, _, _ = self.call(c, "setup.read", "GET", "/api/indicators/v1/indicators")
        indicators = jbody(p)
        rng = random.Random(self.a.seed)
        for ag in AGENCIES:
            user = ag.lower() + ".lead"
            own = [i for i in indicators if i.get("ownerAgency") == ag]
            if not own:
                self.slots[ag] = []
                continue
            # Existing values of the agency on its own indicators, and a few new periods.
            existing = []
            sample = own if len(own) <= 12 else rng.sample(own, 12)
            for ind in sample:
                s, p, _, _ = self.call(c, "setup.read", "GET", "/api/indicators/v1/indicators/%s/values" % q(ind["code"]), user=user)
                for v in jbody(p) or []:
                    if v["agency"] == ag:
                        existing.append((ind["code"], v["period"]))
            rng.shuffle(existing)
            chosen = existing[:self.a.slots_per_agency]
            for k, ind in enumerate(sample[:self.a.new_slots_per_agency]):
                chosen.append((ind["code"], new_period(ind["frequency"], k, "normal")))
            slots = []
            for code, period in chosen:
                sl = Slot(code, ag, period)
                sl.initial = self.read_value(c, sl, user)
                slots.append(sl)
            self.slots[ag] = slots
            # The race indicator: the most frequent one (most new periods per year).
            best = max(own, key=lambda i: (periods_per_decade(i["frequency"]), i["code"].startswith("BENCH")))
            self.race_indicator[ag] = (best["code"], best["frequency"])
            self.race_next[ag] = 0
            self.race_slots[ag] = []
        s, p, _, _ = self.call(c, "setup.read", "GET", "/api/actions/v1/actions")
        actions = jbody(p)
        for ag in AGENCIES:
            led = [x for x in actions if x.get("leadAgency") == ag]
            mine = [x for x in led if x.get("planId") == load_plan]
            others = [x for x in led if x.get("planId") != load_plan]
            race = mine[-1]
            normal = mine[:-1] + others[:self.a.demo_actions_per_agency]
            self.race_actions[ag] = ActionTarget(race["id"], ag, race=True)
            self.actions[ag] = [ActionTarget(x["id"], ag) for x in normal]
            for t in self.actions[ag] + [self.race_actions[ag]]:
                t.initial_version = self.read_action(c, t.id, "manager")
        for svc in ("indicators", "actions", "audits"):
            s, p, _, _ = self.call(c, "setup.read", "GET", "/api/%s/v1/change-log?limit=1" % svc)
            entries = jbody(p) or []
            self.changelog_mark[svc] = entries[0]["id"] if entries else 0
        n_slots = sum(len(v) for v in self.slots.values())
        n_act = sum(len(v) for v in self.actions.values())
        self.setup_notes.append("pools: %d value slots (%d agencies with indicators of their own), %d actions for progress updates, "
                                "12 race actions, race indicators %s" % (n_slots, sum(1 for v in self.slots.values() if v), n_act,
                                                                           ", ".join("%s:%s" % (a, self.race_indicator[a][0]) for a in sorted(self.race_indicator))))
        self.say(self.setup_notes[-1])

    def value_path(self, sl):
        return "/api/indicators/v1/indicators/%s/values/%s" % (q(sl.code), q(sl.period))

    def read_value(self, c, sl, user, op="setup.read"):
        path = self.value_path(sl) + ("?agency=" + sl.agency if user == "manager" else "")
        s, p, _, _ = self.call(c, op, "GET", path, user=user, expected=(200, 404))
        if s == 200:
            b = jbody(p)
            return {"version": b["version"], "status": b["status"], "value": b["value"], "comment": b["comment"]}
        return None

    def read_action(self, c, action_id, user, op="setup.read"):
        s, p, _, _ = self.call(c, op, "GET", "/api/actions/v1/actions/%d" % action_id, user=user)
        return jbody(p)["version"] if s == 200 else None

    # ---- load: the writers -------------------------------------------------------------------
    def put_value(self, c, sl, user, base, op, value=None, mark=None):
        mark = mark or self.mark()
        value = value if value is not None else random.randint(0, 100)
        body = {"value": value, "comment": "load " + mark, "version": base}
        s, p, ms, _ = self.call(c, op, "PUT", self.value_path(sl), body, user=user, expected=(200, 409))
        ev = {"op": op, "user": user, "base": base, "status": s, "mark": mark, "sent": value}
        if s == 200:
            b = jbody(p)
            ev.update(version=b["version"], value=b["value"], vstatus=b["status"], comment=b["comment"])
        sl.add(ev)
        return s

    def act_value(self, c, sl, user, base, action, op):
        body = {"version": base}
        if user == "manager":
            body["agency"] = sl.agency
        if action in ("return", "reopen"):
            body["reason"] = "Load test: sent back to the agency"
        s, p, ms, _ = self.call(c, op, "POST", self.value_path(sl) + "/" + action, body, user=user, expected=(200, 409))
        ev = {"op": op, "user": user, "base": base, "status": s, "mark": None}
        if s == 200:
            b = jbody(p)
            ev.update(version=b["version"], value=b["value"], vstatus=b["status"], comment=b["comment"])
        sl.add(ev)
        return s

    def post_update(self, c, t, user, base, op, mark=None):
        mark = mark or self.mark()
        body = {"narrative": "Progress note %s: work continues with partners" % mark, "version": base}
        s, p, ms, _ = self.call(c, op, "POST", "/api/actions/v1/actions/%d/updates" % t.id, body, user=user, expected=(201, 409))
        t.add({"op": op, "user": user, "base": base, "status": s, "mark": mark})
        return s

    def agency_user(self, ag, role, seed):
        user = "%s.%s" % (ag.lower(), role)
        rng = random.Random(seed)
        c = Client(self.a.gateway)
        lead = role == "lead"
        while time.time() < self.stop_at:
            r = rng.random()
            slots = self.slots.get(ag) or []
            if r < 0.50 and slots:
                sl = rng.choice(slots)
                cur = self.read_value(c, sl, user, op="value.read")
                if cur is None:
                    self.put_value(c, sl, user, None, "value.create")
                elif cur["status"] in EDITABLE:
                    self.put_value(c, sl, user, cur["version"], "value.put")
            elif r < 0.62 and lead and slots:
                sl = rng.choice(slots)
                cur = self.read_value(c, sl, user, op="value.read")
                if cur is not None and cur["status"] in EDITABLE:
                    self.act_value(c, sl, user, cur["version"], "submit", "value.submit")
            elif r < 0.92 and self.actions.get(ag):
                t = rng.choice(self.actions[ag])
                v = self.read_action(c, t.id, user, op="action.read")
                if v is not None:
                    self.post_update(c, t, user, v, "action.update")
            else:
                self.call(c, "scorecard.agency", "GET", "/api/indicators/v1/scorecard?agency=" + ag, user=user)
            if self.a.think_ms:
                time.sleep(rng.uniform(0, 2 * self.a.think_ms) / 1000.0)

    def racer(self, ag, seed):
        """The lead and the user of one agency write the same thing from the same version at once."""
        rng = random.Random(seed)
        lead, user = ag.lower() + ".lead", ag.lower() + ".user"
        cl, cu, cr = Client(self.a.gateway), Client(self.a.gateway), Client(self.a.gateway)
        while time.time() < self.stop_at:
            r = rng.random()
            code, freq = self.race_indicator.get(ag, (None, None))
            if code and (r < 0.3 or not self.race_slots[ag]):
                period = new_period(freq, self.race_next[ag], "race")
                self.race_next[ag] += 1
                sl = Slot(code, ag, period, race=True)
                self.race_slots[ag].append(sl)
                self.race(ag, "value.create", sl.key, None,
                          lambda: self.put_value(cl, sl, lead, None, "race.value.create", value=rng.randint(0, 100)),
                          lambda: self.put_value(cu, sl, user, None, "race.value.create", value=rng.randint(0, 100)))
            elif code and r < 0.65:
                sl = rng.choice(self.race_slots[ag])
                cur = self.read_value(cr, sl, lead, op="value.read")
                if cur is None or cur["status"] not in EDITABLE:
                    continue
                v = cur["version"]
                self.race(ag, "value.put", sl.key, v,
                          lambda: self.put_value(cl, sl, lead, v, "race.value.put", value=rng.randint(0, 100)),
                          lambda: self.put_value(cu, sl, user, v, "race.value.put", value=rng.randint(0, 100)))
            else:
                t = self.race_actions[ag]
                v = self.read_action(cr, t.id, lead, op="action.read")
                if v is None:
                    continue
                self.race(ag, "action.update", "action %d" % t.id, v,
                          lambda: self.post_update(cl, t, lead, v, "race.action.update"),
                          lambda: self.post_update(cu, t, user, v, "race.action.update"))
            time.sleep(rng.uniform(0.05, 0.25))

    def race(self, ag, kind, key, base, *fns):
        barrier = threading.Barrier(len(fns))
        results = [None] * len(fns)

        def go(i, fn):
            barrier.wait()
            results[i] = fn()
        ts = [threading.Thread(target=go, args=(i, fn)) for i, fn in enumerate(fns)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        with self.races_lock:
            self.races.append({"kind": kind, "agency": ag, "key": key, "base": base, "statuses": results})

    def manager(self, seed):
        rng = random.Random(seed)
        c = Client(self.a.gateway)
        pool = [sl for v in self.slots.values() for sl in v]
        while time.time() < self.stop_at and pool:
            sl = rng.choice(pool)
            cur = self.read_value(c, sl, "manager", op="value.read")  # the board does not see drafts: 404
            if cur is not None:
                if cur["status"] == "SUBMITTED":
                    if rng.random() < 0.5:
                        self.act_value(c, sl, "manager", cur["version"], "return", "value.return")
                    else:
                        self.act_value(c, sl, "manager", cur["version"], "approve", "value.approve")
                elif cur["status"] == "APPROVED":
                    self.act_value(c, sl, "manager", cur["version"], "reopen", "value.reopen")
            time.sleep(rng.uniform(0.02, 0.1))

    def chair(self, seed):
        rng = random.Random(seed)
        c = Client(self.a.gateway)
        while time.time() < self.stop_at:
            if rng.random() < 0.5:
                s, p, _, ct = self.call(c, "chair.board", "GET", "/board", user="chair", accept="text/html")
                if s == 200 and "text/html" not in ct:
                    self.rec.add("chair.board", 200, 0, set(), "not HTML: " + ct)
            else:
                self.call(c, "chair.scorecard", "GET", "/api/indicators/v1/scorecard", user="chair")

    def run_load(self):
        users = [(ag, role) for ag in AGENCIES for role in ("lead", "user")]
        for ag, role in users:
            self.tokens.get("%s.%s" % (ag.lower(), role))
        self.tokens.get("chair")
        self.rec.phase = "load"
        self.load_started = time.time()
        self.load_avg_before = os.getloadavg()
        self.stop_at = self.load_started + self.a.duration
        threads = [threading.Thread(target=self.agency_user, args=(ag, role, hash((ag, role, self.a.seed)))) for ag, role in users]
        if not self.a.no_races:
            threads += [threading.Thread(target=self.racer, args=(ag, hash((ag, "race", self.a.seed)))) for ag in AGENCIES]
        threads.append(threading.Thread(target=self.manager, args=(self.a.seed,)))
        threads += [threading.Thread(target=self.chair, args=(self.a.seed + i,)) for i in range(self.a.chair_readers)]
        for t in threads:
            t.daemon = True
            t.start()
        last = time.time()
        while any(t.is_alive() for t in threads):
            time.sleep(1)
            if time.time() - last >= 15:
                last = time.time()
                n = sum(1 for r in self.rec.requests if r[4] == "load")
                self.say("%3.0f s: %d requests, %d problem(s), load average %.2f"
                         % (last - self.load_started, n, len(self.rec.problems), os.getloadavg()[0]))
        self.load_ended = time.time()
        self.load_avg_after = os.getloadavg()
        self.rec.phase = "reconcile"
        self.threads = len(threads)

    # ---- reconcile ---------------------------------------------------------------------------
    def reconcile(self):
        c = Client(self.a.gateway)
        errs = []
        checked = {"slots": 0, "actions": 0, "changelog_entries": 0, "conflicts_matched": 0}

        def fail(msg):
            errs.append(msg)

        # Value slots.
        all_slots = [sl for v in self.slots.values() for sl in v] + [sl for v in self.race_slots.values() for sl in v]
        for sl in all_slots:
            if not sl.events:
                continue
            checked["slots"] += 1
            ok = [e for e in sl.events if e["status"] == 200]
            final = self.read_value(c, sl, sl.agency.lower() + ".lead", op="reconcile.read")
            # 409s must each match a write that succeeded from the same version.
            for e in sl.events:
                if e["status"] == 409:
                    if any(o["base"] == e["base"] for o in ok):
                        checked["conflicts_matched"] += 1
                    else:
                        fail("%s: %s by %s from version %s got 409 but no write succeeded from that version" % (sl.key, e["op"], e["user"], e["base"]))
            if not ok:
                if (final is None) != (sl.initial is None) or (final and final["version"] != sl.initial["version"]):
                    fail("%s: no write succeeded, yet it changed: before %s, now %s" % (sl.key, sl.initial, final))
                continue
            if final is None:
                fail("%s: %d write(s) succeeded but the value is gone" % (sl.key, len(ok)))
                continue
            chain = sorted(ok, key=lambda e: e["version"])
            versions = [e["version"] for e in chain]
            if len(set(versions)) != len(versions):
                fail("%s: two successful writes returned the same version: %s" % (sl.key, versions))
            bases = [e["base"] for e in ok]
            if len(set(map(str, bases))) != len(bases):
                fail("%s: two writes succeeded from the same version (a lost update): bases %s" % (sl.key, sorted(map(str, bases))))
            start = sl.initial["version"] if sl.initial else None
            for i, e in enumerate(chain):
                expected_base = start if i == 0 else chain[i - 1]["version"]
                if e["base"] != expected_base:
                    fail("%s: write %s returned version %s from base %s, but the version before it was %s"
                         % (sl.key, e["op"], e["version"], e["base"], expected_base))
                elif e["base"] is not None and e["version"] != e["base"] + 1:
                    fail("%s: write from version %s returned version %s" % (sl.key, e["base"], e["version"]))
            last = chain[-1]
            if final["version"] != last["version"]:
                fail("%s: version now %s, last successful write returned %s (%d writes succeeded)" % (sl.key, final["version"], last["version"], len(ok)))
            if Decimal(str(final["value"])) != Decimal(str(last["value"])) or final["status"] != last["vstatus"] or final["comment"] != last["comment"]:
                fail("%s: read back %s/%s/%r, the last write left %s/%s/%r" % (sl.key, final["value"], final["status"], final["comment"],
                                                                              last["value"], last["vstatus"], last["comment"]))
            for e in ok:
                if e.get("sent") is not None and Decimal(str(e["value"])) != Decimal(str(e["sent"])):
                    fail("%s: sent %s, the answer says %s" % (sl.key, e["sent"], e["value"]))
            # Change log: exactly one entry per successful write, with its writer and version.
            entries = self.changelog(c, "indicators", "value", sl.key)
            checked["changelog_entries"] += len(entries)
            got = sorted((e["changedBy"], (jbody((e.get("newValue") or "").encode()) or {}).get("version")) for e in entries)
            want = sorted((e["user"], e["version"]) for e in ok)
            if got != want:
                fail("%s: change log has %d entries %s after the load, %d writes succeeded %s" % (sl.key, len(entries), got[:6], len(ok), want[:6]))

        # Actions.
        for t in [x for v in self.actions.values() for x in v] + list(self.race_actions.values()):
            if not t.events:
                continue
            checked["actions"] += 1
            ok = [e for e in t.events if e["status"] == 201]
            for e in t.events:
                if e["status"] == 409:
                    if any(o["base"] == e["base"] for o in ok):
                        checked["conflicts_matched"] += 1
                    else:
                        fail("action %d: update by %s from version %s got 409 but no update succeeded from that version" % (t.id, e["user"], e["base"]))
            bases = [e["base"] for e in ok]
            if len(set(bases)) != len(bases):
                fail("action %d: two updates succeeded from the same version" % t.id)
            s, p, _, _ = self.call(c, "reconcile.read", "GET", "/api/actions/v1/actions/%d/updates" % t.id)
            marks = {}
            for u in jbody(p) or []:
                n = u.get("narrative") or ""
                if self.run in n:
                    m = n.split(" ")[2].rstrip(":")
                    marks[m] = marks.get(m, 0) + 1
            sent_ok = {e["mark"] for e in ok}
            refused = {e["mark"] for e in t.events if e["status"] != 201}
            dup = sorted(m for m, k in marks.items() if k > 1)
            lost = sorted(sent_ok - set(marks))
            extra = sorted(set(marks) - sent_ok)
            if dup or lost or extra or len(marks) != len(ok):
                fail("action %d: %d updates stored for %d 2xx posts; duplicated %s, lost %s, not sent or refused %s%s"
                     % (t.id, sum(marks.values()), len(ok), dup[:5], lost[:5], extra[:5],
                        " (of them refused: %s)" % sorted(set(extra) & refused)[:5] if set(extra) & refused else ""))
            v = self.read_action(c, t.id, "manager", op="reconcile.read")
            if v is None or v - t.initial_version != len(ok):
                fail("action %d: version %s -> %s, but %d updates succeeded" % (t.id, t.initial_version, v, len(ok)))
            entries = self.changelog(c, "actions", "action", str(t.id))
            checked["changelog_entries"] += len(entries)
            got = sorted((e["changedBy"], ((jbody((e.get("newValue") or "").encode()) or {}).get("narrative") or "").split(" ")[2].rstrip(":"))
                         for e in entries)
            want = sorted((e["user"], e["mark"]) for e in ok)
            if got != want:
                fail("action %d: change log has %d entries after the load, %d updates succeeded (first differences: %s vs %s)"
                     % (t.id, len(entries), len(ok), [x for x in got if x not in want][:3], [x for x in want if x not in got][:3]))

        # Races.
        race_summary = {}
        for r in self.races:
            k = race_summary.setdefault(r["kind"], {"rounds": 0, "one_winner": 0})
            k["rounds"] += 1
            wins = [s for s in r["statuses"] if s in (200, 201)]
            others = [s for s in r["statuses"] if s not in (200, 201)]
            if len(wins) == 1 and all(s == 409 for s in others):
                k["one_winner"] += 1
            else:
                fail("race %s on %s from version %s (%s): statuses %s, expected exactly one 2xx and 409 for the other"
                     % (r["kind"], r["key"], r["base"], r["agency"], r["statuses"]))

        # No writes to audits-service: its change log must not have moved.
        entries = self.changelog(c, "audits", None, None)
        if entries:
            fail("audits-service change log has %d entries after the load, none expected" % len(entries))

        return errs, checked, race_summary

    def changelog(self, c, svc, etype, eid):
        path = "/api/%s/v1/change-log?limit=500" % svc
        if etype:
            path += "&entityType=%s&entityId=%s" % (q(etype), q(eid))
        s, p, _, _ = self.call(c, "reconcile.changelog", "GET", path)
        entries = [e for e in (jbody(p) or []) if e["id"] > self.changelog_mark[svc]]
        if len(jbody(p) or []) >= 500:
            raise SystemExit("change log of %s %s has 500 or more entries: cannot check it without paging (shorten the run)" % (etype, eid))
        return entries


# ---------------------------------------------------------------------------------------------
# Report

def pct(sorted_ms, p):
    if not sorted_ms:
        return float("nan")
    k = max(0, min(len(sorted_ms) - 1, int(round(p / 100.0 * len(sorted_ms) + 0.5)) - 1))
    return sorted_ms[k]


def report(load, errs, checked, races, args):
    rec = load.rec
    dur = load.load_ended - load.load_started
    lr = [r for r in rec.requests if r[4] == "load"]
    ops = {}
    for op, s, ms, t, ph in lr:
        ops.setdefault(op, []).append((s, ms))
    lines = []
    w = lines.append
    w("# Integrity load test %s" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(load.load_started)))
    w("")
    w("Machine: %d cores; load average before the load %.2f / %.2f / %.2f, after %.2f / %.2f / %.2f (1, 5, 15 min)."
      % ((os.cpu_count() or 0,) + tuple(load.load_avg_before) + tuple(load.load_avg_after)))
    w("Command: `%s`" % args.command)
    w("")
    for n in load.setup_notes:
        w("- " + n)
    w("- load: %.0f s, %d threads (24 agency users, %s racers, 1 manager, %d chair reader(s)), think time up to %d ms"
      % (dur, load.threads, "no" if args.no_races else "12", args.chair_readers, 2 * args.think_ms))
    w("")
    writes = [r for r in lr if r[0] in WRITE_OPS]
    w2 = sum(1 for r in writes if r[1] in (200, 201))
    w409 = sum(1 for r in writes if r[1] == 409)
    reads = [r for r in lr if r[0] not in WRITE_OPS]
    s5 = sum(1 for r in lr if r[1] >= 500 or r[1] == 0)
    w("## Throughput")
    w("")
    w("| | requests | per second |")
    w("|---|---:|---:|")
    w("| all | %d | %.1f |" % (len(lr), len(lr) / dur))
    w("| writes (2xx) | %d | %.1f |" % (w2, w2 / dur))
    w("| writes refused 409 | %d | %.1f |" % (w409, w409 / dur))
    w("| reads | %d | %.1f |" % (len(reads), len(reads) / dur))
    w("| 5xx or transport errors | %d | |" % s5)
    w("")
    w("## Latency by operation (ms, through the gateway)")
    w("")
    w("| operation | requests | statuses | p50 | p95 | p99 | max |")
    w("|---|---:|---|---:|---:|---:|---:|")
    for op in sorted(ops):
        rows = ops[op]
        ms = sorted(m for _, m in rows)
        st = {}
        for s, _ in rows:
            st[s] = st.get(s, 0) + 1
        w("| %s | %d | %s | %.0f | %.0f | %.0f | %.0f |" % (op, len(rows), " ".join("%s×%d" % (k, v) for k, v in sorted(st.items())),
                                                         pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[-1]))
    w("")
    w("## Races (same version, same moment, lead and user of one agency)")
    w("")
    w("| kind | rounds | exactly one winner, the other 409 |")
    w("|---|---:|---:|")
    for k in sorted(races):
        w("| %s | %d | %d |" % (k, races[k]["rounds"], races[k]["one_winner"]))
    w("")
    w("## Reconciliation")
    w("")
    w("- value slots written: %d; actions updated: %d; change-log entries matched: %d; 409s matched to a write that won "
      "from the same version: %d" % (checked["slots"], checked["actions"], checked["changelog_entries"], checked["conflicts_matched"]))
    problems = rec.problems + errs
    if problems:
        w("- **%d discrepancies**:" % len(problems))
        for pbl in problems[:50]:
            w("  - " + pbl.replace("\n", " "))
        if len(problems) > 50:
            w("  - ... and %d more" % (len(problems) - 50))
    else:
        w("- **no discrepancy**: no 5xx, every 2xx write read back once with what it wrote, every race had one winner, "
          "every 409 was a real conflict, every successful write has its change-log entry")
    w("")
    return "\n".join(lines), problems


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--gateway", required=True)
    p.add_argument("--duration", type=int, default=180)
    p.add_argument("--dataset", help="a generate-values.py output directory to load first")
    p.add_argument("--password", default=os.environ.get("QUADRANT_DEMO_PASSWORD", "quadrant-demo-2026"))
    p.add_argument("--slots-per-agency", type=int, default=16)
    p.add_argument("--new-slots-per-agency", type=int, default=3)
    p.add_argument("--actions-per-agency", type=int, default=2, help="load actions per agency (besides its race action)")
    p.add_argument("--demo-actions-per-agency", type=int, default=3)
    p.add_argument("--chair-readers", type=int, default=2)
    p.add_argument("--think-ms", type=int, default=25, help="mean pause between an agency user's operations")
    p.add_argument("--no-races", action="store_true")
    p.add_argument("--seed", type=int, default=20261123)
    p.add_argument("--results", help="Markdown report file")
    p.add_argument("--raw", help="write every request (op, status, ms, time) here as TSV")
    p.add_argument("--command", default="scripts/load/integrity-load.sh")
    a = p.parse_args(argv)
    random.seed(a.seed)
    load = Load(a)
    if a.dataset:
        load.load_dataset()
    plan = load.load_plan()
    load.discover(plan)
    load.say("load: %d s ..." % a.duration)
    load.run_load()
    load.say("reconciling ...")
    errs, checked, races = load.reconcile()
    text, problems = report(load, errs, checked, races, a)
    if a.results:
        with open(a.results, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    if a.raw:
        with open(a.raw, "w", encoding="utf-8") as f:
            for r in load.rec.requests:
                f.write("%s\t%s\t%.2f\t%.3f\t%s\n" % r)
    print(text, flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
