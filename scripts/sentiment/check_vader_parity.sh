#!/usr/bin/env bash
# Regenerates the VADER parity corpus with NLTK and checks BrookSentiment's scores against it.
#
# Usage: scripts/sentiment/check_vader_parity.sh [--count N --seed S]
#   With no arguments the regenerated corpus must equal the committed fixture
#   (Tests/BrookSentimentTests/Fixtures/vader_nltk_parity.tsv); a difference means NLTK's scores
#   or the generator changed. Extra arguments go to make_vader_corpus.py for a larger or
#   differently seeded corpus, which is checked without comparing to the fixture.
# Environment: VENV (default .venv) for NLTK; SWIFT_TEST_FLAGS, e.g. "-j 1 --scratch-path .build-x".
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=${VENV:-$ROOT/.venv}
FIXTURE=$ROOT/Tests/BrookSentimentTests/Fixtures/vader_nltk_parity.tsv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -c "import nltk" 2>/dev/null || "$VENV/bin/pip" install --quiet nltk

# NLTK loads the lexicon from sentiment/vader_lexicon.zip/vader_lexicon/ under NLTK_DATA;
# build that from the copy the Swift module ships so both sides read the same file.
mkdir -p "$WORK/vader_lexicon" "$WORK/nltk_data/sentiment"
cp "$ROOT/Sources/BrookSentiment/Resources/vader_lexicon.txt" "$WORK/vader_lexicon/"
(cd "$WORK" && "$VENV/bin/python" -m zipfile -c nltk_data/sentiment/vader_lexicon.zip vader_lexicon/)

NLTK_DATA="$WORK/nltk_data" "$VENV/bin/python" "$ROOT/scripts/sentiment/make_vader_corpus.py" --out "$WORK/parity.tsv" "$@"

stale=0
if [ $# -eq 0 ] && ! cmp -s "$WORK/parity.tsv" "$FIXTURE"; then
    echo "The committed fixture differs from NLTK's current scores:"
    diff "$FIXTURE" "$WORK/parity.tsv" | head -20 || true
    stale=1
fi

cd "$ROOT"
# shellcheck disable=SC2086
BROOK_VADER_PARITY_FILE="$WORK/parity.tsv" swift test ${SWIFT_TEST_FLAGS:-} --filter VaderParityTests
exit $stale
