"""Linting on a real Dask cluster (scheduler and two worker processes) gives exactly the local findings."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from support import CORPUS

distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import dask.bag  # noqa: E402
import dask.dataframe  # noqa: E402

from contentlint.cli import main  # noqa: E402
from contentlint.config import Config  # noqa: E402
from contentlint.dask import FINDING_COLUMNS, iter_file_results, lint_files, lint_frame, lint_records  # noqa: E402
from contentlint.engine import lint_paths, lint_text  # noqa: E402
from contentlint.findings import Finding  # noqa: E402

SPAM = """# Sleep better tonight

Most adults need seven to nine hours of sleep, according to the CDC.

Buy now at www.best-sleep-pills.example and get 50% off! This miracle supplement cures insomnia.
"""


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster, timeout=60) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The sample articles as text, Markdown and HTML, plus an unreadable file."""
    folder = tmp_path_factory.mktemp("corpus")
    files: list[Path] = []
    for index, source in enumerate(sorted(CORPUS.glob("*.txt"))):
        text = source.read_text(encoding="utf-8")
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        (folder / f"a{index}.txt").write_text(text, encoding="utf-8")
        (folder / f"b{index}.md").write_text("# " + "\n\n".join(paragraphs), encoding="utf-8")
        html = "<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"
        (folder / f"c{index}.html").write_text(html, encoding="utf-8")
        files += [folder / f"a{index}.txt", folder / f"b{index}.md", folder / f"c{index}.html"]
    (folder / "spam.md").write_text(SPAM, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 cures colds.".encode("latin-1"))
    files += [folder / "spam.md", folder / "latin1.txt"]
    return [str(path) for path in files]


def _rows(findings: list[Finding]) -> list[tuple[Any, ...]]:
    return [tuple(f.to_dict()[c] for c in ("path", *FINDING_COLUMNS)) for f in findings]


def _frame_rows(frame: Any, id_column: str) -> list[tuple[Any, ...]]:
    frame = frame.astype(object).where(frame.notna(), None)
    return [tuple(row) for row in frame[[id_column, *FINDING_COLUMNS]].itertuples(index=False)]


def test_files_on_a_cluster_give_the_local_findings(client: Any, corpus: list[str]) -> None:
    local = list(lint_paths(corpus, Config()))
    expected = _rows([f for result in local for f in result.findings])
    assert expected, "the corpus should produce findings"
    run = lint_files(corpus, Config(), partition_size=3)
    assert _frame_rows(run.findings.compute(), "path") == expected


def test_configuration_is_shipped_to_the_workers(client: Any, corpus: list[str]) -> None:
    config = Config(select=("SPAM",))
    local = _rows([f for result in lint_paths(corpus, config) for f in result.findings])
    found = run_rows = _frame_rows(lint_files(corpus, config, partition_size=4).findings.compute(), "path")
    assert found == local
    assert run_rows and all(row[5].startswith("SPAM") for row in run_rows)


def test_summary_counts_articles_findings_and_unreadable_files(client: Any, corpus: list[str]) -> None:
    local = list(lint_paths(corpus, Config()))
    summary = lint_files(corpus, Config(), partition_size=5).summary()
    assert summary["articles"] == len(corpus)
    assert summary["findings"] == sum(len(r.findings) for r in local)
    assert sum(summary["by_severity"].values()) == summary["findings"]
    assert summary["unreadable"] == [p for p in corpus if p.endswith("latin1.txt")]
    expected_rules: dict[str, int] = {}
    for result in local:
        for finding in result.findings:
            expected_rules[finding.rule] = expected_rules.get(finding.rule, 0) + 1
    assert summary["by_rule"] == dict(sorted(expected_rules.items()))


def _records(corpus: list[str]) -> list[tuple[str, str, str]]:
    records = []
    for path in corpus:
        if path.endswith("latin1.txt"):
            continue
        kind = Path(path).suffix.lstrip(".")
        records.append((f"doc-{Path(path).stem}", Path(path).read_text(encoding="utf-8"), kind))
    return records


def test_a_bag_of_records_gives_the_findings_of_lint_text(client: Any, corpus: list[str]) -> None:
    records = _records(corpus)
    expected = _rows([f for rid, text, kind in records for f in lint_text(text, kind=kind, path=rid).findings])
    bag = dask.bag.from_sequence(records, npartitions=4)
    assert _frame_rows(lint_records(bag, Config()).findings.compute(), "id") == expected
    as_dicts = dask.bag.from_sequence([{"id": r, "text": t, "kind": k} for r, t, k in records], npartitions=3)
    assert _frame_rows(lint_records(as_dicts, Config()).findings.compute(), "id") == expected


def test_a_dataframe_of_records_gives_the_findings_of_lint_text(client: Any, corpus: list[str],
                                                                tmp_path: Path) -> None:
    records = _records(corpus)
    expected = _rows([f for rid, text, kind in records for f in lint_text(text, kind=kind, path=rid).findings])
    frame = dask.dataframe.from_pandas(pd.DataFrame(records, columns=["id", "text", "kind"]), npartitions=3)
    run = lint_frame(frame, Config())
    assert _frame_rows(run.findings.compute(), "id") == expected
    run.to_parquet(str(tmp_path / "findings"))
    written = pd.read_parquet(tmp_path / "findings")
    assert _frame_rows(written, "id") == expected
    articles = run.articles.compute()
    assert articles["id"].tolist() == [r[0] for r in records]
    assert articles["findings"].sum() == len(expected)


def test_results_stream_back_in_the_order_of_the_paths(client: Any, corpus: list[str]) -> None:
    local = list(lint_paths(corpus, Config()))
    remote = list(iter_file_results(list(reversed(corpus)), Config(), client))
    assert [r.path for r in remote] == list(reversed(corpus))
    assert [(r.findings, r.error, r.metrics, r.title) for r in reversed(remote)] == [
        (r.findings, r.error, r.metrics, r.title) for r in local
    ]


def test_check_with_a_scheduler_writes_the_same_report(client: Any, corpus: list[str], tmp_path: Path) -> None:
    runner = CliRunner()
    local = runner.invoke(main, ["check", *corpus, "--format", "json", "--no-cache", "-j", "1"])
    remote = runner.invoke(main, ["check", *corpus, "--format", "json", "--no-cache",
                                  "--scheduler", client.scheduler.address])
    assert remote.exit_code == local.exit_code == 2  # the Latin-1 file cannot be read
    assert json.loads(remote.stdout) == json.loads(local.stdout)


def test_check_with_an_unreachable_scheduler_is_one_clear_line(corpus: list[str]) -> None:
    result = CliRunner().invoke(main, ["check", corpus[0], "--scheduler", "no-port-here"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "contentlint: error: cannot reach the Dask scheduler at no-port-here: missing port number in address "
        "'no-port-here'"
    ]


def _without_dask(code: str) -> subprocess.CompletedProcess[str]:
    hide = "import sys\nfor name in ('dask', 'distributed', 'pandas'): sys.modules[name] = None\n"
    return subprocess.run([sys.executable, "-c", hide + code], capture_output=True, text=True, timeout=60)


def test_without_dask_the_module_says_what_to_install() -> None:
    done = _without_dask("import contentlint.dask")
    assert done.returncode != 0
    message = "contentlint.dask needs Dask, pandas and pyarrow: pip install 'contentlint[dask]'"
    assert f"ImportError: {message}" in done.stderr


def test_without_dask_check_with_a_scheduler_exits_2_with_one_line(corpus: list[str]) -> None:
    done = _without_dask(f"from contentlint.cli import main\nmain(['check', {corpus[0]!r}, '--scheduler', 'local'])")
    assert done.returncode == 2
    message = "contentlint: error: --scheduler needs Dask: pip install 'contentlint[dask]'"
    assert done.stderr.strip().splitlines() == [message]
