#!/usr/bin/env bash
# System parts the test suite drives for real: Debian's Chromium (browser tests, with the
# `playwright` Python package; no browser download), poppler's pdftoppm (PDF pages to PNG),
# and axe-core from npm (accessibility checks injected into pages).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then apt=(apt-get); elif command -v sudo >/dev/null; then apt=(sudo apt-get); else
    echo "Missing ${missing[*]}; install them (apt-get install ${missing[*]}) to run browser and PDF tests." >&2
    exit 0
  fi
  echo "Installing ${missing[*]} from Debian..." >&2
  "${apt[@]}" update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  echo "Installing axe-core from npm..." >&2
  npm ci --silent --no-audit --no-fund >/dev/null
fi
