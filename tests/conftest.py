"""Shared fixtures: paths to the shared real data, and the seed corpus built once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"


def _need(path: Path) -> Path:
    """Return `path`, or skip (fail under CI=true) when the shared folder is not beside the project."""
    if path.exists():
        return path
    message = f"needs {path} (the shared data folder beside the project)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data/`: the real data sets for tests."""
    return _need(SHARED_DATA)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed corpus as shipped in the project: `data/raw/<seed corpus>/`."""
    from framing.config import SEED_CORPUS

    return ROOT / "data" / "raw" / SEED_CORPUS
