#!/usr/bin/env bash
# Load benchmark on loopback: a bare Javalin server (the baseline) against apigw serving the same GET /hello through a
# REST API and an HTTP API (payload 2.0), each a Lambda proxy integration to an in-process Java handler returning the
# baseline's 17-byte body; observability on (apigw's defaults), the account throttle raised above AWS's default
# 10,000 requests/s as AWS raises it on request (--account-throttle). All three run side by side with the same JVM options;
# after a JIT warm-up per target, wrk measures them in turn, round after round, with 50 connections and with 1. Then
# startup (process start to the first 200 on a 100-route spec) and resident memory (idle, peak).
# Usage: benchmarks/load.sh [rounds=3] [seconds-per-run=10] [warmup-seconds=30]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"; seconds="${2:-10}"; warmup="${3:-30}"
java_opts="${JAVA_OPTS:--Xms256m -Xmx512m}"
jar="$root/benchmarks/target/benchmarks.jar"; apigw="$root/emulator/target/apigw.jar"
work="$(mktemp -d /tmp/apigw-load.XXXXXX)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

. "$root/benchmarks/ensure-wrk.sh"
[ -f "$jar" ] && [ -f "$apigw" ] || (cd "$root" && mvn -B -q -DskipTests package)

# start NAME PORT CMD...: starts a server in the background, its output in $work/NAME.log
start() {
  local name="$1"; shift
  "$@" > "$work/$name.log" 2>&1 &
  pids+=("$!"); eval "pid_$name=$!"
}
# ready URL: waits (at most 60 s) for the first 200 from URL
ready() {
  for _ in $(seq 1 6000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "200" ] && return 0
    sleep 0.01
  done
  echo "no 200 from $1 within 60 s; see $work" >&2; exit 1
}
apigw_cmd() { # SPEC PORT [extra options]
  local spec="$1" port="$2"; shift 2
  echo java $java_opts -jar "$apigw" start --spec "$spec" --port "$port" --classpath "$jar" \
    --function Hello=dev.apigw.benchmarks.load.HelloHandler --no-hot-reload --issuer-key "$work/issuer-key.json" \
    --account-throttle 1000000:500000 "$@"
}
rss_kb() { awk '/^'"$2"':/ {print $2}' "/proc/$1/status"; }

# --- throughput and latency ---------------------------------------------------------------------------------------
start baseline java $java_opts -cp "$jar" dev.apigw.benchmarks.load.BaselineServer 3101
start rest $(apigw_cmd "$root/benchmarks/load/rest-hello.yaml" 3102)
start http $(apigw_cmd "$root/benchmarks/load/http-hello.yaml" 3103 --api-type http)
declare -A url=([baseline]="http://127.0.0.1:3101/hello" [rest]="http://127.0.0.1:3102/dev/hello"
  [http]="http://127.0.0.1:3103/hello")
targets=(baseline rest http)
for t in "${targets[@]}"; do ready "${url[$t]}"; done
for t in "${targets[@]}"; do [ "$(curl -s "${url[$t]}")" = '{"message":"hi!"}' ] || { echo "$t answers wrongly" >&2; exit 1; }; done
declare -A idle_rss
for t in "${targets[@]}"; do pid_var="pid_$t"; idle_rss[$t]=$(rss_kb "${!pid_var}" VmRSS); done

echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(java -version 2>&1 | head -n 1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up: ${warmup} s per target, 50 connections"
for t in "${targets[@]}"; do wrk -t2 -c50 -d"${warmup}s" "${url[$t]}" > /dev/null; done

# measure TARGET CONNECTIONS -> "req/s p50ms p99ms"
measure() {
  local threads=2; [ "$2" = 1 ] && threads=1
  wrk -t"$threads" -c"$2" -d"${seconds}s" --latency "${url[$1]}" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /requests in/ { total = $1 } /Non-2xx or 3xx responses/ { non2xx = $5 }
    # Only 2xx answers count: a 429 or any other error is not served traffic.
    END { printf "%.0f %.3f %.3f %d\n", (total > 0 ? rps * (total - non2xx) / total : rps), p50, p99, non2xx }'
}
results="$work/results.txt"; : > "$results"
for round in $(seq 1 "$rounds"); do
  for c in 50 1; do
    for t in "${targets[@]}"; do
      echo "$round $c $t $(measure "$t" "$c")" >> "$results"
    done
  done
done

printf '\n%-6s %-5s %-9s %10s %9s %9s %9s\n' round conns target "2xx/s" "p50 ms" "p99 ms" "non-2xx"
awk '{ printf "%-6s %-5s %-9s %10s %9s %9s %9s\n", $1, $2, $3, $4, $5, $6, $7 }' "$results"

echo
echo "per round: apigw / baseline throughput at 50 connections, and p50 over the baseline at 1 connection"
awk '
  { rps[$1, $2, $3] = $4; p50[$1, $2, $3] = $5; if ($1 > n) n = $1 }
  function median(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
  END {
    printf "%-6s %12s %12s %16s %16s\n", "round", "REST ratio", "HTTP ratio", "REST p50 +ms", "HTTP p50 +ms"
    for (r = 1; r <= n; r++) {
      rr[r] = rps[r, 50, "rest"] / rps[r, 50, "baseline"]; hr[r] = rps[r, 50, "http"] / rps[r, 50, "baseline"]
      rd[r] = p50[r, 1, "rest"] - p50[r, 1, "baseline"]; hd[r] = p50[r, 1, "http"] - p50[r, 1, "baseline"]
      printf "%-6s %12.2f %12.2f %16.3f %16.3f\n", r, rr[r], hr[r], rd[r], hd[r]
    }
    printf "%-6s %12.2f %12.2f %16.3f %16.3f\n", "median", median(rr, n), median(hr, n), median(rd, n), median(hd, n)
  }' "$results"

echo
echo "resident memory (MiB): idle after startup, peak after the load"
for t in "${targets[@]}"; do
  pid_var="pid_$t"
  printf '%-9s idle %6.0f   peak %6.0f\n' "$t" "$(echo "${idle_rss[$t]} / 1024" | bc -l)" \
    "$(echo "$(rss_kb "${!pid_var}" VmHWM) / 1024" | bc -l)"
done
cleanup; pids=()

# --- startup: process start to the first 200, on a 100-route spec -------------------------------------------------
spec100="$work/routes-100.yaml"
{
  echo 'openapi: 3.0.1'; echo 'info: {title: startup, version: "1"}'; echo 'paths:'
  for i in $(seq 0 100); do
    path="/r$i/{id}"; [ "$i" = 100 ] && path="/hello"
    echo "  $path:"; echo "    get:"; echo "      x-amazon-apigateway-integration:"
    echo "        {type: aws_proxy, httpMethod: POST, uri: \"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Hello/invocations\"}"
  done
} > "$spec100"
# startup_ms NAME URL CMD...: milliseconds from launching CMD to its first 200 on URL
startup_ms() {
  local name="$1" target="$2"; shift 2
  local t0; t0=$(date +%s%N)
  start "$name" "$@"; ready "$target"
  local t1; t1=$(date +%s%N)
  # Waits for the exit too: the launcher's first start writes its class archive as it stops.
  cleanup; wait "${pids[@]}" 2>/dev/null || true; pids=(); sleep 0.5
  echo $(( (t1 - t0) / 1000000 ))
}
# apigw starts as the README starts it, with the ./apigw launcher (same JVM options): its first start writes the
# class-data archive (emulator/target/apigw.jsa) when it stops, and is reported on its own; the measured runs map it.
export APIGW_JAVA_OPTS="$java_opts"
apigw_launch() { # SPEC PORT
  echo "$root/apigw" start --spec "$1" --port "$2" --classpath "$jar" \
    --function Hello=dev.apigw.benchmarks.load.HelloHandler --no-hot-reload --issuer-key "$work/issuer-key.json"
}
rm -f "$root/emulator/target/apigw.jsa"
echo
echo "startup to the first 200 (ms), 100 routes; apigw's first start (writes the class archive):" \
  "$(startup_ms apigw http://127.0.0.1:3102/dev/hello $(apigw_launch "$spec100" 3102))"
echo "then 3 runs each:"
for run in 1 2 3; do
  b=$(startup_ms baseline http://127.0.0.1:3101/hello java $java_opts -cp "$jar" dev.apigw.benchmarks.load.BaselineServer 3101 --routes 100)
  a=$(startup_ms apigw http://127.0.0.1:3102/dev/hello $(apigw_launch "$spec100" 3102))
  printf 'run %s   baseline %5s   apigw %5s   ratio %.2f\n' "$run" "$b" "$a" "$(echo "$a / $b" | bc -l)"
done
rm -rf "$work"
