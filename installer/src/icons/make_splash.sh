#!/usr/bin/env bash
# Makes the splash screen the JVM shows before any class loads (app/src/main/resources/splash.png):
# the app's dark theme (styles/dark.css), its icon, its name and what it is doing. Needs ImageMagick.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../../app/src/main/resources/splash.png"
mkdir -p "$(dirname "$out")"
convert -size 520x200 xc:'#0d1117' \
  -fill none -stroke '#30363d' -strokewidth 2 -draw 'rectangle 1,1 518,198' \
  -stroke none -fill '#2f81f7' -draw 'rectangle 2,2 517,7' \
  \( "$here/activity-tracker.png" -resize 72x72 \) -geometry +36+56 -composite \
  -font DejaVu-Sans-Bold -pointsize 30 -fill '#e6edf3' -annotate +130+96 'Activity Tracker' \
  -font DejaVu-Sans -pointsize 17 -fill '#8b949e' -annotate +131+130 'Starting Kafka and the console…' \
  -strip -define png:compression-level=9 "$out"
echo "wrote $out"
