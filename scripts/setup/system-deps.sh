#!/usr/bin/env bash
# Installs the system packages the test suite needs (LibreOffice, for OOXML round-trip tests), once.
# Runs before `npm test`; it does nothing when everything is already there.
set -euo pipefail

needed=()
command -v soffice >/dev/null 2>&1 || needed+=(libreoffice-writer libreoffice-calc libreoffice-impress)

if [ ${#needed[@]} -eq 0 ]; then
  exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "lamgym: missing system packages: ${needed[*]} (install them with apt-get as root)" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "lamgym: missing system packages: ${needed[*]} and no apt-get to install them with" >&2
  exit 1
fi
echo "lamgym: installing system packages: ${needed[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${needed[@]}" fonts-dejavu-core >/dev/null
