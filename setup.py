"""The one build step pyproject.toml cannot say: ship data/, ontology/ and queries/ inside the wheel.

They stay at the top of the repository, where a linguist or analyst edits them, and
are copied into the built package as kg/_resources/ (kg.resources finds them there
once installed). An editable install reads them from the checkout instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = ("data", "ontology", "queries")


class BuildWithResources(build_py):
    """build_py that also copies the resource folders into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "kg" / "_resources"
        for name in RESOURCES:
            shutil.copytree(name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithResources})
