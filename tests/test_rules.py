"""Rule ids: every block says which rule decided it, from one documented list; any rule can be turned off."""
import functools
import pathlib
import re

import pytest

from benchmarks.scoring import readability_pages, seed_pages
from cleanarticle import CleanOptions, clean, model, revise, rules

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"
# A row of the README's rule table: | `stage.name` | stage | what it decides |
_ROW = re.compile(r"^\| `([a-z_.]+)` \| (\w+) \|", re.M)


@functools.lru_cache(maxsize=1)
def _corpus_articles():
    """Every seed (text) and readability page (text and HTML), cleaned with the defaults."""
    pages = [(p.name, clean(p.text, format="text")) for p in seed_pages()]
    pages += [(p.name, clean(p.text, format="text")) for p in readability_pages()]
    pages += [(p.name, clean(p.text, format="html")) for p in readability_pages(source="source.html")]
    return pages


def test_every_block_of_every_page_has_a_listed_rule_and_a_first_label():
    articles = _corpus_articles()
    assert len(articles) == 5 + 130 + 130
    unlisted = {(name, b.rule) for name, a in articles for b in a.blocks if b.rule not in rules.BY_ID}
    assert not unlisted
    assert all(b.first_label in model.LABELS for _, a in articles for b in a.blocks)


def test_the_rule_list_is_what_the_pages_use():
    """Most listed rules fire somewhere on these pages (a list of dead ids would mean nothing)."""
    seen = {b.rule for _, a in _corpus_articles() for b in a.blocks}
    assert len(seen) >= 0.7 * len(rules.RULES), sorted(set(rules.BY_ID) - seen)


def test_the_readme_table_lists_every_rule_once_in_order():
    text = README.read_text(encoding="utf-8")
    assert [rule_id for rule_id, _ in _ROW.findall(text)] == [r.id for r in rules.RULES]
    assert rules.markdown_table() in text, "paste rules.markdown_table() over the README's rule table"


def test_rule_ids_are_unique_and_named_by_their_stage():
    ids = [r.id for r in rules.RULES]
    assert len(ids) == len(set(ids))
    assert all(r.id.split(".")[0] == r.stage and r.decides for r in rules.RULES)


def test_the_context_pass_steps_are_listed_rules():
    assert [s.rule for s in revise.STEPS if s.rule != "meta"] == [r.id for r in rules.RULES if r.stage == "revise"]


def test_first_label_is_kept_when_the_context_pass_overrides_it():
    page = next(p for p in seed_pages() if p.name.startswith("004_"))
    blocks = clean(page.text, format="text").blocks
    title = next(b for b in blocks if b.label == model.TITLE)
    assert (title.first_label, title.rule) == (model.BODY, "meta.title")
    assert blocks[0].label == model.HEADER and blocks[0].first_label == model.DATE  # "Thứ Hai, 08/12/2025"
    kept = [b for b in blocks if b.rule.startswith(("classify.", "dom."))]
    assert kept and all(b.label == b.first_label for b in kept)  # no later rule touched them


def _fired(kind: str) -> list[tuple[str, str]]:
    """(rule id, page name) for each rule of the corpus pages, the first page it fires on."""
    first: dict[str, str] = {}
    for name, a in _corpus_articles():
        if (a.format == kind) and name not in first.values():
            for b in a.blocks:
                first.setdefault(b.rule, name)
    return sorted((r, n) for r, n in first.items() if r not in rules.FALLBACKS)


def _page(name: str, kind: str) -> str:
    pages = seed_pages() if name.endswith(".txt") else readability_pages(
        source="source.html" if kind == "html" else "source.txt")
    return next(p.text for p in pages if p.name == name)


@pytest.mark.parametrize("kind", ["text", "html"])
def test_any_rule_that_fires_can_be_turned_off(kind):
    """Off by id, a rule decides no line: its lines fall through to the other rules."""
    for rule, name in _fired(kind):
        page = _page(name, kind)
        before = clean(page, format=kind)
        after = clean(page, format=kind, disabled_rules=frozenset({rule}))
        assert any(b.rule == rule for b in before.blocks)
        assert not any(b.rule == rule for b in after.blocks), rule
        assert all(b.rule in rules.BY_ID for b in after.blocks)


CONTAINED = [  # (rule, mode, page): turning the rule off changes its own lines and nothing else
    ("classify.credit", "text", "gmw"),
    ("classify.lexicon.share", "text", "aclu"),
    ("classify.low_stopwords", "text", "002"),
    ("dom.caption", "html", "bbc-1"),
    ("dom.link_density", "html", "aclu"),
    ("dom.region.related", "html", "002"),
    ("meta.title", "text", "001"),
    ("meta.header_date", "text", "004_28ba1ad4bae64c1e.txt"),
    ("revise.related_box", "text", "aclu"),
    ("revise.teaser", "text", "bbc-1"),
    ("revise.main_container", "html", "aclu"),
    ("revise.tail", "text", "aclu"),
    ("revise.keep_text", "text", "003-metadata-preferred"),
]


@pytest.mark.parametrize("rule,kind,name", CONTAINED, ids=[f"{r}-{n}" for r, _, n in CONTAINED])
def test_turning_a_rule_off_changes_only_its_lines(rule, kind, name):
    page = _page(name, kind)
    before = clean(page, format=kind).blocks
    after = clean(page, format=kind, disabled_rules={rule}).blocks
    changed = {b.index for b, c in zip(before, after) if (b.label, b.reason, b.rule) != (c.label, c.reason, c.rule)}
    assert changed and changed == {b.index for b in before if b.rule == rule}
    assert all(c.rule != rule for c in after)


@pytest.mark.parametrize("ids,error,match", [
    ({"revise.nope"}, ValueError, "unknown rule id 'revise.nope'"),
    ({"classify.paragraph"}, ValueError, "cannot be turned off"),
    ("revise.tail", TypeError, "collection of rule ids"),
    ({3}, TypeError, "a rule id must be a str"),
])
def test_bad_rule_ids_are_refused_at_once(ids, error, match):
    with pytest.raises(error, match=match):
        CleanOptions(disabled_rules=ids)
    with pytest.raises(error, match=match):
        clean("x", disabled_rules=ids)
