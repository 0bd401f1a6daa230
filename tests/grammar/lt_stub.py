"""Stand-ins for a LanguageTool server, all on 127.0.0.1 (pytest fixtures, re-exported by
conftest.py): one that answers /v2/check with the recorded replies in
tests/fixtures/languagetool, and broken ones (silent, garbage, refusing)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from contentlint.document import parse
from contentlint.grammar.client import clear_caches
from support import REPO

FIXTURES = REPO / "tests" / "fixtures" / "languagetool"
ARTICLES = ("markdown_markup.md", "html_entities.html", "non_ascii.md", "categories.txt")


def fixture_article(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def recorded_replies() -> dict[str, dict[str, Any]]:
    """Every recorded reply, keyed by the exact text LanguageTool was sent."""
    replies: dict[str, dict[str, Any]] = {}
    for name in ARTICLES:
        text = parse(fixture_article(name), name.rsplit(".", 1)[1], name).text
        replies[text] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    examples = json.loads((FIXTURES / "examples.json").read_text(encoding="utf-8"))
    for entry in examples["replies"]:
        replies[entry["text"]] = entry["reply"]
    return replies


@dataclass
class FakeLanguageTool:
    url: str
    requests: list[dict[str, str]] = field(default_factory=list)
    replies: dict[str, dict[str, Any]] = field(default_factory=dict)
    check_body: bytes | None = None  # a fixed (broken) reply to /v2/check, when set


def _handler(state: FakeLanguageTool, garbage: bytes | None) -> type[BaseHTTPRequestHandler]:
    languages = (FIXTURES / "languages.json").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

        def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if garbage is not None:
                self._send(200, garbage, "text/html")
            elif self.path.startswith("/v2/languages"):
                self._send(200, languages)
            else:
                self._send(404, b"Error: not found", "text/plain")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
            if garbage is not None:
                self._send(200, garbage, "text/html")
                return
            if not self.path.startswith("/v2/check"):
                self._send(404, b"Error: not found", "text/plain")
                return
            state.requests.append(form)
            if state.check_body is not None:
                self._send(200, state.check_body, "text/html")
                return
            reply = state.replies.get(form.get("text", ""))
            if reply is None:
                self._send(400, b"Error: no recorded reply for this text", "text/plain")
                return
            self._send(200, json.dumps(reply).encode("utf-8"))

    return Handler


@pytest.fixture(autouse=True)
def _fresh_grammar_caches() -> Iterator[None]:
    clear_caches()
    yield
    clear_caches()


@pytest.fixture(autouse=True)
def _no_ambient_languagetool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests decide themselves where LanguageTool is (the live test reads the variable first)."""
    monkeypatch.delenv("CONTENTLINT_LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)


def _serve(state: FakeLanguageTool, garbage: bytes | None) -> Iterator[FakeLanguageTool]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state, garbage))
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def languagetool() -> Iterator[FakeLanguageTool]:
    """A LanguageTool stand-in that answers with the recorded replies."""
    yield from _serve(FakeLanguageTool(url="", replies=recorded_replies()), None)


@pytest.fixture
def garbage_server() -> Iterator[FakeLanguageTool]:
    """An HTTP server on 127.0.0.1 that answers everything with an HTML page."""
    yield from _serve(FakeLanguageTool(url=""), b"<html><body>502 Bad Gateway \x1b[31m</body></html>")


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A socket on 127.0.0.1 that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=2)
        for connection in held:
            connection.close()
        listener.close()


@pytest.fixture
def refused_url() -> str:
    """A 127.0.0.1 URL with nothing listening."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def fixture_dir() -> Path:
    return FIXTURES
