"""`Article.comments`: the page's user comments, one per line, read after the body is decided.

Comments are never body: only lines the pipeline already labelled as chrome can become
comments, so the feature cannot change the body. HTML reads the regions `html_blocks`
already marked `comments` (no second walk of the tree): each comment is the innermost
element around a block that names one comment (`li.comment`, `article`, `id="comment-12"`,
`itemtype=".../Comment"`; data/comment_markup.tsv), and its text is the blocks inside its
text element (`comment-content`, `post-message`), or else its blocks outside the furniture
around it (author, date, "Reply", the reply form). Text mode reads the lines after a
comments heading ("12 Comments", lexicon kind `thread`) that follows the article's last body
line, up to the page's footer: runs of sentence lines between the author, date and button
lines are one comment each. On a forum or Q&A page (`kind == "forum"`) the posts are the
body, so `comments` is empty.
"""

from __future__ import annotations

import functools
import importlib.resources
import types
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import regex

from . import kind, lexicon, model
from .classify import GOOD, NEAR, Guess
from .features import LineFeatures
from .html_blocks import Dom

# A comment block that is mostly link text is a button row or a list of links, not words a
# reader wrote (the same 0.5 as classify.LINK_DENSITY_MAX, the cut trafilatura uses too).
LINK_DENSITY_MAX = 0.5
# A thread heading may start a longer line ("3 thoughts on “<the article's title>”") up to
# this many words; a line this long or ending in a full stop is a comment, not its heading.
HEADING_MAX_WORDS = 30
# Text mode: a comment is signed by the few lines above it (author, date, "Reply" of the one
# before); more lines than this between two runs of text are something else.
SIGNATURE_MAX_LINES = 4
# Kinds of lexicon chrome after which a text page's comment thread is over.
THREAD_ENDS = frozenset((model.FOOTER, model.RELATED))
# Tags that are furniture inside a comment wherever they stand: its header and footer (who
# and when; buttons) and the reply form.
FURNITURE_TAGS = frozenset(("header", "footer", "form", "nav", "menu", "h1", "h2", "h3", "h4", "h5", "h6"))
FORM_TAGS = frozenset(("form", "fieldset", "legend"))
# Labels that make a region the article's, not a comment section.
KEPT = frozenset((model.BODY, model.TITLE))
ITEM_TAGS = frozenset(("article",))
WEAK_ITEM_TAGS = frozenset(("li",))

# An id naming one comment: a word and a number ("comment-17303", "div-comment-12", "reply_42").
_ITEM_ID = regex.compile(r"(?i)^[a-z_-]*?(?:comment|post|reply|answer)[-_]?\d+$")
_WORD_SPLIT = regex.compile(r"[^a-z0-9]+")
_CAMEL = regex.compile(r"(?<=[a-z0-9])(?=[A-Z])")


class Comments(NamedTuple):
    """The comments of a page and, per block index, why the block belongs to which comment."""

    lines: tuple[str, ...] = ()
    notes: Mapping[int, str] = types.MappingProxyType({})


NONE = Comments()


class _Role(NamedTuple):
    """What a block element is inside a comment section (one per element, memoised per page)."""

    item: int  # 2: names one comment; 1: a list item (a comment where nothing names one); 0: neither
    text: bool  # holds a comment's own words
    furniture: bool  # author, date, buttons around the words
    form: bool  # the reply form


@functools.lru_cache(maxsize=1)
def _markup_words() -> dict[str, frozenset[str]]:
    """data/comment_markup.tsv as kind -> words."""
    out: dict[str, set[str]] = {}
    path = importlib.resources.files("cleanarticle") / "data" / "comment_markup.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, word = line.partition("\t")
            out.setdefault(kind.strip(), set()).add(word.strip().lower())
    return {kind: frozenset(words) for kind, words in out.items()}


def _words(value: str | None) -> set[str]:
    """An attribute's words: "comment-metaData" -> {"comment", "meta", "data"} (and "metadata" whole)."""
    if not value:
        return set()
    out = set()
    for token in value.split():
        out.add(token.lower())
        out.update(w for w in _WORD_SPLIT.split(_CAMEL.sub(" ", token).lower()) if w)
    return out


@functools.lru_cache(maxsize=4096)
def _role(tag: str, cls: str | None, ident: str | None, prop: str | None, itemtype: str | None) -> _Role:
    """The role of an element from its tag and attributes (cached: a thread repeats its class names)."""
    kinds = _markup_words()
    tokens = {t.lower() for t in f"{cls or ''} {prop or ''}".split()}
    names_one = (
        tag in ITEM_TAGS
        or (itemtype or "").rstrip("/").endswith("Comment")
        or bool(tokens & kinds["item"])
        or bool(ident and _ITEM_ID.match(ident.strip()))
    )
    item = 2 if names_one else 1 if tag in WEAK_ITEM_TAGS else 0
    words = _words(cls) | _words(ident) | _words(prop)
    text = bool(words & kinds["text"])
    furniture = tag in FURNITURE_TAGS or bool(words & kinds["furniture"])
    form = tag in FORM_TAGS or bool(words & kinds["form"])
    return _Role(item, text and not furniture, furniture and not text, form)


def find(
    feats: Sequence[LineFeatures],
    first: Sequence[Guess],
    final: Sequence[str],
    *,
    dom: Dom | None = None,
    lex: lexicon.Lexicon,
    page_kind: str,
) -> Comments:
    """The page's comments (see the module's docstring); `first` is the first pass's guesses."""
    if page_kind == kind.FORUM:
        return NONE
    if dom is not None:
        return html_comments(feats, first, final, dom)
    return text_comments(feats, first, final, lex)


def html_comments(feats: Sequence[LineFeatures], first: Sequence[Guess], final: Sequence[str], dom: Dom) -> Comments:
    """Comments from the regions html_blocks marked `comments` (see the module's docstring)."""
    candidates = [
        i
        for i, b in enumerate(dom.blocks)
        if b.region == model.COMMENTS and final[i] in model.CHROME and b.link_density < LINK_DENSITY_MAX
    ]
    if not candidates:
        return NONE
    # A region that holds the article's title or body is a page wrapped in comment-named
    # markup (`<body class="... has-comments">`, a forum's post list), not a comment section.
    holds_article = {b.region_id for b, label in zip(dom.blocks, final) if label in KEPT and b.region_id}
    candidates = [i for i in candidates if dom.blocks[i].region_id not in holds_article]
    roles: dict[int, _Role] = {}

    def role(element: int) -> _Role:
        r = roles.get(element)
        if r is None:
            tag, attrs = dom.tags.get(element, ("", {}))
            r = roles[element] = _role(
                tag, attrs.get("class"), attrs.get("id"), attrs.get("itemprop"), attrs.get("itemtype")
            )
        return r

    # item element -> (its region, [(block index, inside its text element, under furniture)]),
    # in the order of the comments' first blocks
    items: dict[int, tuple[int, list[tuple[int, bool, bool]]]] = {}
    for i in candidates:
        b, f = dom.blocks[i], feats[i]
        if f.chrome or f.date_only or f.ago or not f.words:
            continue
        chain = []
        element = b.element
        while element:
            chain.append(element)
            if element == b.region_id:
                break
            element = dom.parent.get(element, 0)
        # Nothing under the reply form is a comment (a comment's own element is never the
        # form: WordPress names its author's role there, "comment-author-editor").
        if any(role(e).form and role(e).item != 2 for e in chain):
            continue
        strong = next((n for n, e in enumerate(chain) if role(e).item == 2), None)
        at = strong if strong is not None else next((n for n, e in enumerate(chain) if role(e).item == 1), None)
        if at is None:
            continue
        # A list item named as nothing else is a comment only where it reads as one, and its
        # own class may call it furniture ("Spam", "Offensive": a report menu's items).
        weak = strong is None
        if weak and not _reads_as_words(f, first[i]):
            continue
        # The nearest element below the comment's own that names words or furniture decides
        # ("Expand full comment" under `comment-body` is a button).
        nearest = next((r for r in (role(e) for e in chain[: at + 1 if weak else at]) if r.text or r.furniture), None)
        in_text = nearest is not None and nearest.text
        furniture = (nearest is not None and nearest.furniture) or (b.heading and not in_text)
        items.setdefault(chain[at], (b.region_id, []))[1].append((i, in_text, furniture))
    lines: list[str] = []
    notes: dict[int, str] = {}
    for region, blocks in items.values():
        has_text = any(in_text for _, in_text, _ in blocks)
        kept = [i for i, in_text, furniture in blocks if (in_text if has_text else not furniture)]
        if not kept:
            continue
        lines.append(" ".join(feats[i].text for i in kept))
        why = f"comment {len(lines)}: in the comment section <{dom.name(region)}>"
        notes.update((i, why) for i in kept)
    return Comments(tuple(lines), notes)


def _reads_as_words(f: LineFeatures, g: Guess) -> bool:
    """A sentence or a paragraph, not a name, a date, a button or a counter."""
    return not (f.date and not f.terminal) and (f.terminal or g.quality in (GOOD, NEAR))


def _signs(f: LineFeatures, thread_kind: str | None) -> bool:
    """A line that signs the comment under it: a date, a relative time, or a comment's button
    ("Reply", "Report"; a thread's heading is not one). A name alone does not: a box's title
    ("SuperFan Badge") is name-shaped too."""
    return bool(f.date or f.ago or (f.chrome == model.COMMENTS and thread_kind is None))


def thread_line(f: LineFeatures, lex: lexicon.Lexicon) -> str | None:
    """The lexicon kind of a thread line: `thread` (its heading), `threadform` (its reply form), or None."""
    if not lex.threads or not f.text or f.words > HEADING_MAX_WORDS:
        return None
    key = lexicon.phrase_key(f.text)
    kind = lex.threads.get(key)
    if kind or (f.terminal and not f.question):
        return kind
    words = key.split(" ")
    for n in range(1, min(len(words), lexicon.MAX_PHRASE_WORDS) + 1):
        kind = lex.threads.get(" ".join(words[:n]))
        if kind:
            return kind
    return None


def text_comments(
    feats: Sequence[LineFeatures], first: Sequence[Guess], final: Sequence[str], lex: lexicon.Lexicon
) -> Comments:
    """Comments from the lines after a comments heading that follows the body (see the module's
    docstring). A heading whose lines hold no comment (a "Comments" link in a rail) is passed over."""
    last_body = max((i for i, label in enumerate(final) if label == model.BODY), default=None)
    if last_body is None or not lex.threads:
        return NONE
    i = last_body + 1
    while i < len(feats):
        if thread_line(feats[i], lex):
            runs, end = _read_thread(feats, first, final, lex, i)
            if runs:
                lines = tuple(" ".join(feats[j].text for j in run) for run in runs)
                why = f"after the comments heading (line {i + 1})"
                return Comments(lines, {j: f"comment {n}: {why}" for n, run in enumerate(runs, 1) for j in run})
            i = end
        i += 1
    return NONE


def _read_thread(
    feats: Sequence[LineFeatures], first: Sequence[Guess], final: Sequence[str], lex: lexicon.Lexicon, start: int
) -> tuple[list[list[int]], int]:
    """The comments (runs of line indices) after the heading at `start`, and where the thread ends."""
    runs: list[list[int]] = []
    run: list[int] = []
    # The lines between the last comment (or the heading) and this one: (signs it, headline).
    gap: list[tuple[bool, bool]] = []

    def close(button_under: bool) -> None:
        # A comment is signed by a few lines above it holding a signature and no headline (a
        # rail of teasers has timestamps too), or by a button right under it.
        signed = 0 < len(gap) <= SIGNATURE_MAX_LINES and any(s for s, _ in gap) and not any(h for _, h in gap)
        if run:
            if signed or button_under:
                runs.append(run[:])
            gap.clear()
            run.clear()

    i, buttons = start + 1, 0
    for i in range(start + 1, len(feats)):
        f = feats[i]
        if not f.text:
            continue
        kind = thread_line(f, lex)
        if f.chrome in THREAD_ENDS or (kind == "threadform" and runs):
            break
        if final[i] in model.CHROME and kind is None and not f.chrome and _reads_as_words(f, first[i]):
            run.append(i)
            continue
        button = f.chrome == model.COMMENTS and kind is None
        buttons += button
        close(button)  # a date under a run is the next comment's
        gap.append((_signs(f, kind), f.headline))
    close(False)
    # A thread without a single "Reply" or "Report" is a rail of teasers under a heading.
    return (runs if buttons else []), i
