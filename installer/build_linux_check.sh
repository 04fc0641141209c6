#!/usr/bin/env bash
# Builds the bundle from the same spec on Linux, smoke-runs it offscreen (fresh ledger, upgrade of
# an old fixture ledger, clean quit) and compiles the NSIS script with Debian's makensis.
# Separate from .ci/run because it takes minutes; run: bash installer/build_linux_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen
if ! command -v makensis >/dev/null; then apt-get update -qq && apt-get install -y -qq nsis >/dev/null; fi
python -m pip install -q -e ".[build]"
pyinstaller --noconfirm --clean --log-level WARN --distpath build/dist --workpath build/pyinstaller installer/branch_ledger.spec
bundle=build/dist/BranchLedger/BranchLedger
echo "bundle: $(du -sh build/dist/BranchLedger | cut -f1)"

fresh=$(mktemp -d)
"$bundle" --data-dir "$fresh" --quit-after 1500
python - "$fresh" <<'PY'
import sqlite3, sys
from desktop_app.store.schema import head_revision
rev = sqlite3.connect(f"{sys.argv[1]}/ledger.sqlite3").execute("select version_num from alembic_version").fetchone()[0]
assert rev == head_revision(), rev
print("fresh ledger created at", rev)
PY

old=$(mktemp -d)
cp tests/fixtures/ledger-0001.sqlite3 "$old/ledger.sqlite3"
"$bundle" --data-dir "$old" --quit-after 1500
python - "$old" <<'PY'
import sqlite3, sys
from desktop_app.store.schema import head_revision
db = sqlite3.connect(f"{sys.argv[1]}/ledger.sqlite3")
rev = db.execute("select version_num from alembic_version").fetchone()[0]
members = db.execute("select count(*) from member").fetchone()[0]
assert rev == head_revision() and members > 0, (rev, members)
print("fixture ledger upgraded to", rev, "with", members, "members kept")
PY
"$bundle" --data-dir "$fresh" check

version=$(python -c "import desktop_app; print(desktop_app.__version__)")
makensis -V2 -X"SetCompressor /FINAL zlib" -DVERSION="$version" -DDISTDIR="$PWD/build/dist/BranchLedger" -DOUTFILE="$PWD/build/dist/installer-check.exe" installer/branch_ledger.nsi
echo "installer compiled: $(du -h build/dist/installer-check.exe | cut -f1)"
echo "took $(( $(date +%s) - start )) s"
