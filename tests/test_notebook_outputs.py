"""Stored notebook outputs are portable: no number whose digits depend on the machine.

nbval compares every stored text output with a fresh run, to the sixth decimal. A number
that is rounding noise (a finite-difference error, an identity's residual, anything near
machine epsilon) prints different digits on another CPU, BLAS kernel or thread count, so
the lesson fails its own tests there. Such a quantity is asserted, or printed as a bound
("< 1e-8"); ``make test-portable`` proves the rule by running nbval under other numeric
configurations, and this test catches the printed noise before that.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*REPO.glob("notebooks/**/*.ipynb"), *REPO.glob("solutions/**/*.ipynb")])

#: A number printed in scientific notation below 1e-7: at or below the noise of float64
#: arithmetic on the quantities these lessons compute. "1e-8" as a bound has no mantissa
#: digits and is allowed; "6.9e-11" is not.
NOISE = re.compile(r"\b\d\.\d+e-(?:0[89]|[1-9]\d)\b")
#: A negative zero, e.g. "-0.0000": the sign of a rounding error.
NEGATIVE_ZERO = re.compile(r"(?<![\w.])-0\.0+(?![\d])")
#: Small numbers that are exact by construction, not rounding noise: (notebook, text) -> why.
EXACT = {
    ("01_coin_flip_mle_solutions.ipynb", "1.4013e-45"): "the smallest float32 subnormal, 2^-149",
}


def printed(cell: dict) -> str:
    """Everything a code cell's stored outputs print as text."""
    parts = []
    for output in cell.get("outputs", []):
        parts.append("".join(output.get("text", "")))
        parts.append("".join(output.get("data", {}).get("text/plain", "")))
    return "".join(parts)


def test_the_patterns_catch_noise():
    """The patterns find what they are meant to and leave bounds and ordinary numbers alone."""
    assert NOISE.search("max |∇CE − ∇KL| = 6.9e-11")
    assert NOISE.search("residual 1.8e-15 nats")
    assert not NOISE.search("max |∇CE − ∇KL| < 1e-8")
    assert not NOISE.search("KL = 5.3e-05 nats")
    assert NEGATIVE_ZERO.search("CE − KL -0.0000 nats")
    assert not NEGATIVE_ZERO.search("ends at (+0.0109, -0.8090)")
    assert not NEGATIVE_ZERO.search("log-likelihood -0.05 nats")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(REPO)) for p in NOTEBOOKS])
def test_stored_outputs_print_no_rounding_noise(path: Path):
    notebook = json.loads(path.read_text())
    found = []
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        text = printed(cell)
        found += [f"cell {index}: {m.group(0)!r}" for m in NOISE.finditer(text)
                  if (path.name, m.group(0)) not in EXACT]
        found += [f"cell {index}: negative zero {m.group(0)!r}" for m in NEGATIVE_ZERO.finditer(text)]
    assert not found, (f"{path.name} prints rounding noise, which differs between CPUs "
                       f"(assert it, or print a bound): {found}")


@pytest.mark.parametrize(("name", "text"), sorted(EXACT))
def test_every_exemption_is_still_printed(name: str, text: str):
    """An exemption for a number no notebook prints any more would hide the next one."""
    path = next(p for p in NOTEBOOKS if p.name == name)
    notebook = json.loads(path.read_text())
    assert any(text in printed(cell) for cell in notebook["cells"] if cell["cell_type"] == "code")
