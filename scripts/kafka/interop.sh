#!/usr/bin/env bash
# Interop test: kcat, confluent-kafka and kafka-python against `brook broker` on 127.0.0.1.
# Installs what it needs (kcat and the -dev libraries from Debian, a venv with both Python clients),
# builds the broker, runs every check with a timeout, restarts the broker once, kills it with -9
# while a producer runs (no acknowledged record may be lost), and prints
# "N passed, N failed".
# Loopback only. Env: BROOK_BIN (a built brook; skips the build), BROOK_INTEROP_VENV, VERBOSE=1.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
PKG=$(cd "$HERE/../.." && pwd)
VENV=${BROOK_INTEROP_VENV:-$PKG/.venv-kafka-interop}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/brook-interop.XXXXXX")
PASSED=0
FAILED=0
BROKER_PID=""
BROKER_LOG=""
STARTS=0

log() { printf '%s\n' "$*"; }

stop_broker() {
    [ -n "$BROKER_PID" ] || return 0
    kill -TERM "$BROKER_PID" 2>/dev/null
    for _ in $(seq 1 100); do
        kill -0 "$BROKER_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$BROKER_PID" 2>/dev/null
    wait "$BROKER_PID" 2>/dev/null
    BROKER_PID=""
}

cleanup() {
    stop_broker
    if [ "$FAILED" -gt 0 ] && [ -n "$BROKER_LOG" ] && [ -f "$BROKER_LOG" ]; then
        log "--- broker log (tail) ---"
        tail -n 30 "$BROKER_LOG"
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

start_broker() {
    STARTS=$((STARTS + 1))
    BROKER_LOG="$WORK/broker-$STARTS.log"
    "$BIN" broker --listen "127.0.0.1:$PORT" --home "$WORK/home" --partitions 2 --retention forever >"$BROKER_LOG" 2>&1 &
    BROKER_PID=$!
    for _ in $(seq 1 100); do
        grep -q "listening on 127.0.0.1:$PORT" "$BROKER_LOG" 2>/dev/null && return 0
        kill -0 "$BROKER_PID" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# check NAME COMMAND...: runs COMMAND (a function or program) with a time limit and counts the result.
check() {
    local name=$1
    shift
    local output
    if [ "$(type -t "$1")" = function ]; then
        export -f "$1"
        set -- bash -c '"$@"' _ "$@"
    fi
    if output=$(timeout 120 "$@" 2>&1); then
        PASSED=$((PASSED + 1))
        log "PASS $name"
        [ -n "${VERBOSE:-}" ] && printf '%s\n' "$output" | sed 's/^/    /'
    else
        FAILED=$((FAILED + 1))
        log "FAIL $name"
        printf '%s\n' "$output" | tail -n 20 | sed 's/^/    /'
    fi
    return 0
}

# --- setup -----------------------------------------------------------------
# kcat for the checks, and the -dev packages the broker links against (sqlite, zlib, zstd, lz4, snappy).
NEEDED="kcat pkg-config libsqlite3-dev zlib1g-dev libzstd-dev liblz4-dev libsnappy-dev"
MISSING=""
for package in $NEEDED; do
    dpkg -s "$package" >/dev/null 2>&1 || MISSING="$MISSING $package"
done
if [ -n "$MISSING" ] && [ "$(id -u)" = 0 ]; then
    timeout 600 apt-get update -qq >/dev/null && timeout 600 apt-get install -y -qq $MISSING >/dev/null
fi
if ! command -v kcat >/dev/null 2>&1; then
    log "kcat is not installed and cannot be installed here"
    log "0 passed, 1 failed"
    exit 1
fi
if ! "$VENV/bin/python" -c 'import confluent_kafka, kafka' >/dev/null 2>&1; then
    python3 -m venv "$VENV" && timeout 600 "$VENV/bin/pip" install -q confluent-kafka kafka-python >/dev/null
fi
PY="$VENV/bin/python"
CLIENTS="$HERE/interop_clients.py"

if [ -n "${BROOK_BIN:-}" ]; then
    BIN=$BROOK_BIN
else
    (cd "$PKG" && swift build --product brook >"$WORK/build.log" 2>&1) || {
        tail -n 30 "$WORK/build.log"
        log "0 passed, 1 failed"
        exit 1
    }
    BIN="$PKG/.build/debug/brook"
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
B="127.0.0.1:$PORT"
export B PORT PY CLIENTS WORK BIN

if ! start_broker; then
    cat "$BROKER_LOG"
    log "0 passed, 1 failed"
    exit 1
fi
log "broker pid $BROKER_PID on $B, home $WORK/home"

# --- kcat ------------------------------------------------------------------
kcat_metadata() {
    local out
    out=$(timeout 20 kcat -b "$B" -L) || return 1
    printf '%s\n' "$out"
    grep -q "broker 0 at 127.0.0.1:$PORT" <<<"$out"
}

kcat_roundtrip() {
    local expected actual
    expected=$(printf 'AAPL|{"symbol":"AAPL","close":194.72}\nMSFT|{"symbol":"MSFT","close":415.1}\nGOOG|{"symbol":"GOOG","close":175.3}\n')
    printf '%s\n' "$expected" | timeout 20 kcat -b "$B" -P -t kcat-bars -K '|' || return 1
    actual=$(timeout 20 kcat -b "$B" -C -t kcat-bars -e -q -f '%k|%s\n' | sort)
    printf 'got:\n%s\n' "$actual"
    [ "$actual" = "$(printf '%s\n' "$expected" | sort)" ]
}

# kcat_codec CODEC: 500 records produced compressed with CODEC all read back.
kcat_codec() {
    local codec=$1 topic="kcat-$1" count
    seq 1 500 | sed 's/.*/{"seq":&,"symbol":"NVDA"}/' | timeout 20 kcat -b "$B" -P -t "$topic" -z "$codec" || return 1
    count=$(timeout 20 kcat -b "$B" -C -t "$topic" -e -q | wc -l)
    echo "$codec count=$count"
    [ "$count" -eq 500 ]
}

kcat_query_offsets_by_time() {
    local early late
    early=$(timeout 20 kcat -b "$B" -Q -t market-bars:0:1717581780000) || return 1
    late=$(timeout 20 kcat -b "$B" -Q -t market-bars:0:4102444800000) || return 1
    printf '%s\n%s\n' "$early" "$late"
    grep -q "offset 0" <<<"$early" && grep -q "offset -1" <<<"$late"
}

kcat_group_resume() {
    local first second
    first=$(timeout 30 kcat -b "$B" -G kcat-group -X auto.offset.reset=earliest -e -q -f '%s\n' kcat-bars) || return 1
    printf 'AMZN|{"symbol":"AMZN","close":185.0}\n' | timeout 20 kcat -b "$B" -P -t kcat-bars -K '|' || return 1
    second=$(timeout 30 kcat -b "$B" -G kcat-group -X auto.offset.reset=earliest -e -q -f '%s\n' kcat-bars) || return 1
    printf 'first run:\n%s\nsecond run:\n%s\n' "$first" "$second"
    [ "$(printf '%s\n' "$first" | grep -c symbol)" -eq 3 ] && [ "$second" = '{"symbol":"AMZN","close":185.0}' ]
}

kcat_headers() {
    local actual
    printf '{"id":1}\n' | timeout 20 kcat -b "$B" -P -t kcat-headers -H source=alpaca -H trace=ab12 || return 1
    actual=$(timeout 20 kcat -b "$B" -C -t kcat-headers -e -q -f '%h|%s\n')
    printf 'got: %s\n' "$actual"
    [ "$actual" = 'source=alpaca,trace=ab12|{"id":1}' ]
}

kcat_count() {
    local topic=$1 expected=$2 count
    count=$(timeout 30 kcat -b "$B" -C -t "$topic" -e -q | wc -l)
    echo "count=$count expected=$expected"
    [ "$count" -eq "$expected" ]
}

check "kcat lists metadata advertising 127.0.0.1:$PORT as broker 0" kcat_metadata
check "kcat produces keyed records and consumes them back" kcat_roundtrip
check "kcat balanced consumer (-G) commits and a second run reads only the new record" kcat_group_resume
check "kcat record headers (-H) come back with their records" kcat_headers
for codec in gzip snappy lz4 zstd; do
    check "kcat $codec-compressed produce of 500 records reads back 500" kcat_codec "$codec"
done

# --- Python clients, consumer groups, restart ------------------------------
check "confluent-kafka admin creates market-bars with 2 partitions" \
    "$PY" "$CLIENTS" create-topic --bootstrap "$B" --topic market-bars --partitions 2
check "confluent-kafka idempotent gzip producer writes 60 JSON bars keyed by symbol" \
    "$PY" "$CLIENTS" produce-confluent --bootstrap "$B" --topic market-bars --start 0 --count 60 --compression gzip
check "kafka-python gzip producer writes 60 JSON bars keyed by symbol" \
    "$PY" "$CLIENTS" produce-kafka-python --bootstrap "$B" --topic market-bars --start 60 --count 60 --compression gzip
check "kcat finds offsets by producer timestamp (ListOffsets)" kcat_query_offsets_by_time

# `brook topic consume --follow` into a pipe: a record produced while it runs comes through at
# once, and its group commits only what reached the pipe (stopped with SIGTERM, nothing is lost).
topic_follow_through_pipe() {
    "$BIN" topic create follow-test --partitions 1 --home "$WORK/home" >/dev/null || return 1
    printf 'one\ntwo\n' | "$BIN" topic produce follow-test --home "$WORK/home" >/dev/null || return 1
    "$BIN" topic consume follow-test --follow --group followers --home "$WORK/home" >"$WORK/follow.out" &
    local consumer=$!
    sleep 1
    echo three | "$BIN" topic produce follow-test --home "$WORK/home" >/dev/null
    for _ in $(seq 1 50); do grep -q three "$WORK/follow.out" && break; sleep 0.1; done
    kill -TERM "$consumer"; wait "$consumer"
    cat "$WORK/follow.out"
    [ "$(grep -c -E 'one|two|three' "$WORK/follow.out")" -eq 3 ] || return 1
    echo four | "$BIN" topic produce follow-test --home "$WORK/home" >/dev/null
    "$BIN" topic consume follow-test --group followers --home "$WORK/home" >"$WORK/follow-again.out"
    cat "$WORK/follow-again.out"
    [ "$(grep -c -E 'one|two|three|four' "$WORK/follow-again.out")" -eq 1 ] && grep -q four "$WORK/follow-again.out"
}
check "brook topic consume --follow into a pipe shows records as they arrive and commits only what it wrote" topic_follow_through_pipe
check "confluent-kafka group of two reads all 120 bars and commits 120" \
    "$PY" "$CLIENTS" group-confluent --bootstrap "$B" --topic market-bars --group bars-confluent --expect 120 \
    --committed-total 120 --save "$WORK/confluent.json"
check "kafka-python group of two reads all 120 bars and commits 120" \
    "$PY" "$CLIENTS" group-kafka-python --bootstrap "$B" --topic market-bars --group bars-kafka-python --expect 120 \
    --committed-total 120 --save "$WORK/kafka-python.json"

stop_broker
if start_broker; then
    PASSED=$((PASSED + 1))
    log "PASS broker restarts on the same database and port"
else
    FAILED=$((FAILED + 1))
    log "FAIL broker restarts on the same database and port"
fi

check "records survive the restart (kcat reads 120)" kcat_count market-bars 120
check "confluent-kafka zstd producer appends 20 more after restart" \
    "$PY" "$CLIENTS" produce-confluent --bootstrap "$B" --topic market-bars --start 120 --count 20 --compression zstd
check "kafka-python producer appends 20 more after restart" \
    "$PY" "$CLIENTS" produce-kafka-python --bootstrap "$B" --topic market-bars --start 140 --count 20
check "confluent-kafka group resumes at its commits: reads only the 40 new bars" \
    "$PY" "$CLIENTS" group-confluent --bootstrap "$B" --topic market-bars --group bars-confluent --expect 40 \
    --committed-total 160 --after "$WORK/confluent.json"
check "kafka-python group resumes at its commits: reads only the 40 new bars" \
    "$PY" "$CLIENTS" group-kafka-python --bootstrap "$B" --topic market-bars --group bars-kafka-python --expect 40 \
    --committed-total 160 --after "$WORK/kafka-python.json"

# --- kill -9 while producing: nothing acknowledged is lost -------------------
# The producer writes each acknowledged number to acked.txt; the broker is killed mid-stream,
# restarted on the same home, and every acknowledged number must be in the topic.
"$PY" "$CLIENTS" produce-until-failure --bootstrap "$B" --topic crash-test --acked "$WORK/acked.txt" >"$WORK/crash-producer.log" 2>&1 &
PRODUCER_PID=$!
for _ in $(seq 1 200); do
    [ "$(wc -l <"$WORK/acked.txt" 2>/dev/null || echo 0)" -ge 3000 ] && break
    sleep 0.05
done
kill -KILL "$BROKER_PID"
wait "$BROKER_PID" 2>/dev/null
BROKER_PID=""
timeout 60 tail --pid="$PRODUCER_PID" -f /dev/null
wait "$PRODUCER_PID"
start_broker || log "broker did not restart after kill -9"

acknowledged_records_survive_kill() {
    cat "$WORK/crash-producer.log"
    timeout 30 kcat -b "$B" -C -t crash-test -e -q -f '%s\n' | sort >"$WORK/stored.txt"
    sort "$WORK/acked.txt" >"$WORK/acked-sorted.txt"
    local acked stored lost
    acked=$(wc -l <"$WORK/acked-sorted.txt")
    stored=$(wc -l <"$WORK/stored.txt")
    lost=$(comm -23 "$WORK/acked-sorted.txt" "$WORK/stored.txt" | wc -l)
    echo "acknowledged $acked, stored after restart $stored, acknowledged but lost $lost"
    [ "$acked" -ge 1000 ] && [ "$lost" -eq 0 ]
}
check "kill -9 of the broker while confluent-kafka produces (acks=all) loses no acknowledged record" \
    acknowledged_records_survive_kill

log "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
