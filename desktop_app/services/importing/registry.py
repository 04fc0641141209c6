"""Which kinds of record can be imported from Excel, and where each kind's spec lives.

To add a kind: write a module defining `SPEC = ImportSpec(...)` (columns with parsers from
importing/spec.py, then load/build/match/write; see importing/classes.py for a short one and
importing/members.py for update-only-filled-cells) and add one line to KINDS. The CLI
`import`/`template` commands and the File → 导入Excel dialog then offer it with no other change.
A spec module is imported when its kind is first used; a wrong path raises, it is never skipped.
"""

from __future__ import annotations

from desktop_app.services.errors import UserError
from desktop_app.wiring import resolve

KINDS: dict[str, tuple[str, str]] = {
    "members": ("党员", "desktop_app.services.importing.members"),
    "classes": ("班级", "desktop_app.services.importing.classes"),
    "students": ("学生", "desktop_app.services.importing.students"),
    "pledges": ("承诺", "desktop_app.services.pledges.importer"),
    "observations": ("听课记录", "desktop_app.services.records.import_observations"),
    "visits": ("家访记录", "desktop_app.services.records.import_visits"),
    "evaluations": ("考核成绩", "desktop_app.services.evaluations.importer"),
    "development": ("发展党员", "desktop_app.services.development.importer"),
    "meetings": ("组织生活记录", "desktop_app.services.meetings.importer"),
}


def available_kinds() -> list[tuple[str, str]]:
    """(kind, Chinese label) for each kind, in KINDS order."""
    return [(kind, label) for kind, (label, _path) in KINDS.items()]


def load_spec(kind: str):
    """The ImportSpec of `kind`; UserError naming the choices for an unknown kind."""
    entry = KINDS.get(kind)
    if entry is None:
        offered = "、".join(f"{k}（{label}）" for k, label in available_kinds())
        raise UserError(f"没有名为“{kind}”的导入类型。可导入的类型有 {offered}。")
    return resolve(f"{entry[1]}:SPEC")
