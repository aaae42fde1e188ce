#!/usr/bin/env bash
# Installs the Debian packages Briefing Search needs, if any are missing.
set -euo pipefail
packages=(build-essential cmake pkg-config libxapian-dev xapian-tools libboost-program-options-dev
          catch2 libicu-dev nlohmann-json3-dev libfmt-dev libgumbo-dev libpoppler-cpp-dev help2man)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
