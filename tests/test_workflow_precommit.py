"""The pre-commit hook, set up the way an editorial repository would use it.

A copy of this project is committed to a temporary git repository (pre-commit only installs
hooks from a git repository at a revision); a second repository of articles names it in its
``.pre-commit-config.yaml`` and installs the hook. The real ``pre-commit`` tool then builds the
hook's environment (pip installs contentlint from the copy) and runs it on ``git commit``.

Building the environment needs the package index and takes a minute, so these tests are marked
``slow``; they run in the default test command all the same.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import REPO

pytestmark = pytest.mark.slow

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
HOOK_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src", "rules")

SPAMMY = (
    "# Knee pain\n"
    "\n"
    "Physical therapy can ease knee pain for many people. Book Today\n"
    "\n"
    "Most people improve within a few weeks of regular exercise.\n"
)
CLEAN = (
    "# Knee pain\n"
    "\n"
    "Knee pain often gets better on its own within a few weeks.\n"
    "\n"
    "Rest, ice and gentle exercise can help. See a GP if the pain has not improved after 2 weeks.\n"
)


def _git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    global_config = home / "gitconfig"
    global_config.write_text("", encoding="utf-8")
    env.update(
        GIT_CONFIG_GLOBAL=str(global_config),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Editor",
        GIT_AUTHOR_EMAIL="editor@example.org",
        GIT_COMMITTER_NAME="Editor",
        GIT_COMMITTER_EMAIL="editor@example.org",
        PRE_COMMIT_HOME=str(home / "pre-commit-cache"),
        PRE_COMMIT_COLOR="never",
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = _run(["git", *args], cwd, env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if shutil.which("git") is None or not PRE_COMMIT.exists():
        pytest.fail("the pre-commit tests need git and pre-commit (pip install -e '.[test]')")
    return _git_env(tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """A committed copy of this project, as pre-commit would clone it from a forge."""
    copy = tmp_path_factory.mktemp("contentlint-hook")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".ruff_cache", "*.egg-info")
    for name in HOOK_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy2(source, copy / name)
    _git(copy, env, "init", "--quiet", "--initial-branch=main")
    _git(copy, env, "add", ".")
    _git(copy, env, "commit", "--quiet", "-m", "contentlint")
    return copy, _git(copy, env, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory, hook_repo: tuple[Path, str], env: dict[str, str]) -> Path:
    """An editorial repository with the hook installed and its environment built once."""
    repo = tmp_path_factory.mktemp("articles")
    hook_path, sha = hook_repo
    _git(repo, env, "init", "--quiet", "--initial-branch=main")
    config = {"repos": [{"repo": str(hook_path), "rev": sha, "hooks": [{"id": "contentlint"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    installed = _run([str(PRE_COMMIT), "install", "--install-hooks"], repo, env, timeout=1200)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    _git(repo, env, "add", ".pre-commit-config.yaml")
    _git(repo, env, "commit", "--quiet", "-m", "Add contentlint hook")
    return repo


def _commit(repo: Path, env: dict[str, str], files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _git(repo, env, "add", *files)
    return _run(["git", "commit", "-m", "Add articles"], repo, env, timeout=300)


def _clear_index(repo: Path, env: dict[str, str]) -> None:
    """Unstage and delete whatever a refused commit left behind."""
    _git(repo, env, "reset", "--quiet", "--hard", "HEAD")
    _git(repo, env, "clean", "--quiet", "-fd")


def test_hook_definition_names_the_articles_contentlint_reads() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "contentlint"
    assert hook["entry"] == "contentlint check --force-exclude"  # the project's exclude applies to what it passes
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "plain-text", "html"}
    pattern = re.compile(hook["files"])
    for name in ("a.md", "b.markdown", "c.txt", "d.html", "e.HTM"):
        assert pattern.search(name), name
    for name in ("README", "page.xhtml", "notes.rst", "script.py"):
        assert not pattern.search(name), name


def test_commit_of_a_spammy_article_is_refused_with_its_position(articles: Path, env: dict[str, str]) -> None:
    head = _git(articles, env, "rev-parse", "HEAD")
    done = _commit(articles, env, {"articles/knee.md": SPAMMY})
    output = done.stdout + done.stderr
    try:
        assert done.returncode != 0, output
        assert "contentlint" in output and "Failed" in output
        column = SPAMMY.splitlines()[2].index("Book Today") + 1
        assert re.search(rf"^articles/knee\.md:3:{column}: SPAM001 \[error\]", output, re.MULTILINE), output
        assert _git(articles, env, "rev-parse", "HEAD") == head  # nothing was committed
    finally:
        _clear_index(articles, env)


def test_commit_of_a_clean_article_passes(articles: Path, env: dict[str, str]) -> None:
    head = _git(articles, env, "rev-parse", "HEAD")
    done = _commit(articles, env, {"articles/knee.md": CLEAN, "articles/knee.txt": CLEAN.replace("# ", "")})
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"^contentlint\.+Passed$", output, re.MULTILINE), output
    assert _git(articles, env, "rev-parse", "HEAD") != head


def test_files_that_are_not_articles_are_not_passed_to_the_hook(articles: Path, env: dict[str, str]) -> None:
    done = _commit(articles, env, {"README": "Notes for editors. Call Now\n", "tools/build.py": "print('hi')\n"})
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"^contentlint\.+\(no files to check\)Skipped$", output, re.MULTILINE), output


def test_articles_the_project_excludes_are_not_checked_when_committed(articles: Path, env: dict[str, str]) -> None:
    head = _git(articles, env, "rev-parse", "HEAD")
    files = {"contentlint.toml": 'exclude = ["drafts"]\n', "drafts/knee.md": SPAMMY}
    done = _commit(articles, env, files)
    output = done.stdout + done.stderr
    try:
        assert done.returncode == 0, output
        assert "SPAM001" not in output
        assert _git(articles, env, "rev-parse", "HEAD") != head
    finally:
        _git(articles, env, "reset", "--quiet", "--hard", head)
        _git(articles, env, "clean", "--quiet", "-fd")
