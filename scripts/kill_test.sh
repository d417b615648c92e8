#!/usr/bin/env bash
# Runs the kill -9 reliability test with more runs than `cargo test` does:
# each run answers cards with `distill grade --json` processes on a fresh
# database and sends SIGKILL to one of them at a seeded random moment.
#
# Usage: scripts/kill_test.sh [RUNS] [SEED]   (defaults: 100 runs, seed 1)
# Builds the debug binary and test with cargo; honors CARGO_TARGET_DIR.
set -euo pipefail

runs=${1:-100}
seed=${2:-1}
cd "$(dirname "$0")/.."
DISTILL_KILL_RUNS=$runs DISTILL_KILL_SEED=$seed \
    cargo test --test reliab_kill -- --nocapture 2>&1 | grep -E '^(kill test|test result)'
