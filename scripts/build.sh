#!/usr/bin/env bash
# Configures and builds Lodestone into build/ (Release with debug info), and the web UI into
# build/web when Node.js and npm are there (the install step, npm ci, runs here when web/
# node_modules is missing or older than the lockfile; LODE_SKIP_WEB=1 skips the web UI).
#   scripts/build.sh [extra cmake arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
web=ON
if [ "${LODE_SKIP_WEB:-0}" = 1 ]; then
  web=OFF
elif command -v npm >/dev/null 2>&1; then
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
# LODE_CORPUS=/path/to/corpus points the real-corpus tests and benchmarks at a corpus that is not
# at ../shared/corpus (a clone elsewhere); cmake remembers it in build/CMakeCache.txt.
corpus=()
[ -z "${LODE_CORPUS:-}" ] || corpus=(-DLODE_CORPUS="$(cd "$LODE_CORPUS" && pwd)")
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLODE_BUILD_WEB="$web" "${corpus[@]}" "$@" >/dev/null
cmake --build build -j"$(nproc)"
