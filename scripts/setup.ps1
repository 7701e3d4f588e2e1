# Prepare this Windows machine's virtual environment for MotCua Desk (mirrors scripts/setup.sh).
#   .\scripts\setup.ps1 run    - what the app needs
#   .\scripts\setup.ps1 test   - plus what the tests and the build need
# Idempotent and quick when nothing changed. Needs Python 3.11+ from python.org (with the "py" launcher).
param([ValidateSet("run", "test")][string]$Mode = "run")
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

function Say($text) { [Console]::Error.WriteLine("[setup] $text") }

function Find-Python {
    $candidates = @(@("py", "-3.11"), @("py", "-3.12"), @("py", "-3.13"), @("python"))
    foreach ($candidate in $candidates) {
        $exe = $candidate[0]
        $rest = @($candidate | Select-Object -Skip 1)
        if (-not (Get-Command $exe -ErrorAction SilentlyContinue)) { continue }
        try {   # "py -3.11" without that version writes to stderr: with -ErrorAction Stop, PowerShell 5.1 throws
            & $exe @rest -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)" 2>$null
            if ($LASTEXITCODE -eq 0) { return ,$candidate }
        } catch { continue }
    }
    Say "Cần Python 3.11 trở lên: tải từ python.org (chọn 'Add python.exe to PATH' và 'py launcher')."
    exit 1
}

function Get-Hash([string[]]$files) {
    $text = ($files | ForEach-Object { Get-Content -Raw -Encoding UTF8 $_ }) -join ""
    $bytes = [System.Text.Encoding]::UTF8.GetBytes($text)
    $sha = [System.Security.Cryptography.SHA256]::Create()
    return ([System.BitConverter]::ToString($sha.ComputeHash($bytes)) -replace "-", "").Substring(0, 16).ToLower()
}

$python = ".venv\Scripts\python.exe"
if (-not (Test-Path $python)) {
    $found = Find-Python
    $exe = $found[0]
    $rest = @($found | Select-Object -Skip 1)
    Say "Tạo môi trường ảo .venv"
    & $exe @rest -m venv .venv
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

$requirements = if ($Mode -eq "test") { "requirements-dev.txt" } else { "requirements.txt" }
$stamp = ".venv\.installed-" + (Get-Hash @("requirements.txt", $requirements))
if (-not (Test-Path $stamp)) {
    Say "Cài thư viện từ $requirements"
    & $python -m pip install --disable-pip-version-check -q -r $requirements
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    New-Item -ItemType File -Path $stamp -Force | Out-Null
}

# The window's translations (.qm) are built from the .ts sources by Python (PySide6's lrelease).
$sources = @(Get-ChildItem "resources\translations\*.ts" | Sort-Object Name | ForEach-Object { $_.FullName })
$qmStamp = ".venv\.translations-" + (Get-Hash $sources)
if (-not (Test-Path $qmStamp) -or -not (Get-ChildItem "resources\translations\*.qm" -ErrorAction SilentlyContinue)) {
    & $python scripts\build_translations.py
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Remove-Item ".venv\.translations-*" -ErrorAction SilentlyContinue
    New-Item -ItemType File -Path $qmStamp -Force | Out-Null
}
exit 0
