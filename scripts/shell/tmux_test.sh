#!/usr/bin/env bash
# Drives `brook sql` in a real terminal (tmux) as a person would: create a table over the sample
# data, SELECT into the table view, page forward, back and to the end, open a row, search, quit;
# a typo shows its caret; Ctrl-C cancels a running query; Ctrl-D exits. Prints "N passed, N failed".
# Env: BROOK_BIN (a built brook). Installs tmux with apt-get when missing.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${BROOK_BIN:-$ROOT/.build/debug/brook}
command -v tmux >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/brook-shell-test.XXXXXX")
SESSION="brook-shell-$$"
PASSED=0
FAILED=0
cleanup() { tmux kill-session -t "$SESSION" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
cp -r "$ROOT/examples" "$WORK/"

screen() { tmux capture-pane -p -t "$SESSION"; }
# expect NAME TEXT: waits up to 60 s for TEXT to appear on the screen.
expect_screen() {
    local name=$1 text=$2
    for _ in $(seq 1 600); do
        if screen | grep -qF -- "$text"; then PASSED=$((PASSED + 1)); echo "PASS $name"; return 0; fi
        sleep 0.1
    done
    FAILED=$((FAILED + 1)); echo "FAIL $name (no '$text' on screen)"; screen | sed 's/^/    | /'
    return 1
}
# tmux reads a trailing ';' as a command separator, so the statement's ';' is sent escaped.
# expect_gone NAME TEXT: waits up to 60 s for TEXT to leave the screen.
expect_gone() {
    local name=$1 text=$2
    for _ in $(seq 1 600); do
        if ! screen | grep -qF -- "$text"; then PASSED=$((PASSED + 1)); echo "PASS $name"; return 0; fi
        sleep 0.1
    done
    FAILED=$((FAILED + 1)); echo "FAIL $name ('$text' still on screen)"
    return 1
}
type_line() { tmux send-keys -t "$SESSION" -l "${1%;}"; tmux send-keys -t "$SESSION" '\;' Enter; }
key() { tmux send-keys -t "$SESSION" "$@"; }

tmux new-session -d -s "$SESSION" -x 120 -y 30 "cd '$WORK' && '$BIN' sql --home '$WORK/home'; sleep 5"
expect_screen "the shell starts with a prompt" "Brook SQL>"
type_line "CREATE TABLE prices (symbol STRING, \`close\` DOUBLE, \`timestamp\` BIGINT) WITH ('connector' = 'filesystem', 'path' = 'examples/data/stock-prices.jsonl', 'format' = 'json');"
expect_screen "CREATE TABLE succeeds" "Table 'prices' has been created."
type_line "SELECT symbol, \`close\`, \`timestamp\` FROM prices;"
expect_screen "SELECT opens the table view" "SQL Query Result (Table)"
expect_screen "the status line pages the whole result" "Rows: 5850"
expect_screen "the first page is page 1" "Page: 1 of"
key n
expect_screen "N goes to the next page" "Page: 2 of"
key p
expect_screen "P goes back" "Page: 1 of"
key L
expect_screen "L goes to the last page" "Page: 244 of 244"
key g; tmux send-keys -t "$SESSION" -l "3"; key Enter
expect_screen "G goes to a page by number" "Page: 3 of 244"
key o; tmux send-keys -t "$SESSION" -l "1"; key Enter
expect_screen "O opens a row with all its columns" "Row 1 of 5850"
expect_screen "the opened row shows its values" "symbol    : AAPL"
key x
key /; tmux send-keys -t "$SESSION" -l "NVDA"; key Enter
expect_screen "/ searches the result" "'NVDA' found in row"
key q
expect_gone "Q returns to the prompt" "SQL Query Result (Table)"
type_line "SELECT clsoe FROM prices;"
expect_screen "a typo is reported with its place" "unknown column 'clsoe' (did you mean 'close'?)"
expect_screen "the caret sits under the typo" "         ^~~~~"
type_line "SET 'sql-client.execution.result-mode' = 'changelog';"
type_line "CREATE TABLE ticks (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '100000');"
type_line "SELECT n FROM ticks;"
expect_screen "an unbounded query streams its changes" "+I | 3"
key C-c
expect_screen "Ctrl-C cancels the query and keeps the shell" "Query cancelled."
type_line "SHOW JOBS;"
expect_screen "the shell still answers after Ctrl-C" "job id"
type_line "SET 'sql-client.execution.result-mode' = 'table';"
type_line "CREATE TABLE million (n BIGINT, s STRING) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '1000000', 'fields.s.length' = '40');"
type_line "SELECT n, s FROM million;"
expect_screen "a million-row result fills the table view" "Rows: 1000000"
expect_screen "the million-row query finishes" "finished"
key L
expect_screen "the last page of a million rows" "Page: 41667 of 41667"
PID=$(pgrep -f "sql --home $WORK/home" | head -1)
PEAK_KB=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0)
if [ "${PEAK_KB:-0}" -gt 0 ] && [ "$PEAK_KB" -lt 204800 ]; then
    PASSED=$((PASSED + 1)); echo "PASS paging a million rows keeps the shell under 200 MiB (peak $((PEAK_KB / 1024)) MiB)"
else
    FAILED=$((FAILED + 1)); echo "FAIL paging a million rows: peak resident ${PEAK_KB} KiB (bound 200 MiB)"
fi
key q
expect_gone "Q leaves the million-row view" "SQL Query Result (Table)"
# Ctrl-D typed before the line editor is back in raw mode would be the tty's end-of-file, not a key.
sleep 1
key C-d
expect_screen "Ctrl-D exits" "Bye."

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
