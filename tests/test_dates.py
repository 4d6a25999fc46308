"""dates: numeric, ISO and month-name dates (vi + en), validation against `today`, times."""
import datetime

import pytest

from cleanarticle.dates import find_date, find_time, is_update, jalali_to_gregorian
from cleanarticle.lexicon import lexicon

TODAY = datetime.date(2026, 1, 1)
VI = lexicon("vi")
EN = lexicon("en")


@pytest.mark.parametrize("text,date,time", [
    ("17/07/2025", "2025-07-17", None),
    ("17/7/2025", "2025-07-17", None),
    ("03/07/2023, 22:51", "2023-07-03", "22:51"),
    ("Thứ năm, 17/7/2025, 08:30 (GMT+7)", "2025-07-17", "08:30"),
    ("Cập nhật lúc 10:15 ngày 17/07/2025", "2025-07-17", "10:15"),
    ("17.07.2025", "2025-07-17", None),
    ("17-07-2025", "2025-07-17", None),
    ("2024-03-05", "2024-03-05", None),
    ("2024/03/05", "2024-03-05", None),
    ("17 tháng 7 năm 2025", "2025-07-17", None),
    ("Ngày 5 tháng mười hai năm 2024", "2024-12-05", None),
    ("Hà Nội, ngày 2 tháng 9 năm 2025 - 07:45", "2025-09-02", "07:45"),
    ("Đăng ngày 29/02/2024", "2024-02-29", None),
], ids=["vi-dmy", "vi-dmy-single-digit", "vi-dmy-time", "vi-weekday-gmt", "vi-time-before", "dots", "dashes",
        "iso", "ymd-slash", "vi-month-words", "vi-month-name", "vi-place-date-time", "leap-day"])
def test_vietnamese_and_numeric_dates(text, date, time):
    hit = find_date(text, VI, TODAY)
    assert hit is not None
    assert (hit.date, hit.time) == (date, time)


@pytest.mark.parametrize("text,date,time", [
    ("July 24, 2015", "2015-07-24", None),
    ("24 July 2015", "2015-07-24", None),
    ("Jul. 24, 2015", "2015-07-24", None),
    ("24th July 2015", "2015-07-24", None),
    ("Sept. 5, 2024", "2024-09-05", None),
    ("Monday, December 1, 2025", "2025-12-01", None),
    ("Updated 9:05 pm, July 4, 2024", "2024-07-04", "21:05"),
    ("July 4, 2024 at 9:05 p.m. EDT", "2024-07-04", "21:05"),
    ("Published 12 March 2025 08:00 GMT", "2025-03-12", "08:00"),
], ids=["month-day-year", "day-month-year", "abbrev-dot", "ordinal", "sept", "weekday", "time-before",
        "time-after-pm", "published-gmt"])
def test_english_month_name_dates(text, date, time):
    hit = find_date(text, EN, TODAY, month_first=True)
    assert hit is not None
    assert (hit.date, hit.time) == (date, time)


def test_english_month_names_also_work_with_the_vietnamese_lexicon():
    assert find_date("Posted July 24, 2015", VI, TODAY).date == "2015-07-24"


def test_vietnamese_month_words_need_the_vietnamese_lexicon():
    assert find_date("17 tháng 7 năm 2025", EN, TODAY) is None


def test_hit_positions_cover_the_date():
    text = "Cập nhật: 17/07/2025 08:30"
    hit = find_date(text, VI, TODAY)
    assert text[hit.start:hit.end] == "17/07/2025"


def test_earliest_date_in_the_line_wins():
    hit = find_date("Đăng 01/06/2025, sửa 15/06/2025", VI, TODAY)
    assert hit.date == "2025-06-01"


@pytest.mark.parametrize("text,today", [
    ("17/07/2027", TODAY),
    ("2026-01-02", TODAY),
    ("January 2, 2026", TODAY),
    ("18 tháng 7 năm 2025", datetime.date(2025, 7, 17)),
], ids=["dmy-next-year", "iso-tomorrow", "en-tomorrow", "vi-tomorrow-of-custom-today"])
def test_future_dates_are_rejected(text, today):
    assert find_date(text, VI, today) is None


@pytest.mark.parametrize("text", ["January 1, 2026", "01/01/2026"], ids=["en", "dmy"])
def test_today_itself_is_accepted(text):
    assert find_date(text, VI, TODAY).date == "2026-01-01"


@pytest.mark.parametrize("text", [
    "31/02/2024", "29/02/2023", "2024-13-01", "00/05/2024", "31 tháng 4 năm 2024", "February 30, 2024",
    "01/01/1985", "17-07/2025", "Không có ngày tháng", "No date in this line", "Hotline 0912/345/678",
], ids=["feb-31", "feb-29-non-leap", "month-13", "day-zero", "vi-april-31", "en-feb-30", "before-1990",
        "mixed-separators", "vi-no-digits", "en-no-digits", "phone-number"])
def test_invalid_or_absent_dates_are_rejected(text):
    assert find_date(text, VI, TODAY) is None


@pytest.mark.parametrize("text,day_first,month_first", [
    ("07/04/2025", "2025-04-07", "2025-07-04"),
    ("03/07/2023, 22:51", "2023-07-03", "2023-03-07"),
    ("13/04/2025", "2025-04-13", "2025-04-13"),
    ("04/13/2025", "2025-04-13", "2025-04-13"),
], ids=["ambiguous", "ambiguous-with-time", "day-above-12", "en-order-day-above-12"])
def test_month_first_only_changes_ambiguous_dates(text, day_first, month_first):
    assert find_date(text, EN, TODAY).date == day_first
    assert find_date(text, EN, TODAY, month_first=True).date == month_first


@pytest.mark.parametrize("text", ["2024-03-05 14:20", "2024-03-05T14:20:00Z", "2024-03-05T14:20:00+07:00"],
                         ids=["iso-space", "iso-zulu", "iso-offset"])
def test_iso_datetime_keeps_its_time(text):
    hit = find_date(text, EN, TODAY)
    assert (hit.date, hit.time) == ("2024-03-05", "14:20")


@pytest.mark.parametrize("text,expected", [
    ("22:51", "22:51"),
    ("8:05", "08:05"),
    ("8h30 sáng", "08:30"),
    ("9:05 pm", "21:05"),
    ("9:05 PM", "21:05"),
    ("9:05 p.m.", "21:05"),
    ("11:40 a.m.", "11:40"),
    ("12:30 am", "00:30"),
    ("12:30 pm", "12:30"),
    ("10:15:30", "10:15"),
    ("Cập nhật 07:45 (GMT+7)", "07:45"),
], ids=["24h", "one-digit-hour", "vi-h", "pm", "PM", "p.m.", "a.m.", "midnight-am", "noon-pm", "seconds", "vi-line"])
def test_find_time(text, expected):
    assert find_time(text) == expected


@pytest.mark.parametrize("text", ["13:00 pm", "24:00", "9:5", "Score 3:2", "No time here", "17/07/2025"],
                         ids=["13-pm", "24h", "one-digit-minute", "score", "none", "date-only"])
def test_find_time_rejects_non_times(text):
    assert find_time(text) is None


def test_find_time_starts_at_offset():
    assert find_time("10:00 đến 11:30", 3) == "11:30"


@pytest.mark.parametrize("lang,text,date,time", [
    ("ja", "2025年7月17日 10時30分", "2025-07-17", "10:30"),
    ("ja", "2025年7月17日（木）", "2025-07-17", None),
    ("zh", "发布时间：2025年07月17日 14:20", "2025-07-17", "14:20"),
    ("zh", "2025年7月17日 10点30分", "2025-07-17", "10:30"),
    ("ko", "입력 2025.07.17 10:30", "2025-07-17", "10:30"),
    ("ko", "2025. 7. 17. 오후 3:05", "2025-07-17", "15:05"),
    ("ko", "2025년 7월 17일", "2025-07-17", None),
    ("de", "17. Juli 2025, 10:30 Uhr", "2025-07-17", "10:30"),
    ("de", "Aktualisiert am 3. März 2025", "2025-03-03", None),
    ("fr", "Publié le 1er juillet 2025 à 10h30", "2025-07-01", "10:30"),
    ("fr", "17 juillet 2025", "2025-07-17", None),
    ("es", "17 de julio de 2025 - 10:30", "2025-07-17", "10:30"),
    ("pt", "Publicado em 17 de julho de 2025 às 10h30", "2025-07-17", "10:30"),
    ("it", "17 luglio 2025 ore 10:30", "2025-07-17", "10:30"),
    ("nl", "17 juli 2025, 10:30", "2025-07-17", "10:30"),
    ("pl", "17 lipca 2025", "2025-07-17", None),
    ("ru", "17 июля 2025 г., 10:30", "2025-07-17", "10:30"),
    ("uk", "17 липня 2025 року", "2025-07-17", None),
    ("tr", "17 Temmuz 2025 Perşembe", "2025-07-17", None),
    ("tr", "17 EKİM 2025", "2025-10-17", None),
    ("id", "Kamis, 17 Juli 2025 10:30 WIB", "2025-07-17", "10:30"),
    ("ar", "نشر في 17 يوليو 2025 - 10:30", "2025-07-17", "10:30"),
    ("ar", "١٧ تموز ٢٠٢٥", "2025-07-17", None),
    ("hi", "अपडेटेड: 17 जुलाई 2025, 10:30 IST", "2025-07-17", "10:30"),
    ("fa", "۲۶ تیر ۱۴۰۴ - ۱۰:۳۰", "2025-07-17", "10:30"),
    ("fa", "17 ژوئیه 2025", "2025-07-17", None),
    ("th", "17 กรกฎาคม 2568 10:30 น.", "2025-07-17", "10:30"),
    ("th", "วันพฤหัสบดีที่ 17 ก.ค. พ.ศ. 2568", "2025-07-17", None),
    ("th", "17/07/2568", "2025-07-17", None),
], ids=lambda v: v if isinstance(v, str) and len(v) == 2 else None)
def test_locale_dates(lang, text, date, time):
    hit = find_date(text, lexicon(lang), TODAY)
    assert hit is not None, text
    assert (hit.date, hit.time) == (date, time)


@pytest.mark.parametrize("lang,text", [
    ("ja", "2027年1月1日"), ("de", "2. Januar 2026"), ("th", "2 มกราคม 2569"), ("fa", "۱۲ دی ۱۴۰۴"),
], ids=["ja", "de", "th-buddhist-era", "fa-solar-hijri"])
def test_future_locale_dates_are_rejected(lang, text):
    assert find_date(text, lexicon(lang), TODAY) is None


def test_buddhist_era_only_where_the_lexicon_declares_it():
    assert find_date("17/07/2568", lexicon("th"), TODAY).date == "2025-07-17"
    assert find_date("17/07/2568", lexicon("en"), TODAY) is None


@pytest.mark.parametrize("jalali,gregorian", [
    ((1404, 4, 26), (2025, 7, 17)), ((1403, 1, 1), (2024, 3, 20)), ((1404, 1, 1), (2025, 3, 21)),
    ((1399, 12, 30), (2021, 3, 20)), ((1402, 10, 11), (2024, 1, 1)),
], ids=["tir-1404", "nowruz-1403", "nowruz-1404", "leap-esfand-30", "new-year-2024"])
def test_jalali_to_gregorian(jalali, gregorian):
    assert jalali_to_gregorian(*jalali) == gregorian


@pytest.mark.parametrize("text", ["۳۱ مهر ۱۴۰۴", "31 Mehr"], ids=["mehr-31", "no-year"])
def test_invalid_jalali_dates_are_rejected(text):
    assert find_date(text, lexicon("fa"), TODAY) is None


@pytest.mark.parametrize("text,expected", [("10時30分", "10:30"), ("10点30分", "10:30"), ("10시 30분", "10:30"),
                                           ("۱۰:۳۰", "10:30"), ("Score 31:20 at 10:30", "10:30"), ("오후 3:05", "15:05"),
                                           ("午前0時15分", "00:15"), ("下午12点30分", "12:30"), ("上午12:30", "00:30")],
                         ids=["ja", "zh", "ko", "persian-digits", "skips-non-time", "ko-pm", "ja-am-midnight", "zh-noon",
                              "zh-am-midnight"])
def test_find_time_in_other_scripts(text, expected):
    assert find_time(text) == expected


@pytest.mark.parametrize("lang,text,update", [
    ("en", "Last updated: July 17, 2025", True),
    ("en", "By Jane Doe Last Updated on July 17, 2025", True),
    ("en", "Updated Jul 17, 2025 · 12 min read", True),
    ("en", "Published July 1, 2025 · Updated July 17, 2025", False),  # the first date is the publication
    ("en", "July 17, 2025", False),
    ("en", "Updated guide for travellers: July 17, 2025", False),  # too many words between
    ("de", "Zuletzt aktualisiert am 17. Juli 2025", True),
    ("fr", "Mis à jour le 17 juillet 2025", True),
    ("es", "Actualizado el 17 de julio de 2025", True),
    ("ja", "更新日：2025年7月17日", True),
    ("zh", "最后更新 2025年7月17日", True),
    ("vi", "Cập nhật lúc 17/07/2025", True),
], ids=lambda v: v if isinstance(v, str) and len(v) < 4 else None)
def test_a_date_labelled_as_an_update(lang, text, update):
    lex = lexicon(lang)
    hit = find_date(text, lex, TODAY, month_first=lang == "en")
    assert hit is not None and is_update(text, hit, lex) is update
