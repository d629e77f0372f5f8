#!/usr/bin/env bash
# Debian packages the tests and benchmarks use: espeak-ng and sox make real speech, and
# chromium is the browser the dashboard test drives (Playwright cannot download its own).
set -euo pipefail
missing=()
for tool in espeak-ng sox chromium; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq espeak-ng sox libsox-fmt-all \
    chromium >/dev/null
fi
