"""The compiled build (pyproject.toml's mypyc build hook): it really compiles the modules it lists,
and the compiled contentlint reports exactly what the pure-Python one does.

The wheel is built with the hook turned on from a copy of the repository (the hook compiles in
place, and extension modules left in ``src/`` would shadow the sources), then unpacked and run
from there. Building needs the package index for the build requirements, a C compiler and the
Python headers, hence ``slow``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from support import REPO

HOOK = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"][
    "wheel"]["hooks"]["mypyc"]
COMPILED_MODULES = [path.removeprefix("src/").removesuffix(".py").replace("/", ".") for path in HOOK["include"]]
BUILD_FILES = ("pyproject.toml", "README.md", "src", "rules")
CHECKED = ("corpus", "tests/corpora/careful", "tests/corpora/safety", "tests/corpora/spam/clean")
EVERY_RULE_BUT_GRAMMAR = "SPAM,CLAIM,SAFETY,ATTR,READ"


def _cannot_compile() -> str | None:
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers"
    return None


def test_the_source_tree_holds_no_compiled_module() -> None:
    """An extension module in src/ would be imported instead of the source beside it, so edits to
    that source would silently change nothing."""
    assert sorted((REPO / "src").rglob("*.so")) == []


def test_the_hook_is_off_by_default_and_lists_existing_modules() -> None:
    assert HOOK["enable-by-default"] is False
    for path in HOOK["include"]:
        assert (REPO / path).is_file(), path


@pytest.fixture(scope="module")
def compiled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = _cannot_compile()
    if reason:
        pytest.skip(f"the compiled build needs a C compiler and the Python headers: {reason}")
    work = tmp_path_factory.mktemp("compiled")
    source = work / "source"
    source.mkdir()
    for name in BUILD_FILES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        else:
            shutil.copy2(REPO / name, source / name)
    env = {**os.environ, "HATCH_BUILD_HOOK_ENABLE_MYPYC": "1", "HATCH_BUILD_CLEAN_HOOKS_AFTER": "1"}
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
                            str(source)], env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = (work / "dist").glob("contentlint-*.whl")
    site = work / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def _run(pythonpath: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath), "CONTENTLINT_CACHE_DIR": str(cwd / "user-cache")}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_the_listed_modules_are_compiled(compiled_site: Path, tmp_path: Path) -> None:
    script = "import importlib, sys\nfor name in sys.argv[1:]:\n    print(importlib.import_module(name).__file__)"
    done = _run(compiled_site, "-c", script, *COMPILED_MODULES, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    files = done.stdout.split()
    assert len(files) == len(COMPILED_MODULES)
    for name, file in zip(COMPILED_MODULES, files, strict=True):
        assert file.startswith(str(compiled_site)), (name, file)
        assert file.endswith(sysconfig.get_config_var("EXT_SUFFIX")), (name, file)


@pytest.mark.slow
@pytest.mark.parametrize("rules", ["default", "all"])
def test_the_compiled_build_reports_what_the_sources_report(compiled_site: Path, tmp_path: Path, rules: str) -> None:
    reports = {}
    for name, pythonpath in (("compiled", compiled_site), ("source", REPO / "src")):
        report = tmp_path / f"{name}.json"
        args = ["-m", "contentlint", "check", *(str(REPO / folder) for folder in CHECKED), "--no-cache",
                "--no-grammar", "--format", "json", "-o", str(report), "--fail-on", "never", "--jobs", "1"]
        if rules == "all":
            args += ["--select", EVERY_RULE_BUT_GRAMMAR]
        done = _run(pythonpath, *args, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        reports[name] = report.read_bytes()
    assert b'"rule": "' in reports["source"]  # the articles do have findings to compare
    assert reports["compiled"] == reports["source"]
