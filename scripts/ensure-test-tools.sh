#!/usr/bin/env bash
# The browser and document tests need Debian's Chromium, LibreOffice Writer and poppler. Installs
# whatever is missing (needs root and the Debian package mirror); does nothing when all are there.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu)
# The protokoll is set in Arial; Liberation Sans has Arial's metrics, so LibreOffice breaks lines as Word does.
fc-list 2>/dev/null | grep -qi 'Liberation Sans' || missing+=(fonts-liberation2)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Saknas för testerna: ${missing[*]} (installera med apt-get som root)" >&2
  exit 1
fi
echo "Installerar testverktyg: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
