# Build the Windows app (dist\MotCuaDesk\MotCuaDesk.exe and motcua-cli.exe) with PyInstaller, then check that
# the command line starts. The spec compiles the translations itself and stops if one is missing.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
& (Join-Path $PSScriptRoot "setup.ps1") test
if ($LASTEXITCODE -ne 0) { exit 1 }
& .venv\Scripts\python.exe -m PyInstaller --noconfirm pyinstaller.spec
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& dist\MotCuaDesk\motcua-cli.exe --version
exit $LASTEXITCODE
