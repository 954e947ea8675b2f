#!/usr/bin/env bash
# Installs the Debian 12 packages Chancery builds, tests and runs with.
# Idempotent: asks apt only for what is missing. Run as root (or with sudo available).
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libxapian-dev xapian-tools          # the search engine
  libicu-dev                          # normalisation, word breaks, transliteration
  libcld2-dev                         # language identification
  libboost-program-options-dev        # the CLI's options
  nlohmann-json3-dev zlib1g-dev       # JSON Lines, gzip corpora
  libgtest-dev libgmock-dev           # tests
  libbenchmark-dev                    # micro benchmarks
  mueller7-dict                       # English-Russian dictionary for cross-language search
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  echo "setup: all packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
