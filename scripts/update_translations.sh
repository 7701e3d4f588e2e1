#!/usr/bin/env bash
# Re-extract the window's strings into resources/translations/*.ts (after new features are merged),
# then build the .qm files. Translate the new entries with pyside6-linguist (or by hand in the XML).
#   bash scripts/update_translations.sh          # update .ts and build .qm
#   bash scripts/update_translations.sh --release # build .qm only (what scripts/setup.sh runs)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
folder=resources/translations
languages=(en)
if [ "${1:-}" != "--release" ]; then
  mapfile -t sources < <(find ui -name '*.py' | sort)
  for language in "${languages[@]}"; do
    ts="$folder/motcua_$language.ts"
    # lupdate files a bare tr("…") under an empty context; ui.i18n.tr looks up "MotCua".
    # Move the context out and back so that existing translations are matched again.
    [ -f "$ts" ] && "$bin/python" scripts/ts_context.py "$ts" MotCua ""
    "$bin/pyside6-lupdate" "${sources[@]}" -no-obsolete -source-language vi_VN -target-language "$language" -ts "$ts"
    "$bin/python" scripts/ts_context.py "$ts" "" MotCua
  done
fi
# Every .ts of the folder to its .qm (motcua_en, and qtbase_vi: Qt's own dialogs in Vietnamese, which Qt
# does not ship), by the same Python script the Windows set-up and the PyInstaller build run.
"$bin/python" scripts/build_translations.py
