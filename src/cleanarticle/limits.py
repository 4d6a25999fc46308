"""What `clean()` refuses or bounds before any work: bad options, oversized input, absurd nesting.

Pages arrive unattended by the million; one bad argument must fail at once with a one-line
message (not as a traceback from deep inside), and one hostile page must cost seconds, not
hours.
"""

from __future__ import annotations

import itertools
import re

from . import decode, langid

# clean()'s default size guard: far above any article page (the readability pages are at
# most 2 MB of HTML, most under 200 KB; a page of inline images can reach 10-20 MB), low
# enough that one runaway input (a log, a dump) costs half a minute, not an hour: clean()
# runs at about 1 MB/s of text, linearly (benchmarks/linearity.py).
MAX_BYTES = 32_000_000


def check_options(raw: object, *, format: str, lang: object, url: object, max_bytes: object) -> None:
    """Refuse bad arguments with a one-line error before any work.

    Input larger than `max_bytes` (UTF-8 bytes, for a str) is refused rather than cut:
    a truncated page would come back as a shorter article with nothing to say so.
    """
    check_settings(format=format, lang=lang, url=url, max_bytes=max_bytes)
    check_size(raw, max_bytes)  # type: ignore[arg-type]


def check_settings(*, format: str, lang: object, url: object, max_bytes: object) -> None:
    """The option values alone (no input yet): `CleanOptions` checks them when it is made."""
    decode.check_format(format)
    for name, value in (("lang", lang), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")
    if isinstance(lang, str) and lang and langid.from_tag(lang) is None:
        raise ValueError(f"lang must be a language code such as 'vi' or 'pt-BR' (or None to detect it), not {lang!r}")
    if max_bytes is None:
        return
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"max_bytes must be an int or None, not {type(max_bytes).__name__}")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be at least 1 (or None for no limit), not {max_bytes}")


def check_size(raw: object, max_bytes: int | None) -> None:
    """Refuse input larger than `max_bytes` (already checked to be an int or None)."""
    if max_bytes is None:
        return
    size = _size(raw, max_bytes)
    if size > max_bytes:
        raise ValueError(
            f"input is {size:,} bytes, more than max_bytes={max_bytes:,}; "
            "pass a larger max_bytes (or None) to clean it anyway"
        )


def _size(raw: object, max_bytes: int) -> int:
    """The input's size in bytes; a str is encoded only when its length leaves it in doubt."""
    if isinstance(raw, str):  # UTF-8 takes 1 to 4 bytes a character
        return len(raw) if 4 * len(raw) <= max_bytes else len(raw.encode("utf-8", "surrogatepass"))
    if isinstance(raw, memoryview):
        return raw.nbytes
    return len(raw) if isinstance(raw, (bytes, bytearray)) else 0  # to_text() refuses other types


# The HTML parser (lexbor) checks the stack of open elements at each start tag, so markup
# nested N deep costs N^2: 20,000 nested <div>s parse in 0.35 s, 80,000 in 6 s, and a
# megabyte of them would take minutes. Real pages nest far less (at most 34 elements on the
# readability pages), so elements deeper than MAX_DEPTH are dropped, keeping their text.
MAX_DEPTH = 1_000
# Fewer tags than this cannot nest deep enough to matter (0.35 s at worst): such a page (all
# but a few) is not scanned at all.
SCAN_ABOVE_TAGS = 20_000
# Elements that never open a level: void ones, and those an end tag may omit (the parser
# closes them itself, so counting them would see depth that is not there).
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen "
    "p li dt dd tr td th thead tbody tfoot option optgroup rb rt rtc rp colgroup caption".split()
)
# A tag, or a stretch the parser reads as text whatever it holds (comments, scripts, styles).
# The standard library's engine: twice as fast as `regex` here (about 15 ms a megabyte).
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title|xmp|noscript)\b.*?(?:</\1\s*>|\Z)"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>",
    re.S | re.I,
)


def bound_nesting(html: str) -> str:
    """`html` with the elements nested deeper than MAX_DEPTH removed (their text stays)."""
    if html.count("<") <= SCAN_ABOVE_TAGS:
        return html
    steps = [
        0 if not name or self_closing or name.lower() in _FLAT else -1 if closing else 1
        for _, closing, name, self_closing in _TAG.findall(html)
    ]
    if max(itertools.accumulate(steps, _step), default=0) <= MAX_DEPTH:
        return html  # a big page, but not a deep one: left as it is
    depth, keep_from, out = 0, 0, []
    for m, step in zip(_TAG.finditer(html), steps):
        if not step:
            continue
        deep = depth >= MAX_DEPTH if step > 0 else depth > MAX_DEPTH
        depth = _step(depth, step)
        if deep:
            out.append(html[keep_from : m.start()])
            keep_from = m.end()
    out.append(html[keep_from:])
    return "".join(out)


def _step(depth: int, step: int) -> int:
    """The depth after a tag: a stray end tag closes nothing."""
    depth += step
    return depth if depth > 0 else 0
