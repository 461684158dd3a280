#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to passing tests:
# installs the packages, builds, and runs every test (unit, CLI end to end,
# and the real-corpus suite, which reads ../shared/corpus in place).
#   scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${LODE_SKIP_INSTALL:-0}" = 1 ] || scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure
