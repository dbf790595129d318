#!/usr/bin/env bash
# Installs code-server (VS Code 1.96.4 in a browser) from the npm registry into DEST, on a machine that
# reaches only the npm registry and Debian's packages. code-server's own postinstall fetches from GitHub
# three times; each fetch is replaced here: git dependency -> registry tarball, @vscode/ripgrep -> Debian's
# rg, native modules -> built locally with node-gyp against Node's installed headers.
# usage: scripts/install-code-server.sh DEST   (root, for apt)
set -euo pipefail
DEST=$(realpath -m "${1:-.cache/code-server}"); VER=${CODE_SERVER_VERSION:-4.96.4}
export DEBIAN_FRONTEND=noninteractive npm_config_nodedir=/usr
if ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends libkrb5-dev ripgrep >/dev/null
fi
mkdir -p "$DEST"; cd "$DEST"
[ -f package.json ] || echo '{"private":true}' > package.json
npm install --ignore-scripts --no-audit --no-fund "code-server@$VER"
npm rebuild argon2
VS=$DEST/node_modules/code-server/lib/vscode
REGISTRY=$(npm config get registry); REGISTRY=${REGISTRY%/}
node -e '
  const fs = require("fs"), f = process.argv[1], reg = process.argv[2], j = JSON.parse(fs.readFileSync(f, "utf8"));
  for (const [k, v] of Object.entries(j.packages || {})) if (/^git/.test(v.resolved || "")) {
    const name = k.replace(/^.*node_modules\//, "");
    v.resolved = `${reg}/${name}/-/${name.split("/").pop()}-${v.version}.tgz`;
  }
  fs.writeFileSync(f, JSON.stringify(j, null, 2));' "$VS/npm-shrinkwrap.json" "$REGISTRY"
cd "$VS"
npm install --omit=dev --ignore-scripts --no-audit --no-fund
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --no-audit --no-fund)
# --version writes a default config and its logs: keep them inside DEST, not in the real HOME
HOME="$DEST/.home" XDG_CONFIG_HOME="$DEST/.home/.config" XDG_DATA_HOME="$DEST/.home/.local/share" \
  "$DEST/node_modules/.bin/code-server" --version
touch "$DEST/.installed"
