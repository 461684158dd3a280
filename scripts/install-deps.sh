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
  libigraph-dev                           # Leiden/Louvain clustering of co-authorship and keyword networks
  libcli11-dev                            # command-line parsing
  libxxhash-dev                           # content hashes for incremental ingest
  libcurl4-openssl-dev ca-certificates    # lode fetch: HTTP, TLS and the CAs it verifies against
  libcpp-httplib-dev                      # lode serve: the HTTP server (built with OpenSSL, zlib, Brotli)
  openssl python3                         # fetch tests: a self-signed certificate, the replay server
  libgtest-dev                            # unit tests
  clang libclang-rt-14-dev                # fuzz/run.sh: libFuzzer harnesses with ASan + UBSan (issue 11)
  graphviz                                # lode render (dot draws SVG/PNG)
  recoll                                  # bench/: the recollindex and recollq comparisons
  xapian-omega                            # bench/: omindex + quest, the relevance comparison
  python3-igraph python3-networkx python3-scipy  # bench/: PageRank and BFS next to igraph and NetworkX
                                          #   (and web/tests: GraphML, GEXF and Pajek exports read back)
  nodejs                                  # web/: builds the web UI bundle (npm ci, vite); runs the browser tests
  chromium                                # web/tests: the browser the tests drive (playwright-core, headless)
  fonts-noto-cjk                          # web/tests: Chinese text in the browser and its screenshots
  bibutils                                # web/tests: BibTeX and RIS exports read back (bib2xml, ris2xml)
  cmark-gfm                               # tests/realcorpus: the dossier's Markdown rendered by GitHub's CommonMark
)
# Debian splits npm from nodejs; Node.js from another apt source (NodeSource) bundles npm and
# conflicts with Debian's npm package, so npm is asked for only when no npm is there.
command -v npm >/dev/null 2>&1 || packages+=(npm)

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
