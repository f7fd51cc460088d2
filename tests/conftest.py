"""Shared fixtures: paths to the bundled data and the dev set, stores built once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
SEED = ARTICLES / "seed-csto-kazakhstan.jsonl"


def dev_set_dir() -> Path:
    """The shared dev set: $KG_EVAL_DIR (set by .ci/run). Fails in CI when missing,
    skips with a reason on a user's clone where it was never promised."""
    value = os.environ.get("KG_EVAL_DIR")
    if not value:
        pytest.skip("KG_EVAL_DIR is not set: the dev set (shared/eval) is only beside CI's clone")
    path = Path(value)
    if not (path / "dev" / "articles.jsonl").is_file():
        pytest.fail(f"KG_EVAL_DIR={value} but {path / 'dev' / 'articles.jsonl'} is missing")
    return path


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store built once from the bundled articles."""
    import kg

    path = tmp_path_factory.mktemp("store") / "store"
    kg.build([ARTICLES], store=path)
    return path


@pytest.fixture(scope="session")
def seed_dump(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed store as N-Quads, as `kg export --format nq` writes it."""
    from kg.rdf.store import open_store

    path = tmp_path_factory.mktemp("dump") / "kg.nq"
    with open_store(seed_store, read_only=True) as store:
        path.write_bytes(store.dump("nq"))
    return path
