#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the main job: installs the
# packages, builds, ingests the bundled demo corpus (corpus/demo) into
# build/demo-index, and runs a few real queries.
#   scripts/demo.sh [more folders to ingest, e.g. ../shared/corpus]
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${LODE_SKIP_INSTALL:-0}" = 1 ] || scripts/install-deps.sh
scripts/build.sh
lode=build/query/lode
export LODE_INDEX=build/demo-index
rm -rf "$LODE_INDEX"

run() { printf '\n$ lode %s\n' "$*"; "$lode" "$@"; }
run ingest corpus/demo "$@"
run stats
run search '"critical minerals" kind:executive_order' --limit 5 --facets
run search 'lithium OR cobalt date:2020-01-01..2022-12-31' --limit 3
run search 'gallium germanium' --limit 3
run search 稀土 --limit 3
run search 'lithum' --limit 3
run search 'mineral:gallium' --limit 3 --facets
run search 'cites:usc:50/4533' --limit 3
run show eo:14241 --no-text
run entity 'rare earths' --limit 5
run search 'platinum group' --limit 1 --json
# The knowledge graph built from the same index.
run trace gallium --limit 4
run trace neodymium --as-of 2021-12-31 --kind executive_order --limit 3
run cites eo:14017
run cited-by eo:13603
run rank --type eo --limit 5
run path mineral:gallium eo:13817
run cooccur gallium --type country --limit 5
run timeline --type executive_order --limit 0
run timeline concept:critical-minerals --by president --limit 2
run export --format gexf -o build/demo-graph.gexf
run render eo:13603 -o build/demo-eo13603.svg

# The question the tool is for, as one answer (issue 16): the U.S. by administration, China,
# the timeline chart (build/demo-gallium.svg beside the Markdown) and the literature.
run dossier gallium -o build/demo-gallium.md
run dossier gallium --format html -o build/demo-gallium.html
# (awk, not sed | head: with pipefail, head closing the pipe early would end the script)
awk '/^## 2\./ { on = 1 } /^## 4\./ { on = 0 } on && shown++ < 40' build/demo-gallium.md

# The API and the web UI on the same index, from one process (lode serve).
printf '\nServe it (API and web UI; loopback only, Ctrl-C stops):\n'
printf '  %s serve --index %s --listen 127.0.0.1:8080\n' "$lode" "$LODE_INDEX"
if [ -f build/web/index.html ]; then
  printf '  then open http://127.0.0.1:8080/search?q=lithium\n'
else
  printf '  (no web UI built: Node.js was missing; the API still answers)\n'
fi
printf '  and for scripts: curl '"'"'http://127.0.0.1:8080/api/search?q=lithium&limit=3'"'"'\n'
