#!/bin/sh
# Seed corpora for the fuzz targets: fuzz/seeds.sh SHARED_DIR OUT_DIR
set -eu
shared=$1; out=$2
mkdir -p "$out/text" "$out/pdf" "$out/docx"
cp "$shared/seed/"*.txt "$out/text/"
for d in "$shared"/corpus/*/; do
  [ -f "$d/text.txt" ] && cp "$d/text.txt" "$out/text/$(basename "$d").txt"
done
here=$(dirname "$0")
cp "$here/../tests/pdf/fixtures/"*.pdf "$out/pdf/"
for f in "$shared"/corpus/003/*.pdf; do cp "$f" "$out/pdf/corpus003.pdf"; done
cp "$here/../tests/pdf/fixtures/merged.docx" "$here/../tests/pdf/fixtures/seed.docx" "$out/docx/"
