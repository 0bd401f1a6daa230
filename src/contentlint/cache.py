"""A results cache: a file whose content, settings and rules have not changed is not checked again.

The key of an entry is the file's path and content hash; an entry is valid only for the
fingerprint of the run that wrote it (contentlint version, every rule module and pack, the
installed plugins and the configuration), so a change to any of these invalidates exactly the
entries it could change. Results are JSON in one SQLite file; the cache is best effort: any error
reading or writing it just means the file is checked again.

Beside a file's result, the cache keeps the file's part of the last streamed reports made from it
(see :class:`contentlint.reports.PartsRenderer`), under the key of the report's format and options,
as the UTF-8 bytes the report is written in: a warm run then copies the stored bytes into the
report and never rebuilds the findings.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from contentlint._version import __version__
from contentlint.config import Config
from contentlint.findings import FileResult, RenderedResult
from contentlint.serialize import result_from_data, result_to_data

DEFAULT_DIR = ".contentlint_cache"
_SCHEMA = "v3"
_KEEP_RUNS = 4


def cache_dir(config: Config) -> Path:
    configured = os.environ.get("CONTENTLINT_CACHE_DIR") or config.cache_dir
    if configured:
        base = Path(str(configured))
        return base if base.is_absolute() else (config.root or Path.cwd()) / base
    return Path.cwd() / DEFAULT_DIR


def _stat_lines(folder: Path, suffixes: tuple[str, ...]) -> Iterable[str]:
    for path in sorted(folder.rglob("*")):
        if path.suffix in suffixes and "__pycache__" not in path.parts:
            stat = path.stat()
            yield f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}"


def rules_fingerprint(config: Config) -> str:
    """Changes whenever contentlint, a rule module, a rule pack or an installed plugin changes."""
    from contentlint.rules.registry import ENTRY_POINT_GROUP, builtin_pack_dir, may_declare_plugins

    digest = hashlib.sha256(f"{_SCHEMA}:{__version__}".encode())
    package = Path(__file__).resolve().parent
    for line in _stat_lines(package, (".py",)):
        digest.update(line.encode())
    packs = builtin_pack_dir()
    for folder in [packs, *config.rule_packs]:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".yaml", ".yml"):
                    digest.update(path.read_bytes())
        elif folder.is_file():
            digest.update(folder.read_bytes())
    if may_declare_plugins():  # reading every distribution's metadata is the slow part of a one-file run
        from importlib import metadata

        for entry in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            version = entry.dist.version if entry.dist else "?"
            digest.update(f"{entry.name}={entry.value}@{version}".encode())
    digest.update(config.fingerprint().encode())
    return digest.hexdigest()


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            gitignore = folder / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n")
            self._db = sqlite3.connect(folder / "results.sqlite", timeout=5)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS results (path TEXT, digest TEXT, fingerprint TEXT, data TEXT,"
                " PRIMARY KEY (path, digest, fingerprint))"
            )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS parts (path TEXT, digest TEXT, fingerprint TEXT, report TEXT, head TEXT,"
                " body BLOB,"
                " PRIMARY KEY (path, digest, fingerprint, report))"
            )
            self._db.execute("CREATE TABLE IF NOT EXISTS runs (fingerprint TEXT PRIMARY KEY, used REAL)")
        except (OSError, sqlite3.Error):
            self._db = None

    @staticmethod
    def digest(content: bytes) -> str:
        return hashlib.sha256(content).hexdigest()

    def get(self, path: str, digest: str) -> FileResult | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT data FROM results WHERE path = ? AND digest = ? AND fingerprint = ?",
                (path, digest, self.fingerprint),
            ).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            self.misses += 1
            return None
        try:
            result = result_from_data(path, json.loads(row[0]))
        except (ValueError, TypeError, KeyError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, path: str, digest: str, result: FileResult) -> None:
        if result.error is None and not result.failed_rules:
            self.put_data(path, digest, json.dumps(result_to_data(result)))

    def put_data(self, path: str, digest: str, data: str) -> None:
        """Keep a result already encoded as :func:`contentlint.serialize.result_to_data` JSON."""
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            # an edited file's earlier entries can never be used again
            self._db.execute(
                "DELETE FROM results WHERE path = ? AND fingerprint = ? AND digest != ?",
                (path, self.fingerprint, digest),
            )
            self._db.execute(
                "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", (path, digest, self.fingerprint, data)
            )

    def get_rendered(self, path: str, digest: str, report: str) -> RenderedResult | None:
        """The file's part of a report with key ``report``, if a run with these settings made one."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT head, body FROM parts WHERE path = ? AND digest = ? AND fingerprint = ? AND report = ?",
                (path, digest, self.fingerprint, report),
            ).fetchone()
            if row is None:
                return None
            rendered = _rendered_from_row(path, *row)
        except (sqlite3.Error, ValueError, TypeError):
            return None
        self.hits += 1
        return rendered

    def put_rendered(self, digest: str, report: str, rendered: RenderedResult) -> None:
        if self._db is None:
            return
        head, body = _rendered_to_row(rendered)
        with contextlib.suppress(sqlite3.Error):
            self._db.execute(
                "DELETE FROM parts WHERE path = ? AND fingerprint = ? AND report = ? AND digest != ?",
                (rendered.path, self.fingerprint, report, digest),
            )
            self._db.execute(
                "INSERT OR REPLACE INTO parts VALUES (?, ?, ?, ?, ?, ?)",
                (rendered.path, digest, self.fingerprint, report, head, body),
            )

    def close(self) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO runs VALUES (?, julianday('now'))", (self.fingerprint,))
            # Keep the entries of the few most recent settings (a hook and a full run may alternate).
            for table in ("results", "parts"):
                self._db.execute(
                    f"DELETE FROM {table} WHERE fingerprint NOT IN"
                    " (SELECT fingerprint FROM runs ORDER BY used DESC LIMIT ?)",
                    (_KEEP_RUNS,),
                )
            self._db.execute(
                "DELETE FROM runs WHERE fingerprint NOT IN (SELECT fingerprint FROM runs ORDER BY used DESC LIMIT ?)",
                (_KEEP_RUNS,),
            )
            self._db.commit()
        except sqlite3.Error:
            pass
        finally:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()  # releases its locks even when the commit failed
        self._db = None


# A file's rendered parts are stored end to end in ``body``, as the UTF-8 bytes the report is
# written in, their lengths in ``head`` with the tally and the notes: reading them back is then
# slicing bytes, not decoding text or parsing tens of kilobytes of JSON per file.


def _rendered_to_row(rendered: RenderedResult) -> tuple[str, bytes]:
    head = json.dumps([[len(part) for part in rendered.parts], rendered.tally, rendered.notes])
    return head, b"".join(rendered.parts)


def _rendered_from_row(path: str, head: str, body: bytes) -> RenderedResult:
    if not isinstance(body, bytes):
        raise TypeError("parts are stored as bytes")
    lengths, tally, notes = json.loads(head)
    parts = []
    start = 0
    for length in lengths:
        parts.append(body[start:start + length])
        start += length
    if start != len(body):
        raise ValueError("parts do not fill the stored text")
    return RenderedResult(path, tuple(parts), tuple((r, c, s, n) for r, c, s, n in tally), tuple(notes))
