"""The HTML report in a real headless browser (Chromium, driven over the DevTools protocol).

The page is opened from a file URL with the network switched off; every request the page makes is
recorded, so "no request of any kind" is checked, not assumed. Screenshots go to tests/artifacts/.
Skipped, with the reason printed, only where no Chromium is installed.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    explicit = os.environ.get("CONTENTLINT_BROWSER")
    if explicit:
        return shutil.which(explicit)
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def _skip(reason: str) -> None:
    print(f"SKIPPED browser test: {reason}", file=sys.stderr)
    pytest.skip(reason)


class Browser:
    """One headless Chromium and one page in it, spoken to over the DevTools protocol."""

    def __init__(self, executable: str, profile: Path) -> None:
        import websocket

        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its helper processes share the group, to be stopped with it
        )
        port = self._port(profile / "DevToolsActivePort")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
            targets = json.load(response)
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _port(self, marker: Path) -> int:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the browser exited with status {self.process.returncode}")
            if marker.exists():
                lines = marker.read_text().splitlines()
                if lines and lines[0].isdigit():
                    return int(lines[0])
            time.sleep(0.05)
        raise RuntimeError("the browser did not open its DevTools port within 30 seconds")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str, timeout: float = 20) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in self.events:
                if message["method"] == event:
                    return message
            self.socket.settimeout(max(0.1, deadline - time.monotonic()))
            message = json.loads(self.socket.recv())
            if "method" in message:
                self.events.append(message)
        raise TimeoutError(event)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, width: int = 1280, height: int = 900) -> None:
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Network.emulateNetworkConditions", offline=True, latency=0,
                  downloadThroughput=-1, uploadThroughput=-1)
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the first element ``selector`` matches."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
        self.evaluate("new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 50)))")

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            height = self.evaluate("document.documentElement.scrollHeight")
            params["clip"] = {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}
        data = self.send("Page.captureScreenshot", **params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, dialogs (alert...) and requests for anything but files."""
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(f"console: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"log: {params['entry'].get('text')}")
            elif method == "Page.javascriptDialogOpening":
                found.append(f"dialog: {params.get('message')}")
            elif method == "Network.requestWillBeSent" and not params["request"]["url"].startswith("file:"):
                found.append(f"request: {params['request']['url']}")
        return found

    def close(self) -> None:
        try:
            self.socket.close()
        finally:
            self._stop_group()

    def _stop_group(self) -> None:
        """Stop Chromium and every helper process it started, and wait until they are gone (a
        helper still writing into the profile would make removing it fail)."""
        group = self.process.pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)
            self.process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_browser()
    if executable is None:
        _skip("no Chromium found (install Debian's `chromium` package, as .ci/run does)")
    try:
        import websocket  # noqa: F401
    except ImportError:
        _skip("the websocket-client package is not installed (pip install -e '.[test]')")
    # Cleaning up is best effort: a profile left behind must not fail the tests that passed.
    with tempfile.TemporaryDirectory(prefix="contentlint-chromium-", ignore_cleanup_errors=True) as profile:
        instance = Browser(str(executable), Path(profile))
        try:
            yield instance
        finally:
            instance.close()


def write_report(paths: list[str], output: Path, cwd: Path = ROOT) -> None:
    command = [sys.executable, "-m", "contentlint.cli", "check", *paths, "--format", "html",
               "--output", str(output)]
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert completed.returncode in (0, 1), completed.stderr
    assert output.exists()


def test_corpus_report_draws_charts_and_highlights_findings(browser: Browser, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    write_report(["corpus"], report)
    browser.open(report.as_uri())

    charts = browser.evaluate(
        "Array.from(document.querySelectorAll('figure.chart svg')).map(s => {"
        " const r = s.getBoundingClientRect();"
        " return {id: s.id, width: r.width, height: r.height, shapes: s.querySelectorAll('rect, path').length}; })"
    )
    assert [c["id"] for c in charts] == ["chart-categories", "chart-grades", "chart-rules"]
    for chart in charts:
        assert chart["width"] > 100 and chart["height"] > 100, chart
        assert chart["shapes"] > 3, chart
    rows = browser.evaluate("document.querySelectorAll('#articles tbody tr').length")
    assert rows == len(list((ROOT / "corpus").iterdir()))
    ARTIFACTS.mkdir(exist_ok=True)
    browser.screenshot(ARTIFACTS / "report-overview.png", full_page=True)

    browser.click("#articles tbody tr:first-child a")
    view = browser.evaluate(
        "({hash: location.hash, overviewHidden: document.getElementById('overview').hidden,"
        " marks: Array.from(document.querySelectorAll('#article mark.hl')).map(m => m.textContent),"
        " cards: document.querySelectorAll('#article li.card').length})"
    )
    assert view["hash"] == "#article/1"
    assert view["overviewHidden"] is True
    assert view["marks"], "the worst article shows no highlighted finding"
    assert view["cards"] >= len(view["marks"]) or view["cards"] > 0

    browser.click("#article mark.hl")
    active = browser.evaluate(
        "Array.from(document.querySelectorAll('#article li.card.active .message')).map(e => e.textContent)"
    )
    assert len(active) == 1 and active[0]
    # the clicked mark sits on the line its finding names
    where = browser.evaluate(
        "({mark: document.querySelector('#article mark.hl').closest('.ln').dataset.line,"
        " card: document.querySelector('#article li.card.active .where').textContent})"
    )
    assert f"line {where['mark']}," in where["card"], where
    browser.screenshot(ARTIFACTS / "report-article.png")
    assert browser.problems() == []


def test_sorting_by_a_column_reorders_the_table(browser: Browser, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    write_report(["corpus"], report)
    browser.open(report.as_uri())
    browser.click("#articles th[data-key='words'] button")
    words = browser.evaluate(
        "Array.from(document.querySelectorAll('#articles tbody tr td:nth-child(7)'))"
        ".map(td => Number(td.textContent.replace(/,/g, '')))"
    )
    assert words == sorted(words, reverse=True)
    assert browser.problems() == []


HOSTILE = (
    "# Hostile </title><script>window.__owned = 1</script>\n\n"
    "A miracle cure <script>window.__owned = 2; alert(1)</script> for everyone.\n\n"
    'Look: <img src=x onerror="window.__owned = 3"> and </textarea><svg onload="window.__owned = 4">.\n\n'
    "Also \u2028 and </script><!-- and ]]> and {{7*7}}.\n"
)


def test_hostile_article_shows_as_text_and_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "<img src=x onerror=alert(9)>.md").write_text(HOSTILE, encoding="utf-8")
    report = tmp_path / "report.html"
    write_report([str(folder)], report, cwd=tmp_path)
    browser.open(report.as_uri())
    browser.click("#articles tbody tr:first-child a")
    state = browser.evaluate(
        "({owned: window.__owned === undefined ? null : window.__owned,"
        " scripts: document.scripts.length, images: document.images.length,"
        " text: document.querySelector('#article pre.prose').textContent,"
        " lines: Array.from(document.querySelectorAll('#article pre.prose .ln')).map(l => l.dataset.line),"
        " path: document.querySelector('#article .path').textContent})"
    )
    assert state["owned"] is None
    assert state["scripts"] == 2  # the report's data and its own script, nothing else
    assert state["images"] == 0
    assert state["text"] == HOSTILE  # exactly the file: the line numbers beside it are not part of the text
    assert state["lines"] == [str(n) for n in range(1, HOSTILE.count("\n") + 2)]
    assert "<script>window.__owned = 2; alert(1)</script>" in state["text"]
    assert '<img src=x onerror="window.__owned = 3">' in state["text"]
    assert state["path"].endswith("<img src=x onerror=alert(9)>.md")
    assert browser.problems() == []
