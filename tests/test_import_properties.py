"""Property tests of the import parsers: any cell gives a value or a ValueError; valid rows round-trip."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import idcard
from desktop_app.domain.vocab import Gender, PoliticalStatus, Post
from desktop_app.services.importing import engine, load_spec, spec
from desktop_app.services.importing.members import Roster

SPECS = [load_spec(kind) for kind in ("members", "classes", "students")]
GENERIC = [
    spec.text(5), spec.date_cell(), spec.date_cell(allow_year_month=True), spec.choice(Gender), spec.choices(Post),
    spec.text_list(2), spec.id_number(), spec.phone(), spec.integer(0, 10), spec.number(0, 100), spec.yes_no(),
]
ALL_PARSERS = [column.parse_cell for s in SPECS for column in s.columns] + GENERIC

cell_values = st.one_of(
    st.none(), st.text(max_size=40), st.integers(), st.integers(min_value=10**300, max_value=10**400), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.dates(), st.datetimes(),
    st.sampled_from(["2024-09-01", "2024/9/1", "2024年9月1日", "2024-02-30", "男", "群众", "、、", "班主任,校长"]),
)


@settings(max_examples=300)
@given(st.sampled_from(ALL_PARSERS), cell_values)
def test_a_cell_parser_returns_a_value_or_raises_value_error(parse, value):
    try:
        parse(value)
    except ValueError as exc:
        assert str(exc), "a ValueError needs a reason"


MEMBERS = load_spec("members")
HEADERS = {c.key: c.header for c in MEMBERS.columns}


@settings(max_examples=150)
@given(st.fixed_dictionaries({c.key: cell_values for c in MEMBERS.columns}))
def test_a_member_row_is_good_or_has_located_problems(raw):
    cells, problems = engine.parse_row(MEMBERS, HEADERS, raw, 7)
    if cells is not None:
        _record, problems = engine.build_row(MEMBERS, HEADERS, cells, Roster({}, {}, {}))
    for problem in problems:
        assert problem.row == 7 and problem.reason


names = st.text(alphabet="张王李赵刘陈杨黄周吴晓明芳强敏丽华军AbC·", min_size=1, max_size=8)
birth_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2000, 12, 31))


def date_forms(day: date):
    return st.sampled_from([
        datetime(day.year, day.month, day.day), day.isoformat(), f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
    ])


@st.composite
def valid_member_rows(draw):
    birth = draw(birth_dates)
    status = draw(st.sampled_from(list(PoliticalStatus)))
    join = draw(st.dates(min_value=date(birth.year + 19, 1, 1), max_value=date(2024, 1, 1))) \
        if status.is_party_member else None
    posts = draw(st.lists(st.sampled_from(list(Post)), unique=True, max_size=3))
    first17 = f"110105{birth:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    expected = {
        "name": draw(names), "gender": draw(st.sampled_from(list(Gender))).value, "birth_date": birth,
        "political_status": status.value, "join_date": join, "posts": [p.value for p in posts],
        "phone": draw(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)),
        "id_number": first17 + idcard.check_char(first17),
    }
    separator = draw(st.sampled_from(["、", ",", "，"]))
    raw = {
        "name": f" {expected['name']} ", "gender": Gender(expected["gender"]).label,
        "birth_date": draw(date_forms(birth)), "political_status": status.label,
        "join_date": draw(date_forms(join)) if join else None,
        "posts": separator.join(p.label for p in posts) or None, "phone": expected["phone"],
        "id_number": expected["id_number"],
    }
    return raw, expected


@settings(max_examples=150)
@given(valid_member_rows())
def test_valid_member_rows_round_trip(row):
    raw, expected = row
    headers = {key: HEADERS[key] for key in raw}
    cells, problems = engine.parse_row(MEMBERS, headers, raw, 2)
    assert problems == []
    record, problems = engine.build_row(MEMBERS, headers, cells, Roster({}, {}, {}))
    assert problems == [], [str(p) for p in problems]
    for key, value in expected.items():
        assert getattr(record.data, key) == value, key
