"""The wheel that ``pip install .`` builds compiles the geoparser with mypyc
(hatch_build.py). Compiled code must give exactly what the Python source gives: this
builds the real wheel (about half a minute on two cores), then runs
``claimmap analyze`` on the same inputs with it and with the source tree, each in its
own process, and compares the two analyses whole: every mention with its confidence,
reason and candidates, every claim, event and flag.

Inputs: the bundled example articles and the claims fixtures (always present: some 30
mentions and 20 claims), plus the seed articles and the war corpus from ../shared when
they are there (some 12,000 mentions more).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from fixtures.analyse import analyse

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

# Run in a child process: where claimmap came from and whether it is compiled.
WHICH = """
import json, claimmap
from claimmap.bench.measure import geoparser_compiled
print(json.dumps([claimmap.__file__, geoparser_compiled()]))
"""


def analyse_with(pythonpath: Path, out: Path) -> tuple[str, bool, dict[str, object]]:
    """``claimmap analyze`` (tests/fixtures/analyse.py) with claimmap from
    ``pythonpath``: where the package came from, whether its geoparser is compiled, and
    the analysis JSON."""
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    which = subprocess.run([sys.executable, "-c", WHICH], env=env, capture_output=True,
                           text=True, check=True)
    package, compiled = json.loads(which.stdout)
    analysis = analyse(out, PYTHONPATH=str(pythonpath))
    return str(package), bool(compiled), analysis


def compiled_modules() -> set[str]:
    """The modules the build hook compiles, as paths under src/ without suffix."""
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    sources = config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]["compile"]
    paths: list[Path] = hook.source_files(ROOT, sources)
    return {p.relative_to(ROOT / "src").with_suffix("").as_posix() for p in paths}


def build_wheel(out: Path, **env: str) -> tuple[Path, str]:
    """Build claimmap's wheel as ``pip install .`` would (without fetching the build
    tools: the test extra installs them); returns the wheel and pip's verbose output."""
    for module in ("hatchling", "mypyc", "setuptools"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is missing: pip install -e '.[test]' installs it")
    clean = {k: v for k, v in os.environ.items() if k != "CLAIMMAP_PURE_PYTHON"}
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
         "--no-build-isolation", "--wheel-dir", str(out), "--verbose"],
        env={**clean, **env}, capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = out.glob("claimmap-*.whl")
    return wheel, build.stdout + build.stderr


@pytest.mark.parametrize(("env", "reason"), [
    ({"CLAIMMAP_PURE_PYTHON": "1"}, "CLAIMMAP_PURE_PYTHON is set"),
    ({"CC": "false"}, "mypyc could not compile it (CompileError"),  # a compiler that fails
])
def test_wheel_falls_back_to_pure_python_with_a_reason(
    tmp_path: Path, env: dict[str, str], reason: str
) -> None:
    wheel, output = build_wheel(tmp_path, **env)
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "claimmap/geoparse/recognise.py" in names
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
    warning = "claimmap: building the wheel as pure Python, about a quarter slower: "
    assert warning + reason in output


def test_compiled_wheel_analyses_exactly_as_the_source(tmp_path: Path) -> None:
    compiler = shlex.split(str(sysconfig.get_config_var("CC") or "cc"))[0]
    if shutil.which(compiler) is None:
        pytest.skip(f"no C compiler ({compiler}) here: pip install . builds pure Python")
    wheel, output = build_wheel(tmp_path / "dist")
    assert "as pure Python" not in output, output
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)

    # every module the compile list names has its extension in the wheel
    expected = compiled_modules()
    built = {p.relative_to(site).as_posix().split(".")[0] for p in site.rglob("*")
             if p.suffix in (".so", ".pyd")}
    assert "claimmap/geoparse/recognise" in expected and expected <= built

    compiled = analyse_with(site, tmp_path / "compiled")
    source = analyse_with(ROOT / "src", tmp_path / "source")
    assert compiled[0].startswith(str(site)) and compiled[1] is True
    assert source[0].startswith(str(ROOT / "src")) and source[1] is False
    assert compiled[2] == source[2]
    counts = {key: len(value) for key, value in source[2].items() if isinstance(value, list)}
    assert counts["mentions"] > 20 and counts["claims"] > 10 and counts["events"] > 5, counts
