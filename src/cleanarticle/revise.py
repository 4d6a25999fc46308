"""Second pass: revise each line's label from its neighbours.

The first pass (classify.py) looks at one line at a time. Here the page's shape decides
what a line alone cannot: a "related" heading owns the list under it, headline +
summary (+ timestamp) runs are teasers, a caption follows its image, short lines
between good paragraphs are headings or quotes, and everything after the comments
prompt or the last related heading is the end of the page. Each rule is a function
that rewrites `labels`/`reasons` in place over one page; `STEPS` runs them in a fixed
order under their rule ids (rules.py), and `revise(..., off=...)` skips the ones turned off.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

import regex

from . import article_end, model
from .classify import BAD, GOOD, NEAR, SHORT, Guess
from .features import LineFeatures, default_thresholds
from .main_content import MainContainer
from .metadata import Meta

if TYPE_CHECKING:
    from .thresholds import Thresholds

# A related heading owns at most this many list items after it.
MAX_BOX_ITEMS = 12
# A page is blank-separated (paragraphs between empty lines) above this share of blank lines;
# there an empty line ends a related box.
BLANK_SEPARATED_SHARE = 0.25
# jusText's max_heading_distance: a heading keeps if a good paragraph starts within this many chars.
MAX_HEADING_DISTANCE = 200
# A second headline at least this long (words, and this share of the title's words) with
# good paragraphs under it is another story printed after the article.
STORY_HEADLINE_MIN_WORDS = 10
STORY_HEADLINE_TITLE_SHARE = 0.6
# A comments prompt or related heading ends the article when less than this share of the
# body's characters would follow it.
TAIL_MAX_BODY_SHARE = 0.25
MIN_TOC_ENTRIES = 3
# HTML (revise.main_container): a run of lines between two lines of the main container stays
# the article's when every body line of it has this many words. wcxb HTML, articles / all
# pages: even 0.9493 / 0.8025 -> 0.9499 / 0.8030, odd 0.9516 / 0.7957 -> 0.9526 / 0.7960
# (article pages: 6 up and 2 down on the even half, 4 up and 1 down on the odd; tables,
# steps and key-figure sections inside the article kept); readability HTML 0.95988 -> 0.95990. Every run, whatever its
# words: even 0.9502 / 0.8032, odd 0.9524 / 0.7965, but readability 0.95934 (a news
# page's charts, whose axis labels stand between its sections, kept).
HOLE_MIN_WORDS = 2
# A copy: at least this many lines in a row printed again in the same order, one of them
# of this many words (a menu of one-word links repeated is decided by other rules). wcxb HTML,
# even half, articles / all pages: runs of 2 0.9472 / 0.7984, of 3 0.9469 / 0.7982, of 4
# 0.9469 / 0.7983 (0.9458 / 0.7967 without the rule): 3, the middle of a flat range.
MIN_REPEAT_RUN = 3
REPEAT_RUN_WORDS = 5
# Text mode (revise.truncated): a line cut short with an ellipsis ("…", "...", "[…]") with another
# one 2 to TRUNCATED_WINDOW non-blank lines away is a teaser's summary, cut by its template (a
# headline stands between two cards; two of the author's paragraphs trailing off in a row do not
# count), unless such lines hold TRUNCATED_MAX_GOOD_SHARE of the page's good text or more (a
# listing of teasers, whose gold keeps them). On wcxb's even half their share is at most 0.14 on
# article pages, 0.60 on one press release with a rail longer than itself, 0.94 on a listing:
# 0.75 sits in that gap. wcxb text, even half: articles 0.9161 -> 0.9185, all pages 0.7562 ->
# 0.7572; odd 0.9202 -> 0.9236, 0.7571 -> 0.7583 (one more lost page, a shop page whose news
# cards the gold keeps); readability text 0.9262 -> 0.9295; HTML unchanged. Adjacent cut lines
# counted too: even articles 0.9170.
TRUNCATED_WINDOW = 6
TRUNCATED_MAX_GOOD_SHARE = 0.75

# Main text block: the span of lines with the highest score, where good and near-good text adds its
# length and every other line costs a little (Finn et al.'s body text extraction, over
# lines instead of tags). The costs were first set on the readability pages (text mode): higher
# costs cut long articles at their first chrome box, lower ones glue sidebars on. On wcxb text
# mode 12 / 60 did better (even articles 0.909 -> 0.911, odd 0.911 -> 0.912, readability
# 0.918 -> 0.919) but cut the generated pages of tests/test_properties_chrome.py and
# test_fresh_chrome.py at their chrome boxes (paragraphs kept 0.946 and 0.925, under their
# floors), so 15 / 40 stay.
SHORT_LINE_COST = 15
CHROME_LINE_COST = 40

_CHROME_ENDS = (model.COMMENTS, model.RELATED)
# A count, a few words, then an opening quote: "15 Replies to “<headline>”", "3 Kommentare zu „…“".
_COUNTED_QUOTE = regex.compile(r"^\d[\d,.\s]*(?:\p{L}+\s+){1,4}([“\"«„‘'「『])")
_CLOSING_QUOTES = "”\"»“’'」』"
# A related phrase, a separator, then words: "Read more: <headline>", an inline link.
_INLINE_LINK = regex.compile(r"[:|»›]\s*\w")


@dataclasses.dataclass(slots=True)
class _Page:
    """The working state of one page's context pass (local to `revise`)."""

    feats: list[LineFeatures]
    guesses: list[Guess]
    labels: list[str]
    reasons: list[str]
    rules: list[str]
    nonblank: list[int]
    meta: Meta
    main: MainContainer | None
    t: Thresholds
    off: frozenset[str]
    rule: str = ""  # the id of the step now running: what its `set`s are recorded under

    def set(self, i: int, label: str, reason: str, rule: str | None = None) -> None:
        self.labels[i] = label
        self.reasons[i] = reason
        self.rules[i] = rule or self.rule

    def next_nonblank(self, i: int, step: int = 1) -> int | None:
        j = i + step
        while 0 <= j < len(self.feats):
            if self.feats[j].text:
                return j
            j += step
        return None

    def soft(self, i: int) -> bool:
        """Still undecided: a body guess that a neighbour rule may overrule."""
        return self.labels[i] == model.BODY


def revise(
    feats: list[LineFeatures],
    guesses: list[Guess],
    meta: Meta,
    main: MainContainer | None = None,
    t: Thresholds | None = None,
    off: frozenset[str] = frozenset(),
) -> tuple[list[str], list[str], list[str]]:
    """Final (labels, reasons, rule ids) for a page, given first-pass guesses and the metadata lines.

    HTML pages pass the `main` content container found in the DOM; text pages find
    their main block from line scores instead. Steps whose rule ids are in `off` are skipped.
    """
    if t is None:
        t = default_thresholds()
    page = _Page(
        feats,
        guesses,
        [g.label for g in guesses],
        [g.reason for g in guesses],
        [g.rule for g in guesses],
        [i for i, f in enumerate(feats) if f.text],
        meta,
        main,
        t,
        off,
    )
    for step in STEPS:
        if step.rule not in off:
            page.rule = step.rule
            step.apply(page)
    return page.labels, page.reasons, page.rules


def _mark_metadata(page: _Page) -> None:
    """The title, byline and date lines the metadata rules found (each its own rule id)."""
    meta, off = page.meta, page.off
    if meta.title is not None and "meta.title" not in off:
        page.set(meta.title, model.TITLE, "headline above the first good paragraph", "meta.title")
    if meta.byline is not None and "meta.byline" not in off:
        page.set(meta.byline, model.BYLINE, "name line next to the title", "meta.byline")
    if meta.date_line is not None and meta.date_line != meta.byline and "meta.date" not in off:
        page.set(meta.date_line, model.DATE, "publication date next to the title", "meta.date")
    if "meta.header_date" not in off:
        for i in meta.header_dates:
            page.set(i, model.HEADER, "site-header date above the title", "meta.header_date")
    if meta.title is not None and "meta.later_date" not in off:
        for i in page.nonblank:
            if i > meta.title and page.labels[i] == model.DATE and i != meta.date_line:
                page.set(
                    i,
                    model.RELATED,
                    "a date line below the article's own date: a teaser's timestamp",
                    "meta.later_date",
                )


def _mark_toc(page: _Page) -> None:
    """Text mode: a table of contents, a run of short lines each printed again further down,
    in the same order, as a heading above text. The run is navigation; its headings stay
    (the duplicate step leaves a repeat of a contents entry alone).

    One pass: each line looks up the next copy of its text (an index built once).
    """
    if page.main is not None:
        return
    feats, quals = page.feats, [g.quality for g in page.guesses]
    where: dict[str, list[int]] = {}
    for i in page.nonblank:
        if quals[i] != GOOD:
            where.setdefault(feats[i].key, []).append(i)
    run: list[int] = []
    last_heading = -1

    def close() -> None:
        if len(run) >= page.t.min_toc_entries:
            for j in run:
                if page.labels[j] in (model.BODY, model.NAV):
                    page.set(j, model.NAV, "table of contents: printed again as a heading further down")

    for i in page.nonblank:
        heading = None
        if quals[i] != GOOD:
            copies = where.get(feats[i].key, ())
            for c in copies:
                if c > i:
                    nxt = page.next_nonblank(c)
                    if nxt is not None and quals[nxt] in (GOOD, NEAR):
                        heading = c
                    break
        if heading is not None and heading > last_heading and (not run or heading > run[-1]):
            run.append(i)
            last_heading = heading
            continue
        close()
        run = [i] if heading is not None else []
        last_heading = heading if heading is not None else -1
    close()


# _TEXT_REPEATS: in text mode a short line printed again further down is not dropped as a
# duplicate (HTML still drops it). The rule ablation (`python -m benchmarks --rules --mode text
# --sample 2`) showed revise.duplicate costing text mode F1 (readability +0.009 without it);
# this case is the cost. Measured on wcxb text mode, even half: articles 0.914 -> 0.916, all
# pages 0.752 -> 0.756; odd 0.914 -> 0.919, 0.748 -> 0.754; readability text 0.929 -> 0.930;
# seeds unchanged (their duplicates are the title and the lead printed above it).


def _mark_duplicates(page: _Page) -> None:
    """Repeated title, lead printed twice, captions printed twice, headlines printed twice."""
    meta = page.meta
    feats, title_key = page.feats, page.feats[meta.title].key if meta.title is not None else None
    first_seen: dict[str, int] = {}
    for i in page.nonblank:
        f = feats[i]
        if f.words < 3:
            continue
        if f.key == title_key and meta.title is not None and i != meta.title:
            page.set(i, model.DUPLICATE, f"repeats the title (line {meta.title + 1})")
            continue
        j = first_seen.setdefault(f.key, i)
        if j == i or page.rules[j] == "revise.toc":  # a heading listed in the contents above
            continue
        if f.headline and page.next_nonblank(j) == i:
            if page.labels[j] == model.BODY:
                page.set(j, model.RELATED, f"headline printed twice (again on line {i + 1})")
            page.set(i, model.RELATED, f"headline printed twice (first on line {j + 1})")
            nxt = page.next_nonblank(i)
            if nxt is not None and page.soft(nxt) and not feats[nxt].headline:
                page.set(nxt, model.RELATED, f"summary under the headline on line {i + 1}")
        elif i == j + 1:
            page.set(j, model.CAPTION, f"printed twice in a row (again on line {i + 1})")
            page.set(i, model.CAPTION, f"printed twice in a row (first on line {j + 1})")
        elif meta.title is not None and j < meta.title < i:
            page.set(j, model.DUPLICATE, f"lead printed above the title, again on line {i + 1}")
        elif page.guesses[i].quality != GOOD and page.main is not None and page.labels[j] != model.NAV:
            # A good paragraph said twice is the author's choice; a heading that a menu or a
            # table of contents printed first is the heading, not a repeat; in text mode a short
            # line printed again is left to the main block and its neighbours (_TEXT_REPEATS above).
            page.set(i, model.DUPLICATE, f"repeats line {j + 1}")


def _mark_captions_after_images(page: _Page) -> None:
    """The line right under an image file name is its caption.

    On a blank-separated page the caption is glued to the image while paragraphs stand
    apart; elsewhere adjacency means nothing, so only a line that is not a good
    paragraph is taken.
    """
    blank_separated = _blank_separated(page)
    for i in page.nonblank:
        nxt = i + 1
        if (
            page.labels[i] == model.IMAGE
            and nxt < len(page.feats)
            and page.feats[nxt].text
            and page.labels[nxt] in (model.BODY, model.DUPLICATE)
            and (blank_separated or page.guesses[nxt].quality != GOOD)
        ):
            page.set(nxt, model.CAPTION, f"follows the image on line {i + 1}")


def _blank_separated(page: _Page) -> bool:
    return len(page.feats) - len(page.nonblank) >= page.t.blank_separated_share * len(page.feats)


def _mark_related_boxes(page: _Page) -> None:
    """A related heading ("Tin liên quan", "Read more") owns the short list right under it.

    Items are bare headlines or headline + summary (+ timestamp) pairs; a line after a
    headline is its summary only when another headline or timestamp follows it and the box
    has not already shown itself a list of bare headlines (two in a row), so the paragraph
    where the article resumes after such a box stays body. An inline link ("Read more:
    <headline>") is one item on its own line and owns nothing.
    """
    max_items = page.t.max_box_items
    for k, i in enumerate(page.nonblank):
        f = page.feats[i]
        if f.chrome != model.RELATED or page.labels[i] != model.RELATED or _INLINE_LINK.search(f.text):
            continue
        owned, last_headline, last_key, bare_list = 0, False, "", False
        # At most MAX_BOX_ITEMS + 1 lines are looked at: a bounded slice, not a copy of the
        # rest of the page per heading (quadratic on a page of headings).
        for j in page.nonblank[k + 1 : k + 2 + max_items]:
            f = page.feats[j]
            if page.labels[j] not in (model.BODY, model.NAV, model.DATE, model.RELATED, model.DUPLICATE):
                break
            fits = f.headline or f.date_only or f.ago or (last_headline and not bare_list and _item_follows(page, j))
            if not fits or owned >= max_items:
                break
            page.set(j, model.RELATED, f"listed under the related heading on line {i + 1}")
            owned += 1
            # (A headline printed twice, as image link and text link, is one item.)
            bare_list = bare_list or (last_headline and f.headline and f.key != last_key)
            last_headline, last_key = f.headline, f.key


def _item_follows(page: _Page, i: int) -> bool:
    """The next line is another box item (headline or timestamp), or the page ends."""
    j = page.next_nonblank(i)
    if j is None:
        return True
    f = page.feats[j]
    return f.headline or f.date_only or f.ago or page.labels[j] not in (model.BODY, model.DATE)


def _is_timestamp(page: _Page, i: int) -> bool:
    f = page.feats[i]
    return f.ago or (f.date_only and page.labels[i] == model.RELATED)


def _mark_teasers(page: _Page) -> None:
    """Headline + summary + timestamp runs (in either order) are teasers of other stories; in
    HTML a summary under the timestamp too (headline, author, timestamp, summary)."""
    first_good = next((i for i in page.nonblank if page.guesses[i].quality == GOOD), None)
    if first_good is None:
        return
    for i in page.nonblank:
        if i <= first_good or not _is_timestamp(page, i):
            continue
        prev = page.next_nonblank(i, -1)
        nxt = page.next_nonblank(i)
        group: list[int] = []
        if prev is not None and page.feats[prev].headline:  # headline, timestamp, summary
            group = [prev] + ([nxt] if nxt is not None and page.soft(nxt) and not page.feats[nxt].headline else [])
        elif prev is not None and page.soft(prev):  # headline, summary, timestamp
            head = page.next_nonblank(prev, -1)
            if head is not None and page.feats[head].headline and head > first_good:
                group = [head, prev]
                if page.main is not None and nxt is not None and _summary_after(page, nxt):
                    group.append(nxt)
        if group:
            page.set(i, model.RELATED, "timestamp of a teaser")
            for j in group:
                if page.soft(j) or page.labels[j] == model.TITLE:
                    page.set(j, model.RELATED, f"teaser with the timestamp on line {i + 1}")


def _summary_after(page: _Page, i: int) -> bool:
    """HTML: line `i`, right under a teaser's timestamp, is its summary (headline, author, date,
    summary): a body line that is not a headline, with another teaser's headline (a link line
    already taken as related) within the next two lines. wcxb HTML, articles / all pages: even
    0.9479 / 0.8023 -> 0.9493 / 0.8028 (0392, a news page's rail of such teasers under the
    article: precision 0.41 -> 1.00, and a forum page 0.10 -> 0.097), odd and readability
    unchanged (0.9514 / 0.7965, 0.9529). Text mode is left as it was (its lines carry no links).
    """
    if not page.soft(i) or page.feats[i].headline:
        return False
    j = page.next_nonblank(i)
    for _ in range(2):
        if j is None:
            return True
        if page.labels[j] == model.RELATED and page.feats[j].headline:
            return True
        j = page.next_nonblank(j)
    return False


def _mark_truncated(page: _Page) -> None:
    """Text mode: lines cut short with an ellipsis, near another such line, are teasers' summaries.

    A template cuts a teaser's summary (or headline) at a fixed length and ends it with "…";
    an author rarely ends two paragraphs close together that way. Where the cut lines are
    most of the page's good text, the page is a listing of them and they stay.
    """
    if page.main is not None:
        return
    items = page.nonblank
    cut = [k for k, i in enumerate(items) if page.feats[i].ellipsis and page.soft(i)]
    if len(cut) < 2:
        return
    window = page.t.truncated_window
    run = [
        k
        for n, k in enumerate(cut)
        if (n and 1 < k - cut[n - 1] <= window) or (n + 1 < len(cut) and 1 < cut[n + 1] - k <= window)
    ]
    if not run:
        return
    good = sum(page.feats[i].chars for i in items if page.soft(i) and page.guesses[i].quality == GOOD)
    cut_good = sum(page.feats[items[k]].chars for k in run if page.guesses[items[k]].quality == GOOD)
    if cut_good >= page.t.truncated_max_good_share * good:
        return
    for k in run:
        page.set(items[k], model.RELATED, f"cut short with an ellipsis, as {len(run)} lines near it: a teaser")


def _mark_thread_heading(page: _Page) -> None:
    """Text mode: a line that counts the replies to a headline printed above ("15 Replies to
    “<headline>”", "244 thoughts on “…”") opens the article's comment thread: the rest is comments.

    The count and the quoted headline are the evidence, whatever the words between them, so
    the thread ends the article however long it is (revise.tail's comments prompt ends it
    only when little body follows). wcxb text, even half: articles 0.9185 -> 0.9194, all
    pages 0.7572 -> 0.7576 (two pages); odd 0.9236 -> 0.9254, 0.7583 -> 0.7590 (two pages);
    readability text, HTML and seeds unchanged.
    """
    if page.main is not None:
        return
    feats = page.feats
    for i in page.nonblank:
        text = feats[i].text
        m = _COUNTED_QUOTE.match(text) if text[0].isdigit() else None  # most lines: one str test
        if m is None:
            continue
        quoted = " ".join(text[m.end() :].rstrip(_CLOSING_QUOTES).casefold().split())
        if any(feats[j].key == quoted for j in range(i)) and len(quoted.split()) >= page.t.headline_min_words:
            page.set(i, model.COMMENTS, "counts the replies to the headline above: the comment thread")
            for j in range(i + 1, len(feats)):
                if page.soft(j):
                    page.set(j, model.COMMENTS, f"in the comment thread under line {i + 1}")
            return


def _good_text_before(page: _Page) -> tuple[dict[int, int], int]:
    """Characters of good body text above each non-blank line, and their total."""
    before, seen = {}, 0
    for i in page.nonblank:
        before[i] = seen
        if page.soft(i) and page.guesses[i].quality == GOOD:
            seen += page.feats[i].chars
    return before, seen


def _mark_second_story(page: _Page) -> None:
    """Another story's headline, printed after the article with its text: the rest is related.

    Only on blank-separated pages (a crawler's dump where each block stands alone) and for a
    line as long as a title, standing in the second half of the good text: shorter
    headline-shaped lines in an article are subheadings and captions.
    """
    meta, t = page.meta, page.t
    if meta.title is None or not _blank_separated(page):
        return
    title_words = page.feats[meta.title].words
    min_words = max(t.story_headline_min_words, t.story_headline_title_share * title_words)
    max_words = title_words / t.story_headline_title_share if t.story_headline_title_share else float("inf")
    before, total = _good_text_before(page)
    for i in page.nonblank:
        f = page.feats[i]
        if not (
            before[i] >= total / 2
            and page.soft(i)
            and page.guesses[i].quality != GOOD
            and f.headline
            and not f.all_caps
            and min_words <= f.words <= max_words
        ):
            continue
        nxt = page.next_nonblank(i)
        if nxt is None or page.guesses[nxt].quality != GOOD or not page.soft(nxt):
            continue
        for j in range(i, len(page.feats)):
            if page.soft(j):
                page.set(j, model.RELATED, f"after another story's headline on line {i + 1}")
        return


def _line_score(page: _Page, i: int, short_cost: float, chrome_cost: float) -> float:
    f, label, q = page.feats[i], page.labels[i], page.guesses[i].quality
    if not f.text or label in (model.TITLE, model.BYLINE, model.DATE, model.SOURCE):
        return 0.0
    if label != model.BODY:
        # A table of contents stands inside the article, between its lead and its sections.
        return -short_cost if page.rules[i] == "revise.toc" else -chrome_cost
    if q in (GOOD, NEAR):
        return f.size
    return -short_cost if q == SHORT else -chrome_cost


def _main_block(page: _Page) -> tuple[int, int] | None:
    """The span (first, last line) with the highest total score (Kadane's maximum subarray)."""
    best, best_span = 0.0, None
    run, start = 0.0, 0
    short_cost, chrome_cost = page.t.short_line_cost, page.t.chrome_line_cost
    for i in range(len(page.feats)):
        score = _line_score(page, i, short_cost, chrome_cost)
        if run <= 0:
            run, start = 0.0, i
        run += score
        if run > best:
            best, best_span = run, (start, i)
    return best_span


def _mark_outside_main_block(page: _Page) -> None:
    """Text mode: body guesses outside the main text block are sidebars, teasers and footers."""
    if page.main is not None:
        return
    span = _main_block(page)
    if span is None:
        return
    first, last = span
    _mark_outside(
        page, lambda i: first <= i <= last, first, f"outside the main text block (lines {first + 1}-{last + 1})"
    )


def _mark_outside_container(page: _Page) -> None:
    """HTML: body guesses outside the DOM's main content container are sidebars, teasers and footers.

    A run of lines standing between two of the container's lines is the article's when each
    of its body lines has HOLE_MIN_WORDS words: a section of table rows, short steps or an
    abstract that scores too little to join the container, between two sections that did
    (or between the headline's own section and the body, `main_content.with_title_section`).
    A sidebar stands beside the article in the markup, so it is printed before or after it;
    a chart's labels ("900", "2019") between two sections stay out.
    """
    main = page.main
    if main is None:
        return
    first, last = min(main.lines, default=0), max(main.lines, default=0)
    held: frozenset[int] | set[int] = main.lines
    if last - first + 1 > len(main.lines):  # lines between its first and last that it does not hold
        held = between = set(main.lines)
        run: list[int] = []
        for i in page.nonblank:
            if first < i < last and i not in main.lines:
                run.append(i)
                continue
            if run and all(page.feats[j].words >= page.t.hole_min_words for j in run if page.soft(j)):
                between.update(run)
            run = []
    _mark_outside(page, held.__contains__, first, f"outside the main content <{main.name}>")


def _keep_lead_above_container(page: _Page) -> None:
    """HTML: the good paragraphs of the run of lines right above the container, under the title, stay body.

    An intro or standfirst printed in its own element above the article's body element
    (a hero section, a lead <div>): the container, chosen by where most good text sits,
    leaves it out. Going up from the container, the run is the lines the container step
    set aside; it stops at the first line another rule made chrome, so an author box or a
    disclosure set among menus and counters is not taken. wcxb HTML, even half: articles
    0.9378 -> 0.9384, all 0.7764 -> 0.7767; odd 0.9404 -> 0.9408, 0.7727 -> 0.7734;
    readability 0.9523 -> 0.9524. Near-good lines too: even 0.9386 / 0.7771 but odd 0.9406 /
    0.7734, so good paragraphs only.
    """
    main, title = page.main, page.meta.title
    if main is None or title is None:
        return
    for i in range(min(main.lines, default=0) - 1, title, -1):
        if not page.feats[i].text:
            continue
        if page.rules[i] != "revise.main_container":
            break
        if page.guesses[i].quality == GOOD:
            page.set(i, model.BODY, f"good paragraph right above the main content <{main.name}>")


def _keep_dense_runs_between_body(page: _Page) -> None:
    """HTML: a run of low-stopword lines with body right above and right under it is body.

    References, ingredient and spec lines, names and figures read as chrome to the
    stopword test; set between two kept lines of the article they are part of it.
    (Menus and tag lists sit among chrome, or are lexicon or link lines, decided by
    other rules.) wcxb HTML, even half: articles 0.9413 -> 0.9427, all 0.7786 -> 0.7805;
    odd 0.9416 -> 0.9438, 0.7758 -> 0.7775; readability 0.9524 -> 0.9528. Only lines of
    60+ characters: the same to three decimals; of 120+: less (even 0.9417 / 0.7789).
    """
    if page.main is None:
        return
    items = page.nonblank
    k = 0
    while k < len(items):
        if page.rules[items[k]] != "classify.low_stopwords":
            k += 1
            continue
        end = k
        while end + 1 < len(items) and page.rules[items[end + 1]] == "classify.low_stopwords":
            end += 1
        if k and end + 1 < len(items) and page.labels[items[k - 1]] == page.labels[items[end + 1]] == model.BODY:
            for i in items[k : end + 1]:
                page.set(
                    i, model.BODY, f"low-stopword line between body lines {items[k - 1] + 1} and {items[end + 1] + 1}"
                )
        k = end + 1


def _mark_repeated_runs(page: _Page) -> None:
    """HTML: a run of lines printed again, in the same order, is a copy: its body lines are duplicates.

    A carousel cloned for its loop, a block printed once for phones and once for desktops,
    testimonials or a post's text shown twice: every line of the later run repeats the line
    at the same offset of an earlier run. Only lines whose first copy is kept go, so the
    text stays once. One good paragraph said twice stays (the author's choice, see
    revise.duplicate); a run of them is the page's machinery. wcxb HTML, even half: articles
    0.9458 -> 0.9469, all pages 0.7967 -> 0.7982; odd 0.9485 -> 0.9510, 0.7917 -> 0.7937;
    readability HTML unchanged (0.9529). Losses where the gold keeps both copies (a news page
    printing its article twice) and in forum replies quoting three lines of an earlier post.
    """
    if page.main is None:
        return
    min_run, run_words = page.t.min_repeat_run, page.t.repeat_run_words
    items, feats = page.nonblank, page.feats
    keys = [feats[i].key for i in items]
    first: dict[str, int] = {}
    k = 0
    while k < len(items):
        key = keys[k]
        j = first.setdefault(key, k)
        if j == k:
            k += 1
            continue
        run, worded = 0, 0
        while k + run < len(items) and j + run < k and keys[k + run] == keys[j + run]:
            worded += feats[items[k + run]].words >= run_words
            run += 1
        if run < min_run:
            k += 1
            continue
        if worded:
            for t in range(run):
                i = items[k + t]
                if page.labels[i] == model.BODY and page.labels[items[j + t]] == model.BODY:
                    why = f"repeats line {items[j + t] + 1} (a run of {run} lines printed again)"
                    page.set(i, model.DUPLICATE, why)
        k += run  # past the run either way: each line is read in one run at most (linear)


def _mark_outside(page: _Page, inside: Callable[[int], bool], first: int, where: str) -> None:
    """Soft lines not `inside` the main text: menus above its `first` line, teasers and footers after."""
    for i in page.nonblank:
        if inside(i) or not page.soft(i):
            continue
        f = page.feats[i]
        label = (
            model.NAV
            if i < first
            else (model.RELATED if f.headline or page.guesses[i].quality == GOOD else model.FOOTER)
        )
        page.set(i, label, where)


def _neighbours(quals: list[str], *, before: bool, ignore_near: bool) -> list[str]:
    """For every line, the nearest good or bad (or near) quality before (or after) it, else BAD.

    One pass for all lines: a scan from each line is quadratic on a run of short lines.
    """
    stops = (GOOD, BAD) if ignore_near else (GOOD, BAD, NEAR)
    out = [BAD] * len(quals)
    seen = BAD
    for i in range(len(quals)) if before else range(len(quals) - 1, -1, -1):
        out[i] = seen
        if quals[i] in stops:
            seen = quals[i]
    return out


def _settle_by_neighbours(page: _Page) -> None:
    """Text mode: jusText's revision, short and near-good lines take the class of the good/bad lines around them."""
    if page.main is not None:
        return
    max_distance = page.t.max_heading_distance
    quals: list[str] = []
    for i, f in enumerate(page.feats):
        if not f.text:
            quals.append("")  # blank lines are transparent
        elif page.labels[i] == model.BODY:
            quals.append(page.guesses[i].quality)
        elif page.labels[i] in (model.TITLE, model.BYLINE, model.DATE, model.SOURCE):
            quals.append("")
        else:
            quals.append(BAD)
    # Headings: a short heading-shaped line with a good paragraph soon after it.
    for i, f in enumerate(page.feats):
        if quals[i] == SHORT and (f.headline or f.all_caps or f.words <= 12) and not f.terminal:
            distance = 0
            for j in range(i + 1, len(quals)):
                if quals[j] == GOOD:
                    quals[i] = NEAR
                    break
                if quals[j] == BAD:
                    break
                distance += page.feats[j].chars
                if distance > max_distance:
                    break
    settled = list(quals)
    before, after = (
        _neighbours(quals, before=True, ignore_near=True),
        _neighbours(quals, before=False, ignore_near=True),
    )
    near_before = _neighbours(quals, before=True, ignore_near=False)
    near_after = _neighbours(quals, before=False, ignore_near=False)
    for i, q in enumerate(quals):
        if q == SHORT:
            prev, nxt = before[i], after[i]
            if prev == nxt == GOOD:
                settled[i] = GOOD
            elif prev == BAD and nxt == BAD:
                settled[i] = BAD
            elif (prev == BAD and near_before[i] == NEAR) or (nxt == BAD and near_after[i] == NEAR):
                settled[i] = GOOD
            else:
                settled[i] = BAD
    # Near lines settle left to right, each seeing the settled class of the ones before it.
    after = _neighbours(settled, before=False, ignore_near=True)
    prev = BAD
    for i, q in enumerate(quals):
        if q == NEAR:
            settled[i] = BAD if prev == after[i] == BAD else GOOD
        if settled[i] in (GOOD, BAD):
            prev = settled[i]
    for i, q in enumerate(settled):
        if page.labels[i] != model.BODY:
            continue
        first = page.guesses[i].quality
        if q == BAD:
            page.set(i, model.NAV, f"{first} line among chrome lines")
        elif first != GOOD:
            page.set(i, model.BODY, f"{first} line among good paragraphs")


def _body_text_before(page: _Page) -> tuple[dict[int, int], int]:
    """Characters of body lines (any quality) above each non-blank line, and their total."""
    before, seen = {}, 0
    for i in page.nonblank:
        before[i] = seen
        if page.labels[i] == model.BODY:
            seen += page.feats[i].chars
    return before, seen


def _mark_head(page: _Page) -> None:
    """Above the title only good paragraphs (a lead printed first) can be body."""
    meta = page.meta
    if meta.title is None:
        return
    before, total = _body_text_before(page)
    if page.main is None and before[meta.title] > total - before[meta.title]:  # text: a late subheading
        return
    for i in range(meta.title):
        if page.labels[i] == model.BODY and page.guesses[i].quality != GOOD:
            page.set(i, model.HEADER if page.feats[i].date else model.NAV, "above the title")


def _mark_tail(page: _Page) -> None:
    """After a comments prompt or related heading that little body follows, all is page chrome.

    An inline link ("Read more: <headline>") is not a heading: articles go on after them.
    """
    body_chars = [page.feats[i].chars if page.labels[i] == model.BODY else 0 for i in range(len(page.feats))]
    total = sum(body_chars)
    if not total:
        return
    after = total
    for i in page.nonblank:
        after -= body_chars[i]
        if (
            (
                (
                    page.feats[i].chrome in _CHROME_ENDS
                    and page.labels[i] in _CHROME_ENDS
                    and not article_end.box_inside(page, i)
                )
                or article_end.closes_article(page, i)
            )
            and not _INLINE_LINK.search(page.feats[i].text)
            and after <= page.t.tail_max_body_share * total
            and after < total - after
        ):
            for j in range(i + 1, len(page.feats)):
                if page.labels[j] in (model.BODY, model.DATE):
                    page.set(
                        j,
                        model.RELATED if page.feats[j].headline or page.guesses[j].quality == GOOD else model.FOOTER,
                        f"after the end of the article (line {i + 1})",
                    )
            return


def _keep_text_when_nothing_kept(page: _Page) -> None:
    """A snippet with no good paragraph (a stub, one short note): keep its plain text lines.

    Better a short body with a low confidence than an empty one; lexicon chrome still goes.
    """
    if any(label == model.BODY and g.quality in (GOOD, NEAR) for label, g in zip(page.labels, page.guesses)):
        return
    for i in page.nonblank:
        if page.guesses[i].label == model.BODY or (page.guesses[i].label == model.NAV and page.labels[i] == model.NAV):
            page.set(i, model.BODY, "no good paragraph on the page: kept its text")


class Step(NamedTuple):
    """One named rule of the context pass: its id (rules.py) and the function that applies it."""

    rule: str
    apply: Callable[[_Page], None]


# The context pass, in order (as ftfy's named fixers): each step sees the labels the ones
# before it left. The metadata step records its lines under meta.title, meta.byline, ...
# and can be turned off piece by piece; text mode runs main_block and neighbours, HTML
# mode main_container (each step returns at once in the other mode).
STEPS: tuple[Step, ...] = (
    Step("meta", _mark_metadata),
    Step("revise.toc", _mark_toc),
    Step("revise.duplicate", _mark_duplicates),
    Step("revise.caption_after_image", _mark_captions_after_images),
    Step("revise.related_box", _mark_related_boxes),
    Step("revise.teaser", _mark_teasers),
    Step("revise.truncated", _mark_truncated),
    Step("revise.thread_heading", _mark_thread_heading),
    Step("revise.second_story", _mark_second_story),
    Step("revise.main_block", _mark_outside_main_block),
    Step("revise.neighbours", _settle_by_neighbours),
    Step("revise.main_container", _mark_outside_container),
    Step("revise.container_lead", _keep_lead_above_container),
    Step("revise.dense_between", _keep_dense_runs_between_body),
    Step("revise.repeated_run", _mark_repeated_runs),
    Step("revise.head", _mark_head),
    Step("revise.tail", _mark_tail),
    Step("revise.keep_text", _keep_text_when_nothing_kept),
)
