#!/usr/bin/env bash
# Quick start, part 2: builds everything and runs the whole test suite (Swift Testing).
# The CLI tests run the `scriptorium` executable of the same build, so it is built first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
swift build --build-tests --explicit-target-dependency-import-check error  # the module graph is the architecture
swift test --skip-build --disable-xctest "$@"
