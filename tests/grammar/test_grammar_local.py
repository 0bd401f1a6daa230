"""A local LanguageTool started from LTP_JAR_DIR_PATH: the command it runs, bounded start-up,
and never a download. A stand-in `java` on PATH plays the server (on 127.0.0.1)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.grammar import LanguageToolUnavailable, grammar_settings
from contentlint.grammar import local as local_languagetool

FAKE_JAVA = """#!{python}
import json, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer
args = sys.argv[1:]
open({log!r}, "a").write(" ".join(args) + "\\n")
mode = {mode!r}
if mode == "crash":
    sys.exit(3)
if mode == "hang":
    time.sleep(60)
port = int(args[args.index("--port") + 1])
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def _json(self, data):
        body = json.dumps(data).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_GET(self):
        self._json([{{"name": "English (US)", "code": "en", "longCode": "en-US"}}])
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        open({log!r}, "a").write("checked\\n")
        self._json({{"matches": []}})
HTTPServer(("127.0.0.1", port), H).serve_forever()
"""


def _fake_java(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "java.log"
    java = bin_dir / "java"
    java.write_text(FAKE_JAVA.format(python=sys.executable, log=str(log), mode=mode), encoding="utf-8")
    java.chmod(0o755)
    jar_dir = tmp_path / "LanguageTool-6.5"
    jar_dir.mkdir()
    (jar_dir / "languagetool-server.jar").write_bytes(b"")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(jar_dir))
    return log


def test_starts_languagetool_from_the_jar_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = _fake_java(tmp_path, monkeypatch, "serve")
    result = lint_text("Gentle stretching can ease stiffness.", kind="txt", config=Config(grammar=True))
    assert not [f for f in result.findings if f.category == "grammar"]
    started, checked = log.read_text(encoding="utf-8").splitlines()
    assert checked == "checked"  # the article went to the server that was started
    command = started.split()
    assert command[:3] == ["-cp", str(tmp_path / "LanguageTool-6.5" / "languagetool-server.jar"),
                           "org.languagetool.server.HTTPServer"]
    assert command[3] == "--port"
    local_languagetool._stop_all()
    assert all(process.poll() is not None for process in local_languagetool._STARTED)


def test_a_server_that_stops_while_starting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_java(tmp_path, monkeypatch, "crash")
    with pytest.raises(LanguageToolUnavailable, match=r"stopped while starting \(exit status 3\)"):
        local_languagetool.start_local_languagetool(grammar_settings({}))


def test_start_up_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_java(tmp_path, monkeypatch, "hang")
    started = time.monotonic()
    with pytest.raises(LanguageToolUnavailable, match="did not start within 1 seconds"):
        local_languagetool.start_local_languagetool(grammar_settings({"start-timeout": 1}))
    assert time.monotonic() - started < 10


def test_no_java(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jar_dir = tmp_path / "lt"
    jar_dir.mkdir()
    (jar_dir / "languagetool-server.jar").write_bytes(b"")
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(jar_dir))
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    with pytest.raises(LanguageToolUnavailable, match="Java is not installed"):
        local_languagetool.start_local_languagetool(grammar_settings({}))


def test_nothing_is_downloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With neither a URL nor a jar folder, language-tool-python's download is never reached."""
    import language_tool_python.download_lt as download_lt

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a download was attempted")

    monkeypatch.setattr(download_lt, "download_zip", refuse)
    monkeypatch.setattr(download_lt, "http_get", refuse)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "cache"))
    with pytest.raises(LanguageToolUnavailable, match="no LanguageTool server is configured"):
        lint_text("Some text.", kind="txt", config=Config(grammar=True))
    assert not (tmp_path / "cache").exists()
