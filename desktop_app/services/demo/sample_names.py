"""Plausible Chinese names, ID numbers, phones and addresses for the sample school.

Everything is drawn from the caller's `random.Random`, so the same seed gives the same school.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from desktop_app.domain import idcard

# Common surnames, weighted by repetition towards the most frequent ones.
SURNAMES = (
    "王王王李李李张张张刘刘陈陈杨杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
    "袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史"
    "陶黎贺顾毛郝龚邵万钱严武戴孔汤"
)
# Given names as parents commonly choose them (two characters, some one character).
MALE_GIVEN = (
    "建国 志强 文博 晓东 俊杰 浩然 子轩 宇航 明辉 振华 国栋 海涛 永刚 立新 伟 磊 军 勇 涛 斌 "
    "鹏飞 建军 晨阳 思远 嘉豪 一鸣 泽宇 博文 天佑 皓轩 家乐 承志 铭 凯 昊 锐 睿哲 子涵 新宇 宏伟"
).split()
FEMALE_GIVEN = (
    "秀英 丽华 晓燕 春梅 海燕 雪梅 静怡 欣怡 雨桐 梓萱 诗涵 思琪 佳怡 婉清 慧敏 晓丽 玉兰 红梅 "
    "丽娟 淑芬 文静 佳琪 心怡 可馨 若曦 语嫣 芳 娜 敏 静 丽 艳 婷 颖 倩 悦 琳 雪 洁 玲"
).split()
REGION_CODES = ("330102", "330105", "330106", "330108", "330110", "330183")  # 6-digit area codes
DISTRICTS = ("城东区", "城西区", "滨江区", "开发区", "南湖区")
STREETS = ("人民路", "解放路", "文化路", "建设路", "学府路", "光明街", "和平路", "新华街", "长江路", "育才路")
MOBILE_PREFIXES = ("133", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "177", "180", "186", "187", "189")


class NameMaker:
    """Hands out names, never the same one twice within one sample school."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._used: set[str] = set()

    def surname(self) -> str:
        return self.rng.choice(SURNAMES)

    def person(self, gender: str, surname: str | None = None) -> str:
        for attempt in range(200):
            family = surname if surname and attempt < 50 else self.surname()
            name = family + self._given(gender)
            if name not in self._used:
                self._used.add(name)
                return name
        raise RuntimeError("sample names exhausted")  # pragma: no cover - 100 surnames × 40 names

    def _given(self, gender: str) -> str:
        return self.rng.choice(MALE_GIVEN if gender == "male" else FEMALE_GIVEN)


def birth_date(rng: random.Random, today: date, min_age: int, max_age: int) -> date:
    oldest = date(today.year - max_age - 1, today.month, 1)
    span = (date(today.year - min_age, today.month, 1) - oldest).days
    return oldest + timedelta(days=rng.randrange(span))


def id_number(rng: random.Random, born: date, gender: str) -> str:
    """18 characters with a sequence whose parity matches the gender and a correct check character."""
    sequence = rng.randrange(0, 999)
    if (sequence % 2 == 1) != (gender == "male"):
        sequence += 1
    first17 = f"{rng.choice(REGION_CODES)}{born:%Y%m%d}{sequence:03d}"
    return first17 + idcard.check_char(first17)


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def address(rng: random.Random) -> str:
    return f"示例市{rng.choice(DISTRICTS)}{rng.choice(STREETS)}{rng.randint(1, 320)}号{rng.randint(1, 30)}幢{rng.randint(101, 1802)}室"
