"""The composite GitHub Action (action.yml) and the example workflows in docs/workflows/.

The action's shell steps are run the way the runner runs them: ``bash -e -o pipefail`` on the
step's script, with the step's ``env`` evaluated from the inputs and a ``GITHUB_OUTPUT`` file.
The install step really pip installs contentlint from a copy of this repository into a fresh
virtual environment (it needs the package index, hence ``slow``); the check step then runs that
installed contentlint on articles on disk.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import venv
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
WORKFLOWS = REPO / "docs" / "workflows"
ACTION_FILES = ("action.yml", "pyproject.toml", "README.md", "src", "rules")
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

SPAMMY = "# Knee pain\n\nPhysical therapy can ease knee pain for many people. Book Today\n"
CLEAN = "# Knee pain\n\nKnee pain often gets better on its own within a few weeks.\n"


def _steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = ACTION["runs"]["steps"]
    return steps


def _step(name: str) -> dict[str, Any]:
    return next(step for step in _steps() if step.get("name") == name)


# --- the action's shape -------------------------------------------------------------------------


def test_action_is_composite_with_documented_inputs_and_outputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    for name in ("paths", "fail-on", "format", "sarif-file", "config", "baseline", "args"):
        assert inputs[name]["description"], name
    assert inputs["fail-on"]["default"] == "error"
    assert inputs["format"]["default"] == "github"
    assert set(ACTION["outputs"]) == {"sarif-file", "exit-code"}
    # the exit codes are documented next to the action
    header = (REPO / "action.yml").read_text(encoding="utf-8").split("\nname:")[0]
    for status in ("0 ", "1 ", "2 "):
        assert f"#   {status}" in header


def test_no_step_pastes_an_expression_into_its_script() -> None:
    """Inputs reach scripts through ``env`` only: ``${{ }}`` inside ``run`` is script injection."""
    for step in _steps():
        if "run" in step:
            assert "${{" not in step["run"], step["name"]
            assert step["shell"] == "bash"


# --- running the steps --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def action_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The action as a workflow checks it out: a copy of this repository."""
    copy = tmp_path_factory.mktemp("action")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".ruff_cache", "*.egg-info")
    for name in ACTION_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy2(source, copy / name)
    return copy


@pytest.fixture(scope="module")
def runner_bin(tmp_path_factory: pytest.TempPathFactory, action_path: Path) -> Path:
    """A fresh Python environment with contentlint installed by the action's own install step
    (standing in for actions/setup-python, which puts ``python`` on PATH)."""
    environment = tmp_path_factory.mktemp("runner") / "python"
    venv.EnvBuilder(with_pip=True).create(environment)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    done = _run_step(_step("Install contentlint"), {}, action_path, action_path, bin_dir, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (bin_dir / "contentlint").exists()
    return bin_dir


def _evaluate(value: str, inputs: dict[str, str], action_path: Path) -> str:
    def substitute(match: re.Match[str]) -> str:
        expression = match.group(1)
        if expression == "github.action_path":
            return str(action_path)
        if expression.startswith("inputs."):
            name = expression.removeprefix("inputs.")
            return inputs.get(name, str(ACTION["inputs"][name].get("default", "")))
        raise AssertionError(f"the test does not know the expression {expression!r}")

    return EXPRESSION.sub(substitute, str(value))


def _run_step(
    step: dict[str, Any],
    inputs: dict[str, str],
    action_path: Path,
    workspace: Path,
    bin_dir: Path,
    *,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_", "VIRTUAL_ENV"))}
    env["PATH"] = f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin"
    env["GITHUB_OUTPUT"] = str(workspace / "github_output.txt")
    for key, value in step.get("env", {}).items():
        env[key] = _evaluate(value, inputs, action_path)
    script = workspace / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", str(script)],
        cwd=workspace, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )


def _outputs(workspace: Path) -> dict[str, str]:
    path = workspace / "github_output.txt"
    if not path.exists():
        return {}
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if line)


def _check(
    workspace: Path, inputs: dict[str, str], action_path: Path, runner_bin: Path
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    done = _run_step(_step("Check articles"), inputs, action_path, workspace, runner_bin)
    return done, _outputs(workspace)


@pytest.mark.slow
def test_spammy_article_fails_with_annotations_and_sarif(
    tmp_path: Path, action_path: Path, runner_bin: Path
) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "knee.md").write_text(SPAMMY, encoding="utf-8")
    inputs = {"paths": "articles", "sarif-file": "contentlint.sarif", "args": "--select spam"}
    done, outputs = _check(tmp_path, inputs, action_path, runner_bin)

    assert done.returncode == 1, done.stdout + done.stderr
    column = SPAMMY.splitlines()[2].index("Book Today") + 1
    assert re.search(rf"^::error file=articles/knee\.md,line=3,col={column},.*title=SPAM001", done.stdout, re.M)
    assert outputs == {"sarif-file": "contentlint.sarif", "exit-code": "1"}
    sarif = json.loads((tmp_path / "contentlint.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["SPAM001"]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "articles/knee.md"
    assert location["region"]["startLine"] == 3


@pytest.mark.slow
def test_fail_on_never_reports_but_passes(tmp_path: Path, action_path: Path, runner_bin: Path) -> None:
    (tmp_path / "knee.md").write_text(SPAMMY, encoding="utf-8")
    done, outputs = _check(tmp_path, {"paths": "knee.md", "fail-on": "never", "format": "text"},
                           action_path, runner_bin)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^knee\.md:3:\d+: SPAM001 \[error\]", done.stdout, re.M)
    assert outputs == {"exit-code": "0"}


@pytest.mark.slow
def test_clean_articles_in_several_paths_pass(tmp_path: Path, action_path: Path, runner_bin: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "knee.md").write_text(CLEAN, encoding="utf-8")
    done, outputs = _check(tmp_path, {"paths": "a\nb", "args": "--select spam"}, action_path, runner_bin)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    assert outputs["exit-code"] == "0"


@pytest.mark.slow
def test_a_path_that_does_not_exist_exits_2(tmp_path: Path, action_path: Path, runner_bin: Path) -> None:
    done, outputs = _check(tmp_path, {"paths": "missing $(touch pwned)"}, action_path, runner_bin)
    assert done.returncode == 2
    assert "no such file or folder" in done.stderr
    assert outputs == {"exit-code": "2"}
    assert not (tmp_path / "pwned").exists()


# --- example workflows ---------------------------------------------------------------------------


def _workflow(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key "on" as True
    data["on"] = data.pop(True, data.get("on"))
    return data


def _contentlint_step(workflow: dict[str, Any]) -> dict[str, Any]:
    (job,) = workflow["jobs"].values()
    steps = [s for s in job["steps"] if str(s.get("uses", "")).startswith("contentlint/contentlint@")]
    assert len(steps) == 1
    for key in steps[0].get("with", {}):
        assert key in ACTION["inputs"], f"{key} is not an input of action.yml"
    return steps[0]


def test_code_scanning_workflow_uploads_the_sarif_the_action_writes() -> None:
    workflow = _workflow("contentlint-code-scanning.yml")
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    check = _contentlint_step(workflow)
    upload = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == check["with"]["sarif-file"]
    assert "cancelled()" in upload["if"] or "always()" in upload["if"]
    assert job["steps"].index(upload) > job["steps"].index(check)


def test_annotations_workflow_fails_the_job_with_github_annotations() -> None:
    workflow = _workflow("contentlint-annotations.yml")
    check = _contentlint_step(workflow)
    assert check["with"]["format"] == "github"
    assert check["with"]["fail-on"] in ("error", "warning", "info")
    assert "pull_request" in workflow["on"]
    assert not check.get("continue-on-error", False)


# --- the workflow guide --------------------------------------------------------------------------


def _yaml_blocks(markdown: str) -> list[Any]:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", markdown, re.S)]


def test_the_guide_shows_a_pre_commit_config_and_action_inputs_that_exist() -> None:
    guide = (REPO / "docs" / "workflow.md").read_text(encoding="utf-8")
    blocks = _yaml_blocks(guide)
    (config,) = [b for b in blocks if isinstance(b, dict) and "repos" in b]
    hook_ids = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))}
    assert {hook["id"] for repo in config["repos"] for hook in repo["hooks"]} <= hook_ids
    (step,) = [b[0] for b in blocks if isinstance(b, list) and "uses" in b[0]]
    assert set(step["with"]) <= set(ACTION["inputs"])
    for status in ("| 0 |", "| 1 |", "| 2 |"):
        assert status in guide
