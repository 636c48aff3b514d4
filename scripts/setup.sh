#!/usr/bin/env bash
# Installs the Debian (bookworm) packages linkscope needs to build and test. Idempotent: when
# everything is installed it only checks, quietly, in well under a second. Run as root (or
# with sudo available).
set -euo pipefail

packages=(
  build-essential cmake ninja-build git
  libboost-graph-dev libeigen3-dev rapidjson-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev libssl-dev
  pybind11-dev python3-dev
  python3-networkx python3-scipy python3-numpy python3-pandas python3-igraph
  python3-pytest python3-hypothesis python3-nbclient python3-nbformat python3-ipykernel
  python3-pil chromium
  libigraph-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "linkscope setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
