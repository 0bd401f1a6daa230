"""Data derived from installed files (the syllable table, hyphenation patterns, parsed YAML), kept
in the user cache folder so that later runs load it in a few milliseconds.

Files are written with :mod:`marshal` and replaced atomically, so a parallel run never reads half a
file; a file that cannot be read is derived again, and a folder that cannot be written only costs
the next run the same work. ``CONTENTLINT_USER_CACHE_DIR`` overrides the folder; else
``CONTENTLINT_CACHE_DIR``, which also moves the results cache, puts both in one folder.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

USER_CACHE_ENV = "CONTENTLINT_USER_CACHE_DIR"
CACHE_ENV = "CONTENTLINT_CACHE_DIR"


def cache_dir() -> Path:
    override = os.environ.get(USER_CACHE_ENV) or os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    linux = _linux_cache_dir()
    if linux is not None:
        return linux
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("contentlint", appauthor=False))


def _linux_cache_dir() -> Path | None:
    """What ``platformdirs.user_cache_dir("contentlint")`` answers on Linux in the usual cases,
    without importing it (which costs a one-file run about 6 ms): ``$XDG_CACHE_HOME/contentlint``,
    else ``$HOME/.cache/contentlint``. None elsewhere (other systems, Android, no usable HOME)."""
    if not sys.platform.startswith("linux") or hasattr(sys, "getandroidapilevel"):
        return None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg, "contentlint")
    home = os.environ.get("HOME", "")
    return Path(home, ".cache", "contentlint") if os.path.isabs(home) else None


def load(path: Path) -> Any:
    """The value stored at ``path``, or None when there is none or it is unreadable."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def store(path: Path, value: Any, *, keep: int = 2) -> None:
    """Write ``value`` to ``path``; values marshal cannot write, and unwritable folders, are skipped.

    Files of the same family (the part of the name before its first ``-``: ``syllables``,
    ``yaml``...) that are not among the ``keep`` most recently written are deleted, so the folder
    does not grow each time an installed data file changes (every new environment gives the
    pronouncing dictionary a new time stamp, and with it a new table)."""
    try:
        data = marshal.dumps(value)
    except ValueError:
        return
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name.partition('-')[0]}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(path, keep)
    except OSError:
        pass


def _prune(written: Path, keep: int) -> None:
    family = written.name.partition("-")[0] + "-"
    siblings: list[tuple[int, str, Path]] = []
    for entry in os.scandir(written.parent):
        if entry.name.startswith(family) and entry.name != written.name and entry.is_file():
            siblings.append((entry.stat().st_mtime_ns, entry.name, Path(entry.path)))
    siblings.sort(reverse=True)
    for _, _, stale in siblings[max(keep - 1, 0):]:
        stale.unlink(missing_ok=True)
