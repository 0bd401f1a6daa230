"""Reading a file into text, with a plain reason when it cannot be done."""

from __future__ import annotations

import os
from typing import BinaryIO

from contentlint.findings import FileError


def read_source(path: str, max_bytes: int) -> str | FileError:
    """The decoded text of ``path`` (UTF-8, optional byte-order mark), or why it cannot be read."""
    data = read_bytes(path, max_bytes)
    return data if isinstance(data, FileError) else decode_source(path, data)


def read_bytes(path: str, max_bytes: int) -> bytes | FileError:
    """The raw content of ``path``, or why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = _read_at_most(handle, max_bytes + 1)
    except IsADirectoryError:
        return FileError(path, "is a folder, not a file")
    except PermissionError:
        return FileError(path, "permission denied: contentlint cannot read this file")
    except FileNotFoundError:
        return FileError(path, "no such file")
    except OSError as exc:
        return FileError(path, f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return FileError(path, f"too large: over {max_bytes:,} bytes (raise max-file-bytes to check it)")
    return data


def _read_at_most(handle: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes. Asking for ``limit`` bytes at once would allocate a buffer of that
    size for every file (megabytes for a few kilobytes of text), so the size on disk is asked for
    first; the file may still grow or be a pipe whose size is unknown, hence the second read."""
    try:
        size = os.fstat(handle.fileno()).st_size
    except OSError:
        size = 0
    data = handle.read(min(size, limit - 1) + 1) if size else b""
    if not size or len(data) > size:  # of no known size, or grown since: read on, up to limit
        data += handle.read(limit - len(data))
    return data


def decode_source(path: str, data: bytes) -> str | FileError:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return FileError(path, "UTF-16 text: save the file as UTF-8")
    if b"\x00" in data:
        return FileError(path, "binary file (contains NUL bytes): not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return FileError(
            path,
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at byte {exc.start}): save the file as UTF-8",
        )
