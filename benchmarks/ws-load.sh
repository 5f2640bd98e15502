#!/usr/bin/env bash
# WebSocket load benchmark, on loopback only: starts apigw (-Xmx1g) with an echo $default route, opens N idle
# connections from a second JVM, reads the gateway's heap after a full GC, then measures echo round trips per second.
# Usage: benchmarks/ws-load.sh [connections=10000] [senders=50] [messages=20000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
connections="${1:-10000}"; senders="${2:-50}"; messages="${3:-20000}"; port=3003
[ -f "$root/benchmarks/target/benchmarks.jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
java -Xmx1g -jar "$root/emulator/target/apigw.jar" start --spec "$root/benchmarks/ws-echo.yaml" --port "$port" \
  --classpath "$root/benchmarks/target/benchmarks.jar" --function Echo=dev.apigw.benchmarks.WsEchoHandler \
  > /tmp/apigw-ws-load.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do grep -q "listening" /tmp/apigw-ws-load.log && break; sleep 1; done
coproc CLIENT { java -cp "$root/benchmarks/target/benchmarks.jar" dev.apigw.benchmarks.WebSocketLoadClient \
  "ws://127.0.0.1:$port/dev" "$connections" "$senders" "$messages"; }
read -r opened <&"${CLIENT[0]}"; echo "$opened"
jcmd "$server" GC.run > /dev/null
jcmd "$server" GC.heap_info | grep -iE "used|total" | head -3
echo go >&"${CLIENT[1]}"
read -r result <&"${CLIENT[0]}"; echo "$result"
wait "$CLIENT_PID" || true
