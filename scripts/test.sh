#!/usr/bin/env bash
# Set up (first time) and run the whole test suite. Extra arguments go to pytest.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test || exit 1
# No display is needed: Qt draws offscreen; data and logs go to a throwaway folder.
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export MOTCUA_DATA_DIR="$(mktemp -d)"
trap 'rm -rf "$MOTCUA_DATA_DIR"' EXIT
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "Không có bài kiểm thử nào được chạy: coi là thất bại." >&2
  exit 1
fi
exit "$status"
