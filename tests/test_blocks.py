"""blocks.split_lines: one block per line; a final newline adds no empty line."""
import pytest

from cleanarticle.blocks import split_lines


@pytest.mark.parametrize("text,expected", [
    ("", []),
    ("Tiêu đề", ["Tiêu đề"]),
    ("Tiêu đề\n", ["Tiêu đề"]),
    ("Title\nFirst paragraph.\nSecond paragraph.", ["Title", "First paragraph.", "Second paragraph."]),
    ("Title\nFirst paragraph.\n", ["Title", "First paragraph."]),
    ("Tiêu đề\n\nĐoạn một.\n\nĐoạn hai.\n", ["Tiêu đề", "", "Đoạn một.", "", "Đoạn hai."]),
    ("\nLeading blank", ["", "Leading blank"]),
    ("\n", [""]),
    ("Two trailing\n\n", ["Two trailing", ""]),
    ("  indented line  \n", ["  indented line  "]),
], ids=["empty", "one-line", "one-line-final-newline", "en-no-final-newline", "en-final-newline",
        "vi-blank-separated", "leading-blank", "only-newline", "two-final-newlines", "spaces-kept"])
def test_split_lines(text, expected):
    assert split_lines(text) == expected


def test_line_count_matches_newlines_plus_one_unless_text_ends_with_newline():
    text = "\n".join(f"Dòng số {n}" for n in range(50))
    assert len(split_lines(text)) == 50
    assert len(split_lines(text + "\n")) == 50
    assert split_lines(text + "\n") == split_lines(text)
