"""Find and parse dates and times in a line (numeric, ISO, and month names from the lexicon)."""
from __future__ import annotations

import dataclasses
import datetime
import functools

import regex

from .lexicon import Lexicon

# Years outside this range are not publication dates of web pages.
MIN_YEAR = 1990

_DIGIT = regex.compile(r"\d")
_ISO = regex.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?(?!\d)")
_YMD = regex.compile(r"(?<![\d.])(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d/])")
_DMY = regex.compile(r"(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])")
_TIME = regex.compile(r"(?<![\d:])([01]?\d|2[0-3])[:h]([0-5]\d)(?::[0-5]\d)?(?![\d:])\s*([ap]\.?m\.?)?", regex.I)


@dataclasses.dataclass(frozen=True, slots=True)
class DateHit:
    """A date found in a line: ISO date, time if printed next to it, and where it stood."""

    date: str
    time: str | None
    start: int
    end: int


def _valid(year: int, month: int, day: int, today: datetime.date) -> str | None:
    try:
        value = datetime.date(year, month, day)
    except ValueError:
        return None
    if year < MIN_YEAR or value > today:
        return None
    return value.isoformat()


@functools.lru_cache(maxsize=64)
def _month_patterns(months: tuple[tuple[str, int], ...]):
    names = "|".join(regex.escape(m) for m, _ in sorted(months, key=lambda kv: -len(kv[0])))
    if not names:
        return None, None
    connector = r"(?:\s*,\s*|\.\s*|\s+(?:\p{L}{1,4}\s+)?)"
    day_first = regex.compile(
        rf"(?<!\w)(\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:(?:de|of)\s+)?({names})\.?{connector}(\d{{4}})(?!\d)", regex.I)
    month_first = regex.compile(
        rf"(?<!\w)({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?{connector}(\d{{4}})(?!\d)", regex.I)
    return day_first, month_first


def find_time(text: str, start: int = 0) -> str | None:
    """The first HH:MM in `text[start:]`, as 24-hour time."""
    m = _TIME.search(text, start)
    if not m:
        return None
    hour, minute, ampm = int(m.group(1)), int(m.group(2)), m.group(3)
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    return f"{hour:02d}:{minute:02d}"


def find_date(text: str, lex: Lexicon, today: datetime.date, *, month_first: bool = False) -> DateHit | None:
    """The first valid date in `text`, or None. `month_first` reads 07/04/2025 as July 4."""
    if not _DIGIT.search(text):
        return None
    hits: list[tuple[int, int, str]] = []
    m = _ISO.search(text)
    if m and (iso := _valid(int(m[1]), int(m[2]), int(m[3]), today)):
        if m[4] is not None and int(m[4]) < 24 and int(m[5]) < 60:  # 2024-03-05T14:20: the time is part of it
            return DateHit(iso, f"{int(m[4]):02d}:{m[5]}", m.start(), m.end())
        hits.append((m.start(), m.end(), iso))
    m = _YMD.search(text)
    if m and (iso := _valid(int(m[1]), int(m[2]), int(m[3]), today)):
        hits.append((m.start(), m.end(), iso))
    m = _DMY.search(text)
    if m:
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        if a > 12 or b > 12:  # unambiguous: the number above 12 is the day
            day, month = max(a, b), min(a, b)
        else:
            day, month = (b, a) if month_first else (a, b)
        if iso := _valid(year, month, day, today):
            hits.append((m.start(), m.end(), iso))
    day_first, mon_first = _month_patterns(tuple(sorted(lex.months.items())))
    if day_first is not None:
        m = day_first.search(text)
        if m and (iso := _valid(int(m[3]), lex.months[m[2].casefold()], int(m[1]), today)):
            hits.append((m.start(), m.end(), iso))
        m = mon_first.search(text)
        if m and (iso := _valid(int(m[3]), lex.months[m[1].casefold()], int(m[2]), today)):
            hits.append((m.start(), m.end(), iso))
    if not hits:
        return None
    start, end, iso = min(hits)
    time = find_time(text, end) or find_time(text[:start])
    return DateHit(iso, time, start, end)
