"""Wheel builds also build the derived data (the parsed gazetteer, the name index, the word-list
hashes) into the package, as the cache files the library would otherwise build on first use: a
fresh install answers its first query as fast as a warm one. Everything else is in
pyproject.toml."""

from __future__ import annotations

import os
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPy(build_py):  # type: ignore[misc]
    def run(self) -> None:
        super().run()
        target = os.path.join(self.build_lib, "toponyms", "_built")
        # The build's own path first; pip's isolated build environment reaches its packages
        # (rapidfuzz, anyascii) through PYTHONPATH too, so that is kept after it.
        path = os.pathsep.join(p for p in (self.build_lib, os.environ.get("PYTHONPATH")) if p)
        env = dict(os.environ, TOPONYMS_CACHE_DIR=target, PYTHONPATH=path)
        code = (
            "from toponyms import index, lexicon; index.shipped_index(); lexicon._load(); "
            "import toponyms; toponyms.resolve('Mirnoglad')"
        )
        subprocess.run([sys.executable, "-c", code], check=True, env=env)


setup(cmdclass={"build_py": BuildPy})
