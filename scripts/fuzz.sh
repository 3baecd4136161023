#!/usr/bin/env bash
# A bounded libFuzzer run over the whole pipeline and the TEI writer (default 60 seconds).
# Findings (crash-*, timeout-*, oom-*) land in .build-fuzz/findings/; replay one with
#   swift build --product FuzzPipeline && .build/debug/FuzzPipeline .build-fuzz/findings/crash-…
# and turn it into a regression test in Tests/PropertyTests.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scripts/ensure-deps.sh
# A debug build: it compiles in half the time, and a minute of fuzzing needs no optimiser.
swift build --scratch-path .build-fuzz --product FuzzPipeline \
  -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p .build-fuzz/corpus .build-fuzz/findings
# The seeds in Fuzz/corpus stay untouched; new inputs go to .build-fuzz/corpus.
LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp" SCRIPTORIUM_HOME="$PWD" .build-fuzz/debug/FuzzPipeline .build-fuzz/corpus Fuzz/corpus \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix=.build-fuzz/findings/ -print_final_stats=1
