"""Safe fixes: apply the :class:`~contentlint.findings.Fix` edits rules attach to findings.

Rules only attach a fix when applying it cannot change what the article says (deleting a spliced
sales phrase, replacing a phrase with its accepted form). This module applies them:

* edits are applied in order of position; an edit that overlaps one already taken is left for
  the next pass, so two rules never garble the same words;
* a deletion also tidies the whitespace it leaves behind (a doubled space, a space before
  punctuation, a line left blank), which changes nothing a reader sees except the spacing;
* :func:`fix_source` lints and fixes again until nothing changes, so running it a second time
  changes nothing (at most :data:`MAX_PASSES` passes guard against two rules undoing each other).

Offsets index the decoded text without its byte-order mark, as :class:`Span` does; files keep
their byte-order mark and line endings when written back.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from contentlint.document import DocumentKind, kind_for_path
from contentlint.findings import FileError, FileResult, Finding, Fix
from contentlint.ruleset import RuleSet

MAX_PASSES = 10
_BOM = "\ufeff"
_INLINE_SPACE = " \t"
# a space left before these is a typo once the words after it are gone
_CLOSERS = ".,;:!?)]}"


def apply_fixes(source: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """``source`` with every non-overlapping fix applied, and how many were applied.

    Fixes that fall outside the text or overlap an earlier one are skipped (the caller lints
    again and gets them in the next pass if they still apply).
    """
    edits = sorted(
        {_tidied(source, fix) for fix in fixes if 0 <= fix.offset <= fix.end_offset <= len(source)},
        key=lambda edit: (edit.offset, edit.end_offset, edit.replacement),
    )
    pieces: list[str] = []
    position = 0
    applied = 0
    for edit in edits:
        if edit.offset < position:
            continue
        if source[edit.offset : edit.end_offset] == edit.replacement:
            continue
        pieces.append(source[position : edit.offset])
        pieces.append(edit.replacement)
        position = edit.end_offset
        applied += 1
    pieces.append(source[position:])
    return "".join(pieces), applied


def _tidied(source: str, fix: Fix) -> Fix:
    """A deletion widened over the whitespace it would leave dangling; other edits unchanged."""
    if fix.replacement or fix.offset == fix.end_offset:
        return fix
    start, end = fix.offset, fix.end_offset
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    if line_end == -1:
        line_end = len(source)
    rest_of_line = source[end:line_end]
    if not source[line_start:start].strip() and not rest_of_line.strip():
        return _without_line(source, line_start, line_end)
    space_before = start
    while space_before > line_start and source[space_before - 1] in _INLINE_SPACE:
        space_before -= 1
    space_after = end
    while space_after < line_end and source[space_after] in _INLINE_SPACE:
        space_after += 1
    if space_before == line_start:
        # the words began the line: keep its indentation, drop the spaces after them
        return Fix(start, space_after, "")
    if not rest_of_line.strip():
        # the words ended the line: drop the space before them, keep a trailing hard break
        return Fix(space_before, end, "")
    following = source[space_after:]
    if following[:1] in _CLOSERS or following.startswith("</"):
        return Fix(space_before, space_after, "")
    if space_before < start and space_after > end:
        return Fix(start, space_after, "")
    return fix


def _without_line(source: str, line_start: int, line_end: int) -> Fix:
    """Delete a whole line left blank, and one of the blank lines around it if it sat
    between two (so a removed paragraph does not leave a double gap)."""
    end = min(line_end + 1, len(source))
    previous_blank = line_start >= 2 and not _line_before(source, line_start).strip()
    next_line_end = source.find("\n", end)
    following = source[end : next_line_end if next_line_end != -1 else len(source)]
    if previous_blank and next_line_end != -1 and not following.strip():
        end = next_line_end + 1
    if end == len(source) and line_start > 0 and end == line_end:
        # the last line of a file without a final newline: take the newline before it instead
        return Fix(line_start - 1, end, "")
    return Fix(line_start, end, "")


def _line_before(source: str, line_start: int) -> str:
    previous_start = source.rfind("\n", 0, line_start - 1) + 1
    return source[previous_start : line_start - 1]


def fixes_of(findings: Iterable[Finding]) -> list[Fix]:
    return [f.fix for f in findings if f.fix is not None]


@dataclass(slots=True)
class FixOutcome:
    """One file after fixing: its text before and after, how many fixes were applied, and the
    findings that remain in the fixed text."""

    path: str
    original: str
    fixed: str
    applied: int
    result: FileResult
    byte_order_mark: bool = False
    passes: int = field(default=0)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        """A unified diff from the original to the fixed text (empty when nothing changed)."""
        if not self.changed:
            return ""
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.fixed.splitlines(keepends=True),
            fromfile=f"a/{self.path}",
            tofile=f"b/{self.path}",
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                       for line in lines)

    def write(self) -> None:
        """Write the fixed text back, keeping the file's byte-order mark and line endings."""
        text = (_BOM if self.byte_order_mark else "") + self.fixed
        with open(self.path, "wb") as handle:
            handle.write(text.encode("utf-8"))


def fix_source(source: str, kind: DocumentKind, path: str, ruleset: RuleSet) -> FixOutcome:
    """Lint ``source`` and apply its fixes until none are left; nothing is written."""
    from contentlint.engine import lint_source

    text = source
    applied = 0
    passes = 0
    result = lint_source(text, kind, path, ruleset)
    while passes < MAX_PASSES:
        fixes = fixes_of(result.findings)
        if not fixes:
            break
        text, count = apply_fixes(text, fixes)
        passes += 1
        if count == 0:
            break
        applied += count
        result = lint_source(text, kind, path, ruleset)
    return FixOutcome(path, source, text, applied, result, passes=passes)


def fix_file(path: str, ruleset: RuleSet) -> FixOutcome | FileError:
    """Read ``path`` and fix it in memory (call :meth:`FixOutcome.write` to save it)."""
    from contentlint.reading import read_source

    kind = kind_for_path(path)
    if kind is None:
        return FileError(path, "unsupported file type")
    try:
        with open(path, "rb") as handle:
            has_bom = handle.read(3) == _BOM.encode("utf-8")
    except OSError as exc:
        return FileError(path, f"cannot read: {exc.strerror or exc}")
    source = read_source(path, ruleset.config.max_file_bytes)
    if isinstance(source, FileError):
        return source
    outcome = fix_source(source, kind, path, ruleset)
    outcome.byte_order_mark = has_bom
    return outcome
