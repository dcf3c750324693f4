"""The package as a whole: its public names, and what ``import bayeslearn`` loads."""

from __future__ import annotations

import subprocess
import sys

import pytest

import bayeslearn as bl


def imported_after(code: str) -> set[str]:
    """Top-level module names loaded by a fresh interpreter after running ``code``."""
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        check=True, capture_output=True, text=True,
    ).stdout
    return {name.split(".")[0] for name in out.split()}


def test_import_loads_neither_plotting_nor_widgets_nor_scipy() -> None:
    """`import bayeslearn` stays light: no matplotlib, ipywidgets or scipy until used."""
    loaded = imported_after("import bayeslearn")
    assert "bayeslearn" in loaded
    assert not {"matplotlib", "ipywidgets", "scipy"} & loaded


def test_first_use_loads_the_maths() -> None:
    """A function's first use brings in its module and scipy."""
    loaded = imported_after("import bayeslearn as bl\nbl.kl_divergence([1, 0], [0.5, 0.5])")
    assert "scipy" in loaded and "matplotlib" not in loaded


@pytest.mark.parametrize("name", bl.__all__)
def test_every_public_name_resolves(name: str) -> None:
    """Each name in ``__all__`` is a callable with a docstring showing its formula or use; a result
    record (a :class:`bayeslearn.Record`) documents its fields under numpydoc ``Attributes``."""
    obj = getattr(bl, name)
    assert callable(obj)
    if isinstance(obj, type) and issubclass(obj, bl.Record) and obj is not bl.Record:
        assert obj.__doc__ and "Attributes\n    ----------" in obj.__doc__
        assert obj.__dataclass_params__.frozen and "__repr__" not in vars(obj)  # the Record's short repr
    else:
        assert obj.__doc__ and "Examples" in obj.__doc__ or name in ("true_function", "Record")
    assert name in dir(bl)


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_function"):
        bl.no_such_function  # noqa: B018
