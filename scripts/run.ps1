# Set up (first time) and start MotCua Desk on the default SQLite register (mirrors scripts/run.sh).
# Extra arguments go to main.py:  .\scripts\run.ps1 --demo   .\scripts\run.ps1 warnings
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
& (Join-Path $PSScriptRoot "setup.ps1") run
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& .venv\Scripts\python.exe main.py @args
exit $LASTEXITCODE
