"""Every rule that can decide a line's label, with a stable id: the one list of them.

A `Block` carries the id of the rule that decided it (`block.rule`) beside its human
`reason`; the ids are what tools count (the datatrove step's stats), what `explain`
prints, and what `CleanOptions(disabled_rules=...)` turns off, so an ablation needs no
code edit. The README's rule table is checked against this list by tests/test_rules.py.

Stages, in pipeline order: `classify` (one line's own features), `dom` (its markup, HTML
only), `meta` (title, byline and date lines), `revise` (the context pass, run as an
ordered tuple of named rules in revise.py), `net` (the safety net after it, safety_net.py),
`kind` (what the page kind says the body of a page that is not an article is: kind_body.py).
Turning a rule off makes the line fall through to what the other rules decide; the
fallbacks (`FALLBACKS`) cannot be turned off.

Adding a rule (or a new reason that deserves its own id):
1. add `Rule("stage.name", "stage", "what it decides")` to `RULES` below, in pipeline order;
2. where the label is set, pass the id: `Guess(label, reason, quality, "stage.name")` in
   classify.py, `page.set(i, label, reason, "stage.name")` in revise.py (a revise step's
   own sets take its id by themselves); skip the decision when
   `"stage.name" in disabled` if it can be turned off;
3. paste the output of `python -c "from cleanarticle import rules; print(rules.markdown_table())"`
   (the README's rule table, made from this list) over the README's; tests/test_rules.py
   fails until they agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

# Lexicon and DOM-region kinds with one rule id each ("classify.lexicon.share").
LEXICON_KINDS = ("related", "comments", "share", "promo", "nav", "footer")
REGION_KINDS = ("nav", "related", "header", "footer", "comments", "promo", "share", "caption")


class Rule(NamedTuple):
    """One labelling rule: its stable id, the stage that runs it, and what it decides."""

    id: str
    stage: str
    decides: str


RULES: tuple[Rule, ...] = (
    Rule("classify.empty", "classify", "an empty line is blank"),
    Rule("classify.image", "classify", "an image file name (photo.jpg) is an image line"),
    Rule("classify.url", "classify", "a bare URL is share chrome"),
    Rule("classify.source", "classify", 'an attribution line ("Source: Reuters") is the source'),
    Rule("classify.credit", "classify", 'a picture credit or caption prefix ("Photo: ...") is a caption'),
    *(
        Rule(f"classify.lexicon.{kind}", "classify", f"a {kind} phrase of the language's lexicon is {kind}")
        for kind in LEXICON_KINDS
    ),
    Rule("classify.date_only", "classify", "a line that is only a date is a date line"),
    Rule("classify.relative_time", "classify", 'a relative timestamp ("3 hours ago") is a teaser\'s'),
    Rule("classify.low_stopwords", "classify", "a line with few stopwords (bad quality) is navigation"),
    Rule("classify.paragraph", "classify", "any other line is body, with its quality (good, near, short)"),
    Rule(
        "classify.dense_sentence",
        "classify",
        "text: a long line with few stopwords is left to its neighbours, near-good if it ends as a sentence "
        "(over a stopword floor), else short",
    ),
    Rule(
        "dom.toc_entry",
        "dom",
        "a list item that is a link to a heading printed further down is a table of contents entry (navigation)",
    ),
    Rule(
        "classify.wrapped",
        "classify",
        "text: the lines of a paragraph hard-wrapped over several lines take the quality of the paragraph",
    ),
    Rule("dom.caption", "dom", "a block inside <figcaption> (or a caption-named element) is a caption"),
    *(
        Rule(
            f"dom.region.{kind}",
            "dom",
            f"a block inside a {kind} region (a tag or class/id token) is {kind}, unless the region holds the article"
            + (" (decides only with dom.caption off)" if kind == "caption" else ""),
        )
        for kind in REGION_KINDS
    ),
    Rule("dom.preformatted", "dom", "text in <pre> is body (code), whatever its stopwords"),
    Rule("dom.list_item", "dom", "a list item or table row with few links is body, whatever its stopwords"),
    Rule("dom.long_text", "dom", "a long block with few links is body, whatever its stopwords"),
    Rule(
        "dom.link_density", "dom", "a body block that is mostly link text is navigation (a teaser if headline-shaped)"
    ),
    Rule(
        "dom.linked_heading",
        "dom",
        "a heading that is mostly link text (a permalink, a linked section title) above a good paragraph stays body",
    ),
    Rule(
        "dom.link_cards",
        "dom",
        "after the context pass: the body lines of a list of 3+ items opening with a linked headline (link cards), "
        "after the article's other body lines, are teasers (related)",
    ),
    Rule("meta.title", "meta", "the headline line (the declared title where the page prints it) is the title"),
    Rule("meta.byline", "meta", "the name line next to the title is the byline"),
    Rule("meta.date", "meta", "the date line next to the title is the publication date"),
    Rule("meta.header_date", "meta", "a date line above the title is the site header's"),
    Rule("meta.later_date", "meta", "a date line below the article's own date is a teaser's timestamp"),
    Rule(
        "meta.author_bio",
        "meta",
        "HTML: a box of its own near the body's end that opens with the author's name is the author's bio (footer)",
    ),
    Rule(
        "revise.toc",
        "revise",
        "text: a run of short lines each printed again further down, in order, as a heading above text "
        "is a table of contents (navigation); its headings are not duplicates",
    ),
    Rule("revise.duplicate", "revise", "a repeated title, lead, caption or headline is a duplicate (or a teaser)"),
    Rule("revise.caption_after_image", "revise", "the line under an image is its caption"),
    Rule("revise.related_box", "revise", "a related heading owns the short list of headlines under it"),
    Rule("revise.teaser", "revise", "headline + summary + timestamp groups are teasers"),
    Rule(
        "revise.truncated",
        "revise",
        "text: lines cut short with an ellipsis near one another are teasers' summaries (related)",
    ),
    Rule(
        "revise.thread_heading",
        "revise",
        'text: a line counting the replies to the headline ("15 replies to “<headline>”") opens the comment thread',
    ),
    Rule("revise.second_story", "revise", "after another story's headline (with its text) the rest is related"),
    Rule("revise.main_block", "revise", "text mode: body outside the best-scoring span of lines is chrome"),
    Rule("revise.neighbours", "revise", "text mode: short and near-good lines take the class of their neighbours"),
    Rule("revise.main_container", "revise", "HTML: body outside the main content container is chrome"),
    Rule(
        "revise.container_lead",
        "revise",
        "HTML: good paragraphs right above the main content container, under the title, stay body",
    ),
    Rule(
        "revise.dense_between",
        "revise",
        "HTML: a run of low-stopword lines (references, specs) with body right above and under it is body",
    ),
    Rule(
        "revise.repeated_run", "revise", "HTML: a run of 3+ lines printed again in the same order is a copy (duplicate)"
    ),
    Rule("revise.head", "revise", "above the title only good paragraphs stay body"),
    Rule("revise.tail", "revise", "after a comments prompt or related heading that ends the article, all is chrome"),
    Rule("revise.keep_text", "revise", "a page with no good paragraph keeps its plain text lines as body"),
    Rule(
        "net.rescue",
        "net",
        "HTML: when the result keeps little of the page's prose, its best prose region is body "
        "(and confidence is halved)",
    ),
    Rule(
        "net.text_rescue",
        "net",
        "text: when the main text block keeps little of the page's prose, the page is read "
        "again without it (and confidence is halved)",
    ),
    Rule(
        "kind.listing_items",
        "kind",
        "HTML: on a page of kind listing that kept less text than its list, the list's items are body",
    ),
    Rule(
        "kind.product_details",
        "kind",
        "HTML: on a page of kind product, body lines below the headline dropped only for lying outside "
        "the main container are body",
    ),
    Rule("kind.forum_posts", "kind", "HTML: on a page of kind forum, the posts in comment markup are body"),
    Rule(
        "kind.page_repeats",
        "kind",
        "HTML: on a page of kind other or listing, a line printed again between body lines (terms under "
        "each offer, a code sample in each tab) is body",
    ),
    Rule(
        "kind.linked_lines",
        "kind",
        "HTML: on a page of kind other, product or listing, a link-dense line between body lines (a card's "
        "linked heading, a catalogue entry) is body",
    ),
)
BY_ID = {rule.id: rule for rule in RULES}
# The default outcome of the first pass: every line needs a label, so these stay on.
FALLBACKS = frozenset({"classify.empty", "classify.paragraph"})


def check_disabled(ids: Iterable[str]) -> frozenset[str]:
    """`ids` as a frozenset, refusing an unknown id or a fallback with a one-line error."""
    if isinstance(ids, str):
        raise TypeError("disabled_rules must be a collection of rule ids, not a str")
    out = frozenset(ids)
    for rule in sorted(out, key=str):
        if not isinstance(rule, str):
            raise TypeError(f"a rule id must be a str, not {type(rule).__name__}")
        if rule not in BY_ID:
            raise ValueError(
                f"unknown rule id {rule!r}; the rule ids are listed in cleanarticle.rules.RULES "
                "(and the README's rule table)"
            )
        if rule in FALLBACKS:
            raise ValueError(f"rule {rule!r} is the default label of its stage and cannot be turned off")
    return out


def markdown_table() -> str:
    """The README's rule table, made from `RULES`."""
    rows = [f"| `{r.id}` | {r.stage} | {r.decides}{' (always on)' if r.id in FALLBACKS else ''} |" for r in RULES]
    return "\n".join(["| rule | stage | what it decides |", "|---|---|---|", *rows]) + "\n"
