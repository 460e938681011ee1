"""The wheel that ``pip install .`` builds compiles the geoparser with mypyc
(hatch_build.py). Compiled code must give exactly what the Python source gives: this
builds the real wheel (about 40 s on two cores), then geoparses the same texts with it
and with the source tree, each in its own process, and compares every mention.

Texts: the bundled example articles and the test fixtures (always present: some 30
mentions), plus the seed articles and the war corpus from ../shared when they are there
(some 12,000 more).
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

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.slow

# Run in a child process: prints where claimmap came from, whether the geoparser is
# compiled, and every mention of every text (one JSON object).
PARSE = """
import json, sys
from claimmap.bench.measure import geoparser_compiled
import claimmap
from claimmap.gazetteer import load_default
from claimmap.geoparse import create_geoparser
from claimmap.model import Article

texts = json.load(sys.stdin)
parser = create_geoparser(load_default())
out = {}
for key, text in texts.items():
    result = parser.parse(Article(id=key, text=text, content_hash=key))
    out[key] = [[m.start, m.end, m.text, m.place_id, m.confidence, m.reason,
                 [[c.place_id, c.score] for c in m.candidates]]
                for m in result.mentions]
print(json.dumps({"package": claimmap.__file__, "compiled": geoparser_compiled(),
                  "mentions": out}))
"""


def texts() -> dict[str, str]:
    files = [*sorted((ROOT / "examples" / "articles").glob("*.txt")),
             *sorted((ROOT / "tests" / "fixtures").rglob("*.txt")),
             *sorted((SHARED / "seeds").glob("*.txt"))]
    found = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in files}
    for corpus in [*sorted((ROOT / "examples" / "articles").glob("*.jsonl")),
                   SHARED / "data" / "uawar_news.jsonl"]:
        if corpus.is_file():
            for n, line in enumerate(corpus.read_text(encoding="utf-8").splitlines()):
                found[f"{corpus.name}:{n}"] = str(json.loads(line).get("text") or "")
    return found


def parse_with(pythonpath: Path, payload: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    run = subprocess.run([sys.executable, "-c", PARSE], input=payload, env=env,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    result: dict[str, object] = json.loads(run.stdout)
    return result


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
    warning = "claimmap: building the geoparser as pure Python, about a quarter slower: "
    assert warning + reason in output


def test_compiled_wheel_parses_exactly_as_the_source(tmp_path: Path) -> None:
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

    payload = json.dumps(texts())
    compiled = parse_with(site, payload)
    source = parse_with(ROOT / "src", payload)
    assert str(compiled["package"]).startswith(str(site)) and compiled["compiled"] is True
    assert str(source["package"]).startswith(str(ROOT / "src")) and source["compiled"] is False
    mentions = source["mentions"]
    assert compiled["mentions"] == mentions
    assert isinstance(mentions, dict) and sum(len(m) for m in mentions.values()) > 20
