"""cleanarticle as a datatrove pipeline step (`pip install "cleanarticle[datatrove]"`).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanarticle.integrations.datatrove import CleanArticleExtractor

    LocalPipelineExecutor(pipeline=[JsonlReader("pages/"), CleanArticleExtractor(),
                                    JsonlWriter("clean/")], tasks=8, workers=2).run()

The step replaces `doc.text` with the article body (with `markdown=True`, the title and body
as Markdown: headings, lists, tables; see `cleanarticle.markdown`) and adds `article_title`,
`article_date`, `article_time`, `article_byline`, `article_authors`, `article_date_source`,
`article_lang`, `article_confidence`, `article_kind`, `article_kind_reason`, `article_comments`
(the page's user comments, a list of strings) and `article_error` to `doc.metadata` (prefixed, so the
WARC reader's crawl `date` or a JSONL `title` is never overwritten; existing `article_*`
keys, from an earlier cleaning, are replaced).

Like datatrove's own extractors it cleans in a sandbox process with a per-document
`timeout`, and counts `total`, `forwarded` (kept), `dropped` and `failed` (split into
`clean_error`, `timeout` and `broken_process`). A page without body is dropped
(`empty_body`); with `min_confidence` or `kinds`, so is a page under that confidence
(`low_confidence`) or of another kind (`excluded_kind`); a failed page is dropped, or with
`on_error="keep"` passed through with its text unchanged and the reason in `article_error`.
For every cleaned page it also
counts its lines by final label (`label:body`, `label:nav`, ...) and by the rule that
decided them (`rule:classify.paragraph`, `rule:revise.teaser_run`, ...; see
cleanarticle.rules), so a run's stats show what each rule did to the crawl.
"""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Collection
from typing import Any

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        'cleanarticle.integrations.datatrove needs datatrove: pip install "cleanarticle[datatrove]"'
    ) from exc

from ..model import Article
from ..options import CleanOptions
from ..pipeline import clean
from .documents import (
    DROP,
    ERROR_KEY,
    Outcome,
    clean_document,
    describe,
    engine_options,
    markdown_text,
    metadata_fields,
)

# The stat that counts a page dropped by `min_confidence` or `kinds` (by the skip's stage).
SKIP_STATS = {"confidence": "low_confidence", "kind": "excluded_kind"}
# Seconds for one page. Pages take ~10 ms on average and ~0.3 s at most on the readability
# test pages; 5 s leaves room for a loaded machine, and still stops a pathological page.
DEFAULT_TIMEOUT = 5.0


@dataclasses.dataclass(frozen=True, slots=True)
class _Page:
    """What is sent to the sandbox process. A class and not a tuple: datatrove >= 0.10
    unpacks a tuple into the extract function's arguments, older versions do not."""

    text: Any
    url: str | None = None


class CleanArticleExtractor(BaseExtractor):
    """Clean each document's HTML or text into the article body, with its metadata.

    Args:
        format: "auto" (markup means HTML), "html" or "text"; None: the options' (default "auto").
        lang: ISO 639-1 code of every document; None: the options' (default: detect per document).
        on_error: "drop" (the default, as datatrove's extractors do) or "keep" a document
            that cannot be cleaned; a kept one has its text unchanged and `article_error` set.
        timeout: seconds allowed per document.
        min_confidence: drop a page whose `confidence` is below this (0-1; None keeps all).
        kinds: keep only pages of these kinds (e.g. `{"article"}`; None keeps all).
        options: a `CleanOptions` for every document (`max_bytes`, `disabled_rules`,
            `thresholds`, ...); `format`, `lang` and any other `CleanOptions` keyword
            given here override its fields. A document's `url` metadata is its `url`.
        markdown: write the title and body as Markdown into `doc.text` instead of the plain body
            (with links and images when `links=True` / `images=True` had them kept).
    """

    name = "🧹 cleanarticle"
    _requires_dependencies = ["cleanarticle"]  # noqa: RUF012 (datatrove's own class attribute)

    def __init__(
        self,
        format: str | None = None,
        lang: str | None = None,
        on_error: str = DROP,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        options: CleanOptions | None = None,
        markdown: bool = False,
        min_confidence: float | None = None,
        kinds: Collection[str] | None = None,
        **clean_options: Any,
    ):
        super().__init__(timeout)
        self.markdown = markdown
        given = {k: v for k, v in (("format", format), ("lang", lang)) if v is not None}
        self.options = engine_options(
            type(self).__name__, on_error, {"options": options, **given, **clean_options}, min_confidence, kinds
        )

    def extract(self, text: str) -> str:
        """The article body of one page (datatrove's extractor contract); raises on failure."""
        return self._text(clean(text, self.options.clean))

    def _text(self, article: Article) -> str:
        """What becomes `doc.text`: the body, or the title and body as Markdown (empty when there is no body)."""
        return markdown_text(article, self.options.clean) if self.markdown else article.body

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Clean each document; keep, drop or pass it through, and count which."""
        with ExtractorSandbox(timeout=self.timeout) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    body, fields, counts = self._clean_in(sandbox, doc)
                for stat, n in counts.items():
                    self.stat_update(stat, value=n)
                if fields[ERROR_KEY] is not None:
                    if self.options.on_error == DROP:
                        self.stat_update(StatHints.dropped)
                        continue
                    doc.metadata.update(fields)  # text left as it was
                elif not body:
                    self.stat_update(StatHints.dropped, "empty_body")
                    continue
                elif (skip := self.options.skip_reason(fields)) is not None:
                    self.stat_update(StatHints.dropped, SKIP_STATS[skip[0]])
                    continue
                else:
                    self.stat_update("extracted")
                    doc.text = body
                    doc.metadata.update(fields)
                self.stat_update(StatHints.forwarded)
                if isinstance(doc.text, str):  # a failed document passed through may hold anything
                    self.update_doc_stats(doc)
                yield doc

    def _clean_in(self, sandbox: ExtractorSandbox, doc: Document) -> tuple[str | None, dict[str, Any], dict[str, int]]:
        """(body, metadata fields, line counts by label and rule) of one document, cleaned in the sandbox process."""
        try:
            body, fields, counts = sandbox.process_document(_Page(doc.text, doc.metadata.get("url")), self._clean_page)
        except TimeoutError:
            kind, error = "timeout", f"TimeoutError: cleaning took more than {self.timeout} s"
        except EOFError as exc:  # the sandbox process died (e.g. out of memory); a new one takes over
            kind, error = "broken_process", describe(exc)
        except Exception as exc:
            kind, error = "clean_error", describe(exc)
        else:
            if fields[ERROR_KEY] is None:
                return body, fields, counts
            kind, error = "clean_error", fields[ERROR_KEY]
        self.stat_update("failed", kind)
        return None, metadata_fields(Outcome(None, error)), {}

    def _clean_page(self, page: _Page | str) -> tuple[str | None, dict[str, Any], dict[str, int]]:
        """Runs in the sandbox process; returns plain data (it goes back through a pipe)."""
        if not isinstance(page, _Page):  # the sandbox's warm-up call passes ""
            page = _Page(page)
        outcome = clean_document(page.text, self.options, url=page.url)
        if outcome.article is None:
            return None, metadata_fields(outcome), {}
        return self._text(outcome.article), metadata_fields(outcome), line_counts(outcome.article.blocks)


def line_counts(blocks) -> dict[str, int]:
    """A page's lines counted by final label (`label:body`) and deciding rule (`rule:revise.tail`)."""
    counts: collections.Counter[str] = collections.Counter()
    for b in blocks:
        counts["label:" + b.label] += 1
        counts["rule:" + b.rule] += 1
    return dict(counts)


class CleanArticleTextExtractor(CleanArticleExtractor):
    """`CleanArticleExtractor` for documents that are already plain text (one block per
    line, e.g. a browser's innerText): never parsed as HTML, even when a line looks like markup."""

    name = "🧹 cleanarticle (text)"

    def __init__(
        self,
        lang: str | None = None,
        on_error: str = DROP,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        options: CleanOptions | None = None,
        markdown: bool = False,
        min_confidence: float | None = None,
        kinds: Collection[str] | None = None,
        **clean_options: Any,
    ):
        super().__init__(
            format="text",
            lang=lang,
            on_error=on_error,
            timeout=timeout,
            options=options,
            markdown=markdown,
            min_confidence=min_confidence,
            kinds=kinds,
            **clean_options,
        )
