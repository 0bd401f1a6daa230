"""Reading files: whole contents, the size limit, and files whose size on disk is unknown or stale."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from contentlint.findings import FileError
from contentlint.reading import _read_at_most, read_bytes


def test_reads_a_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"Back pain\n" * 1000)
    assert read_bytes(str(path), 1 << 20) == b"Back pain\n" * 1000


@pytest.mark.parametrize(("size", "too_large"), [(0, False), (99, False), (100, False), (101, True), (5000, True)])
def test_size_limit_is_exact(tmp_path: Path, size: int, too_large: bool) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * size)
    result = read_bytes(str(path), 100)
    if too_large:
        assert isinstance(result, FileError) and "too large" in result.reason
    else:
        assert result == b"x" * size


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_reads_a_named_pipe_whose_size_is_unknown(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)

    def feed() -> None:
        with open(pipe, "wb") as writer:
            writer.write(b"Sleep helps recovery.\n" * 50)

    feeder = threading.Thread(target=feed)
    feeder.start()
    try:
        assert read_bytes(str(pipe), 1 << 20) == b"Sleep helps recovery.\n" * 50
    finally:
        feeder.join(timeout=10)


class _StaleSize(io.BytesIO):
    """A handle whose size on disk (that of ``sized``) is smaller than what it reads: a file that
    grew between the size check and the read."""

    def __init__(self, content: bytes, sized: Path) -> None:
        super().__init__(content)
        self._sized = open(sized, "rb")  # noqa: SIM115 (closed with the handle)

    def fileno(self) -> int:
        return self._sized.fileno()

    def close(self) -> None:
        self._sized.close()
        super().close()


@pytest.mark.parametrize(("content_size", "limit", "expected"), [(40, 1000, 40), (40, 21, 21), (40, 11, 11)])
def test_a_file_that_grew_is_read_on_up_to_the_limit(
    tmp_path: Path, content_size: int, limit: int, expected: int
) -> None:
    sized = tmp_path / "small"
    sized.write_bytes(b"y" * 10)
    with _StaleSize(b"z" * content_size, sized) as handle:
        assert _read_at_most(handle, limit) == b"z" * expected


def test_a_handle_without_a_file_is_read_up_to_the_limit() -> None:
    assert _read_at_most(io.BytesIO(b"q" * 30), 12) == b"q" * 12
    assert _read_at_most(io.BytesIO(b"q" * 30), 100) == b"q" * 30
