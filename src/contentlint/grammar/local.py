"""A LanguageTool server started on this machine from an unpacked LanguageTool folder.

Used only when no server URL is configured and ``LTP_JAR_DIR_PATH`` names a folder holding
``languagetool-server.jar``. It is started here rather than by language-tool-python because that
library downloads LanguageTool when it finds none and retries port after port without an overall
limit; here nothing is downloaded and start-up is bounded by ``languagetool.start-timeout``.
The server listens on 127.0.0.1 only and is stopped when the process exits.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from contentlint.grammar.errors import HOW_TO_PROVIDE, LanguageToolUnavailable
from contentlint.grammar.settings import GrammarSettings

JAR_DIR_ENV = "LTP_JAR_DIR_PATH"
_JAR_NAMES = ("languagetool-server.jar", "languagetool.jar", "LanguageTool.jar")
_POLL_SECONDS = 0.2
_STARTED: list[subprocess.Popen[bytes]] = []


def _unavailable(problem: str) -> LanguageToolUnavailable:
    return LanguageToolUnavailable(f"grammar checking is not possible: {problem}; {HOW_TO_PROVIDE}")


def find_server_jar(folder: Path) -> Path | None:
    for name in _JAR_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (OSError, urllib.error.URLError):
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@atexit.register
def _stop_all() -> None:
    for process in _STARTED:
        _stop(process)


def start_local_languagetool(settings: GrammarSettings) -> str:
    """Start LanguageTool from ``LTP_JAR_DIR_PATH`` and return its URL, or raise why it cannot be."""
    folder_name = os.environ.get(JAR_DIR_ENV, "").strip()
    if not folder_name:
        raise LanguageToolUnavailable(
            f"grammar checking is not possible: no LanguageTool server is configured; {HOW_TO_PROVIDE}"
        )
    folder = Path(folder_name).expanduser()
    jar = find_server_jar(folder)
    if jar is None:
        raise _unavailable(f"{JAR_DIR_ENV} is {folder}, which holds no languagetool-server.jar")
    java = shutil.which("java")
    if java is None:
        raise _unavailable(f"{JAR_DIR_ENV} is set but Java is not installed (no 'java' on PATH)")
    port = _free_port()
    command = [java, "-cp", str(jar), "org.languagetool.server.HTTPServer", "--port", str(port)]
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    except OSError as exc:
        raise _unavailable(f"could not start Java: {exc.strerror or exc}") from None
    _STARTED.append(process)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + settings.start_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise _unavailable(f"LanguageTool from {jar} stopped while starting (exit status {process.returncode})")
        if _answers(f"{url}/v2/languages"):
            return url
        time.sleep(_POLL_SECONDS)
    _stop(process)
    raise _unavailable(f"LanguageTool from {jar} did not start within {settings.start_timeout:g} seconds")
