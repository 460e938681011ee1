#!/usr/bin/env bash
# One command for every check, locally and in CI: lint, strict types, tests.
set -euo pipefail
cd "$(dirname "$0")"
echo "== ruff"; ruff check src tests benchmarks hatch_build.py
echo "== mypy (strict)"; mypy
echo "== pytest"; python -m pytest -q "$@"
