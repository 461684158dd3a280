#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to passing tests:
# installs the packages, builds, and runs every test (unit, CLI end to end,
# and the real-corpus suite, which reads ../shared/corpus in place).
#   scripts/test.sh
#   LODE_CORPUS=/path/to/shared/corpus scripts/test.sh   # a clone that is not beside ../shared
set -euo pipefail
cd "$(dirname "$0")/.."
# The real-corpus tests need the corpus; say so now rather than after a 13-minute run. A build
# folder configured before keeps the location cmake was given then.
corpus="${LODE_CORPUS:-}"
if [ -z "$corpus" ] && [ -f build/CMakeCache.txt ]; then
  corpus=$(sed -n 's/^LODE_CORPUS:PATH=//p' build/CMakeCache.txt)
fi
corpus="${corpus:-../shared/corpus}"
if [ ! -d "$corpus" ]; then
  echo "test.sh: the real corpus is not at $corpus; the real-corpus tests read it in place." >&2
  echo "  Run with LODE_CORPUS=/path/to/shared/corpus scripts/test.sh" >&2
  exit 2
fi
export LODE_CORPUS="$corpus"
[ "${LODE_SKIP_INSTALL:-0}" = 1 ] || scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure
