"""What every imported cell goes through before a column's parser sees it: one place for every kind.

- `_x0001_`-style escapes (how Excel stores control characters) are decoded, then judged;
- zero-width characters, the BOM and bidi controls (U+202E turns text around) are removed, and a
  cell that held only those is refused: she cannot see what is wrong with it;
- full-width digits and letters become ASCII (ID numbers, phones, dates typed with an IME), and
  ID numbers go through NFKC as a whole;
- Excel error values (#REF!, #N/A …) are refused: a broken formula is not a name;
- control characters are refused everywhere; line breaks and tabs in names and codes.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
                                   "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"))
EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                          "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!"})
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code - 0xFEE0).isalnum()}
_LINE_BREAKS = "\t\n\r\u2028\u2029\x0b\x0c\x85"
# Names and codes: one line. Free text (notes, contents, addresses) may have line breaks.
_NUMBER_KEYS = frozenset({"id_number", "phone", "student_number"})
_ONE_LINE_KEYS = _NUMBER_KEYS | {"name", "member", "teacher", "observer", "visitor", "interviewee",
                                 "head_teacher", "party_group", "department", "class_name", "grade"}


def is_one_line(key: str) -> bool:
    return key in _ONE_LINE_KEYS or key.endswith("_name")


def clean_cell(key: str, value: Any) -> Any:
    """The cell as the column's parser should see it; ValueError (Chinese) for a cell to refuse."""
    if not isinstance(value, str):
        return value
    text = _ESCAPE.sub(lambda m: chr(int(m[1], 16)), value)
    if text.strip().upper() in EXCEL_ERRORS:
        raise ValueError(f"是 Excel 的错误值“{text.strip()}”（公式出错），请改成实际内容")
    visible = text.translate(INVISIBLE).translate(_FULL_WIDTH)
    if text.strip() and not visible.strip():
        raise ValueError("只有看不见的字符（如零宽空格），没有实际内容")
    if key in _NUMBER_KEYS:
        visible = unicodedata.normalize("NFKC", visible)
    one_line = is_one_line(key)
    for ch in visible.strip():
        if ch in _LINE_BREAKS:
            if one_line:
                raise ValueError("不能包含换行或制表符，请写在一行内")
        elif unicodedata.category(ch) == "Cc":
            raise ValueError(f"含有不可见的控制字符（U+{ord(ch):04X}），请删去后重新填写")
    return visible.strip()
