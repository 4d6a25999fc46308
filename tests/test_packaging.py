"""What users install holds every data file of the source tree (issue: HTML mode failed for
every installed user because `data/dom_tokens.tsv` was left out of the wheel). Run against
the installed wheel, as `.ci/run` does, this compares two copies; in an editable install
both sides are the same folder."""
import pathlib

import pytest

import cleanarticle

SOURCE_DATA = pathlib.Path(__file__).resolve().parents[1] / "src" / "cleanarticle" / "data"
INSTALLED_DATA = pathlib.Path(cleanarticle.__file__).parent / "data"


def _files(root: pathlib.Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.skipif(not SOURCE_DATA.is_dir(), reason="no source tree beside the tests")
def test_the_installed_package_has_every_data_file():
    source, installed = _files(SOURCE_DATA), _files(INSTALLED_DATA)
    assert "dom_tokens.tsv" in source
    assert sorted(set(source) - set(installed)) == []
    assert {name: data for name, data in installed.items() if name in source} == source
