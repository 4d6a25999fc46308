"""The command line, run as users run it (subprocess), on temporary trees."""
import json
import shutil
import subprocess
import sys

import pytest

from benchmarks.scoring import SEEDS


def run(*args, cwd=None, input=None):
    return subprocess.run([sys.executable, "-m", "cleanarticle", *args], capture_output=True, text=True,
                          cwd=cwd, input=input, timeout=120)


@pytest.fixture
def tree(tmp_path):
    src = tmp_path / "in"
    (src / "nested" / "deeper").mkdir(parents=True)
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        target = src / ("nested/deeper" if i % 2 else "nested") / seed.name
        shutil.copy(seed, target)
    (src / "notes.md").write_text("not an input", encoding="utf-8")
    return src


def test_folder_to_jsonl(tree, tmp_path):
    before = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    out = tmp_path / "out.jsonl"
    result = run(str(tree), "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert {r["path"].rsplit("/", 1)[-1] for r in records} == {p.name for p in SEEDS.glob("*.txt")}
    assert all(r["title"] and r["body"] and "blocks" not in r for r in records)
    assert {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()} == before  # inputs untouched
    assert "5 cleaned, 0 failed" in result.stderr


def test_explain_adds_labels(tree):
    page = next(tree.rglob("*.txt"))
    result = run(str(page), "--explain")
    record = json.loads(result.stdout)
    assert len(record["blocks"]) == len(page.read_text(encoding="utf-8").splitlines())
    assert all(b["label"] and b["reason"] for b in record["blocks"])


def test_missing_file_is_reported_and_exit_1(tree, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run(str(tree), str(tmp_path / "nope.txt"), "-o", str(out))
    assert result.returncode == 1
    assert "nope.txt" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


def test_refuses_to_overwrite_an_input(tree):
    page = next(tree.rglob("*.txt"))
    before = page.read_bytes()
    result = run(str(page), "-o", str(page))
    assert result.returncode == 2 and "refusing" in result.stderr
    assert page.read_bytes() == before


def test_clean_subcommand_and_version():
    assert run("--version").stdout.startswith("cleanarticle ")
    page = next(SEEDS.glob("*.txt"))
    assert json.loads(run("clean", str(page)).stdout)["title"]


def test_usage_error_exit_2():
    assert run().returncode == 2
