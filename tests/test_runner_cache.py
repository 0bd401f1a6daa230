"""Parallel checking keeps the report order; the cache reuses what is unchanged and nothing else."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from contentlint.cache import ResultCache, rules_fingerprint
from contentlint.config import Config
from contentlint.engine import lint_paths
from contentlint.runner import check_files
from support import CORPUS, run_cli

SPAM = "Stretching helps, Call Now stretching can ease stiffness. This miracle works."


def _corpus(folder: Path, count: int = 40) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(CORPUS.glob("*.txt"))
    paths = []
    for index in range(count):
        path = folder / f"article-{index:03d}.txt"
        body = seeds[index % len(seeds)].read_text(encoding="utf-8")
        path.write_text(body + ("\n\n" + SPAM if index % 3 == 0 else ""), encoding="utf-8")
        paths.append(str(path))
    return paths


def _summary(results: list) -> list[tuple[str, list[tuple[str, int, int]]]]:
    return [(r.path, [(f.rule, f.line, f.column) for f in r.findings]) for r in results]


def test_parallel_run_matches_serial_run_in_order(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "c")
    serial = list(check_files(paths, Config(), jobs=1))
    parallel = list(check_files(paths, Config(), jobs=2))
    assert [r.path for r in parallel] == paths
    assert _summary(parallel) == _summary(serial)
    assert any(r.findings for r in parallel)


def test_cache_hits_on_an_unchanged_corpus_and_results_are_identical(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "c", 12)
    config = Config()
    cold_cache = ResultCache(tmp_path / "cache", rules_fingerprint(config))
    cold = list(check_files(paths, config, jobs=1, cache=cold_cache))
    cold_cache.close()
    assert cold_cache.hits == 0
    warm_cache = ResultCache(tmp_path / "cache", rules_fingerprint(config))
    warm = list(check_files(paths, config, jobs=2, cache=warm_cache))
    warm_cache.close()
    assert warm_cache.hits == len(paths) and warm_cache.misses == 0
    assert _summary(warm) == _summary(cold)
    assert [r.metrics for r in warm] == [r.metrics for r in cold]


def test_an_edited_file_is_checked_again(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "c", 6)
    config = Config()
    first = ResultCache(tmp_path / "cache", rules_fingerprint(config))
    list(check_files(paths, config, cache=first))
    first.close()
    Path(paths[1]).write_text("A miracle drink, Call Now today.", encoding="utf-8")
    second = ResultCache(tmp_path / "cache", rules_fingerprint(config))
    results = list(check_files(paths, config, cache=second))
    second.close()
    assert second.hits == len(paths) - 1 and second.misses == 1
    assert {f.rule for f in results[1].findings} >= {"SPAM001", "CLAIM001"}


def test_an_edited_file_keeps_one_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    folder = tmp_path / "articles"
    paths = _corpus(folder, 2)
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path / "cache"))
    for edit in range(3):
        Path(paths[0]).write_text(f"Edit {edit}: this miracle tea cures colds.", encoding="utf-8")
        run_cli("check", ".", "--format", "json", cwd=folder)
    with contextlib.closing(sqlite3.connect(tmp_path / "cache" / "results.sqlite")) as db:
        for table in ("results", "parts"):
            rows = db.execute(f"SELECT path, COUNT(*) FROM {table} GROUP BY path ORDER BY path").fetchall()
            assert [count for _, count in rows] == [1, 1], table


def test_config_and_rule_pack_changes_change_the_fingerprint(tmp_path: Path) -> None:
    base = rules_fingerprint(Config())
    assert rules_fingerprint(Config(ignore=("CLAIM001",))) != base
    pack = tmp_path / "house.yaml"
    pack.write_text("rules: []\n")
    with_pack = rules_fingerprint(Config(rule_packs=(pack,)))
    assert with_pack != base
    pack.write_text("rules: []\n# edited\n")
    assert rules_fingerprint(Config(rule_packs=(pack,))) != with_pack


def test_cache_is_json_not_pickle(tmp_path: Path) -> None:
    import sqlite3

    paths = _corpus(tmp_path / "c", 1)
    cache = ResultCache(tmp_path / "cache", "fp")
    list(check_files(paths, Config(), cache=cache))
    cache.close()
    (data,) = sqlite3.connect(tmp_path / "cache" / "results.sqlite").execute("SELECT data FROM results").fetchone()
    assert data.startswith("{")


def test_lint_paths_with_cache_in_configured_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _corpus(tmp_path / "c", 3)
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    list(lint_paths([str(tmp_path / "c")], Config(), cache=True))
    assert (tmp_path / "elsewhere" / "results.sqlite").is_file()


def _refuse(*_: object, **__: object) -> None:
    raise AssertionError("a warm run should not do this")


def test_a_warm_run_writes_each_files_stored_report_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import contentlint.runner
    import contentlint.serialize

    folder = tmp_path / "articles"
    _corpus(folder, 8)
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nThis tea cures cancer.\n", encoding="utf-8")
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path / "cache"))
    cold = run_cli("check", ".", "--format", "json", "--jobs", "1", cwd=folder)
    assert cold[0] == 1 and '"rule": "SPAM001"' in cold[1]
    assert "broken.md: warning: front matter" in cold[2]

    # the same report again: neither checked nor rebuilt from the cached findings
    monkeypatch.setattr(contentlint.runner, "_checked_source", _refuse)
    monkeypatch.setattr(contentlint.serialize, "finding_from_data", _refuse)
    assert run_cli("check", ".", "--format", "json", "--jobs", "1", cwd=folder) == cold

    # another format: rendered from the cached results once, then stored too
    monkeypatch.undo()
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path / "cache"))
    expected_text = run_cli("check", ".", "--no-cache", "--no-color", cwd=folder)
    monkeypatch.setattr(contentlint.runner, "_checked_source", _refuse)
    assert run_cli("check", ".", "--no-color", cwd=folder) == expected_text
    monkeypatch.setattr(contentlint.serialize, "finding_from_data", _refuse)
    assert run_cli("check", ".", "--no-color", cwd=folder) == expected_text


def test_an_edited_file_gets_a_new_report_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    paths = _corpus(folder, 3)
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path / "cache"))
    run_cli("check", ".", "--format", "github", cwd=folder)
    Path(paths[1]).write_text("Knee pain often gets better. This miracle brace cures arthritis.\n", encoding="utf-8")
    warm = run_cli("check", ".", "--format", "github", cwd=folder)
    assert warm == run_cli("check", ".", "--format", "github", "--no-cache", cwd=folder)
    assert "file=article-001.txt,line=1,col=49,endLine=1,endColumn=64,title=CLAIM002" in warm[1]


def test_report_parts_are_kept_as_bytes_and_a_text_entry_is_checked_again(tmp_path: Path) -> None:
    import sqlite3

    from contentlint.findings import RenderedResult
    from contentlint.reports import ReportOptions, parts_renderer

    renderer = parts_renderer("json", ReportOptions())
    assert renderer is not None
    paths = _corpus(tmp_path / "c", 1)
    cache = ResultCache(tmp_path / "cache", "fp")
    (first,) = check_files(paths, Config(), cache=cache, renderer=renderer)
    cache.close()
    assert isinstance(first, RenderedResult) and all(isinstance(part, bytes) for part in first.parts)
    database = sqlite3.connect(tmp_path / "cache" / "results.sqlite")
    (body,) = database.execute("SELECT body FROM parts").fetchone()
    assert body == b"".join(first.parts)

    cache = ResultCache(tmp_path / "cache", "fp")
    (again,) = check_files(paths, Config(), cache=cache, renderer=renderer)
    assert isinstance(again, RenderedResult) and (again.parts, again.tally) == (first.parts, first.tally)
    assert cache.hits == 1
    cache.close()
    # an entry whose parts were stored as text (as older versions did) is not used
    database.execute("UPDATE parts SET body = CAST(body AS TEXT)")
    database.commit()
    cache = ResultCache(tmp_path / "cache", "fp")
    assert cache.get_rendered(paths[0], cache.digest(Path(paths[0]).read_bytes()), renderer.key) is None
    cache.close()


def test_two_runs_sharing_a_cache_both_finish_and_the_writers_entries_are_kept(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "c", 2)
    folder = tmp_path / "cache"
    first = ResultCache(folder, "fp")
    list(check_files(paths[:1], Config(), cache=first))
    first.close()

    reader = ResultCache(folder, "fp")  # a run reading the cache while another writes to it
    assert list(check_files(paths[:1], Config(), cache=reader)) and reader.hits == 1
    writer = ResultCache(folder, "fp")
    list(check_files(paths[1:], Config(), cache=writer))
    writer.close()
    reader.close()

    again = ResultCache(folder, "fp")
    list(check_files(paths, Config(), cache=again))
    again.close()
    assert again.hits == 2
