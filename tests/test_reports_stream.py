"""Reports written as results arrive: the same bytes as rendering the whole run, and no result kept."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import weakref
from pathlib import Path
from typing import Any, cast

import pytest

import test_reports_dispatch
import test_reports_json
import test_reports_sarif
import test_reports_text
from contentlint import cli
from contentlint._version import __version__
from contentlint.config import load_config
from contentlint.engine import lint_paths
from contentlint.findings import FileError, FileResult, Finding, RunResult, Severity, Span
from contentlint.reading import read_source
from contentlint.reports import ReportOptions, Spool, Totals, render, writer
from contentlint.ruleset import RuleSet
from support import CORPUS, run_cli

STREAMED = ("text", "json", "sarif", "github", "markdown")

# option sets each format is compared under (``sources`` is filled in from the run)
OPTIONS: dict[str, list[dict[str, Any]]] = {
    "text": [{}, {"quiet": True}, {"statistics": True}, {"statistics": True, "quiet": True}, {"color": True},
             {"show_source": True}, {"show_source": True, "quiet": True}, {"show_source": True, "color": True}],
    "json": [{}],
    "sarif": [{}, {"cwd": "/"}, {"show_source": True}],
    "github": [{}, {"cwd": "/"}],
    "markdown": [{}, {"cwd": "/"}],
}


class Collected:
    """What a writer sends: its own text, and files' parts as UTF-8 bytes, read back as one text."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []

    def write(self, data: str | bytes) -> None:
        self.pieces.append(data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data)

    def getvalue(self) -> str:
        return b"".join(self.pieces).decode("utf-8", "surrogateescape")


def streamed(fmt: str, run: RunResult, **options: Any) -> str:
    out = Collected()
    settings = ReportOptions(**options)
    report = writer(fmt, out.write, run.rules, run.version, settings)
    assert report is not None
    for result in run.files:
        report.add(result, settings.sources.get(result.path))
    report.finish(Totals.of(run.files))
    return out.getvalue()


def sample_runs(tmp_path: Path) -> dict[str, tuple[RunResult, dict[str, str]]]:
    """Runs with unreadable files, unknown rules, NaN metrics, article-level findings and hostile text."""
    sarif_run = test_reports_sarif.make_run(tmp_path)
    return {
        "empty": (RunResult(files=[], rules={}, version="1"), {}),
        "clean": (RunResult(files=[FileResult("a.md"), FileResult("b.md", metrics={"grade": 7.0})], rules={},
                            version="1"), {}),
        "unreadable only": (RunResult(files=[FileResult("x.md", error=FileError("x.md", "binary file"))], rules={},
                                      version="1"), {}),
        "json": (test_reports_json.sample_run(), {}),
        "sarif": (sarif_run, {r.path: test_reports_sarif.ARTICLE for r in sarif_run.files}),
        "text": (test_reports_text.tea_run(), {"articles/tea.md": test_reports_text.TEA}),
        "hostile": (test_reports_dispatch.hostile_run(), {"a.md": test_reports_dispatch.HOSTILE}),
    }


@pytest.fixture(scope="module")
def corpus_run() -> tuple[RunResult, dict[str, str]]:
    """The sample corpus, checked with every default rule."""
    config = load_config(None)
    paths = sorted(str(p) for p in CORPUS.iterdir() if p.suffix in (".md", ".txt", ".html"))
    files = list(lint_paths(paths, config))
    sources = {path: Path(path).read_text(encoding="utf-8") for path in paths}
    return RunResult(files=files, rules=RuleSet(config).metas, version="0.1.0"), sources


@pytest.mark.parametrize("fmt", STREAMED)
def test_streamed_reports_are_the_rendered_reports(
    fmt: str, tmp_path: Path, corpus_run: tuple[RunResult, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # tiny spool pieces: the held-back text goes through a temporary file and SARIF's rule-index
    # marks fall across the pieces it is read back in
    monkeypatch.setattr(Spool, "_IN_MEMORY", 64)
    monkeypatch.setattr(Spool, "_CHUNK", 5)
    runs = {**sample_runs(tmp_path), "corpus": corpus_run}
    assert any(r.findings for r in corpus_run[0].files)
    for name, (run, sources) in runs.items():
        for options in OPTIONS[fmt]:
            if options.get("show_source"):
                options = {**options, "sources": sources}
            expected = render(fmt, run, **options)
            assert streamed(fmt, run, **options) == expected, (name, options)


def test_the_html_report_has_no_writer() -> None:
    assert writer("html", print, {}, "1", ReportOptions()) is None
    with pytest.raises(ValueError, match="unknown report format"):
        writer("xml", print, {}, "1", ReportOptions())


# --- the command line -------------------------------------------------------------------------


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small corpus with problems, a clean page, an unreadable file and broken front matter."""
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in (".md", ".txt", ".html"):
            shutil.copy(path, folder / path.name)
    (folder / "spam.md").write_text("# Knee pain\n\nThis miracle brace cures arthritis. Call Now\n", encoding="utf-8")
    (folder / "clean.md").write_text("# Knee pain\n\nKnee pain often gets better within weeks.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"bin\x00ary")
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nThis tea cures cancer.\n", encoding="utf-8")
    return folder


def whole_run(folder: Path) -> tuple[RunResult, dict[str, str | FileError]]:
    """What the command line rendered before it streamed: every result, then the report."""
    config = load_config(None)
    with contextlib.chdir(folder):
        files = list(lint_paths(["."], config, cache=True))
        sources = {r.path: read_source(r.path, config.max_file_bytes) for r in files if r.findings}
    return RunResult(files=files, rules=RuleSet(config).metas, version=__version__), sources


@pytest.mark.parametrize(
    ("fmt", "args"),
    [("text", ()), ("text", ("--show-source",)), ("text", ("--statistics",)), ("json", ()), ("sarif", ()),
     ("github", ()), ("markdown", ())],
)
def test_the_command_line_writes_what_rendering_the_whole_run_gives(
    articles: Path, fmt: str, args: tuple[str, ...]
) -> None:
    status, out, err = run_cli("check", ".", "--format", fmt, "--jobs", "2", "--no-color", *args, cwd=articles)
    run, sources = whole_run(articles)
    show_source = "--show-source" in args
    options: dict[str, Any] = {"cwd": str(articles), "show_source": show_source,
                               "statistics": "--statistics" in args, "sources": sources if show_source else None}
    expected = render(fmt, run, **options)
    assert status == 2  # the binary file
    assert out == expected
    assert "broken.md: warning: front matter" in err
    status, out, _ = run_cli("check", ".", "--format", fmt, "-o", "../report", *args, cwd=articles)
    assert (status, out) == (2, "")
    assert (articles.parent / "report").read_text(encoding="utf-8") == expected


def test_a_report_file_inside_the_checked_folder_is_written_at_the_end(articles: Path) -> None:
    old = "An earlier report. This miracle tea cures cancer.\n"
    (articles / "report.txt").write_text(old, encoding="utf-8")
    _, _, _ = run_cli("check", ".", "-o", "report.txt", cwd=articles)
    report = (articles / "report.txt").read_text(encoding="utf-8")
    # the file was checked with the text it had before the run, not with the report half-written
    assert "report.txt:1:" in report and "cures cancer" in report


class _Findings(list[Finding]):
    """A findings list that can be watched for being freed."""


class _Watch:
    """Counts how many watched objects are alive at once."""

    def __init__(self) -> None:
        self.alive = self.most = self.made = 0

    def __call__(self, findings: _Findings) -> _Findings:
        self.alive += 1
        self.made += 1
        self.most = max(self.most, self.alive)
        weakref.finalize(findings, self._freed)
        return findings

    def _freed(self) -> None:
        self.alive -= 1


def synthetic_results(count: int, watch: _Watch) -> Any:
    """``count`` results of 20 findings each, made one at a time as the command line asks."""
    for number in range(count):
        path = f"articles/{number:05d}.md"
        findings = _Findings(
            Finding(path, Span(line, 1, line, 9, 0, 8, 1, 9), "CLAIM001", "cure-claim", "claims",
                    Severity.WARNING, f"Problem {number}-{line}.", "Rewrite it.", f"words {number} {line}")
            for line in range(1, 21)
        )
        yield FileResult(path, findings=watch(findings), metrics={"words": 300.0}, title=f"Article {number}")


@pytest.mark.parametrize(
    "args",
    [(), ("--quiet",), ("--statistics",), ("--show-source",), ("--format", "json"), ("--format", "sarif"),
     ("--format", "github"), ("--format", "markdown"), ("--format", "json", "--baseline", "base.json"),
     ("--fix", "-q"), ("--write-baseline", "new-base.json")],
)
def test_the_command_line_keeps_no_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    (tmp_path / "base.json").write_text('{"contentlint-baseline": 1, "findings": []}', encoding="utf-8")
    watch = _Watch()
    monkeypatch.setattr(cli, "_checked", lambda *_: synthetic_results(400, watch))
    status, _, _ = run_cli("check", "--fail-on", "never", "-o", "report", *args, cwd=tmp_path)
    assert status == 0
    assert watch.made == 400
    # each result is let go once written: never more than the one in hand and the one before it
    assert watch.most <= 2


def test_the_html_report_keeps_every_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pygal")
    watch = _Watch()
    monkeypatch.setattr(cli, "_checked", lambda *_: synthetic_results(50, watch))
    status, _, _ = run_cli("check", "--fail-on", "never", "--format", "html", "-o", "report", cwd=tmp_path)
    assert status == 0
    assert watch.most == 50


# --- the progress line ------------------------------------------------------------------------


class _Terminal(io.StringIO):
    """One end of a terminal: what is written goes to a shared screen log."""

    def __init__(self, screen: list[str]) -> None:
        super().__init__()
        self.screen = screen

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("a text stream")  # as click probes for a binary stream
        self.screen.append(text)
        return len(text)

    def isatty(self) -> bool:
        return True


def test_the_progress_line_steps_aside_for_the_report_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    screen: list[str] = []
    monkeypatch.setattr("sys.stdout", _Terminal(screen))
    monkeypatch.setattr("sys.stderr", _Terminal(screen))
    with cli._Progress() as progress:
        output = cli._Output(None, progress)
        progress(49)
        assert screen == []  # not every file moves the count
        progress(50)
        assert screen == ["\rcontentlint: 50 files checked"]
        output.write("a.md:1:1: SPAM001 [error] Call now.\n")
    output.finish()
    text = "".join(screen)
    assert text == ("\rcontentlint: 50 files checked" "\r\x1b[K" "a.md:1:1: SPAM001 [error] Call now.\n"
                    "\rcontentlint: 50 files checked" "\r\x1b[K")


def test_no_progress_line_when_standard_error_is_not_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = _Watch()
    monkeypatch.setattr(cli, "_checked", lambda *_: synthetic_results(120, watch))
    _, _, err = run_cli("check", "--fail-on", "never", "-o", "report", cwd=tmp_path)
    assert "files checked" not in err and "\r" not in err


def test_the_report_file_replaces_the_old_one_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Tea\n\nThis miracle tea cures cancer.\n", encoding="utf-8")
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    report.write_text("old report", encoding="utf-8")
    report.chmod(0o640)
    status, out, _ = run_cli("check", "a.md", "--format", "json", "-o", str(report), cwd=tmp_path)
    assert (status, out) == (1, "")
    assert '"rule": "CLAIM002"' in report.read_text(encoding="utf-8")
    assert report.stat().st_mode & 0o777 == 0o640  # an existing report keeps its permissions
    assert [p.name for p in report.parent.iterdir()] == ["report.json"]


def test_a_report_through_a_link_is_written_to_the_linked_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Tea\n\nThis miracle tea cures cancer.\n", encoding="utf-8")
    (tmp_path / "real.txt").write_text("", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    run_cli("check", "a.md", "-o", "link.txt", cwd=tmp_path)
    assert (tmp_path / "link.txt").is_symlink()
    assert "CLAIM002" in (tmp_path / "real.txt").read_text(encoding="utf-8")


def test_a_run_that_cannot_finish_leaves_the_old_report_and_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Tea\n\nThis miracle tea cures cancer.\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text("old report", encoding="utf-8")
    status, _, err = run_cli("check", "a.md", "missing.md", "--format", "json", "-o", "report.txt", cwd=tmp_path)
    assert status == 2 and "missing.md" in err
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "report.txt"]


# --- a file's part rendered elsewhere (in a worker, or kept in the cache) ------------------------

PARTS_FORMATS = ("text", "json", "sarif", "github")


def parts_streamed(fmt: str, run: RunResult, **options: Any) -> str:
    """The report written from each file's parts, rendered apart and stored as the cache stores
    them (files that could not be checked are added as results, as the command line does)."""
    from contentlint.cache import _rendered_from_row, _rendered_to_row
    from contentlint.reports import PartsWriter, parts_renderer
    from contentlint.runner import rendered

    out = Collected()
    settings = ReportOptions(**options)
    renderer = parts_renderer(fmt, settings)
    assert renderer is not None
    report = writer(fmt, out.write, run.rules, run.version, settings)
    assert report is not None
    totals = Totals()
    for result in run.files:
        outcome = rendered(result, settings.sources.get(result.path), renderer)
        if isinstance(outcome, FileResult):
            totals.add(outcome)
            report.add(outcome, settings.sources.get(result.path))
            continue
        stored = _rendered_from_row(outcome.path, *_rendered_to_row(outcome))
        assert stored == outcome
        totals.add_rendered(stored)
        cast(PartsWriter, report).add_parts(stored.parts)
    report.finish(totals)
    return out.getvalue()


@pytest.mark.parametrize("fmt", PARTS_FORMATS)
def test_reports_from_parts_rendered_apart_are_the_rendered_reports(
    fmt: str, tmp_path: Path, corpus_run: tuple[RunResult, dict[str, str]]
) -> None:
    runs = {**sample_runs(tmp_path), "corpus": corpus_run}
    for name, (run, sources) in runs.items():
        for options in OPTIONS[fmt]:
            if options.get("statistics"):
                continue  # counts per rule: no part per file
            if options.get("show_source"):
                options = {**options, "sources": sources}
            assert parts_streamed(fmt, run, **options) == render(fmt, run, **options), (name, options)


def test_formats_without_a_part_per_file_render_nothing_apart() -> None:
    from contentlint.reports import parts_renderer

    assert parts_renderer("text", ReportOptions(statistics=True)) is None
    for fmt in ("markdown", "html"):
        assert parts_renderer(fmt, ReportOptions()) is None


def test_parts_keys_tell_apart_what_changes_the_text(tmp_path: Path) -> None:
    from contentlint.reports import parts_renderer

    def key(fmt: str, **options: Any) -> str:
        renderer = parts_renderer(fmt, ReportOptions(**options))
        assert renderer is not None
        return renderer.key

    text_keys = {key("text"), key("text", color=True), key("text", show_source=True)}
    assert len(text_keys) == 3
    assert key("github", cwd=str(tmp_path)) != key("github", cwd="/")
    assert key("sarif", cwd=str(tmp_path)) != key("sarif", cwd="/")
    assert key("sarif") != key("sarif", show_source=True)
    assert len({key("json"), key("github"), key("text"), key("sarif")}) == 4


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "markdown", "html"])
def test_a_file_name_that_is_not_utf8_is_reported_by_its_own_bytes(fmt: str, tmp_path: Path) -> None:
    # read back with a lone surrogate standing for the byte; enough files for worker processes
    names = [os.fsdecode(b"caf\xff-%d.md" % number) for number in range(6)]
    try:
        for name in names:
            (tmp_path / name).write_text("# Tea\n\nThis miracle tea cures cancer.\n", encoding="utf-8")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (tmp_path / "out").mkdir()
    for jobs in ("1", "2"):
        status, _, err = run_cli("check", *names, "--format", fmt, "--jobs", jobs, "--no-cache", "-o", "out/report",
                                 cwd=tmp_path)
        assert status == 1, err
        report = (tmp_path / "out" / "report").read_bytes()
        assert b"caf\xff-5.md" in report or b"caf%FF-5.md" in report
