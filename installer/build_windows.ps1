# Build the Windows installer on a Windows PC with Python 3.11 and NSIS 3 installed.
# Run from the repository root:  powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
$ErrorActionPreference = "Stop"
python -m pip install ".[build]"
pyinstaller --noconfirm --clean installer\branch_ledger.spec
$version = (python -c "import desktop_app; print(desktop_app.__version__)").Trim()
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
& $makensis /DVERSION=$version /DDISTDIR=..\dist\BranchLedger installer\branch_ledger.nsi
Write-Host "安装程序已生成在 dist\ 文件夹中。"
