#!/usr/bin/env bash
# Installs the Debian packages capuy uses, only those missing. Needs root (or sudo) the first time.
set -euo pipefail
pkgs=(
  libreoffice-writer-nogui   # DOCX -> PDF (capuy render --pdf)
  fonts-liberation2          # Times New Roman metrics with every Vietnamese letter (not fonts-liberation 1.x)
  python3-uno                # PdfConverter: one LibreOffice reused over a UNO socket (/usr/bin/python3)
  poppler-utils              # pdftotext / pdftoppm in tests
  hunspell-vi                # Vietnamese dictionary for the spelling checker
  tesseract-ocr              # OCR of scanned PDFs and page images (capuy.read.ocr)
  tesseract-ocr-vie          # its Vietnamese model
  tesseract-ocr-osd          # its page-orientation model (pages scanned sideways)
  chromium                   # browser tests through Playwright
  postgresql                 # the suite also runs against a throwaway PostgreSQL cluster
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Cài đặt gói hệ thống / installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
