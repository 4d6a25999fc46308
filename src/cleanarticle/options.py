"""`CleanOptions`: everything `clean()` can be told, as one frozen value.

Declared once and carried whole by the command line's runner and by the engines, so a
new option reaches all of them (as ftfy's `TextFixerConfig` does for `fix_text`):

    clean(page)                                        # the defaults
    clean(page, format="html", lang="vi")              # keywords, as always
    opts = CleanOptions(format="html", disabled_rules=frozenset({"revise.teaser_run"}))
    clean(page, opts)                                  # one value, shared by many calls
    clean(page, opts, lang="en")                       # keywords override its fields

Options are checked when the value is made, with one-line errors, before any page is read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from . import limits, rules
from .thresholds import DEFAULT as DEFAULT_THRESHOLDS
from .thresholds import Thresholds


@dataclasses.dataclass(frozen=True, slots=True)
class CleanOptions:
    """How to clean a page.

    format: "text", "html" or "auto" (markup means HTML).
    lang: ISO 639-1 code (or a tag such as "pt-BR") of the page; None detects it.
    url: the page's address, used by the HTML front-end.
    max_bytes: larger input is refused with ValueError, not cut (None: no limit).
    disabled_rules: rule ids (see `cleanarticle.rules.RULES`) to turn off, for ablations.
    thresholds: the classifier's numbers (`Thresholds`; defaults as measured).
    links: keep each HTML block's links (`Block.links`) for `markdown.to_markdown(article,
        links=True)`; off by default, as recording them costs a tenth of the DOM walk.
    images: keep each HTML block's images (`Block.images`: alt text and src) for
        `markdown.to_markdown(article, images=True)`; off by default (nothing is recorded).
    """

    format: str = "auto"
    lang: str | None = None
    url: str | None = None
    max_bytes: int | None = limits.MAX_BYTES
    disabled_rules: frozenset[str] = frozenset()
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    links: bool = False
    images: bool = False

    def __post_init__(self) -> None:
        limits.check_settings(format=self.format, lang=self.lang, url=self.url, max_bytes=self.max_bytes)
        object.__setattr__(self, "disabled_rules", rules.check_disabled(self.disabled_rules))
        if not isinstance(self.thresholds, Thresholds):
            raise TypeError(f"thresholds must be a cleanarticle.Thresholds, not {type(self.thresholds).__name__}")


FIELDS = tuple(f.name for f in dataclasses.fields(CleanOptions))
DEFAULT = CleanOptions()


def resolve(options: CleanOptions | None, overrides: Mapping[str, Any], caller: str = "clean") -> CleanOptions:
    """`options` (default: `DEFAULT`) with `overrides` applied; TypeError names unknown keywords."""
    if options is not None and not isinstance(options, CleanOptions):
        raise TypeError(f"options must be a CleanOptions or None, not {type(options).__name__}")
    base = options if options is not None else DEFAULT
    if not overrides:
        return base
    unknown = sorted(set(overrides) - set(FIELDS))
    if unknown:
        raise TypeError(f"{caller}() got unknown option(s) {', '.join(unknown)}; accepted: {', '.join(FIELDS)}")
    return dataclasses.replace(base, **overrides)
