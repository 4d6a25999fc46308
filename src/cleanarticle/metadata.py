"""Title, byline, authors and publication date, found from line features near the top.

These run before the context pass: the lines they pick are labelled `title`,
`byline` and `date`, so that the body never repeats them.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

import regex

from . import classify, features
from .classify import Guess
from .dates import DateHit
from .features import LineFeatures, name_of
from .lexicon import Lexicon

# How many non-blank lines before the first good paragraph the title may stand.
TITLE_LOOKBACK = 8
# When the page opens with its lead (above the title), how far after it to look.
TITLE_LOOKAHEAD = 6
# A title must be followed by a good paragraph within this many non-blank lines.
TITLE_TO_BODY = 4
# A heading counts as the declared title when it is this long and inside it ("Title | Site").
TITLE_MIN_MATCH = 20
# Byline and date stand this close (non-blank lines) to the title.
META_WINDOW = 5
# HTML pages print more blocks between headline and byline (standfirst, image, caption,
# share buttons, section links): on the readability pages the byline lies up to 8 blocks
# below the title; 10 finds those and no byline of a related article further down.
HTML_META_WINDOW = 10
# Lines above the title where an author's name may be printed (a kicker with the byline).
META_ABOVE = 3
# A line beside the headline with a date and at most this many words is its date line
# ("Transport, July 17, 2025, 4 min read"). Measured on wcxb (dates right of 194 even /
# 198 odd, with the other date rules of issue 19 in place): without this rule 188 / 179;
# 6 words 188 / 181; 8 words 189 / 182; 12 to 20 words 189 / 183 (12 chosen, inside the
# even half's plateau); readability dates 26 of 33 either way.
ADJACENT_DATE_MAX_WORDS = 12

# What ends a name before a date on its line ("By Jane Doe | July 17", "記者 林怡君／2025年3月8日"):
# bars, bullets and dashes in their ASCII and full-width forms; a hyphen or slash only with
# spaces around it (unspaced, it is part of a name or a date).
_BYLINE_DATE_SEPARATOR = regex.compile(r"(?:(?<!\s)\s+)?[|｜•·—–／]\s*|(?<!\s)\s+[-－/]\s+")
# Declared names (JSON-LD, meta, markup) are names unless they are a template's unfilled
# value (a script's "undefined"; role words such as "Admin" are the lexicon's `notname`)
# or longer than this many words (a biography, a sentence).
_PLACEHOLDERS = frozenset({"undefined", "null", "n/a"})
DECLARED_MAX_WORDS = 6
_NOT_A_NAME = regex.compile(r"@|://|^www\.|^\W*$|^[\d\W]+$")
_QUOTES = " \"'“”‘’«»"
_AUTHOR_PARTS = regex.compile(r"(?:(?<!\s)\s+)?[,;&|]\s*")
# "Jane Doe (http://example.org/jane)", "Jane Doe <jane@example.org>": the address goes, the name stays.
# Bounded and without nested brackets, so that a long run of "(" or spaces scans in linear time.
_ADDRESS_IN_NAME = regex.compile(r"(?:(?<!\s)\s+)?[(<\[][^()<>\[\]]{0,120}?(?:://|@)[^()<>\[\]]{0,120}[)>\]]")


@functools.lru_cache(maxsize=64)
def _author_split(lex: Lexicon) -> regex.Pattern:
    """Separators between authors: punctuation, and the lexicon's `nameand` words ("and", "und", "và").

    Leading spaces are tried only where their run starts: from each space of a long run (a
    declared author of a megabyte of spaces) the scan is quadratic.
    """
    words = "|".join(regex.escape(w) for w in lex.name_and) or r"(?!x)x"
    return regex.compile(rf"(?:(?<!\s)\s+)?(?:,|;|&|\||、|،|\s[-–—]\s|\b(?:{words})\b)\s*", regex.I)


@dataclasses.dataclass(frozen=True, slots=True)
class Meta:
    title: int | None = None
    byline: int | None = None
    byline_text: str | None = None
    date_line: int | None = None
    header_dates: tuple[int, ...] = ()


def _titleish(f: LineFeatures, g: Guess, byline: regex.Pattern | None = None) -> bool:
    """Shaped like a headline, and not a byline or date line that reads like one: a line
    with a date ("October 11, 2023 by Jane Doe"), or opening with a byline word however
    many names follow ("Written by A, B, and C"); nor a line of a hard-wrapped paragraph."""
    return (
        f.headline
        and g.label == "body"
        and g.rule != "classify.wrapped"
        and f.name is None
        and not f.byline_prefix
        and f.date is None
        and (byline is None or not byline.match(f.text))
    )


def find_title(
    feats: list[LineFeatures], guesses: list[Guess], nonblank: list[int], lex: Lexicon | None = None
) -> int | None:
    """The headline nearest above the first good paragraph (or just below a lead printed first).

    `lex` gives the byline words that a headline does not open with."""
    first_good = next(
        (k for k, i in enumerate(nonblank) if guesses[i].quality == classify.GOOD and guesses[i].label == "body"), None
    )
    if first_good is None:
        return None
    byline = features.byline_start(lex) if lex is not None else None
    title = None
    for k in range(first_good - 1, max(-1, first_good - 1 - TITLE_LOOKBACK), -1):
        i = nonblank[k]
        if _titleish(feats[i], guesses[i], byline):
            title = i
            break
    if title is None:
        for k in range(first_good + 1, min(len(nonblank), first_good + 1 + TITLE_LOOKAHEAD)):
            i = nonblank[k]
            after = nonblank[k + 1 : k + 1 + TITLE_TO_BODY]
            if _titleish(feats[i], guesses[i], byline) and any(guesses[j].quality == classify.GOOD for j in after):
                title = i
                break
    if title is None:
        return None
    # A title printed twice near the top: the first copy is the title.
    key = feats[title].key
    return next(i for i in nonblank if feats[i].key == key)


def title_line(feats: list[LineFeatures], nonblank: list[int], title: str) -> int | None:
    """The first line that prints a declared title whole, else the first headline-shaped line inside it
    (HTML pages: `<h1>` under `<title>`): a menu entry that prints part of the headline comes
    before the headline itself on many pages."""
    key = " ".join(title.casefold().split())
    exact = next((i for i in nonblank if feats[i].key == key), None)
    if exact is not None:
        return exact
    for i in nonblank:
        if len(feats[i].key) >= TITLE_MIN_MATCH and feats[i].key in key and feats[i].headline:
            return i
    return None


def find_byline_and_date(
    feats: list[LineFeatures],
    guesses: list[Guess],
    nonblank: list[int],
    title: int | None,
    marked: frozenset[int] | None = None,
    joiners: frozenset[str] = frozenset(),
    date_words: frozenset[str] = frozenset(),
    updated: Callable[[LineFeatures], bool] | None = None,
    elsewhere: frozenset[int] = frozenset(),
) -> Meta:
    """Byline and date lines in a window around the title; weekday dates above it are site headers.

    `marked` (HTML pages) holds the lines that the markup calls a byline or author. There a
    bare name must be marked: on the readability pages, unmarked Title-Case lines under the
    title were section names and buttons ("Middle East", "Read Later") far more often than
    authors. A marked line may also be a name in capitals ("JOE HILDEBRAND"). `date_words`
    (the lexicon's) may stand between a date and the other fields of its line. `updated` says
    whether a line's date is labelled as the page's update. Lines `elsewhere` (HTML: in the
    comments) sign another text and are passed over.
    """
    if title is None:
        return Meta()
    k_title = nonblank.index(title)
    below = []
    window = META_WINDOW if marked is None else HTML_META_WINDOW
    for i in nonblank[k_title + 1 : k_title + 1 + window]:
        # Text: up to the first good paragraph; HTML: past it (a standfirst often sits
        # between headline and byline), good paragraphs themselves are left out below.
        if marked is None and guesses[i].quality == classify.GOOD:
            break
        below.append(i)
    above = nonblank[max(0, k_title - META_ABOVE) : k_title][::-1]
    # Below first: most sites print them there.
    around = [i for i in below + above if guesses[i].quality != classify.GOOD and i not in elsewhere]
    # An explicit "By ..." wins over a bare name (a section link or a related author may
    # come first); above the title only the explicit form counts: menus are full of names.
    prefixed = [i for i in around if feats[i].byline_prefix and not feats[i].chrome]
    named = [
        i
        for i in around
        if i > title
        and not feats[i].chrome
        and (feats[i].name if marked is None else i in marked and (feats[i].name or _caps_name(feats[i], joiners)))
    ]
    byline = next(iter(prefixed or named), None)
    dated = []
    for i in around:
        f = feats[i]
        if f.date is not None and (f.date_field or i == byline):
            if i < title and f.weekday and i == nonblank[0]:
                continue
            dated.append(i)
    # A date the page labels as an update gives way to another printed beside the headline
    # ("Aktualisiert am 13.03.2024" over "Erstellt am 12.03.2024").
    date_line = next((i for i in dated if updated is None or not updated(feats[i])), dated[0] if dated else None)
    if date_line is None:
        date_line = _adjacent_date(feats, guesses, nonblank, k_title, date_words)
    header_dates = tuple(i for i in nonblank[:k_title] if feats[i].date_only and i != date_line)
    byline_text = _byline_text(feats[byline]) if byline is not None else None
    return Meta(title, byline, byline_text, date_line, header_dates)


def _adjacent_date(
    feats: list[LineFeatures], guesses: list[Guess], nonblank: list[int], k_title: int, date_words: frozenset[str]
) -> int | None:
    """A date in the line just below or just above the headline, among a few other words.

    Sites print the date in a line of fields beside the headline ("Travel · July 17, 2025 ·
    5 min read", "July 17, 2025 in Guides, Tips"), which the date-line rules (a date alone
    or alone in its field) miss.
    """
    for k in (k_title + 1, k_title - 1):
        if not 0 <= k < len(nonblank):
            continue
        i = nonblank[k]
        f = feats[i]
        if (
            f.date is not None
            and f.words <= ADJACENT_DATE_MAX_WORDS
            and not f.terminal
            and guesses[i].quality != classify.GOOD
            and _field_edge(f.text, f.date, date_words)
        ):
            return i
    return None


def _field_edge(text: str, hit: DateHit, date_words: frozenset[str]) -> bool:
    """Whether a date opens or closes a field of its line: at the line's start or end, or beside
    punctuation ("Transport, July 17, 2025, 4 min read") or a date word ("Posted on July 17, 2025
    in News"). A date amid plain words is inside a phrase ("Tags: transport 2025.07.17 city")."""
    before, after = text[: hit.start].rstrip(), text[hit.end :].lstrip()
    if not before or not after or not before[-1].isalnum() or not after[0].isalnum():
        return True
    return before.split()[-1].casefold() in date_words


def labelled_date(
    feats: list[LineFeatures],
    guesses: list[Guess],
    nonblank: list[int],
    published: Callable[[LineFeatures], bool],
    elsewhere: frozenset[int] = frozenset(),
) -> int | None:
    """The first short line anywhere whose date the page labels as its publication
    ("Veröffentlicht am 12.03.2024" under the article): read only where nothing else dates the
    page (no date beside the headline, none declared)."""
    for i in nonblank:
        f = feats[i]
        if (
            f.date is not None
            and f.words <= ADJACENT_DATE_MAX_WORDS
            and guesses[i].quality != classify.GOOD
            and i not in elsewhere
            and published(f)
        ):
            return i
    return None


def printed_near(feats: list[LineFeatures], nonblank: list[int], title: int | None, byline: str) -> bool:
    """Whether a name of `byline` is printed within the byline window around the title line.

    Author markup (`rel=author`, `author-name`) also marks the authors of teasers and
    comments: it counts only where the headline's own byline stands.
    """
    if title is None:
        return True
    k = nonblank.index(title)
    window = nonblank[max(0, k - META_ABOVE) : k + 1 + HTML_META_WINDOW]
    names = [n.casefold() for n in _AUTHOR_PARTS.split(byline) if len(n) > 1]
    return any(n in feats[i].text.casefold() for i in window for n in names)


def _caps_name(f: LineFeatures, joiners: frozenset[str]) -> bool:
    """A name printed in capitals: "JOE HILDEBRAND"."""
    return f.all_caps and name_of(f.text.title(), joiners=joiners) is not None


def _byline_text(f: LineFeatures) -> str:
    """The printed byline without the date and time that share its line.

    The name ends at the first separator before the date, only looked for before it, so
    that a slash or dash inside the date ("2025／3／8", "17/07/2025") never cuts.
    """
    text = f.text
    if f.date is not None and f.date.start > 0:
        text = _BYLINE_DATE_SEPARATOR.split(text[: f.date.start])[0]
    return text.strip(" |,-／｜")


# What may follow a byline word before the name: a space, a colon or a slash in their Latin
# and full-width forms ("Von Max", "Autor: Max", "文：山田太郎", "文/张三").
_PREFIX_ENDS = (" ", ":", "：", "/", "／")
# A bracketed remark after a name is no part of it: an agency or a place ("Max Mustermann (dpa)").
_BRACKET_TAIL = regex.compile(r"(?:(?<!\s)\s+)?[(（][^()（）]{1,40}[)）]\s*$")


def _strip_prefix(text: str, lex: Lexicon) -> str:
    folded = text.casefold()
    for word in lex.byline_words:
        if folded.startswith(word) and folded[len(word) : len(word) + 1] in _PREFIX_ENDS:
            return text[len(word) :].lstrip(" :：/／")
    return text


def _role(name: str, lex: Lexicon) -> bool:
    """Whether a byline part of several words is a role or a desk, not a person: it opens with a
    `notname` ("Korrespondent in Berlin") or with a lower-case particle ("da Folha")."""
    words = name.split()
    first = words[0].casefold()
    return len(words) > 1 and (first in lex.not_names or (name[0].islower() and first in lex.name_joiners))


def _strip_suffix(text: str, lex: Lexicon) -> str:
    """A byline without the word that ends it after the name ("山田太郎記者", "홍길동 기자")."""
    folded = text.casefold().rstrip()
    for word in lex.byline_after:
        if folded.endswith(word) and len(folded) > len(word):
            return text.rstrip()[: -len(word)].rstrip()
    return text


# A single capitalised word (a city, a desk), not a credential in capitals or with dots ("PhD", "MS").
_PLACE_WORD = regex.compile(r"^\p{Lu}\p{Ll}{2,}$")


def _without_bracket_tail(part: str, lex: Lexicon, declared: bool) -> str:
    """A name without the bracketed remark after it: in a printed byline any ("Max Mustermann
    (Berlin)"); in a declared one only an agency (`notname`), since sites declare their own
    handle there ("Jean-Luc Aufranc (CNXSoft)", wcxb's gold keeps it)."""
    m = _BRACKET_TAIL.search(part)
    if m is None or (declared and m.group().strip(" (（)）").casefold() not in lex.not_names):
        return part
    return part[: m.start()]


@functools.lru_cache(maxsize=64)
def _credit_start(lex: Lexicon) -> regex.Pattern:
    """A picture credit's opening ("Foto: ", "Photo: "): a byline that is a photographer's, not an author's."""
    words = "|".join(regex.escape(w) for w in lex.credit_words) or r"(?!x)x"
    return regex.compile(rf"^(?:{words})\s*[:：]", regex.I)


def _declared_name(part: str, lex: Lexicon) -> str | None:
    """A name as a page declares it (JSON-LD, meta, markup): anything short that is not an address or a placeholder."""
    name = _strip_prefix(_ADDRESS_IN_NAME.sub("", part).strip(_QUOTES + " ,;:"), lex).strip(_QUOTES + " ,;:")
    if not name or _NOT_A_NAME.search(name) or len(name.split()) > DECLARED_MAX_WORDS:
        return None
    return None if name.casefold() in _PLACEHOLDERS else name


def authors(
    byline: str | None, lex: Lexicon, *, declared: bool = False, is_site: Callable[[str], bool] | None = None
) -> tuple[str, ...]:
    """Names only: prefixes ("By", "Bởi", "Theo") stripped, parts that are not names dropped.

    A `declared` byline (from the markup) is trusted to hold names, so a one-word name
    ("BeauHD") or one in lower case stays; a byline found in the text must read as a name.
    Either way, e-mail addresses, handles, role words and agencies (`notname`) are not
    authors, nor the site itself (`is_site`) beside a person.
    """
    if not byline or _credit_start(lex).match(byline):
        return ()
    text = _strip_suffix(_strip_prefix(byline, lex), lex)
    # After a byline word, names in scripts without capitals count ("文：山田太郎", "بقلم: محمد أحمد").
    caseless = text != byline
    names: list[str] = []
    for part in _author_split(lex).split(text):
        part = _without_bracket_tail(part, lex, declared)
        name = _declared_name(part, lex) if declared else name_of(part, caseless=caseless, joiners=lex.name_joiners)
        if name and name.casefold() not in lex.not_names and name not in names:
            names.append(name)
    # A role beside a name is no author ("Max Mustermann, Korrespondent in Berlin"); alone it is
    # what the page gives (wcxb's gold keeps "Staff Clinician").
    names = [n for n in names if not _role(n, lex)] or names
    # The site beside people is the publisher ("Jane Doe, Daily Example"); alone, it is the byline.
    people = [n for n in names if is_site is None or not is_site(n)]
    if declared and any(len(n.split()) > 1 for n in people):
        # One capitalised word beside full names is a place ("Max Mustermann, Berlin"); a
        # credential stays, as people write it down ("Dylan Bailey, MS, RD": wcxb's gold).
        people = [n for n in people if not _PLACE_WORD.match(n)]
    return tuple(people or names)
