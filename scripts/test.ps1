# Set up (first time) and run the whole test suite (mirrors scripts/test.sh). Extra arguments go to pytest.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
& (Join-Path $PSScriptRoot "setup.ps1") test
if ($LASTEXITCODE -ne 0) { exit 1 }
$python = ".venv\Scripts\python.exe"
# Lint and type check first (configured in pyproject.toml): a failure stops the run.
& $python -m ruff check .
if ($LASTEXITCODE -ne 0) {
    [Console]::Error.WriteLine("Kiểm tra mã nguồn (ruff) không đạt: sửa các lỗi ở trên rồi chạy lại.")
    exit 1
}
& $python -m mypy
if ($LASTEXITCODE -ne 0) {
    [Console]::Error.WriteLine("Kiểm tra kiểu (mypy trên app/ và db/) không đạt: sửa các lỗi ở trên rồi chạy lại.")
    exit 1
}
# No window is shown: Qt draws offscreen (set QT_QPA_PLATFORM=windows to see them); data and logs go to a
# throwaway folder.
if (-not $env:QT_QPA_PLATFORM) { $env:QT_QPA_PLATFORM = "offscreen" }
$env:MOTCUA_DATA_DIR = Join-Path ([System.IO.Path]::GetTempPath()) ("motcua-test-" + [System.Guid]::NewGuid().ToString("N"))
New-Item -ItemType Directory -Path $env:MOTCUA_DATA_DIR | Out-Null
try {
    & $python -m pytest @args
    $status = $LASTEXITCODE
} finally {
    Remove-Item -Recurse -Force $env:MOTCUA_DATA_DIR -ErrorAction SilentlyContinue
}
if ($status -eq 5) {
    [Console]::Error.WriteLine("Không có bài kiểm thử nào được chạy: coi là thất bại.")
    exit 1
}
exit $status
