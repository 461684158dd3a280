#!/bin/sh
# Whether two lode binaries answer the same searches byte for byte (snippets
# included): `search Q --limit 10 --offset 0|10 --json` for each query below,
# on one index. Used to show that a snippet change keeps its output
# (bench/README.md, issue 12).
#   bench/search_json_compare.sh OLD_LODE NEW_LODE INDEX
set -u
old=$1 new=$2 idx=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 same=0 snippets=0
while IFS= read -r q; do
  for off in 0 10; do
    "$old" search "$q" --limit 10 --offset $off --index "$idx" --json > "$tmp/a" 2>&1
    "$new" search "$q" --limit 10 --offset $off --index "$idx" --json > "$tmp/b" 2>&1
    n=$((n + 1))
    snippets=$((snippets + $(grep -o '"snippet"' "$tmp/a" | wc -l)))
    if cmp -s "$tmp/a" "$tmp/b"; then same=$((same + 1)); else echo "differs: $q (offset $off)"; fi
  done
done <<'QUERIES'
critical minerals
lithium OR cobalt
"rare earth"
supply chain resilience
export controls china
national emergency
semiconductors
tariffs steel
stockpile
battery
graphite
title:sanctions
strateg*
"Secretary of the Interior"
defense production act
U.S.
policies
稀土
出口管制
mining permits
kind:executive_order cobalt
"national defense"
year:2017..2021 mineral
gallium germanium
possibility of mining
China's minerals
QUERIES
echo "$same of $n answers identical ($snippets snippets in the old answers)"
[ "$same" -eq "$n" ]
