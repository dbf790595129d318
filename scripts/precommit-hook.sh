#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml, language: script): runs `cpworkflow validate -- FILES` from the hook's
# own checkout, so the hook needs nothing installed but Node 20. The first run in a fresh checkout builds the CLI there
# (npm ci --ignore-scripts, then esbuild: dist/ is not in git) and says so on stderr; later runs start at once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$here/dist/cli.js"
if [ ! -f "$cli" ]; then
  echo "cpworkflow: building the CLI in $here (first run of this hook)" >&2
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2 && node esbuild.mjs --production >&2)
fi
exec node "$cli" validate -- "$@"
