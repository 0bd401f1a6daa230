"""The shared YAML reader gives what yaml.safe_load gives, faster, with the same errors."""

from __future__ import annotations

import pytest
import yaml

from contentlint.rules.data import data_path, load_yaml, load_yaml_data
from contentlint.rules.registry import builtin_pack_dir


@pytest.mark.parametrize("path", sorted((builtin_pack_dir() / "data").glob("*.y*ml")), ids=lambda p: p.name)
def test_every_data_file_reads_as_safe_load_reads_it(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.safe_load(text)
    assert load_yaml_data(path.name) is load_yaml_data(path.name)  # read once
    assert data_path(path.name) == path


def test_invalid_yaml_raises_the_pure_python_loaders_error() -> None:
    text = "words:\n  - one\n  - [two\n"
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.safe_load(text)
    with pytest.raises(yaml.YAMLError) as raised:
        load_yaml(text)
    assert str(raised.value) == str(expected.value)


def test_safe_tags_only() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")
