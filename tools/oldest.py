"""Print pip constraints that pin every runtime dependency to the lower bound we declare.

Usage: ``python tools/oldest.py > constraints.txt``, or ``python tools/oldest.py --check``
to print the installed version of each dependency and fail unless it is the lower bound; ``make test-oldest``
installs the package with ``pip install -c`` that file into a separate virtual environment
and runs the unit tests and nbval there, so the bounds in pyproject.toml (and
environment.yml, kept equal by tests/test_environment.py) are promises that are tested.

Only ``name>=version`` requirements are pinned (as ``name==version``); the test tools of the
``test`` extra stay free, as a user's would. A runtime requirement without a lower bound is
an error: it promises every release ever made.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
_BOUND = re.compile(r"^\s*([A-Za-z0-9_.\-\[\]]+)\s*>=\s*([0-9][0-9.]*)\s*$")


def lower_bounds(pyproject: Path = PYPROJECT) -> dict[str, str]:
    """Runtime dependency name → its declared lower bound."""
    project = tomllib.loads(pyproject.read_text())["project"]
    bounds = {}
    for requirement in project["dependencies"]:
        match = _BOUND.match(requirement.split(";")[0])
        if not match:
            raise SystemExit(f"{requirement!r}: every runtime dependency needs a lower bound")
        name = re.sub(r"\[.*\]", "", match.group(1))
        bounds[name] = match.group(2)
    return bounds


def constraints(pyproject: Path = PYPROJECT) -> str:
    """The constraints file: one ``name==version`` line per runtime dependency."""
    return "".join(f"{name}=={version}\n" for name, version in lower_bounds(pyproject).items())


def check(pyproject: Path = PYPROJECT) -> int:
    """Print each runtime dependency's installed version; 1 if any is not its lower bound."""
    from importlib import metadata

    from packaging.version import Version

    wrong = 0
    for name, bound in lower_bounds(pyproject).items():
        installed = metadata.version(name)
        same = Version(installed) == Version(bound)
        wrong += not same
        print(f"{name:14s} {installed:10s} declared >={bound}{'' if same else '  <- not the bound'}")
    return 1 if wrong else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(check())
    sys.stdout.write(constraints())
