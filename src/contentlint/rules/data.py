"""Reading the YAML data files behind the rules (word lists, lexicons, rule packs), in one place.

Word lists are read on a rule's first use, which a one-file run pays for: libyaml's C parser
(``yaml.CSafeLoader``) reads them several times faster than PyYAML's pure-Python one and builds
the same values. When a file is not valid YAML it is parsed again with the pure-Python loader,
whose error names the line and shows it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


def load_yaml(text: str) -> Any:
    """The value of a YAML document, read as ``yaml.safe_load`` reads it."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return yaml.safe_load(text)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError:
        return yaml.safe_load(text)  # the same error, with the pure-Python loader's clearer message


def data_path(name: str) -> Path:
    """``rules/data/<name>`` in a source checkout or an installed wheel."""
    from contentlint.rules.registry import builtin_pack_dir

    return builtin_pack_dir() / "data" / name


@cache
def load_yaml_data(name: str) -> dict[str, Any]:
    """The mapping in the built-in data file ``rules/data/<name>``, read once per process."""
    path = data_path(name)
    data = load_yaml(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data
