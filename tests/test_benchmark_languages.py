"""benchmarks/languages_quality.py: which language a readability page is in (decided from its
gold body, not by cleanarticle), and the per-language table on a small copy of the corpus.
No timing and no score floor here: the per-language numbers are reported, not gated."""
import json
import shutil

import pytest

from benchmarks import languages_quality
from benchmarks.scoring import READABILITY


@pytest.mark.parametrize("gold,lang", [
    ("東京都は十七日、港の再開発計画を発表した。" * 5, "ja"),
    ("市政府十七日宣布港口改建计划，预计明年完工。" * 5, "zh"),
    ("市政府十七日宣佈港口改建計畫，預計明年完工。" * 5, "zh"),  # langdetect alone says Korean
    ("시의회는 수요일 새 여객선 노선을 승인했다. " * 5, "ko"),
    ("Der Stadtrat hat am Mittwoch eine neue Fährverbindung über den Hafen beschlossen, "
     "die Anwohner seit zwei Jahren fordern. " * 2, "de"),
    ("Tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
     "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.", None),
    ("abc def ghi", None),
])
def test_gold_language(gold, lang):
    assert languages_quality.gold_language(gold) == lang


def test_table_on_two_pages(tmp_path, capsys):
    for name in ("heise", "yahoo-4", "001"):  # German, Japanese, English
        shutil.copytree(READABILITY / name, tmp_path / "corpus" / name)
    out = tmp_path / "run.json"
    assert languages_quality.main(["--corpus", str(tmp_path / "corpus"), "--json", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert {n: p["lang"] for n, p in result["pages"].items()} == {"heise": "de", "yahoo-4": "ja"}
    assert result["every_page"]["text"]["pages"] == 3
    for page in result["pages"].values():
        assert 0.0 <= page["text"]["f1"] <= 1.0 and 0.0 <= page["html"]["f1"] <= 1.0
    cases = result["cases"]
    assert set(cases) == {json.loads(p.read_text(encoding="utf-8"))["id"]
                          for p in languages_quality.CASES.glob("*.json")}
    for case in cases.values():
        assert 0 <= case["chrome_kept"] <= case["chrome"] and 0 <= case["body_lost"] <= case["body"]
        assert 0 <= case["meta_right"] <= case["meta"] <= 3
    assert languages_quality.main(["--compare", str(out), str(out)]) == 0
    table = capsys.readouterr().out
    assert "heise" in table and "yahoo-4" in table and "every     3" in table and "language cases" in table
