"""Readability works with the network unavailable and never asks NLTK to download anything."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.text import syllables
from support import CORPUS

SEED = CORPUS / "000_9766faf827d05bca.txt"


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise OSError("network access is blocked in this test")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    try:
        import nltk
    except ImportError:  # pragma: no cover - nltk is a dependency of textstat
        pass
    else:
        monkeypatch.setattr(nltk, "download", lambda *a, **k: pytest.fail("nltk.download was called"))
    # start from an empty cache so the syllable table is built from the installed package
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(syllables, "_table", None)
    monkeypatch.setattr(syllables, "_memo", {})
    return tmp_path


def test_readability_runs_with_network_blocked(no_network: Path) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80))
    result = lint_text(SEED.read_text(encoding="utf-8"), kind="txt", config=Config(select=("readability",)))
    grades = [f for f in result.findings if f.rule == "READ001"]
    assert len(grades) == 1
    assert result.metrics["flesch_kincaid_grade"] > 12
    assert list((no_network / "cache").glob("syllables-*.marshal"))


def test_check_never_imports_nltk_or_textstat(tmp_path: Path) -> None:
    """A whole `contentlint check` run in a fresh process with sockets blocked: no NLTK, no textstat."""
    script = f"""
import json, socket, sys
def refuse(*a, **k):
    raise OSError("network blocked")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from click.testing import CliRunner
from contentlint.cli import main
result = CliRunner().invoke(main, ["check", {str(SEED)!r}, "--format", "json", "--select", "READ",
                                   "--no-cache"], catch_exceptions=False)
print(json.dumps({{"code": result.exit_code, "out": result.stdout,
                   "loaded": sorted(m for m in sys.modules if m.split(".")[0] in ("nltk", "textstat"))}}))
"""
    env = {"CONTENTLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["loaded"] == []
    report = json.loads(outcome["out"])
    assert any(f["rule"] == "READ001" for f in report["findings"])
    assert report["files"][0]["metrics"]["smog_index"] is not None
