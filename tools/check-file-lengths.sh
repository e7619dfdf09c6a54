#!/usr/bin/env bash
# Part of `npm run lint`: no source file over 250 lines, so every file can be read in one
# sitting. Generated files are exempt (they are not read, they are regenerated).
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=250
GENERATED='^(lib/adapty/openapi-schema\.d\.ts|next-env\.d\.ts)$'
long=$(git ls-files -co --exclude-standard -- '*.ts' '*.tsx' '*.mts' '*.js' '*.cjs' '*.mjs' '*.sh' \
  | grep -Ev "$GENERATED" | while read -r file; do
    [ -f "$file" ] || continue
    lines=$(wc -l <"$file")
    [ "$lines" -gt "$LIMIT" ] && echo "  $file: $lines lines"
  done || true)
if [ -n "$long" ]; then
  echo "Files over $LIMIT lines (split them by what they do):"
  echo "$long"
  exit 1
fi
