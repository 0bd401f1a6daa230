"""Reading the YAML data files behind the rules (word lists, lexicons, rule packs), in one place.

Word lists are read on a rule's first use, which a one-file run pays for: libyaml's C parser
(``yaml.CSafeLoader``) reads them several times faster than PyYAML's pure-Python one and builds
the same values. When a file is not valid YAML it is parsed again with the pure-Python loader,
whose error names the line and shows it. The value of each document is also kept in the user cache
folder (see :mod:`contentlint.user_cache`), keyed by the document's text, so later runs neither
parse it nor import PyYAML.
"""

from __future__ import annotations

import zlib
from functools import cache
from pathlib import Path
from typing import Any

from contentlint.yaml_loading import safe_load

# Bump when what is stored for a document changes.
_CACHE_FORMAT = 1
_DOCUMENTS_KEPT = 300


def load_yaml(text: str) -> Any:
    """The value of a YAML document, read as ``yaml.safe_load`` reads it."""
    from contentlint import user_cache

    stored = user_cache.cache_dir() / _cache_name(text)
    found = user_cache.load(stored)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == text:
        return found[1]
    value = safe_load(text)
    # skipped for values marshal cannot write (dates); a few hundred documents cover the built-in
    # data and a project's own packs
    user_cache.store(stored, (text, value), keep=_DOCUMENTS_KEPT)
    return value


def _cache_name(text: str) -> str:
    data = text.encode("utf-8", "surrogatepass")
    return f"yaml-v{_CACHE_FORMAT}-{len(data)}-{zlib.crc32(data):08x}-{zlib.adler32(data):08x}.marshal"


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
