#!/usr/bin/env bash
# Set up (first time) and run the whole test suite. Extra arguments go to pytest.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test || exit 1
# Lint and type check first (configured in pyproject.toml): a failure stops the run.
if ! .venv/bin/ruff check .; then
  echo "Kiểm tra mã nguồn (ruff) không đạt: sửa các lỗi ở trên rồi chạy lại." >&2
  exit 1
fi
if ! .venv/bin/mypy; then
  echo "Kiểm tra kiểu (mypy trên app/ và db/) không đạt: sửa các lỗi ở trên rồi chạy lại." >&2
  exit 1
fi
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
