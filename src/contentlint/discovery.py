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
    return _display_text(str(path))


def _display_text(text: str) -> str:
    return text[2:] if text.startswith("./") else text


def discover(paths: Iterable[str], exclude: Iterable[str] = (), force_exclude: bool = False) -> Iterator[str]:
    """Yield every file to check, once each. Files named explicitly are checked even when
    ``exclude`` matches them, unless ``force_exclude`` (a hook that passes every changed file
    names them all); raise :class:`ContentlintError` for a named path that does not exist."""
    patterns = tuple(exclude)
    named = list(paths)
    for name in named:
        if not os.path.lexists(name):
            raise ContentlintError(f"{name}: no such file or folder")
    seen: set[str] = set()
    for name in named:
        root = Path(name)
        if not root.is_dir():
            if force_exclude and patterns and _excluded(root.as_posix().lstrip("/"), patterns):
                continue
            key = os.path.realpath(root)
            if key not in seen:
                seen.add(key)
                yield _display(root)
            continue
        visited: set[str] = set()
        for file, key in _walk(str(root), "", patterns, visited):
            if key not in seen:
                seen.add(key)
                yield _display_text(file)


def _walk(folder: str, relative: str, patterns: tuple[str, ...], visited: set[str]) -> Iterator[tuple[str, str]]:
    """(path, real path) of each file to check under ``folder`` (written as ``Path`` writes it),
    whose path relative to the named folder is ``relative``."""
    real = os.path.realpath(folder)
    if real in visited:
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        inside = f"{relative}/{name}" if relative else name
        if patterns and _excluded(inside, patterns):
            continue
        try:
            is_dir = entry.is_dir()
            is_link = entry.is_symlink()
        except OSError:
            continue
        path = _child(folder, name)
        if is_dir:
            yield from _walk(path, inside, patterns, visited)
        elif kind_for_path(name) is not None:
            # a file that is not a link is where its folder really is
            yield path, os.path.realpath(path) if is_link else _child(real, name)


def _child(folder: str, name: str) -> str:
    if folder == ".":
        return name
    return folder + name if folder.endswith("/") else f"{folder}/{name}"
