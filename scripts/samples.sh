#!/usr/bin/env bash
# Quick start, part 1: processes the bundled samples (Samples/) into Archive/.
# The samples are read, never moved, so this can run any number of times.
# SCRIPTORIUM_CONFIGURATION=debug uses a debug build (faster to build, slower to run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
configuration="${SCRIPTORIUM_CONFIGURATION:-release}"
swift build -c "$configuration" --product scriptorium
status=0
".build/$configuration/scriptorium" ingest --archive Archive Samples/*.txt || status=$?
echo "TEI files: Archive/tei/ — catalog: Archive/catalog.json — reports: Archive/reports/" >&2
exit $status
