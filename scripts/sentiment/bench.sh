#!/usr/bin/env bash
# Measures headlines per second per core for the vader and finance models in a release build.
#
# Usage: scripts/sentiment/bench.sh [SECONDS]   (default 3 seconds per model and corpus)
# Environment: SWIFT_TEST_FLAGS, e.g. "-j 1 --scratch-path .build-x".
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
# shellcheck disable=SC2086
BROOK_SENTIMENT_BENCH=${1:-3} swift test -c release ${SWIFT_TEST_FLAGS:-} --filter BenchmarkReportTests 2>&1 \
    | grep -E 'headlines/s|error|failed' || true
