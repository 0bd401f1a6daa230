"""Which files a run checks: walks folders in a deterministic order, skipping hidden folders,
excluded globs and symlink loops."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from contentlint.document import kind_for_path
from contentlint.errors import ContentlintError


def _excluded(relative: str, patterns: Iterable[str]) -> bool:
    parts = relative.split("/")
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(relative, pattern) or any(fnmatch.fnmatch(part, pattern) for part in parts):
            return True
    return False


def _display(path: Path) -> str:
    text = str(path)
    return text[2:] if text.startswith("./") else text


def discover(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[str]:
    """Yield every file to check, once each. Files named explicitly are always checked;
    raise :class:`ContentlintError` for a named path that does not exist."""
    patterns = tuple(exclude)
    named = list(paths)
    for name in named:
        if not os.path.lexists(name):
            raise ContentlintError(f"{name}: no such file or folder")
    seen: set[str] = set()
    for name in named:
        root = Path(name)
        if not root.is_dir():
            key = os.path.realpath(root)
            if key not in seen:
                seen.add(key)
                yield _display(root)
            continue
        visited: set[str] = set()
        for file in _walk(root, root, patterns, visited):
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                yield _display(file)


def _walk(folder: Path, root: Path, patterns: tuple[str, ...], visited: set[str]) -> Iterator[Path]:
    real = os.path.realpath(folder)
    if real in visited:
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        relative = path.relative_to(root).as_posix()
        if patterns and _excluded(relative, patterns):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            yield from _walk(path, root, patterns, visited)
        elif kind_for_path(entry.name) is not None:
            yield path
