"""Build hook: compile the geoparser's hot path with mypyc when a wheel is built.

``pip install .`` builds a wheel. This hook compiles the modules listed under
``compile`` in ``[tool.hatch.build.targets.wheel.hooks.custom]`` (pyproject.toml) to C
extensions with mypyc, the compiler that ships with mypy and turns type-annotated Python
into C: the geoparser and the gazetteer look-ups it makes. The code and its results are
the same; geoparsing runs about 1.3 times as fast, with 27% fewer instructions
(docs/benchmarks.md, "Session 7 figures").

- An editable install (``pip install -e .``) is left pure Python, so that an edit to a
  ``.py`` file takes effect at once. A compiled module beside its source would shadow it.
- With ``CLAIMMAP_PURE_PYTHON=1``, or when compilation fails (no C compiler, say), the
  wheel is pure Python and a warning names the reason. Nothing else changes.
- The C files and objects are written to a temporary folder, never into the source tree.

``claimmap bench`` and ``benchmarks/bench_geoparse.py`` print whether the installed
geoparser is compiled.
"""

from __future__ import annotations

import importlib.machinery
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE_ENV = "CLAIMMAP_PURE_PYTHON"


def source_files(root: Path, sources: list[str]) -> list[Path]:
    """The modules that ``sources`` names: each ``.py`` path, and each folder's modules
    except ``__init__.py`` (a package's ``__init__`` stays Python)."""
    return sorted(
        p
        for source in sources
        for p in ([root / source] if source.endswith(".py") else (root / source).glob("*.py"))
        if p.name != "__init__.py"
    )


def compile_modules(root: Path, sources: list[str], work: Path) -> list[tuple[Path, str]]:
    """Compile ``sources`` (paths under ``root``, files or folders) with mypyc in ``work``.

    Returns each built extension with its path inside the wheel (its path under
    ``src/``). Raises on any failure: the caller decides whether to fall back.
    """
    from mypyc.build import mypycify
    from setuptools import Distribution

    files = [str(p) for p in source_files(root, sources)]
    if not files:
        raise ValueError(f"nothing to compile in {sources}")
    flags = [
        "--config-file", str(root / "pyproject.toml"),
        # the build environment holds mypy and setuptools, not claimmap's dependencies:
        # their types are Any here, which changes nothing in what is compiled
        "--ignore-missing-imports",
        "--cache-dir", str(work / "mypy_cache"),
    ]
    # one C file per module (a third quicker to compile than one file, same code);
    # the small per-module extensions build in parallel
    extensions = mypycify([*flags, *files], opt_level="3", target_dir=str(work / "c"),
                          multi_file=True)
    lib = work / "lib"
    dist = Distribution({"name": "claimmap", "ext_modules": extensions})
    command: Any = dist.get_command_obj("build_ext")  # setuptools' own build_ext
    command.build_lib = str(lib)
    command.build_temp = str(work / "temp")
    command.parallel = os.cpu_count() or 1
    dist.run_command("build_ext")
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return [(p, p.relative_to(lib).as_posix()) for p in sorted(lib.rglob("*"))
            if p.name.endswith(suffixes)]


class CompileHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds the compiled extensions to a wheel, or leaves it pure Python with a reason."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        if os.environ.get(PURE_ENV):
            self._warn(f"{PURE_ENV} is set")
            return
        self._work = Path(tempfile.mkdtemp(prefix="claimmap-mypyc-"))
        try:
            built = compile_modules(Path(self.root), list(self.config["compile"]), self._work)
        except Exception as exc:  # any failure leaves a working pure-Python wheel
            self._warn(f"mypyc could not compile it ({type(exc).__name__}: {exc})")
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path, target in built:
            build_data["force_include"][str(path)] = target

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)

    @staticmethod
    def _warn(reason: str) -> None:
        print("claimmap: building the wheel as pure Python, about a quarter slower: "
              f"{reason}.", file=sys.stderr)
