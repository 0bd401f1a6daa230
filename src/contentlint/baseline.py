"""Baselines: record today's findings so that only new ones fail a check.

A repository with hundreds of existing articles adopts contentlint by writing a baseline once
(``contentlint check --write-baseline FILE``) and checking against it from then on
(``--baseline FILE``): only findings that are not in the baseline are reported.

A finding is identified by its rule, its file and the words it flagged (whitespace collapsed,
case folded), never by its line or column, so it keeps its identity when text above it is edited.
Each identity has a count: if the baseline holds two "Call Now" findings in a file and a third
appears, the third is reported. Paths are stored relative to the baseline file's folder, so the
check gives the same answer from any working folder. Article-level findings ("no sources cited")
are identified by rule and file alone.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from contentlint.errors import ContentlintError
from contentlint.findings import FileResult, Finding

FORMAT_VERSION = 1

Key = tuple[str, str, str]  # rule, path relative to the baseline's folder, normalised text


def normalise_text(text: str) -> str:
    """The words of a finding as the baseline compares them: NFC, case folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True, slots=True)
class Baseline:
    """Known findings: how many of each (rule, file, text) identity were recorded."""

    entries: Counter[Key]
    root: Path

    @classmethod
    def from_findings(cls, findings: Iterable[Finding], root: Path) -> Baseline:
        root = Path(os.path.abspath(root))
        return cls(Counter(identity(f, root) for f in findings), root)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file; raise :class:`ContentlintError` naming the file when it is
        missing or malformed."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ContentlintError(
                f"{path}: baseline file not found (create it with --write-baseline {path})"
            ) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ContentlintError(f"{path}: cannot read the baseline: {exc}") from None
        return cls(_entries(path, data), Path(os.path.abspath(path)).parent)

    def __len__(self) -> int:
        return sum(self.entries.values())

    def to_json(self) -> str:
        findings = [
            {"rule": rule, "path": file, "text": text, "count": count}
            for (rule, file, text), count in sorted(self.entries.items())
        ]
        data = {"contentlint-baseline": FORMAT_VERSION, "findings": findings}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def write(self, path: Path) -> None:
        try:
            path.write_text(self.to_json(), encoding="utf-8")
        except OSError as exc:
            raise ContentlintError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None

    def new_findings(self, results: Iterable[FileResult]) -> list[FileResult]:
        """The results with every finding the baseline already knows removed (each recorded
        finding excuses one occurrence)."""
        return list(self.filter(results))

    def filter(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """:meth:`new_findings` one result at a time, as the results arrive."""
        remaining = Counter(self.entries)
        for result in results:
            kept: list[Finding] = []
            for finding in result.findings:
                key = identity(finding, self.root)
                if remaining[key] > 0:
                    remaining[key] -= 1
                else:
                    kept.append(finding)
            yield replace(result, findings=kept)


def identity(finding: Finding, root: Path) -> Key:
    text = "" if finding.article_level else normalise_text(finding.text)
    return (finding.rule, relative_path(finding.path, root), text)


def relative_path(path: str, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes (absolute when it is elsewhere)."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()
    if relative.startswith(".."):
        return Path(absolute).as_posix()
    return PurePosixPath(*Path(relative).parts).as_posix()


def _entries(path: Path, data: Any) -> Counter[Key]:
    def bad(problem: str) -> ContentlintError:
        return ContentlintError(f"{path}: not a contentlint baseline: {problem}")

    if not isinstance(data, dict) or "findings" not in data:
        raise bad("expected an object with a 'findings' list")
    version = data.get("contentlint-baseline")
    if version != FORMAT_VERSION:
        raise bad(f"unsupported format version {version!r} (expected {FORMAT_VERSION})")
    findings = data["findings"]
    if not isinstance(findings, list):
        raise bad("'findings' must be a list")
    entries: Counter[Key] = Counter()
    for number, item in enumerate(findings, 1):
        if not isinstance(item, dict):
            raise bad(f"finding {number} must be an object")
        rule, file = item.get("rule"), item.get("path")
        text, count = item.get("text", ""), item.get("count", 1)
        if not isinstance(rule, str) or not isinstance(file, str) or not isinstance(text, str):
            raise bad(f"finding {number} needs string 'rule', 'path' and 'text'")
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise bad(f"finding {number}: 'count' must be a positive whole number")
        entries[(rule, file, normalise_text(text))] += count
    return entries
