#!/usr/bin/env bash
# Prepare this machine and the project's virtual environment.
#   scripts/setup.sh run   – what the app needs
#   scripts/setup.sh test  – plus what the tests need
# Idempotent and quick when nothing changed. On Debian/Ubuntu it installs the
# few system packages itself (as root, or through passwordless sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

say() { printf '[setup] %s\n' "$*" >&2; }

pick_python() {
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "Cần Python 3.11 trở lên (Debian: apt-get install python3)."; exit 1
}

system_packages() {
  command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
  # Qt's platform plugins and fonts with Vietnamese glyphs (Liberation 2.x; 1.x has none).
  local wanted=(fonts-liberation2 fonts-croscore libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0
                libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
                libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0)
  if [ "$mode" = test ]; then
    wanted+=(poppler-utils xvfb zbar-tools)  # PDFs read back; the receipt's QR decoded
    wanted+=(sqlite3)  # the engine's own command line, beside which tests/bench/bench_cli.py times each command
    wanted+=(postgresql)  # a throwaway server for the shared-register tests (tests/support/pg_server.py)
  fi
  "$PY" -c 'import ensurepip' 2>/dev/null || wanted+=(python3-venv)
  local missing=()
  for package in "${wanted[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      say "Thiếu gói hệ thống: ${missing[*]}. Hãy chạy: sudo apt-get install ${missing[*]}"; return 0
    fi
  fi
  say "Cài gói hệ thống: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

PY="$(pick_python)"
system_packages

requirements=requirements.txt
[ "$mode" = test ] && requirements=requirements-dev.txt
if [ ! -x .venv/bin/python ]; then
  say "Tạo môi trường ảo .venv ($("$PY" --version))"
  "$PY" -m venv .venv
fi
stamp=".venv/.installed-$(cat requirements.txt "$requirements" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  say "Cài thư viện từ $requirements"
  .venv/bin/python -m pip install --disable-pip-version-check -q -r "$requirements"
  touch "$stamp"
fi

# The window's translations (.qm) are built from the .ts sources in the repository.
qm_stamp=".venv/.translations-$(cat resources/translations/*.ts | sha256sum | cut -c1-16)"
if [ ! -f "$qm_stamp" ] || ! ls resources/translations/*.qm >/dev/null 2>&1; then
  bash scripts/update_translations.sh --release
  rm -f .venv/.translations-* && touch "$qm_stamp"
fi
