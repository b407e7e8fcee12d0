#!/usr/bin/env bash
# End-to-end smoke test of the running suite over real HTTP.
#
#   scripts/smoke-test.sh
#
# Starts scripts/run-local.sh in the background with a temporary QUADRANT_DATA_DIR on ports
# 28080-28083 (QUADRANT_SMOKE_PORT_BASE=28080 to move them), then checks that:
#   - the gateway issues a token for tvp.user, and refuses a wrong password with 401;
#   - indicators, audits and actions each accept that token on /api/v1/me (username tvp.user, agency TVP);
#   - an audit recommendation sent to actions-service becomes one tracked action, however often sent;
#   - each service answers 401 with no token, with a token whose signature is altered, and with a
#     token whose claims were forged (chair) under the original signature;
#   - the gateway's /login page is 200 HTML;
#   - after stopping, no JVM of this run is left.
# Exits non-zero with a message on the first failure. Needs curl.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

BASE="${QUADRANT_SMOKE_PORT_BASE:-28080}"
export QUADRANT_GATEWAY_PORT=$BASE
export QUADRANT_INDICATORS_PORT=$((BASE + 1))
export QUADRANT_AUDITS_PORT=$((BASE + 2))
export QUADRANT_ACTIONS_PORT=$((BASE + 3))
export QUADRANT_DEMO_PASSWORD="${QUADRANT_DEMO_PASSWORD:-quadrant-demo-2026}"
# The URLs between services follow from the ports; clear any the caller had set for other ports.
unset QUADRANT_JWKS_URL QUADRANT_INDICATORS_URL QUADRANT_AUDITS_URL QUADRANT_ACTIONS_URL
STARTUP_TIMEOUT="${QUADRANT_SMOKE_TIMEOUT:-600}"   # includes a build, if the jars are stale

GATEWAY="http://localhost:$QUADRANT_GATEWAY_PORT"
declare -A SERVICE_URL=(
  [indicators]="http://localhost:$QUADRANT_INDICATORS_PORT"
  [audits]="http://localhost:$QUADRANT_AUDITS_PORT"
  [actions]="http://localhost:$QUADRANT_ACTIONS_PORT"
)
SERVICES=(indicators audits actions)

command -v curl >/dev/null 2>&1 || { echo "[smoke] ERROR: curl is required" >&2; exit 1; }

DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/quadrant-smoke.XXXXXX")"
export QUADRANT_DATA_DIR="$DATA_DIR"
OUT="$DATA_DIR/run-local.out"
RUN_PID=""
PASSED=0

say()  { echo "[smoke] $*"; }
pass() { PASSED=$((PASSED + 1)); echo "[smoke] ok   - $*"; }
fail() {
  echo "[smoke] FAIL - $*" >&2
  exit 1   # the EXIT trap stops the suite and shows the logs
}

# JVMs of this run carry -Dquadrant.run-dir=$DATA_DIR on their command line (see run-local.sh).
leftover_jvms() {
  local f pid
  for f in /proc/[0-9]*/cmdline; do
    pid="${f#/proc/}"; pid="${pid%/cmdline}"
    tr '\0' ' ' <"$f" 2>/dev/null | grep -qF -- "-Dquadrant.run-dir=$DATA_DIR " && echo "$pid"
  done
  return 0
}

# Stop run-local.sh (it stops its JVMs and waits for them), then make sure nothing is left.
stop_suite() {
  local rc=$?
  trap - EXIT
  trap '' INT TERM   # finish the cleanup even on a second Ctrl-C
  if [ -n "$RUN_PID" ] && kill -0 "$RUN_PID" 2>/dev/null; then
    say "stopping the suite (run-local.sh pid $RUN_PID)"
    kill -TERM "$RUN_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$RUN_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$RUN_PID" 2>/dev/null; then
      echo "[smoke] FAIL - run-local.sh did not stop within 30 s" >&2
      kill -KILL "$RUN_PID" 2>/dev/null || true
      rc=1
    fi
    wait "$RUN_PID" 2>/dev/null || true
  fi
  local left
  left="$(leftover_jvms)"
  if [ -n "$left" ]; then
    echo "[smoke] FAIL - JVMs left running after stop: $(echo $left)" >&2
    # shellcheck disable=SC2086
    kill -KILL $left 2>/dev/null || true
    rc=1
  elif [ -n "$RUN_PID" ] && [ "$rc" -eq 0 ]; then
    pass "suite stopped; no JVM left running"
  fi
  if [ "$rc" -ne 0 ]; then
    echo "[smoke] ---- run-local.sh output ----" >&2
    cat "$OUT" >&2 2>/dev/null || true
    for log in "$DATA_DIR"/logs/*.log; do
      [ -f "$log" ] || continue
      echo "[smoke] ---- last lines of $log ----" >&2
      tail -n 30 "$log" >&2
    done
    echo "[smoke] FAILED (data kept in $DATA_DIR)" >&2
    echo "smoke: $PASSED passed, 1 failed"
  else
    rm -rf "$DATA_DIR"
    echo "smoke: $PASSED passed, 0 failed"
  fi
  exit "$rc"
}
trap stop_suite EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- start -----------------------------------------------------------------------------------
say "starting the suite: gateway :$QUADRANT_GATEWAY_PORT, services :$QUADRANT_INDICATORS_PORT-:$QUADRANT_ACTIONS_PORT, data $DATA_DIR"
# A fresh data directory each run: an AppCDS archive dumped at the stop would never be used.
QUADRANT_CDS="${QUADRANT_CDS:-off}" scripts/run-local.sh >"$OUT" 2>&1 </dev/null &
RUN_PID=$!

deadline=$((SECONDS + STARTUP_TIMEOUT))
until grep -q '^\[run-local\] ready' "$OUT" 2>/dev/null; do
  kill -0 "$RUN_PID" 2>/dev/null || fail "run-local.sh exited before the suite was ready"
  [ "$SECONDS" -lt "$deadline" ] || fail "suite not ready within ${STARTUP_TIMEOUT}s"
  sleep 1
done
pass "all four services report /health/readiness 200"

# ---- helpers ---------------------------------------------------------------------------------
BODY="$DATA_DIR/body"
# request METHOD URL [curl args...] -> prints the HTTP status; body in $BODY
request() {
  local method="$1" url="$2"; shift 2
  curl -s -m 10 -o "$BODY" -w '%{http_code}' -X "$method" "$@" "$url" || echo 000
}
json_string() {   # json_string FIELD < json  (flat string fields only)
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -n 1
}
b64url_decode() {
  local s="${1//-/+}"; s="${s//_//}"
  while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done
  printf '%s' "$s" | base64 -d
}
b64url_encode() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# ---- token from the gateway ------------------------------------------------------------------
status=$(request POST "$GATEWAY/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"tvp.user\",\"password\":\"$QUADRANT_DEMO_PASSWORD\"}")
[ "$status" = 200 ] || fail "POST /api/v1/auth/token for tvp.user: expected 200, got $status: $(head -c 300 "$BODY")"
TOKEN="$(json_string access_token <"$BODY")"
TYPE="$(json_string token_type <"$BODY")"
[ -n "$TOKEN" ] || fail "token response has no access_token: $(head -c 300 "$BODY")"
[ "$TYPE" = Bearer ] || fail "token_type: expected Bearer, got '$TYPE'"
grep -Eq '"expires_in"[[:space:]]*:[[:space:]]*[1-9]' "$BODY" || fail "token response has no positive expires_in: $(head -c 300 "$BODY")"
[ "$(tr -cd . <<<"$TOKEN" | wc -c)" -eq 2 ] || fail "access_token is not a JWS (header.payload.signature)"
pass "gateway issued a Bearer token for tvp.user"

status=$(request POST "$GATEWAY/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"tvp.user","password":"not-the-password"}')
[ "$status" = 401 ] || fail "wrong password: expected 401, got $status"
grep -q access_token "$BODY" && fail "wrong password still returned a token"
pass "gateway refuses a wrong password with 401"

# Two bad tokens: one with a changed signature, one with forged claims under the real signature.
IFS=. read -r H P S <<<"$TOKEN"
mid=$(( ${#S} / 2 ))
c="${S:$mid:1}"; [ "$c" = A ] && r=B || r=A
BAD_SIG="$H.$P.${S:0:$mid}$r${S:$((mid + 1))}"
claims="$(b64url_decode "$P")"
# Re-encoding the unchanged claims must give the original segment, so the forgery differs only in them.
[ "$(printf '%s' "$claims" | b64url_encode)" = "$P" ] || fail "could not re-encode the token's claims"
forged="$(printf '%s' "$claims" | sed -e 's/"tvp\.user"/"chair"/g' -e 's/"TVP"/"BOARD"/g')"
[ "$forged" != "$claims" ] || fail "token claims do not name tvp.user/TVP: $claims"
FORGED="$H.$(printf '%s' "$forged" | b64url_encode).$S"

# ---- each service ----------------------------------------------------------------------------
for svc in "${SERVICES[@]}"; do
  url="${SERVICE_URL[$svc]}/api/v1/me"

  status=$(request GET "$url" -H "Authorization: Bearer $TOKEN")
  [ "$status" = 200 ] || fail "$svc GET /api/v1/me with the gateway's token: expected 200, got $status: $(head -c 300 "$BODY")"
  user="$(json_string username <"$BODY")"
  agency="$(json_string agency <"$BODY")"
  [ "$user" = tvp.user ] || fail "$svc /api/v1/me username: expected tvp.user, got '$user' ($(head -c 300 "$BODY"))"
  [ "$agency" = TVP ] || fail "$svc /api/v1/me agency: expected TVP, got '$agency' ($(head -c 300 "$BODY"))"
  pass "$svc accepts the gateway's token: username tvp.user, agency TVP"

  status=$(request GET "$url")
  [ "$status" = 401 ] || fail "$svc GET /api/v1/me without a token: expected 401, got $status"
  status=$(request GET "$url" -H "Authorization: Bearer $BAD_SIG")
  [ "$status" = 401 ] || fail "$svc GET /api/v1/me with an altered signature: expected 401, got $status"
  status=$(request GET "$url" -H "Authorization: Bearer $FORGED")
  [ "$status" = 401 ] || fail "$svc GET /api/v1/me with forged claims: expected 401, got $status"
  pass "$svc answers 401 with no token, an altered signature and forged claims"
done

# ---- sign-in page ----------------------------------------------------------------------------
ctype="$(curl -s -m 10 -o "$BODY" -w '%{http_code} %{content_type}' "$GATEWAY/login" || echo 000)"
[ "${ctype%% *}" = 200 ] || fail "gateway GET /login: expected 200, got ${ctype%% *}"
case "${ctype#* }" in text/html*) ;; *) fail "gateway GET /login: expected text/html, got '${ctype#* }'" ;; esac
grep -qi '<form' "$BODY" || fail "gateway /login page has no form"
pass "gateway /login is a 200 HTML page with a form"

# ---- a recommendation becomes a tracked action (audits-service -> actions-service) ------------
json_number() {   # json_number FIELD < json  (first numeric field of that name)
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p" | head -n 1
}
status=$(request POST "$GATEWAY/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"manager\",\"password\":\"$QUADRANT_DEMO_PASSWORD\"}")
[ "$status" = 200 ] || fail "token for manager: expected 200, got $status"
MANAGER="$(json_string access_token <"$BODY")"
AUDITS="${SERVICE_URL[audits]}"
status=$(request POST "$AUDITS/api/v1/audits" -H "Authorization: Bearer $MANAGER" -H 'Content-Type: application/json' \
  -d '{"type":"MULTI_AGENCY_CASE_AUDIT","title":"Smoke audit","leadAgency":"BOARD","participatingAgencies":["CSC","TVP"],"periodStart":"2017-04-01","periodEnd":"2018-03-31","gradingScale":"OFSTED","complianceThresholdPercent":75}')
[ "$status" = 201 ] || fail "audits POST /api/v1/audits: expected 201, got $status: $(head -c 300 "$BODY")"
AUDIT_ID="$(json_number id <"$BODY")"
status=$(request POST "$AUDITS/api/v1/audits/$AUDIT_ID/findings" -H "Authorization: Bearer $MANAGER" -H 'Content-Type: application/json' \
  -d '{"kind":"RECOMMENDATION","text":"Agencies should record fathers in every assessment","themes":["FATHERS"],"quadrant":"QUALITATIVE","agency":"CSC"}')
[ "$status" = 201 ] || fail "audits POST findings: expected 201, got $status: $(head -c 300 "$BODY")"
FINDING_ID="$(json_number id <"$BODY")"
status=$(request POST "$AUDITS/api/v1/findings/$FINDING_ID/action" -H "Authorization: Bearer $MANAGER")
[ "$status" = 200 ] || fail "audits POST /api/v1/findings/$FINDING_ID/action: expected 200, got $status: $(head -c 300 "$BODY")"
ACTION_ID="$(json_number actionId <"$BODY")"
[ -n "$ACTION_ID" ] || fail "no actionId in $(head -c 300 "$BODY")"
status=$(request POST "$AUDITS/api/v1/findings/$FINDING_ID/action" -H "Authorization: Bearer $MANAGER")
[ "$status" = 200 ] && [ "$(json_number actionId <"$BODY")" = "$ACTION_ID" ] \
  || fail "sending the recommendation again made another action: $status $(head -c 300 "$BODY")"
status=$(request GET "${SERVICE_URL[actions]}/api/v1/actions/$ACTION_ID" -H "Authorization: Bearer $TOKEN")
[ "$status" = 200 ] || fail "actions GET /api/v1/actions/$ACTION_ID as tvp.user: expected 200, got $status"
grep -q '"sourceRef":"audits:finding:'"$FINDING_ID"'"' "$BODY" || fail "the action does not point back at the finding: $(head -c 300 "$BODY")"
grep -q '"leadAgency":"CSC"' "$BODY" || fail "the action is not led by CSC: $(head -c 300 "$BODY")"
pass "a recommendation became action $ACTION_ID in actions-service, once, with the manager's own token"

# ---- stop and check for leftovers (in the EXIT trap) -----------------------------------------
say "all checks passed; stopping"
