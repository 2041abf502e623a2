#!/usr/bin/env bash
# Prints accuracy and macro-F1 of the vader and finance models on labelled files.
#
# Usage: scripts/sentiment/evaluate.sh [FILE.tsv ...]
#   Files are `text<TAB>label` with a header line and backslash-escaped text (the layout of
#   Financial PhraseBank's fpb_75agree.tsv). Without arguments: Brook's own held-out headlines,
#   plus ../shared/eval/fpb_75agree.tsv (beside the repository) when it exists (evaluation only; never copy it in).
# Environment: SWIFT_TEST_FLAGS, e.g. "-j 1 --scratch-path .build-x".
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    files=("$ROOT/Tests/BrookSentimentTests/Fixtures/finance_heldout.tsv"
           "$ROOT/Tests/BrookSentimentTests/Fixtures/finance_heldout_fresh.tsv")
    [ -f "$ROOT/../shared/eval/fpb_75agree.tsv" ] && files+=("$ROOT/../shared/eval/fpb_75agree.tsv")
fi

cd "$ROOT"
for file in "${files[@]}"; do
    # shellcheck disable=SC2086
    BROOK_SENTIMENT_EVAL_FILE=$(cd "$(dirname "$file")" && pwd)/$(basename "$file") \
        swift test ${SWIFT_TEST_FLAGS:-} --filter EvaluationReportTests 2>&1 \
        | grep -E '^(evaluation file|vader|finance|    actual)|error|failed' || true
done
