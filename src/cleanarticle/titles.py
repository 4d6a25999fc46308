"""The headline as printed: reconcile the page's `<h1>`s with the titles its head declares.

The head's titles (JSON-LD `headline`, `og:title`, `twitter:title`, `<title>`) are written
for search engines and share cards: they carry the site's name ("… | Site") and are often
reworded. The headline people read is the page's `<h1>`. So an `<h1>` that one of the
head's titles agrees with (shares most of its words) is taken as printed; only when no
`<h1>` agrees does a head title stand, with the site's name cut off.
"""

from __future__ import annotations

import html
import unicodedata
import urllib.parse

import regex

# How many <h1> elements are considered (pages put logos, section names and teasers in more).
MAX_H1 = 6
# An <h1> agrees with a head title when this share of its words are in that title and this
# share of the title's words (site name cut) are in the <h1>. Measured on the even half of
# wcxb's articles: 0.6/0.5 keeps the reworded og:titles ("Average Cost of Online College
# [2025]: Yearly Tuition + Fees" for the <h1> "Average Cost of Online College") and rejects
# logos and section names.
AGREE_H1_SHARE = 0.6
AGREE_TITLE_SHARE = 0.5
# Headlines are at most this many words; a longer <h1> is a paragraph styled big.
MAX_TITLE_WORDS = 40
# A segment of a title is the site's name when its letters equal or contain the site's
# (or the host's) and it is at most this many words ("The Daily Example").
MAX_SITE_WORDS = 6

# Separators between a headline and the site's name: "|", "-", "–", "—", "•", "·", "::", "»", "/".
# (Leading spaces are tried only where their run starts: from each space of a long run, quadratic.)
_SEPARATOR = regex.compile(r"(?<!\s)\s+(?:[|\-–—•·»/]|::)\s+|(?:(?<!\s)\s+)?[|｜]\s*")
# A date printed before a headline: "Dec 18 2025", "18. Dezember 2025", "2025-12-18".
_DATE_SHAPE = regex.compile(r"^(?:\w+\.?\s+\d{1,2}|\d{1,2}\.?\s+\w+),?\s+\d{4}$|^\d{4}-\d{2}-\d{2}$")
# A site's name in brackets at the end of a <title>: "Weekly Edition [LWN.net]".
_BRACKETED = regex.compile(r"\s*\[([^\[\]]{1,80})\]$")
# Separator marks left at a segment's ends: "Site ::", ":: Site".
_EDGE_MARKS = " |:-–—•·»/｜"
_WORD = regex.compile(r"\w+")
# A heading's permalink anchor at its end: Sphinx "¶", "§", a link symbol, or "#" after a space
# (MkDocs; "C#" keeps its mark).
_PERMALINK_MARKS = ("¶", "§", "🔗")
_SPACES = regex.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
# German letters a host name spells out ("sueddeutsche.de" for "Süddeutsche"); other marks are dropped.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Words of a host that are not the site's name.
_HOST_NOISE = frozenset(
    {"www", "com", "org", "net", "co", "uk", "io", "blog", "news", "edu", "gov", "de", "fr", "at", "ch", "es", "it"}
    | {"ru", "jp", "br", "pt", "nl", "pl", "info", "online", "amp", "mobile"}
)


def text(value: str | None) -> str | None:
    """A declared string as people read it: entities decoded (twice: `&amp;#039;` is common), spaces collapsed."""
    if not value:
        return None
    for _ in range(2):
        if "&" not in value:
            break
        value = html.unescape(value)
    value = _SPACES.sub(" ", value).strip()
    return value or None


def heading(value: str | None) -> str | None:
    """A heading's text as people read it (see `text`), without the permalink mark that
    documentation sites print after it ("Installation¶", "Usage #")."""
    value = text(value)
    if value and (value.endswith(_PERMALINK_MARKS) or value.endswith(" #")):
        value = value[:-1].rstrip()
    return value or None


def _squash(value: str) -> str:
    """Letters and digits only, casefolded and spelled as a host name would ("Süddeutsche
    Zeitung" -> "sueddeutschezeitung", "Le Monde" -> "lemonde", "Élysée" -> "elysee")."""
    folded = "".join(_WORD.findall(value.casefold())).replace("_", "")
    if folded.isascii():
        return folded
    folded = folded.translate(_UMLAUTS)
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def _words(value: str) -> set[str]:
    return set(_WORD.findall(value.casefold().translate(_QUOTES)))


def site_keys(site_name: str | None, url: str | None, orgs: frozenset[str] = frozenset()) -> frozenset[str]:
    """The site's name in squashed form ("dailyexample"), from og:site_name, the URL's host
    and JSON-LD organisations."""
    keys = {_squash(n) for n in (site_name, *orgs) if n}
    if url:
        try:
            host = urllib.parse.urlsplit(url).hostname or ""
        except ValueError:
            host = ""
        parts = [p for p in host.split(".") if p not in _HOST_NOISE]
        if parts:
            keys.add(_squash(max(parts, key=len)))
    return frozenset(k for k in keys if len(k) >= 3)


def is_site(segment: str, sites: frozenset[str]) -> bool:
    """Whether a title segment names the site ("Daily Example", "dailyexample.com", "Example News")."""
    if len(segment.split()) > MAX_SITE_WORDS:
        return False
    key = _squash(segment)
    return bool(key) and any(s == key or ((s in key or key in s) and len(key) >= 3) for s in sites)


def strip_site(title: str, sites: frozenset[str]) -> str:
    """`title` without a leading or trailing segment that names the site ("Headline | Site" -> "Headline")."""
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    seps = _SEPARATOR.findall(title)
    start, end = 0, len(parts)
    while end - start > 1 and _cut(parts[end - 1], parts[start : end - 1], sites):
        end -= 1
    while end - start > 1 and _cut(parts[start], parts[start + 1 : end], sites):
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    out = parts[start]
    for k in range(start + 1, end):
        out += seps[k - 1] + parts[k]
    return out.strip()


def _cut(part: str, rest: list[str], sites: frozenset[str]) -> bool:
    """Whether a title's edge part is the site's name: it is the name, or holds it and is the shorter part.

    A part that only contains the site's name is cut when it is shorter than the longest part
    left: "新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET" holds the blog's name inside
    its headline part.
    """
    return _squash(part) in sites or (is_site(part, sites) and len(part) < max(len(p) for p in rest))


def _segments(title: str) -> list[str]:
    """A head title's parts between separators, a trailing "[Site]" as its own part."""
    parts = [p.strip(_EDGE_MARKS) for p in _SEPARATOR.split(title)]
    bracket = _BRACKETED.search(parts[-1]) if parts else None
    if bracket:
        parts[-1:] = [parts[-1][: bracket.start()].strip(_EDGE_MARKS), bracket.group(1)]
    return [p for p in parts if p]


def names_site(h1: str, heads: list[tuple[str, str]], h1s: list[str]) -> bool:
    """Whether an <h1> is the site's name (a logo) that a head title prints after the headline.

    "Headline | Site" is the head titles' convention: an <h1> that is the last part of one, with
    a longer part before it (or a part before it that another <h1> prints), is the site's name.
    The converse "Site | Headline" keeps its <h1>: the part before it is the shorter one. On wcxb's
    articles (both halves) the <h1> equal to a <title>'s last part was the gold headline on the
    5 pages where the part before it was shorter, and on none of the 17 where it was longer.
    """
    if len(h1.split()) > MAX_SITE_WORDS:
        return False
    key = frozenset({_squash(h1)})
    for _, title in heads:
        parts = _segments(title)
        if len(parts) < 2 or not is_site(parts[-1], key):
            continue
        before = parts[:-1]
        if len(" ".join(before)) > len(h1) or any(_squash(p) == _squash(o) for p in before for o in h1s if o != h1):
            return True
    return False


def agrees(h1: str, title: str) -> bool:
    """Whether a head title says the same as an <h1> (most words shared both ways)."""
    a, b = _words(h1), _words(title)
    if not a or not b:
        return False
    shared = len(a & b)
    return shared >= AGREE_H1_SHARE * len(a) and shared >= AGREE_TITLE_SHARE * len(b)


def printed_headline(h1s: list[str], heads: list[tuple[str, str]], sites: frozenset[str]) -> tuple[str, str] | None:
    """(headline, source) of the first <h1> that a head title agrees with, or None."""
    for h1 in h1s[:MAX_H1]:
        if len(h1.split()) > MAX_TITLE_WORDS or is_site(h1, sites) or names_site(h1, heads, h1s):
            continue
        for source, title in heads:
            core = strip_site(title, sites)
            if agrees(h1, core):
                # An <h1> that prints a label before the headline ("Title:", a date, the site) gives way
                # to it; more words after it are the headline's own (on wcxb, even half: 2 lost, 0 won).
                if len(core) < len(h1) and _fold(h1).endswith(_fold(core)) and _label(h1, core, sites):
                    return core, f"{source} inside <h1>"
                return h1, f"<h1> agreeing with {source}"
    return None


def _label(h1: str, core: str, sites: frozenset[str]) -> bool:
    """Whether the <h1>'s words before the headline are a label: "Title:", a date, the site's name."""
    extra = h1[: len(h1) - len(core)].strip()
    return extra.endswith(":") or bool(_DATE_SHAPE.match(extra)) or is_site(extra, sites)


def _fold(value: str) -> str:
    return " ".join(value.casefold().translate(_QUOTES).split())
