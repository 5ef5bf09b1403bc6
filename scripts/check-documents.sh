#!/usr/bin/env bash
# Renders the four localities' sample reports as .docx and .html, converts every .docx to PDF with LibreOffice and
# loads every .html in headless Chromium. Fails when a conversion gives no PDF (or a PDF without pages), or when a page
# logs anything to the console (a blocked load, a script error) or does not load to its end. Each program that is not
# installed is skipped with a message, so that the script runs anywhere; CI machines with LibreOffice and Chromium run
# the whole check.
#
#   scripts/check-documents.sh [OUTPUT_FOLDER]     # keeps the files there (default: a temporary folder)
#   PNG=1 scripts/check-documents.sh out           # also writes PNG pages (pdftoppm -r 60) and HTML screenshots to look at
set -euo pipefail
soffice="$(command -v soffice || command -v libreoffice || true)"
chromium="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$soffice" && -z "$chromium" ]]; then
  echo "check-documents: skipped: neither LibreOffice (soffice) nor Chromium is installed"
  exit 0
fi

root="$(cd "${0%/*}/.." && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
localities=(can-tho quang-ninh tay-ninh hai-phong)

echo "check-documents: building the command line"
dotnet build "$root/src/Targets.Cli" -c Release -nologo -v quiet >/dev/null
cli=(dotnet "$root/src/Targets.Cli/bin/Release/net10.0/targets.dll")
for locality in "${localities[@]}"; do
  "${cli[@]}" assess --locality "$locality" --format docx --output "$out/$locality.docx"
  "${cli[@]}" assess --locality "$locality" --format html --output "$out/$locality.html"
done

failures=0
fail() { echo "check-documents: FAIL: $*"; failures=$((failures + 1)); }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

if [[ -n "$soffice" ]]; then
  for locality in "${localities[@]}"; do
    rm -f "$out/$locality.pdf"
    # A private profile: a LibreOffice already running for the user would otherwise take the job and return at once.
    timeout 180 "$soffice" -env:UserInstallation="file://$profile/libreoffice" --headless --convert-to pdf --outdir "$out" "$out/$locality.docx" >/dev/null 2>&1 \
      || fail "$locality.docx: LibreOffice did not convert it"
    if [[ ! -s "$out/$locality.pdf" ]]; then
      fail "$locality.docx: no PDF"
      continue
    fi
    if command -v pdfinfo >/dev/null; then
      pages="$(pdfinfo "$out/$locality.pdf" | awk '/^Pages:/ { print $2 }')"
      [[ "${pages:-0}" -ge 1 ]] || fail "$locality.pdf: no pages"
      echo "check-documents: $locality.docx -> PDF, $pages pages"
    fi
    if [[ "${PNG:-}" == 1 ]] && command -v pdftoppm >/dev/null; then
      pdftoppm -png -r 60 "$out/$locality.pdf" "$out/$locality-docx"
    fi
  done
else
  echo "check-documents: skipped the .docx conversion: LibreOffice (soffice) is not installed"
fi

if [[ -n "$chromium" ]]; then
  flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
         --disable-component-update --disable-sync --enable-logging=stderr --v=0)
  for locality in "${localities[@]}"; do
    page="file://$out/$locality.html"
    log="$out/$locality.chromium.log"
    timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$profile/chromium" --dump-dom "$page" >"$out/$locality.dom.html" 2>"$log" \
      || fail "$locality.html: Chromium did not load it"
    if grep -q ':CONSOLE' "$log"; then
      fail "$locality.html: console messages:"
      grep ':CONSOLE' "$log" | sed 's/^/    /'
    fi
    grep -q '</main>' "$out/$locality.dom.html" || fail "$locality.html: the page did not load to its end"
    echo "check-documents: $locality.html loaded, no console message"
    if [[ "${PNG:-}" == 1 ]]; then
      timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$profile/chromium" --window-size=1240,1754 --screenshot="$out/$locality-html.png" "$page" >/dev/null 2>&1 || true
      timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$profile/chromium" --no-pdf-header-footer --print-to-pdf="$out/$locality-html.pdf" "$page" >/dev/null 2>&1 || true
    fi
  done
else
  echo "check-documents: skipped loading the .html pages: Chromium is not installed"
fi

if [[ $failures -gt 0 ]]; then
  echo "check-documents: $failures failure(s); files in $out"
  exit 1
fi
echo "check-documents: all documents convert and load; files in $out"
