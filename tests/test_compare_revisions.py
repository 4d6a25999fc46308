"""benchmarks/compare_revisions.py: what it compares and the pages it reads (the git part runs by hand)."""
from benchmarks import compare_revisions as cr


def _record(**changes):
    rec = {f: None for f in cr.FIELDS} | {"body": "a\nb", "authors": [], "blocks": [["body", "good paragraph"]]}
    return rec | changes


def test_identical_records_have_no_differences():
    assert cr.differences(_record(), _record()) == []


def test_every_compared_part_is_reported():
    old = _record()
    assert cr.differences(old, _record(body="a")) == ["body differs"]
    assert cr.differences(old, _record(title="T")) == ["title: None vs 'T'"]
    assert cr.differences(old, _record(blocks=[["nav", "good paragraph"]])) == [
        "line 1: body (good paragraph) vs nav (good paragraph)"]
    assert cr.differences(old, _record(blocks=[["body", "near paragraph"]])) != []
    assert cr.differences(old, _record(blocks=[])) == ["1 vs 0 blocks"]
    assert cr.differences(old, {"error": "ValueError: x"}) == ["error: None vs 'ValueError: x'"]


def test_pages_cover_the_seeds_and_readability_in_both_modes():
    jobs = list(cr.pages(("seeds", "readability"), cr.MODES))
    assert sum(mode == "text" for *_, mode in jobs) == 5 + 130
    assert sum(mode == "html" for *_, mode in jobs) == 130
