#!/usr/bin/env bash
# Soak test, on loopback only: three apigw processes (one serves one API type) run the soak handlers from a watched
# --classpath directory: a REST API with a Lambda proxy route and a Lambda custom integration with mapping templates
# (benchmarks/soak/rest.yaml), an HTTP API with a proxy route (http.yaml) and a WebSocket API ($connect, $disconnect,
# and $default echoing, websocket.yaml). It sends TOTAL requests at full speed: half to the REST API and a quarter to
# the HTTP API (wrk, benchmarks/soak/soak.lua: distinct paths, a few explained 403/404s), a quarter as WebSocket
# messages (WebSocketSoakClient: each echo compared, connections renewed every 500 messages). Meanwhile it copies
# the handler classes into the watched directory again every 10 s, so every function is hot-reloaded throughout, and
# every 5 s it takes each process's live heap (jcmd GC.class_histogram: a full GC, then the live objects) and thread
# count (/proc). The account throttle is raised (--account-throttle 1000000:500000) so AWS's default 10,000
# requests/s does not answer 429.
# Checks, exit 1 when one fails: no unexpected answer (anything but a 200 with an item and its code generation, or an
# explained 403/404), no socket error, every WebSocket message echoed exactly, every reload done and seen by clients, no
# warning or error logged during the load; per process, live heap in the last quarter of the run at most 10 % above
# the first quarter's (medians), and no more threads at the end than in the first quarter of the load (plus a margin for
# the JVM's own compiler threads).
# Usage: benchmarks/soak.sh [total-requests=1000000]    (a quick run: benchmarks/soak.sh 50000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
total="${1:-1000000}"
java_opts="${JAVA_OPTS:--Xms256m -Xmx512m}"
reload_seconds=10; sample_seconds=5; max_seconds=3600
jar="$root/benchmarks/target/benchmarks.jar"; apigw="$root/emulator/target/apigw.jar"
classes="$root/benchmarks/target/classes/dev/apigw/benchmarks/soak"
work="$(mktemp -d /tmp/apigw-soak.XXXXXX)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

. "$root/benchmarks/ensure-wrk.sh"
[ -f "$jar" ] && [ -f "$apigw" ] && [ -d "$classes" ] || (cd "$root" && mvn -B -q -DskipTests package)

# The watched classpath: the soak handlers' classes and their generation number, replaced by renames (whole files,
# in two quick moves so that apigw's watcher sees one change).
functions="$work/functions"; staging="$work/staging"
mkdir -p "$functions/dev/apigw/benchmarks/soak" "$staging" "$work/done" "$work/histograms"
publish() { # GENERATION
  cp "$classes"/Soak*.class "$staging/"; echo "$1" > "$work/soak-generation.txt"
  mv "$staging"/Soak*.class "$functions/dev/apigw/benchmarks/soak/"; mv "$work/soak-generation.txt" "$functions/"
}
publish 0

# start NAME PORT SPEC OPTIONS...: an apigw in the background, its log in $work/NAME.log without the per-invocation
# START/END/REPORT lines (a million requests would write 300 MB of them)
declare -A pid
start() {
  local name="$1" port="$2" spec="$3"; shift 3
  java $java_opts -jar "$apigw" start --spec "$root/benchmarks/soak/$spec" --port "$port" --classpath "$functions" \
    --issuer-key "$work/issuer-key.json" --account-throttle 1000000:500000 "$@" \
    > >(grep --line-buffered -vE ' - (START|END|REPORT) RequestId: ' > "$work/$name.log") 2>&1 &
  pids+=("$!"); pid[$name]=$!
}
handler() { echo "$1=dev.apigw.benchmarks.soak.$2"; }
start rest 3201 rest.yaml --function "$(handler SoakProxy SoakProxyHandler)" --function "$(handler SoakItem SoakItemHandler)"
start http 3202 http.yaml --api-type http --function "$(handler SoakProxy SoakProxyHandler)"
start ws 3203 websocket.yaml --function "$(handler SoakWebSocket SoakWebSocketHandler)"
declare -A functions_of=([rest]=2 [http]=1 [ws]=1)
names=(rest http ws)

ready() { # URL: waits (at most 60 s) for the first 200
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "200" ] && return 0
    sleep 0.1
  done
  echo "no 200 from $1 within 60 s; see $work" >&2; exit 1
}
ready http://127.0.0.1:3201/dev/items/ready; ready http://127.0.0.1:3201/dev/items/ready/detail
ready http://127.0.0.1:3202/items/ready
for _ in $(seq 1 600); do grep -q "listening" "$work/ws.log" && break; sleep 0.1; done
grep -q "listening" "$work/ws.log" || { echo "the WebSocket API did not start within 60 s; see $work" >&2; exit 1; }

threads_of() { awk '/^Threads:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# thread_names PID FILE: how many threads of each name (the JVM names its native threads), for a failed check
thread_names() { cat /proc/"$1"/task/*/comm 2>/dev/null | sed 's/[0-9]*$//' | sort | uniq -c | sort -rn > "$2" || true; }
declare -A threads_start log_start
for n in "${names[@]}"; do
  threads_start[$n]=$(threads_of "${pid[$n]}"); log_start[$n]=$(wc -l < "$work/$n.log")
  thread_names "${pid[$n]}" "$work/$n-threads-start.txt"
done

echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(java -version 2>&1 | head -n 1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
rest_per_thread=$((total / 4)); http_per_thread=$((total / 8))
ws_messages=$((total - 2 * rest_per_thread - 2 * http_per_thread))
echo "soak: $total requests: REST $((2 * rest_per_thread)), HTTP API $((2 * http_per_thread)), WebSocket $ws_messages;" \
  "hot reload every ${reload_seconds} s, heap and threads every ${sample_seconds} s"

t0=$(date +%s.%N)
# The reloader: a new generation of the handler classes every $reload_seconds s.
( set +e
  for generation in $(seq 1 $((max_seconds / reload_seconds))); do
    sleep "$reload_seconds"; publish "$generation"; echo "$(date +%s.%N) $generation" >> "$work/reloads"
  done ) &
reloader=$!; pids+=("$reloader")
# The sampler: live heap (after the full GC that GC.class_histogram runs) and threads of each process.
( set +e
  for sample in $(seq 1 $((max_seconds / sample_seconds))); do
    sleep "$sample_seconds"
    for n in "${names[@]}"; do
      jcmd "${pid[$n]}" GC.class_histogram > "$work/histograms/$n-$sample.txt" 2>/dev/null
      live=$(awk '/^Total/ {print $3}' "$work/histograms/$n-$sample.txt")
      echo "$(date +%s.%N) $n ${live:-0} $(threads_of "${pid[$n]}")" >> "$work/samples"
    done
  done ) &
sampler=$!; pids+=("$sampler")

wrk -t2 -c16 -d"${max_seconds}s" --timeout 30s -s "$root/benchmarks/soak/soak.lua" http://127.0.0.1:3201 \
  -- rest "$rest_per_thread" "$work/done" > "$work/wrk-rest.txt" 2>&1 &
wrk_rest=$!; pids+=("$wrk_rest")
wrk -t2 -c16 -d"${max_seconds}s" --timeout 30s -s "$root/benchmarks/soak/soak.lua" http://127.0.0.1:3202 \
  -- http "$http_per_thread" "$work/done" > "$work/wrk-http.txt" 2>&1 &
wrk_http=$!; pids+=("$wrk_http")
java -cp "$jar" dev.apigw.benchmarks.soak.WebSocketSoakClient ws://127.0.0.1:3203/dev "$ws_messages" 8 500 \
  > "$work/ws-client.txt" 2>&1 &
ws_client=$!; pids+=("$ws_client")

# wrk runs for its -d duration: once both threads of a wrk have their answers (soak.lua leaves a file each),
# SIGINT makes it stop and print its summary.
declare -A stopped=([rest]=0 [http]=0)
for _ in $(seq 1 $((max_seconds * 2))); do
  for api in rest http; do
    if [ "${stopped[$api]}" = 0 ] && [ "$(ls "$work/done" | grep -c "^$api-")" = 2 ]; then
      wrk_pid="wrk_$api"; kill -INT "${!wrk_pid}"; stopped[$api]=1
    fi
  done
  if [ "${stopped[rest]}${stopped[http]}" = 11 ] && ! kill -0 "$ws_client" 2>/dev/null; then break; fi
  sleep 0.5
done
wait "$wrk_rest" "$wrk_http" || true; wait "$ws_client" || true
t1=$(date +%s.%N)
kill "$reloader" "$sampler" 2>/dev/null || true; wait "$reloader" "$sampler" 2>/dev/null || true
sleep 2 # a reload started by the last generation finishes; closed connections' threads end
declare -A threads_end
for n in "${names[@]}"; do threads_end[$n]=$(threads_of "${pid[$n]}"); thread_names "${pid[$n]}" "$work/$n-threads-end.txt"; done

# --- report and checks ---------------------------------------------------------------------------------------------
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
figure() { awk -v api="$1" -v key="$2" '$1 == "SOAK" && $2 == api && $3 == key {print $4; exit}' "$work/wrk-$1.txt"; }
seconds=$(echo "$t1 - $t0" | bc -l)
echo
printf 'ran %.0f s\n' "$seconds"
for api in rest http; do
  answered=$(figure "$api" answered); unexpected=$(figure "$api" unexpected); socket=$(figure "$api" socket_errors)
  generations=$(awk -v api="$api" '$1 == "SOAK" && $2 == api && $3 == "generations" {print $4 " to " $5}' "$work/wrk-$api.txt")
  by_status=$(awk -v api="$api" '$1 == "SOAK" && $2 == api && $3 == "status" {printf "%s%s: %s", sep, $4, $5; sep = ", "}' "$work/wrk-$api.txt")
  printf '%-4s answered %s (%s), unexpected %s, socket errors %s, code generations seen %s\n' "$api" \
    "${answered:-0}" "$by_status" "${unexpected:-?}" "${socket:-?}" "$generations"
  grep "^SOAK $api sample" "$work/wrk-$api.txt" | sed 's/^SOAK [a-z]* sample /     unexpected: /' || true
  [ "${unexpected:-1}" = 0 ] || fail "$api: ${unexpected:-?} unexpected answers"
  [ "${socket:-1}" = 0 ] || fail "$api: ${socket:-?} socket errors"
  wanted=$((2 * http_per_thread)); [ "$api" = rest ] && wanted=$((2 * rest_per_thread))
  [ "${answered:-0}" -ge "$wanted" ] || fail "$api: ${answered:-0} answers of $wanted"
  if [ -s "$work/reloads" ] && [ "${generations%% *}" = "${generations##* }" ]; then
    fail "$api: clients saw only code generation ${generations%% *} although the handlers were reloaded"
  fi
done
ws_line=$(grep '^WS sent' "$work/ws-client.txt" || echo "WS no summary")
echo "ws   ${ws_line#WS }"
grep '^WS_FAILURE' "$work/ws-client.txt" | sed 's/^WS_FAILURE /     failure: /' || true
ws_ok=$(echo "$ws_line" | sed -n 's/.* ok=\([0-9]*\).*/\1/p')
[ "${ws_ok:-0}" = "$ws_messages" ] || fail "ws: ${ws_ok:-0} of $ws_messages messages echoed exactly ($ws_line)"

ticks=$(wc -l < "$work/reloads" 2>/dev/null || echo 0)
echo
echo "hot reloads: $ticks generations published"
for n in "${names[@]}"; do
  reloaded=$(grep -c 'reloaded function' "$work/$n.log" || true)
  not_reloaded=$(grep -c 'was not reloaded' "$work/$n.log" || true)
  expected=$((ticks * functions_of[$n]))
  printf '%-4s %s function reloads (expected %s), %s failed\n' "$n" "$reloaded" "$expected" "$not_reloaded"
  # More is fine: a publish that takes longer than the watcher's quiet time (200 ms) on a busy machine is two changes.
  [ "$reloaded" -ge "$expected" ] && [ "$not_reloaded" = 0 ] \
    || fail "$n: $reloaded reloads, $not_reloaded failed, expected at least $expected"
  # Warnings and errors logged during the load, except the handler's own "not found" error (an explained 404).
  problems=$(tail -n +"$((log_start[$n] + 1))" "$work/$n.log" | grep -E '^[0-9:.]+ (WARN|ERROR) ' \
    | grep -vE ' - [0-9a-f-]{36} java.lang.IllegalArgumentException: not found: missing-' || true)
  if [ -n "$problems" ]; then
    fail "$n logged $(echo "$problems" | wc -l) warnings or errors during the load, first: $(echo "$problems" | head -n 1)"
  fi
done

echo
echo "live heap after a full GC (MiB, median of the samples in the first and last quarter of the run) and threads"
printf '%-4s %10s %10s %8s   %s\n' "" "first 1/4" "last 1/4" "growth" "threads: start of load, first 1/4 max, last 1/4 max, end"
for n in "${names[@]}"; do
  read -r first last growth threads_first threads_last < <(awk -v n="$n" -v t0="$t0" -v t1="$t1" '
    function median(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    $2 == n && $1 <= t1 && $3 > 0 { k++; at[k] = $1 - t0; live[k] = $3; threads[k] = $4 }
    END {
      span = t1 - t0
      for (i = 1; i <= k; i++) {
        if (at[i] <= span / 4 || i == 1) { f++; fl[f] = live[i]; if (threads[i] > ft) ft = threads[i] }
        if (at[i] >= span * 3 / 4 || i == k) { l++; ll[l] = live[i]; if (threads[i] > lt) lt = threads[i] }
      }
      if (k == 0) { print "0 0 0 0 0"; exit }
      first = median(fl, f); last = median(ll, l)
      printf "%.1f %.1f %.1f %d %d\n", first / 1048576, last / 1048576, (last / first - 1) * 100, ft, lt }' "$work/samples")
  printf '%-4s %10s %10s %7s%%   %s, %s, %s, %s\n' "$n" "$first" "$last" "$growth" "${threads_start[$n]}" \
    "$threads_first" "$threads_last" "${threads_end[$n]}"
  [ "$first" != 0 ] || fail "$n: no heap samples"
  awk -v g="$growth" 'BEGIN { exit !(g <= 10) }' || fail "$n: live heap grew ${growth} % (more than 10 %)"
  # Jetty's pool grows with the connections and the JIT adds compiler threads while it works; a leak adds a thread
  # per reload or per connection: dozens over the run.
  [ "${threads_end[$n]}" -le $((threads_first + 4)) ] \
    || fail "$n: ${threads_end[$n]} threads at the end, ${threads_first} in the first quarter of the load"
done

if [ "$failures" = 0 ]; then
  echo; echo "soak passed"; rm -rf "$work"
else
  echo; echo "soak FAILED ($failures checks); logs, wrk output, samples, heap histograms and thread names in $work"; exit 1
fi
