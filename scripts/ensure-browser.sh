#!/usr/bin/env bash
# Browser tests drive Debian's Chromium: Playwright's own browser download is blocked here.
set -euo pipefail
browser="${SAFEPRACTICE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium at $browser: browser tests will skip." >&2
echo "Install one (Debian/Ubuntu: sudo apt-get install chromium) or set SAFEPRACTICE_CHROMIUM." >&2
