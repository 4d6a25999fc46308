"""What every engine integration does to one document.

Engines run millions of pages through one worker, so a page that makes `clean()` raise
must not take its partition (or its datatrove task) down with it: `clean_document` turns
the exception into an `Outcome` with an error message, and `EngineOptions.on_error`
says whether such a page is dropped or passed through. Everything here is plain,
picklable data, because it is shipped to worker processes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from .. import confidence
from ..model import Article
from ..options import DEFAULT as DEFAULT_OPTIONS
from ..options import FIELDS, CleanOptions, resolve
from ..pipeline import clean

# What to do with a page that could not be cleaned.
DROP = "drop"
KEEP = "keep"
ON_ERROR = (DROP, KEEP)

# Every key the engines write starts with this, so that a reader's own `title`, or the
# crawl `date` that datatrove's WARC reader puts in a document's metadata, is never
# overwritten by ours.
PREFIX = "article_"
ARTICLE_FIELDS = (
    "title",
    "date",
    "time",
    "byline",
    "authors",
    "date_source",
    "lang",
    "confidence",
    "kind",
    "kind_reason",
    "comments",
)
METADATA_KEYS = (*(PREFIX + name for name in ARTICLE_FIELDS), PREFIX + "error")
BODY_KEY = PREFIX + "body"
ERROR_KEY = PREFIX + "error"
# Written only when an engine is asked for Markdown (the title and body, see cleanarticle.markdown).
MARKDOWN_KEY = PREFIX + "markdown"

# The `CleanOptions` fields an engine's helpers take as keywords: all but `url`, which is
# each document's own (datatrove's `url` metadata), never one for all of them.
CLEAN_OPTIONS = tuple(name for name in FIELDS if name != "url")
ERROR_MESSAGE_CHARS = 500  # enough to tell the cause; a huge repr would bloat every output row


@dataclasses.dataclass(frozen=True, slots=True)
class EngineOptions:
    """How an engine cleans each document: `clean()`'s options, whole, and `on_error`.

    `min_confidence` and `kinds` filter cleaned pages: one whose confidence is lower, or
    whose kind is not listed, is dropped (and counted as such); None keeps every page.
    `markdown` adds the title and body as Markdown (`MARKDOWN_KEY`) to each record.

    A document's own URL (where the engine has one) replaces `clean.url` for that document.
    """

    clean: CleanOptions = DEFAULT_OPTIONS
    on_error: str = DROP
    min_confidence: float | None = None
    kinds: frozenset[str] | None = None
    markdown: bool = False

    def __post_init__(self) -> None:
        # Checked here, on the client, so that a typo fails at once and not in every worker
        # (CleanOptions checked its own fields when it was made).
        if not isinstance(self.clean, CleanOptions):
            raise TypeError(f"clean must be a CleanOptions, not {type(self.clean).__name__}")
        if self.on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {', '.join(map(repr, ON_ERROR))}, not {self.on_error!r}")
        confidence.check_filter(self.min_confidence, self.kinds)
        if self.kinds is not None and not isinstance(self.kinds, frozenset):
            object.__setattr__(self, "kinds", frozenset(self.kinds))  # any collection of names; hashable

    def skip_reason(self, fields: Mapping[str, Any]) -> tuple[str, str] | None:
        """Why a cleaned page (its `metadata_fields`) is filtered out, as (stage, message), or None."""
        if self.min_confidence is None and self.kinds is None:
            return None
        return confidence.skip_reason(
            fields[PREFIX + "confidence"], fields[PREFIX + "kind"], min_confidence=self.min_confidence, kinds=self.kinds
        )


def engine_options(
    caller: str,
    on_error: str,
    clean_options: Mapping[str, Any],
    min_confidence: float | None = None,
    kinds: Any = None,
    *,
    markdown: bool = False,
) -> EngineOptions:
    """`EngineOptions` from a helper's `**clean_options` (any `CleanOptions` field, or a whole
    `options=CleanOptions(...)` that the other keywords override), naming the helper in any error."""
    given = dict(clean_options)
    base = given.pop("options", None)
    unknown = sorted(set(given) - set(CLEAN_OPTIONS))
    if unknown:
        raise TypeError(
            f"{caller}() got unknown clean option(s) {', '.join(unknown)}; "
            f"accepted: options, {', '.join(CLEAN_OPTIONS)}"
        )
    try:
        return EngineOptions(resolve(base, given, caller), on_error, min_confidence, kinds, markdown)
    except ValueError as exc:
        raise ValueError(f"{caller}(): {exc}") from None


@dataclasses.dataclass(frozen=True, slots=True)
class Outcome:
    """One document's result: the article, or why there is none."""

    article: Article | None
    error: str | None = None


def clean_document(raw: object, options: EngineOptions, url: str | None = None) -> Outcome:
    """`clean()` one document; any exception becomes `Outcome.error` instead of escaping."""
    try:
        article = clean(raw, options.clean) if url is None else clean(raw, options.clean, url=url)  # type: ignore[arg-type]
    except Exception as exc:
        return Outcome(None, describe(exc))
    return Outcome(article)


def describe(exc: BaseException) -> str:
    """A short, single-line description of a failure, fit for a metadata field."""
    text = f"{type(exc).__name__}: {exc}".replace("\n", " ")
    return text if len(text) <= ERROR_MESSAGE_CHARS else text[: ERROR_MESSAGE_CHARS - 1] + "…"


def metadata_fields(outcome: Outcome) -> dict[str, Any]:
    """The prefixed metadata keys (all of them, `None` where unknown, so every row has one schema)."""
    article = outcome.article
    fields: dict[str, Any] = {PREFIX + name: None for name in ARTICLE_FIELDS}
    if article is not None:
        fields.update({PREFIX + name: getattr(article, name) for name in ARTICLE_FIELDS})
        fields[PREFIX + "authors"] = list(article.authors)
        fields[PREFIX + "comments"] = list(article.comments)
    fields[ERROR_KEY] = outcome.error
    return fields


def record_fields(outcome: Outcome, options: EngineOptions | None = None) -> dict[str, Any]:
    """`metadata_fields` plus the body, for engines that keep the body next to the input, and
    the Markdown when `options.markdown` asks for it."""
    fields = metadata_fields(outcome)
    fields[BODY_KEY] = outcome.article.body if outcome.article is not None else None
    if options is not None and options.markdown:
        fields[MARKDOWN_KEY] = markdown_text(outcome.article, options.clean) if outcome.article is not None else None
    return fields


def markdown_text(article: Article, options: CleanOptions) -> str:
    """The title and body as Markdown ("" without a body), with the links and images that
    `options` had `clean` keep (`links=True`, `images=True`)."""
    from ..markdown import to_markdown  # only engines asked for Markdown import it

    return to_markdown(article, links=options.links, images=options.images) if article.body else ""
