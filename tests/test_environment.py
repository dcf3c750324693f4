"""environment.yml (conda, Binder, repo2docker) stays in step with pyproject.toml.

A class that launches the notebooks on Binder or a JupyterHub image built by repo2docker gets
its packages from environment.yml, while ``make`` gets them from pyproject.toml. These tests
fail when the two drift apart, so neither audience meets a missing import.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).parent.parent
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*(?:>=\s*([0-9][0-9.]*))?")


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_requirements() -> list[str]:
    """pyproject.toml's runtime dependencies, as the installed package declares them."""
    return [r for r in metadata.requires("bayeslearn") or [] if "extra ==" not in r]


def _conda_dependencies() -> tuple[dict[str, str | None], list[str]]:
    """The conda packages (name → lower bound) and the pip lines of environment.yml."""
    conda: dict[str, str | None] = {}
    pip: list[str] = []
    section = None
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            section = line.split(":")[0]
            continue
        item = line.strip().removeprefix("- ").strip()
        if section != "dependencies":
            continue
        if line.startswith("      - "):          # nested under "- pip:"
            pip.append(item)
        elif item != "pip:":
            name, bound = _REQUIREMENT.match(item).groups()
            conda[_name(name)] = bound
    return conda, pip


def test_every_runtime_dependency_is_in_environment_yml_with_the_same_lower_bound() -> None:
    conda, _ = _conda_dependencies()
    for requirement in _runtime_requirements():
        name, bound = _REQUIREMENT.match(requirement).groups()
        assert _name(name) in conda, f"{name} is a runtime dependency but not in environment.yml"
        assert conda[_name(name)] == bound, f"{name}: pyproject says >={bound}, environment.yml >={conda[_name(name)]}"


def test_environment_yml_installs_this_package_and_a_supported_python() -> None:
    conda, pip = _conda_dependencies()
    # a local pip requirement: repo2docker then installs the environment after copying the repo
    assert pip == ["-e ."], pip
    assert "pip" in conda
    python_bound = metadata.metadata("bayeslearn")["Requires-Python"].removeprefix(">=")
    assert conda["python"] == python_bound
