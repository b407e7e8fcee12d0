-- wrk script for scripts/bench/indicators-bench.sh: sends the bearer token from the environment
-- (BENCH_TOKEN) with every request and, at the end, prints one machine-readable line:
--   BENCH requests=… rps=… p50_ms=… p95_ms=… p99_ms=… max_ms=… mean_ms=… bytes_per_req=… errors…
-- wrk's latency figures are in microseconds; they are printed in milliseconds.
local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  io.stderr:write("wrk-report.lua: BENCH_TOKEN is not set\n")
  os.exit(2)
end
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local n = summary.requests
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f " ..
    "bytes_per_req=%.0f err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    n, seconds, n / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    n > 0 and summary.bytes / n or 0,
    e.connect, e.read, e.write, e.status, e.timeout))
end
