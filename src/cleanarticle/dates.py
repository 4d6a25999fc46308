"""Find and parse dates and times in a line (numeric, ISO, CJK, and month names from the lexicon).

Locale formats: "17/07/2025", "2025-07-17", "2025.07.17" and "2025. 7. 17." (Korean),
"2025年7月17日" / "2025년 7월 17일", and month names from the language's lexicon
("17. Juli 2025", "17 de julio de 2025", "17 июля 2025", "July 17, 2025"). Thai years in
the Buddhist Era (2568) and Persian dates in the Solar Hijri calendar ("۲۶ تیر ۱۴۰۴")
are converted when the lexicon says the language uses them.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools

import regex

from .lexicon import Lexicon

# Years outside this range are not publication dates of web pages.
MIN_YEAR = 1990

# Every date pattern below holds a four-digit year: lines without one are skipped at once.
_YEAR_DIGITS = regex.compile(r"\d{4}")
_ISO = regex.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?(?!\d)")
_YMD = regex.compile(r"(?<![\d.])(\d{4})([/.])\s?(\d{1,2})\2\s?(\d{1,2})(?![\d/])")
_CJK = regex.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})(?!\d)(?:\s*[日일号號])?")
_DMY = regex.compile(r"(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])")
# Hours and minutes in any decimal digits ("10:30", "۱۰:۳۰"), checked for range in find_time.
# A CJK half-day word may stand before the hour ("오후 3:05", "午後3時05分", "下午3点05分").
_TIME = regex.compile(
    r"(?:(오전|오후|午前|午後|上午|下午)\s*)?(?<![\d:])(\d{1,2})(?:[:h]|\s*[時时點点시]\s*)(\d{2})"
    r"(?::\d{2})?(?![\d:])\s*([ap]\.?m\.?)?",
    regex.I,
)
_AFTERNOON = frozenset({"오후", "午後", "下午"})
# Thai dates count years in the Buddhist Era, 543 years ahead of the Gregorian calendar.
BUDDHIST_ERA_OFFSET = 543
# A year this large is a Buddhist Era year where the lexicon declares that calendar.
BUDDHIST_MIN_YEAR = 2400


@dataclasses.dataclass(frozen=True, slots=True)
class DateHit:
    """A date found in a line: ISO date, time if printed next to it, and where it stood."""

    date: str
    time: str | None
    start: int
    end: int


def _valid(year: int, month: int, day: int, today: datetime.date, buddhist: bool = False) -> str | None:
    if buddhist and year >= BUDDHIST_MIN_YEAR:
        year -= BUDDHIST_ERA_OFFSET
    try:
        value = datetime.date(year, month, day)
    except ValueError:
        return None
    if year < MIN_YEAR or value > today:
        return None
    return value.isoformat()


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> tuple[int, int, int]:
    """Solar Hijri (Persian) date to Gregorian, by day count (the widely used jdf algorithm)."""
    jy += 1595
    days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
    days += (jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    leap = (gy % 4 == 0 and gy % 100 != 0) or gy % 400 == 0
    for gm, length in enumerate((31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), start=1):
        if gd <= length:
            return gy, gm, gd
        gd -= length
    return gy, 12, 31  # not reached for valid input


def _valid_jalali(year: int, month: int, day: int, today: datetime.date) -> str | None:
    if not 1 <= day <= (31 if month <= 6 else 30):
        return None
    return _valid(*jalali_to_gregorian(year, month, day), today)


def _month_number(months: dict[str, int], name: str) -> int:
    key = name.casefold()
    return months.get(key) or months.get(key.replace("\u0307", ""), 0)  # Turkish "EKİM"


@functools.lru_cache(maxsize=64)
def _month_patterns(months: tuple[tuple[str, int], ...]):
    names = "|".join(regex.escape(m) for m, _ in sorted(months, key=lambda kv: -len(kv[0])))
    if not names:
        return None, None
    # Between month and year: a comma, a dot, or a short word ("de", "năm", "г."; Thai "พ.ศ.").
    # Day and month apart by a space, or by a dot alone ("12.mar.2024", Brazilian papers).
    connector = r"(?:\s*,\s*|\.\s*|\s+(?:(?:\p{L}{1,4}\.?){1,2}\s+)?)"
    day_first = regex.compile(
        rf"(?<!\w)(\d{{1,2}})(?:(?:st|nd|rd|th|er|\.)?\s+(?:(?:de|of)\s+)?|\.)({names})\.?{connector}(\d{{4}})(?!\d)",
        regex.I,
    )
    month_first = regex.compile(
        rf"(?<!\w)({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?{connector}(\d{{4}})(?!\d)", regex.I
    )
    return day_first, month_first


@functools.lru_cache(maxsize=64)
def _lexicon_patterns(lex: Lexicon):
    """(day first, month first, Persian day first) month-name patterns of a lexicon.

    Cached per lexicon (hashed by identity): sorting its months into a cache key on every
    call cost more than the search.
    """
    day_first, month_first = _month_patterns(tuple(sorted(lex.months.items())))
    jalali, _ = _month_patterns(tuple(sorted(lex.jalali_months.items())))
    return day_first, month_first, jalali


def find_time(text: str, start: int = 0) -> str | None:
    """The first HH:MM in `text[start:]`, as 24-hour time."""
    for m in _TIME.finditer(text, start):
        half, hour, minute, ampm = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
        if hour > 23 or minute > 59:
            continue
        if ampm or half:
            if hour > 12:
                return None
            afternoon = ampm.lower().startswith("p") if ampm else half in _AFTERNOON
            hour = hour % 12 + (12 if afternoon else 0)
        return f"{hour:02d}:{minute:02d}"
    return None


def find_date(text: str, lex: Lexicon, today: datetime.date, *, month_first: bool = False) -> DateHit | None:
    """The first valid date in `text`, or None. `month_first` reads 07/04/2025 as July 4."""
    if not _YEAR_DIGITS.search(text):
        return None
    hits: list[tuple[int, int, str]] = []
    m = _ISO.search(text)
    if m and (iso := _valid(int(m[1]), int(m[2]), int(m[3]), today)):
        if m[4] is not None and int(m[4]) < 24 and int(m[5]) < 60:  # 2024-03-05T14:20: the time is part of it
            return DateHit(iso, f"{int(m[4]):02d}:{m[5]}", m.start(), m.end())
        hits.append((m.start(), m.end(), iso))
    buddhist = "buddhist" in lex.calendars
    day_first, mon_first, jalali = _lexicon_patterns(lex)
    m = _YMD.search(text)
    if m and (iso := _valid(int(m[1]), int(m[3]), int(m[4]), today, buddhist)):
        hits.append((m.start(), m.end(), iso))
    m = _DMY.search(text)
    if m:
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        if a > 12 or b > 12:  # unambiguous: the number above 12 is the day
            day, month = max(a, b), min(a, b)
        else:
            day, month = (b, a) if month_first else (a, b)
        if iso := _valid(year, month, day, today, buddhist):
            hits.append((m.start(), m.end(), iso))
    if not text.isascii():
        m = _CJK.search(text)
        if m and (iso := _valid(int(m[1]), int(m[2]), int(m[3]), today)):
            hits.append((m.start(), m.end(), iso))
        if jalali is not None:
            m = jalali.search(text)
            if m and (iso := _valid_jalali(int(m[3]), _month_number(lex.jalali_months, m[2]), int(m[1]), today)):
                hits.append((m.start(), m.end(), iso))
    if day_first is not None:
        m = day_first.search(text)
        if m and (iso := _valid(int(m[3]), _month_number(lex.months, m[2]), int(m[1]), today, buddhist)):
            hits.append((m.start(), m.end(), iso))
        m = mon_first.search(text)
        if m and (iso := _valid(int(m[3]), _month_number(lex.months, m[1]), int(m[2]), today, buddhist)):
            hits.append((m.start(), m.end(), iso))
    if not hits:
        return None
    start, end, iso = min(hits)
    time = find_time(text, end) or find_time(text[:start])
    return DateHit(iso, time, start, end)


# At most this many words stand between an update word and its date ("Updated on 5 May 2025",
# "aktualisiert am 5. Mai 2025").
UPDATE_WORD_GAP = 1
# How far before a date its update word is looked for (characters).
UPDATE_WORD_REACH = 80


@functools.lru_cache(maxsize=64)
def _update_pattern(lex: Lexicon) -> regex.Pattern | None:
    """An update word ("Updated", "aktualisiert", "更新") ending the text before a date, with at
    most UPDATE_WORD_GAP words between. Han and kana have no spaces to bound a word."""
    return _label_pattern(lex, lex.update_words)


@functools.lru_cache(maxsize=64)
def _publish_pattern(lex: Lexicon) -> regex.Pattern | None:
    """A publication word ("Published", "veröffentlicht", "公開") ending the text before a date."""
    return _label_pattern(lex, lex.publish_words)


def _label_pattern(lex: Lexicon, labels: tuple[str, ...]) -> regex.Pattern | None:
    if not labels:
        return None
    words = "|".join(regex.escape(w) for w in labels)
    bound = "" if {"ja", "zh"} & set(lex.langs) else r"(?<!\w)"
    return regex.compile(
        rf"{bound}(?:{words})(?!\p{{Latin}})[\s:：,.\-–—]*(?:\w+[\s:：,.]+){{0,{UPDATE_WORD_GAP}}}$", regex.I
    )


def is_update(text: str, hit: DateHit, lex: Lexicon) -> bool:
    """Whether a printed date is labelled as the day the page changed ("Last updated: May 5, 2025").

    Only the words just before the date count: "Published May 1 · Updated May 5" prints its
    publication first, and that is the date found.
    """
    return _labelled(_update_pattern(lex), text, hit)


def is_published(text: str, hit: DateHit, lex: Lexicon) -> bool:
    """Whether a printed date is labelled as the publication ("Published on May 5, 2025",
    "Veröffentlicht am 5. Mai 2025")."""
    return _labelled(_publish_pattern(lex), text, hit)


def _labelled(pattern: regex.Pattern | None, text: str, hit: DateHit) -> bool:
    if pattern is None or hit.start == 0:
        return False
    return bool(pattern.search(text[max(0, hit.start - UPDATE_WORD_REACH) : hit.start]))
