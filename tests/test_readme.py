"""The README's Python example, run: every `expression  # value` line and the printed lines
below the loop must be what the installed package gives, so the README cannot drift."""
import ast
import contextlib
import io
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# A line `expr   # 'literal' (free comment)`: the literal is a string or a number.
CHECKED = re.compile(r"^(?P<expr>[^#]+?)\s+#\s+(?P<value>'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?)(?:\s|$)")


def python_blocks():
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.mark.skipif(not (ROOT / "seeds").is_dir(), reason="the README's example reads seeds/ of the checkout")
def test_the_quick_start_example_prints_what_the_readme_says(monkeypatch):
    block = python_blocks()[0]
    monkeypatch.chdir(ROOT)
    code, printed, checks = [], [], []
    for line in block.splitlines():
        match = CHECKED.match(line)
        if line.startswith("# "):
            printed.append(line[2:])
        elif match:
            checks.append((match["expr"].strip(), ast.literal_eval(match["value"])))
        else:
            code.append(line)
    assert checks and printed, "the example lost its checked lines"
    scope: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec("\n".join(code), scope)  # noqa: S102 - our own README
    for expr, value in checks:
        assert eval(expr, scope) == value, expr  # noqa: S307
    assert out.getvalue().splitlines() == printed
