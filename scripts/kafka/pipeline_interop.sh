#!/usr/bin/env bash
# A Brook job between Kafka clients: kafka-python produces the sample data through `brook broker`,
# `brook run` reads those topics and writes trading-signals, confluent-kafka reads the signals
# back through the broker and checks each against the file pipeline's; then record headers make the
# same round trip (confluent-kafka -> Brook's headers column -> kafka-python). Prints "N passed, N failed".
# Env: BROOK_BIN (a built brook), BROOK_INTEROP_VENV (with kafka-python and confluent-kafka).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${BROOK_BIN:-$ROOT/.build/debug/brook}
VENV=${BROOK_INTEROP_VENV:-$ROOT/.venv-kafka-interop}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/brook-pipeline-interop.XXXXXX")
PASSED=0
FAILED=0
BROKER_PID=""
cleanup() {
    [ -n "$BROKER_PID" ] && kill -TERM "$BROKER_PID" 2>/dev/null && wait "$BROKER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
result() { if [ "$1" -eq 0 ]; then PASSED=$((PASSED + 1)); echo "PASS $2"; else FAILED=$((FAILED + 1)); echo "FAIL $2"; fi; }

if ! "$VENV/bin/python" -c 'import confluent_kafka, kafka' >/dev/null 2>&1; then
    python3 -m venv "$VENV" && timeout 600 "$VENV/bin/pip" install -q confluent-kafka kafka-python >/dev/null
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$BIN" broker --listen "127.0.0.1:$PORT" --home "$WORK/home" --retention forever >"$WORK/broker.log" 2>&1 &
BROKER_PID=$!
for _ in $(seq 1 100); do grep -q "listening" "$WORK/broker.log" 2>/dev/null && break; sleep 0.1; done

timeout 120 "$VENV/bin/python" "$HERE/pipeline_interop.py" produce "127.0.0.1:$PORT" "$ROOT/examples/data"
result $? "kafka-python produces the sample bars and headlines through brook broker"

sed "s/'properties.auto.offset.reset' = 'earliest',/'properties.auto.offset.reset' = 'earliest', 'scan.bounded.mode' = 'latest-offset',/" \
    "$ROOT/sql/ddl.kafka.sql" > "$WORK/ddl.kafka.bounded.sql"
timeout 120 "$BIN" run "$WORK/ddl.kafka.bounded.sql" --home "$WORK/home"
result $? "brook run reads the produced topics and writes trading-signals"

mkdir -p "$WORK/files" && cp -r "$ROOT/sql" "$ROOT/examples" "$WORK/files/"
(cd "$WORK/files" && timeout 120 "$BIN" run sql/ddl.sql --home "$WORK/files/home" >/dev/null 2>&1)
result $? "the file pipeline gives the reference signals"

timeout 120 "$VENV/bin/python" "$HERE/pipeline_interop.py" consume "127.0.0.1:$PORT" "$WORK/files/out/trading-signals.jsonl"
result $? "confluent-kafka reads trading-signals and every record equals the file pipeline's"

"$BIN" topic create orders --home "$WORK/home" >/dev/null && "$BIN" topic create orders-tagged --home "$WORK/home" >/dev/null
timeout 60 "$VENV/bin/python" "$HERE/pipeline_interop.py" headers-produce "127.0.0.1:$PORT" orders
result $? "confluent-kafka produces orders with record headers"

cat > "$WORK/headers.sql" <<SQL
CREATE TABLE orders (id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL, headers MAP<STRING, BYTES> METADATA VIRTUAL)
WITH ('connector' = 'kafka', 'topic' = 'orders', 'properties.bootstrap.servers' = '127.0.0.1:$PORT', 'format' = 'json',
      'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset');
CREATE TABLE orders_tagged (id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', headers MAP<STRING, BYTES> METADATA)
WITH ('connector' = 'kafka', 'topic' = 'orders-tagged', 'properties.bootstrap.servers' = '127.0.0.1:$PORT', 'format' = 'json');
INSERT INTO orders_tagged
SELECT id, ts, MAP['source', headers['source'], 'raw', headers['raw'], 'via', ENCODE('brook', 'UTF-8')]
FROM orders WHERE headers['empty'] IS NULL AND CARDINALITY(headers) = 3;
SQL
timeout 60 "$BIN" run "$WORK/headers.sql" --home "$WORK/job-home"
result $? "brook run reads the headers column over the network and writes headers and timestamps"

timeout 60 "$VENV/bin/python" "$HERE/pipeline_interop.py" headers-consume "127.0.0.1:$PORT" orders-tagged
result $? "kafka-python reads back the headers, values and timestamps Brook wrote"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
