#!/usr/bin/env bash
# Installs everything Lodestone needs to build, test and benchmark on
# Debian 12 (bookworm), from Debian's own packages. Idempotent.
#   scripts/install-deps.sh          # as root, or with sudo available
set -euo pipefail

packages=(
  build-essential cmake pkg-config        # toolchain
  libxapian-dev xapian-tools              # full-text index (and delve/compact for inspection)
  libicu-dev                              # Unicode normalisation, word segmentation, charset detection
  libxml2-dev                             # HTML and XML readers
  libpoppler-cpp-dev                      # PDF reader: the text layer of papers and reports
  rapidjson-dev                           # JSON in and out
  libboost-graph-dev                      # knowledge graph (header-only parts)
  libcli11-dev                            # command-line parsing
  libxxhash-dev                           # content hashes for incremental ingest
  libgtest-dev                            # unit tests
  graphviz                                # lode render (dot draws SVG/PNG)
  recoll                                  # bench/: the recollindex and recollq comparisons
  xapian-omega                            # bench/: omindex + quest, the relevance comparison
  python3-igraph python3-networkx python3-scipy  # bench/: PageRank and BFS next to igraph and NetworkX
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: run as root or install sudo" >&2; exit 1
  fi
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
