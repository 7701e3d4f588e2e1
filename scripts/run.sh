#!/usr/bin/env bash
# Set up (first time) and start MotCua Desk on the default SQLite register.
# Extra arguments go to main.py:  scripts/run.sh --demo   scripts/run.sh warnings
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
exec .venv/bin/python main.py "$@"
