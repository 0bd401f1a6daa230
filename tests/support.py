"""Paths every test module may need (importable because pytest puts tests/ on sys.path)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from contentlint.document import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"


def read_fixture(name: str) -> str:
    """A document fixture exactly as stored (line endings kept)."""
    with open(FIXTURES / name, encoding="utf-8", newline="") as handle:
        return handle.read()


def position(article: Article, needle: str, nth: int = 0) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column) of the nth occurrence of ``needle`` in the article text."""
    index = -1
    for _ in range(nth + 1):
        index = article.text.find(needle, index + 1)
        assert index >= 0, f"{needle!r} not in {article.text!r}"
    span = article.locate(index, index + len(needle))
    return span.line, span.column, span.end_line, span.end_column


def run_cli(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    """Run the command line in-process, as a user would from ``cwd``: (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from contentlint.cli import main

    with contextlib.chdir(cwd or Path.cwd()):
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr
