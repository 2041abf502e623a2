#!/usr/bin/env bash
# Produce and consume rates through Brook's Kafka listener, with kcat as the client: the same
# record counts and sizes as `brook bench topic`, which measures the topic log directly.
# Usage: scripts/kafka/bench_listener.sh [RECORDS]   (default 200000 per size; needs kcat)
# Env: BROOK_BIN (a built brook; otherwise a release build is made). Loopback only.
set -eu

RECORDS=${1:-200000}
HERE=$(cd "$(dirname "$0")" && pwd)
PKG=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/brook-bench-listener.XXXXXX")
BROKER_PID=""
cleanup() {
    [ -n "$BROKER_PID" ] && kill "$BROKER_PID" 2>/dev/null && wait "$BROKER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v kcat >/dev/null || { echo "kcat is not installed (apt-get install kcat)"; exit 1; }
if [ -n "${BROOK_BIN:-}" ]; then
    BIN=$BROOK_BIN
else
    (cd "$PKG" && swift build -c release --product brook >/dev/null)
    BIN="$PKG/.build/release/brook"
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
B="127.0.0.1:$PORT"
"$BIN" broker --listen "$B" --home "$WORK/home" --partitions 1 --retention forever >"$WORK/broker.log" 2>&1 &
BROKER_PID=$!
for _ in $(seq 1 100); do
    grep -q "listening on $B" "$WORK/broker.log" && break
    sleep 0.1
done

now() { date +%s.%N; }
# kcat -C -e stops at the end of the partition only after one empty fetch, which a broker holds for
# fetch.wait.max.ms (500 ms by default, on Kafka as on Brook): 5 ms keeps that wait out of the rate.
echo "listener on $B: $RECORDS records per size, kcat -P (acks=all) and kcat -C (fetch.wait.max.ms=5), wall time per kcat process"
for size in 1000 200; do
    topic="bench-$size"
    python3 -c "import sys; line = 'x' * $size + '\n'; sys.stdout.write(line * $RECORDS)" >"$WORK/records.txt"
    started=$(now)
    kcat -b "$B" -P -t "$topic" -X acks=all -X queue.buffering.max.messages=1000000 -l "$WORK/records.txt"
    produced=$(now)
    count=$(kcat -b "$B" -C -t "$topic" -o beginning -e -q -X fetch.wait.max.ms=5 | wc -l)
    consumed=$(now)
    [ "$count" -eq "$RECORDS" ] || { echo "consumed $count of $RECORDS"; exit 1; }
    python3 - "$size" "$RECORDS" "$started" "$produced" "$consumed" <<'EOF'
import sys
size, records, started, produced, consumed = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
megabytes = records * size / 1048576
produce, consume = produced - started, consumed - produced
print(f"  {size:4d}-byte records: produce {records / produce:9.0f} records/s ({megabytes / produce:6.1f} MB/s), "
      f"consume {records / consume:9.0f} records/s ({megabytes / consume:6.1f} MB/s)")
EOF
done
