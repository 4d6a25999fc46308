"""Regex safety: no pattern in cleanarticle backtracks catastrophically on hostile text.

Every compiled pattern (module-level ones, and those built from the lexicons, month names
and DOM tokens) is run over long runs of the characters it cares about, ended by a
character that almost matches. A linear scan of such a string takes a few milliseconds;
a quadratic one takes seconds, so the `regex` engine's own timeout (far above the linear
cost) tells the two apart without timing anything finely. The time per doubling is
measured by `benchmarks/linearity.py`, not here.
"""
from __future__ import annotations

import importlib
import pathlib
import pkgutil
import re

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import cleanarticle
from cleanarticle import dates, features, html_blocks, lexicon, metadata

SRC = pathlib.Path(cleanarticle.__file__).parent
# 10,000 characters: a linear scan takes about a millisecond; a quadratic one makes about 5e7
# backtracking steps, which took 2 to 7 s for the patterns this audit caught (since fixed).
RUN = 10_000
TIMEOUT_S = 0.5
# The lexicon-built patterns have one shape per builder; their word lists differ. These
# languages cover Latin with and without diacritics, CJK and Arabic script.
LEXICON_LANGS = ("en", "vi", "zh", "ar")
# Builders that compile patterns inside a function, with how many `compile(` calls each has.
BUILDER_SITES = {"features.py": 8, "dates.py": 3, "html_blocks.py": 1, "lexicon.py": 2, "files.py": 1,
                 "metadata.py": 2}
_COMPILE_CALL = re.compile(r"\b(?:regex|re)\.compile\(")


def _module_patterns() -> dict[str, regex.Pattern | re.Pattern]:
    """Module-level patterns, each under the module whose source assigns it."""
    found: dict[str, regex.Pattern | re.Pattern] = {}
    for info in pkgutil.walk_packages(cleanarticle.__path__, "cleanarticle."):
        if ".integrations" in info.name:
            continue  # optional engines; they compile no pattern of their own (checked below)
        module = importlib.import_module(info.name)
        source = pathlib.Path(module.__file__).read_text(encoding="utf-8")
        for name, value in vars(module).items():
            if not re.search(rf"^{name}\s*=", source, re.M):
                continue  # imported from elsewhere
            if isinstance(value, (regex.Pattern, re.Pattern)):
                found[f"{info.name}.{name}"] = value
            elif isinstance(value, dict):  # a table of patterns ({"Latin": regex.compile(...)})
                found.update({f"{info.name}.{name}[{k!r}]": v for k, v in value.items()
                              if isinstance(v, (regex.Pattern, re.Pattern))})
    return found


def _built_patterns() -> dict[str, regex.Pattern]:
    out: dict[str, regex.Pattern] = {"html_blocks._token_kinds": html_blocks._token_kinds()[0]}
    for lang in LEXICON_LANGS:
        lex = lexicon.lexicon(lang)
        for i, pattern in enumerate(features._patterns(lex)):
            if pattern is not None:
                out[f"features._patterns({lang})[{i}]"] = pattern
        for kind, months in (("months", lex.months), ("jalali", lex.jalali_months)):
            for i, pattern in enumerate(dates._month_patterns(tuple(sorted(months.items())))):
                if pattern is not None:
                    out[f"dates._month_patterns({lang}, {kind})[{i}]"] = pattern
        if lex.dense_prefix is not None:
            out[f"lexicon({lang}).dense_prefix"] = lex.dense_prefix
        if lex.sentence_re is not None:  # literal phrases, one alternation (`+` kinds)
            out[f"lexicon({lang}).sentence_re"] = lex.sentence_re
        out[f"metadata._author_split({lang})"] = metadata._author_split(lex)
        if (update := dates._update_pattern(lex)) is not None:
            out[f"dates._update_pattern({lang})"] = update
        if (published := dates._publish_pattern(lex)) is not None:
            out[f"dates._publish_pattern({lang})"] = published
        out[f"metadata._credit_start({lang})"] = metadata._credit_start(lex)
    return out


PATTERNS = {**_module_patterns(), **_built_patterns()}
# Characters every pattern is tried with, besides the literal characters in its own source.
COMMON_UNITS = [".", "?", "a", "A", "ệ", "1", " ", "-", "'", "<", "中", "ก", "한", "ж", "\u0301",
                "a ", "1 ", ". ", "a1", "ab.", "<p ", "...", "1/", "2024 ", "de ", "tháng "]
# What stands before a run (a letter makes "the run at the end" patterns try every position)
# and what ends it (nothing, a character nothing expects, a letter and a full stop, a digit).
HEADS = ["", "a"]
TAILS = ["", "\x01", "x.", " 1"]


def _units(pattern: regex.Pattern | re.Pattern) -> list[str]:
    """The common units plus each non-alphanumeric literal character the pattern names."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    own = sorted({c for c in source if not c.isalnum() and c not in "\\()[]{}^$*+?|" and c.isprintable()})
    return COMMON_UNITS + own[:40]


def _scan(pattern: regex.Pattern | re.Pattern, text: str) -> None:
    data = text.encode("utf-8", "surrogatepass") if isinstance(pattern.pattern, bytes) else text
    # findall tries every start position, so it costs at least what search, match, sub and
    # split cost on the same text.
    if isinstance(pattern, regex.Pattern):
        pattern.findall(data, timeout=TIMEOUT_S)
    else:  # the standard library's engine has no timeout; its few patterns are single classes
        pattern.findall(data)


def test_every_compile_call_in_the_package_is_audited():
    """A new pattern anywhere in the package must be reachable from PATTERNS (or a builder)."""
    calls = {p.name: len(_COMPILE_CALL.findall(p.read_text(encoding="utf-8"))) for p in SRC.rglob("*.py")}
    assert not any(n for path, n in calls.items() if "integrations" in path), "audit the integrations' patterns"
    module_level = len(_module_patterns())
    assert sum(calls.values()) == module_level + sum(BUILDER_SITES.values()), (
        f"{sum(calls.values())} compile() calls, {module_level} module-level patterns and "
        f"{sum(BUILDER_SITES.values())} builder sites: add the new pattern's builder to this audit")


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_long_runs_that_almost_match_scan_in_linear_time(name):
    pattern = PATTERNS[name]
    for unit in _units(pattern):
        for head in HEADS:
            for tail in TAILS:
                try:
                    _scan(pattern, head + unit * (RUN // len(unit)) + tail)
                except TimeoutError:
                    pytest.fail(f"{name} backtracks on {head!r} + {unit!r} * {RUN // len(unit)} + {tail!r}")


_RUN_UNITS = st.sampled_from(sorted(set(COMMON_UNITS + list(".!?…⋯)”’'\"|•·—–/:,;&=_#@\n\t ([»"))))


@given(name=st.sampled_from(sorted(PATTERNS)),
       runs=st.lists(st.tuples(_RUN_UNITS, st.integers(1, RUN // 2)), min_size=1, max_size=3),
       tail=st.sampled_from(TAILS))
# Found while writing this audit (fixed): spaces before a word that is not an author separator.
@example(name="metadata._author_split(en)", runs=[(" ", RUN)], tail="x")
def test_runs_of_several_units_scan_in_linear_time(name, runs, tail):
    """Two or three long runs back to back ("..." then ")"), which one-unit runs miss."""
    text = "".join(unit * (count // len(unit) + 1) for unit, count in runs) + tail
    try:
        _scan(PATTERNS[name], text)
    except TimeoutError:
        pytest.fail(f"{name} backtracks on runs {[(u, c) for u, c in runs]} + {tail!r}")
