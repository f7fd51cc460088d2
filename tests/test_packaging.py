"""kg installs like any library: a wheel built from the checkout works in a fresh venv.

The venv gets kg from the wheel only; its dependencies come from the suite's own
environment through a .pth line (as --system-site-packages would give a system's),
so the test needs no network and no second install of spaCy. A path line in a .pth
does not run the suite's editable-install hook, so the checkout's kg stays out of sight.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from importlib.metadata import version
from pathlib import Path

import pytest

import kg
from tests.conftest import ROOT, SEED

SENTENCE = "Presiden Vladimir Putin menyalahkan kekuatan eksternal atas kerusuhan di Kazakhstan.\n"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with kg installed from a wheel that `python -m build` made (sdist, then wheel from it)."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(work / "dist"), str(ROOT)],
                   check=True, capture_output=True)
    wheel, = (work / "dist").glob("kg-*.whl")
    env = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    site, = (env / "lib").glob("python3*/site-packages")
    (site / "suite-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # without the suite's PYTHONPATH: pip would take a checkout on it (with the kg.egg-info the build
    # leaves there) for kg already installed, and install nothing
    subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True, env=_clean_environment())
    return env


def _clean_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KG_RESOURCES", "KG_STORE")}


def _run(env: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=_clean_environment(), capture_output=True, text=True, timeout=300)


def test_the_wheel_answers_from_a_folder_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    bin_dir = installed / "bin"
    where = _run(installed, str(bin_dir / "python"), "-c",
                 "import kg, kg.resources; print(kg.__file__); print(kg.resources.resource_root())", cwd=tmp_path)
    module, resources = where.stdout.split()
    assert Path(module).is_relative_to(installed) and Path(resources).is_relative_to(installed), where.stdout

    assert _run(installed, str(bin_dir / "kg"), "--version", cwd=tmp_path).stdout == f"kg {kg.__version__}\n"
    assert _run(installed, str(bin_dir / "python"), "-m", "kg", "--version", cwd=tmp_path).stdout \
        == f"kg {kg.__version__}\n"

    listed = _run(installed, str(bin_dir / "kg"), "query", "--list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    for question in (ROOT / "queries").glob("*.rq"):
        assert question.stem in listed.stdout

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "putin.txt").write_text(SENTENCE, encoding="utf-8")
    shutil.copy(SEED, tmp_path / "articles")
    extracted = _run(installed, str(bin_dir / "kg"), "extract", "articles", cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    found = {(r["doc_id"], r["subject"], r["predicate"], r["object"]) for r in records}
    assert ("putin", "Vladimir Putin", "blames", "kekuatan eksternal") in found
    assert ("seed-csto-kazakhstan", "Kassym-Jomart Tokayev", "succeeded", "Nursultan Nazarbayev") in found


def test_the_version_has_one_source() -> None:
    """pyproject.toml takes the version from kg.__version__ (the suite's install is of this checkout)."""
    assert version("kg") == kg.__version__
    assert 'dynamic = ["version"]' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_missing_data_files_are_an_error_not_an_empty_answer(tmp_path: Path) -> None:
    """An install that lost its data must say so, not list no questions with exit 0."""
    env = {**os.environ, "KG_RESOURCES": str(tmp_path)}
    listed = subprocess.run([sys.executable, "-m", "kg", "query", "--list"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert listed.returncode == 1
    assert listed.stderr.splitlines() == [f"kg: error: {tmp_path / 'queries'}: kg's queries/ folder is missing from "
                                          "$KG_RESOURCES; point KG_RESOURCES at a folder holding data/, ontology/ "
                                          "and queries/, or reinstall kg"]
