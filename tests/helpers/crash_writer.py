"""A writer the crash-safety test kills with SIGKILL at random moments.

Each transaction adds one class and three students, then prints "committed N" once the
commit has returned. Whatever was printed must survive the kill; nothing half-written may.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.store.ledger import open_ledger
from desktop_app.store.models import SchoolClass, Student


def main(data_dir: str, start: int) -> None:
    ledger = open_ledger(Path(data_dir))
    print("ready", flush=True)
    number = start
    while True:
        with ledger.transaction("school_class", "student") as session:
            school_class = SchoolClass(name=f"测试{number}班", grade="高一")
            session.add(school_class)
            session.flush()
            for k in range(3):
                session.add(Student(name=f"学生{number}-{k}", class_id=school_class.id, flags=[], address="某路" * 40))
        print(f"committed {number}", flush=True)
        number += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
