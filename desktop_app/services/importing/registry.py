"""Which kinds of record can be imported from Excel, and where each kind's spec lives.

To add a kind: write a module defining `SPEC = ImportSpec(...)` (columns with parsers from
importing/spec.py, then load/build/match/write; see importing/classes.py for a short one and
importing/members.py for update-only-filled-cells) and add one line to KINDS. The CLI
`import`/`template` commands and the File → 导入Excel dialog then offer it with no other change.
A module that does not exist yet is simply not offered.
"""

from __future__ import annotations

import importlib

from desktop_app.services.errors import UserError

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


def _module(module_path: str):
    try:
        return importlib.import_module(module_path)
    except ModuleNotFoundError as exc:
        if exc.name and module_path.startswith(exc.name):
            return None
        raise


def available_kinds() -> list[tuple[str, str]]:
    """(kind, Chinese label) for each kind whose spec module exists, in KINDS order."""
    return [(kind, label) for kind, (label, path) in KINDS.items() if _module(path) is not None]


def load_spec(kind: str):
    """The ImportSpec of `kind`; UserError naming the choices for an unknown kind."""
    entry = KINDS.get(kind)
    module = _module(entry[1]) if entry else None
    if module is None:
        offered = "、".join(f"{k}（{label}）" for k, label in available_kinds())
        raise UserError(f"没有名为“{kind}”的导入类型。可导入的类型有 {offered}。")
    return module.SPEC
