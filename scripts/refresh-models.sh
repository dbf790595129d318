#!/usr/bin/env bash
# Refreshes the project's copy of the service models from ../shared/models (or DIR), then regenerates.
# The project keeps its own copy so that a clone builds and tests without ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${1:-../shared/models}
for f in customer-profiles-2020-08-15.json appflow-2020-08-23.json LICENSE NOTICE; do cp "$SRC/$f" schemas/models/; done
node scripts/generate.mjs
