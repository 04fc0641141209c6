"""parse_number: the one rule for numbers typed into cells."""

from __future__ import annotations

import pytest

from desktop_app.domain.numbers import NumberError, parse_number


@pytest.mark.parametrize(("text", "expected"), [
    ("15", 15.0), (" 14.5 ", 14.5), ("0", 0.0), ("20", 20.0), ("１８", 18.0), (19, 19.0), (7.25, 7.25),
])
def test_numbers_within_the_range_are_read(text, expected):
    assert parse_number(text, 0, 20, "教育教学") == expected


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "Infinity", "1e999", float("nan"), float("inf")])
def test_nan_and_infinity_are_not_numbers(text):
    with pytest.raises(NumberError) as err:
        parse_number(text, None, None, "思想政治")
    assert str(err.value).startswith("“思想政治”应填数字，输入的是")


def test_words_are_refused_with_the_field_and_the_text():
    with pytest.raises(NumberError, match="^“师德师风”应填数字，输入的是“十五”$"):
        parse_number("十五", 0, 15, "师德师风")
    with pytest.raises(NumberError, match="应填数字"):
        parse_number(True, 0, 15, "师德师风")


def test_blank_is_none_unless_required():
    assert parse_number("", 0, 20, "教育教学") is None
    assert parse_number("   ", 0, 20, "教育教学") is None
    assert parse_number(None, 0, 20, "教育教学") is None
    with pytest.raises(NumberError, match="^“满分”必须填写$"):
        parse_number(" ", 0, 100, "满分", required=True)


def test_out_of_range_names_the_bounds():
    with pytest.raises(NumberError, match="^“教育教学”应在 0 到 20 分之间，输入的是 25$"):
        parse_number("25", 0, 20, "教育教学", unit="分")
    with pytest.raises(NumberError, match="^“教育教学”应在 0 到 20 分之间，输入的是 -0.5$"):
        parse_number("-0.5", 0, 20, "教育教学", unit="分")
    with pytest.raises(NumberError, match="^“加分”不能小于 0，输入的是 -1$"):
        parse_number("-1", 0, None, "加分")
    with pytest.raises(NumberError, match="^“权重”不能大于 1，输入的是 1.5$"):
        parse_number("1.5", None, 1, "权重")
    assert parse_number("-3", None, None, "差值") == -3.0


def test_the_error_is_a_value_error_with_field_and_reason():
    with pytest.raises(ValueError) as err:
        parse_number("abc", field="满分")
    assert (err.value.field, err.value.reason) == ("满分", "应填数字，输入的是“abc”")
