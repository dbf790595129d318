#!/usr/bin/env bash
# Makes images/icon.png (128×128, the Marketplace's size) from images/icon.svg with rsvg-convert (Debian: librsvg2-bin).
# Both files are committed; run this after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
rsvg-convert --width 128 --height 128 --format png --output images/icon.png images/icon.svg
