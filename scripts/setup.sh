#!/usr/bin/env bash
# Installs what the real-editor tests and the demo need, once: Debian's Chromium, Neovim, ripgrep, the AWS CLI,
# pre-commit (test/cli/precommit.test.ts) and code-server's build needs (as root, with apt-get), and code-server into
# .cache/code-server (npm registry only).
# Runs before `npm run test:e2e` (so within `npm test`) and `npm start`; does nothing when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
packages=(chromium neovim libkrb5-dev ripgrep awscli xvfb pre-commit)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done  # no dpkg: all missing
if ((${#missing[@]})); then
  # without root or apt the unit suites still run; the real-editor suites and the AWS CLI comparison then say
  # what they lack
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "setup: skipped: missing ${missing[*]}; install them (as root: apt-get install ${missing[*]}) for the real-editor suites" >&2
    exit 0
  fi
  echo "setup: installing ${missing[*]} (apt-get)"
  compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null || apt-get update -qq
  # stale lists name versions the mirror no longer has: refresh once and retry
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi
if [ ! -f .cache/code-server/.installed ] && [ -z "${CODE_SERVER:-}" ]; then
  echo "setup: installing code-server 4.96.4 into .cache/code-server (about a minute; log in .cache/install-code-server.log)"
  mkdir -p .cache
  scripts/install-code-server.sh .cache/code-server >.cache/install-code-server.log 2>&1 \
    || { tail -80 .cache/install-code-server.log; echo "setup: code-server install failed (log: .cache/install-code-server.log)" >&2; exit 1; }
fi
