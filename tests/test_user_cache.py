"""Parsed YAML kept in the user cache folder: the same values as parsing, without parsing again."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest
import yaml

from contentlint import user_cache
from contentlint.rules import data

DOCUMENT = """
phrases: [call now, "order today"]
weights: {strong: 1.5, weak: 0.25, none: null, flag: yes}
nested:
  - &shared {a: 1}
  - *shared
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_a_document_is_parsed_once_and_read_back_unchanged(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = data.load_yaml(DOCUMENT)
    assert first == yaml.safe_load(DOCUMENT)
    assert len(list(cache.glob("yaml-*.marshal"))) == 1
    monkeypatch.setattr(data, "safe_load", lambda text: pytest.fail("the cache was not used"))
    again = data.load_yaml(DOCUMENT)
    assert again == first and list(again) == list(first)
    assert type(again["weights"]["flag"]) is bool


def test_a_changed_document_is_parsed_again(cache: Path) -> None:
    data.load_yaml(DOCUMENT)
    assert data.load_yaml(DOCUMENT.replace("1.5", "2.5"))["weights"]["strong"] == 2.5


def test_values_marshal_cannot_write_are_parsed_every_time(cache: Path) -> None:
    assert data.load_yaml("reviewed: 2024-05-01\n") == {"reviewed": datetime.date(2024, 5, 1)}
    assert not list(cache.glob("yaml-*.marshal"))


def test_an_unreadable_cache_file_is_replaced(cache: Path) -> None:
    data.load_yaml(DOCUMENT)
    (stored,) = cache.glob("yaml-*.marshal")
    stored.write_bytes(b"\x00garbage")
    assert data.load_yaml(DOCUMENT) == yaml.safe_load(DOCUMENT)


def test_invalid_yaml_still_raises(cache: Path) -> None:
    with pytest.raises(yaml.YAMLError):
        data.load_yaml("a: [unclosed\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shortcut is for Linux")
@pytest.mark.parametrize("xdg", [None, "/srv/cache", "relative/cache", ""])
def test_the_folder_is_the_one_platformdirs_names(xdg: str | None, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_cache_dir

    monkeypatch.delenv("CONTENTLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("CONTENTLINT_USER_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert user_cache.cache_dir() == Path(user_cache_dir("contentlint", appauthor=False))


def test_older_files_of_a_family_are_deleted_when_a_new_one_is_written(cache: Path) -> None:
    import os

    for number in range(5):
        written = cache / f"syllables-v9-{number}.marshal"
        user_cache.store(written, {"word": number})
        os.utime(written, ns=(number * 10**9, number * 10**9))  # distinct, increasing write times
    user_cache.store(cache / "hyphenation-v9-0.marshal", {"other": 1})
    remaining = sorted(path.name for path in cache.iterdir())
    assert remaining == ["hyphenation-v9-0.marshal", "syllables-v9-3.marshal", "syllables-v9-4.marshal"]
    assert user_cache.load(cache / "syllables-v9-4.marshal") == {"word": 4}


def test_yaml_documents_keep_many_entries(cache: Path) -> None:
    for number in range(12):
        data.load_yaml(f"value: {number}\n")
    assert len(list(cache.glob("yaml-*.marshal"))) == 12


def test_the_user_folder_can_be_moved_apart_from_the_results_cache(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path / "both"))
    monkeypatch.delenv("CONTENTLINT_USER_CACHE_DIR", raising=False)
    assert user_cache.cache_dir() == tmp_path / "both"
    monkeypatch.setenv("CONTENTLINT_USER_CACHE_DIR", str(tmp_path / "user"))
    assert user_cache.cache_dir() == tmp_path / "user"
