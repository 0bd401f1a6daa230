"""Shared test fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import REPO


@pytest.fixture(autouse=True)
def _user_cache_follows_the_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests move the caches with CONTENTLINT_CACHE_DIR; a user-cache folder set in the caller's
    environment must not take the per-user cache elsewhere."""
    monkeypatch.delenv("CONTENTLINT_USER_CACHE_DIR", raising=False)


@pytest.fixture
def repo_root() -> Path:
    return REPO
