"""The README's "library at a glance" block runs, line by line, and every call in it is right.

The block is taken from README.md itself; each call in it is evaluated on the example inputs
below and compared with an independent reference (scipy, numpy, a formula written out here).
A call added to the block without a reference here, or a name dropped from it, fails.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import numpy as np
import pytest
from scipy import stats
from scipy.special import logsumexp

import bayeslearn as bl

README = Path(__file__).resolve().parents[1] / "README.md"

#: Every name the block shows (issue 14: keep them all).
NAMES = {
    "bernoulli_log_likelihood", "bernoulli_mle", "gaussian_log_likelihood", "beta_log_prior",
    "gaussian_log_prior", "beta_bernoulli_posterior", "beta_bernoulli_map", "beta_bernoulli_predictive",
    "gaussian_mean_posterior", "gaussian_mean_map", "grid_posterior", "entropy", "cross_entropy",
    "kl_divergence", "polynomial_features", "ridge_weights", "map_weights", "gradient_descent",
    "coin_tosses", "coin_heads", "regression_data",
}

rng = np.random.default_rng(14)
GRID = np.linspace(0.01, 0.99, 99)
INPUTS = {
    "theta": 0.3, "heads": 7, "tosses": 10, "a": 2.0, "b": 3.0,
    "y": rng.normal(1.0, 0.5, size=12), "mean": 0.8, "sigma": 0.5,
    "w": np.array([0.3, -1.2, 2.0]), "prior_mean": 0.0, "prior_sigma": 2.0,
    "log_likelihood": 7 * np.log(GRID) + 3 * np.log1p(-GRID), "log_prior": stats.beta.logpdf(GRID, 2.0, 3.0),
    "p": np.array([0.5, 0.25, 0.25]), "q": np.array([0.25, 0.25, 0.5]),
    "x": np.linspace(0.0, 1.0, 12), "degree": 3, "alpha": 0.1, "noise_sigma": 0.5,
    "weight_decay": 0.1, "learning_rate": 0.02, "steps": 20_000, "n": 12, "seed": 3,
}
INPUTS["X"] = np.vander(INPUTS["x"], 4, increasing=True)


def _block() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The library at a glance"):]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "no python block under 'The library at a glance'"
    return match.group(1)


def _calls() -> list[tuple[str, ast.Call, str]]:
    """(function name, call node, source) for each ``bl.name(...)`` call of the block, in order."""
    source = _block()
    calls = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            assert isinstance(node.func.value, ast.Name) and node.func.value.id == "bl"
            calls.append((node.func.attr, node, ast.get_source_segment(source, node) or ""))
    return sorted(calls, key=lambda c: (c[1].lineno, c[1].col_offset))


def _ridge(X, y, alpha):
    return np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)


def _reference(name: str, v: dict):
    X, y, k, n, a, b = v["X"], v["y"], v["heads"], v["tosses"], v["a"], v["b"]
    return {
        "bernoulli_log_likelihood": lambda: k * np.log(v["theta"]) + (n - k) * np.log(1 - v["theta"]),
        "bernoulli_mle": lambda: k / n,
        "gaussian_log_likelihood": lambda: stats.norm.logpdf(y, v["mean"], v["sigma"]).sum(),
        "beta_log_prior": lambda: stats.beta.logpdf(v["theta"], a, b),
        "gaussian_log_prior": lambda: stats.norm.logpdf(v["w"], 0.0, v["sigma"]),
        "beta_bernoulli_posterior": lambda: stats.beta(a + k, b + n - k),
        "beta_bernoulli_map": lambda: (a + k - 1) / (a + b + n - 2),
        "beta_bernoulli_predictive": lambda: (a + k) / (a + b + n),
        "gaussian_mean_posterior": lambda: _gaussian_posterior(v),
        "gaussian_mean_map": lambda: _gaussian_posterior(v).mean(),
        "grid_posterior": lambda: np.exp(v["log_likelihood"] + v["log_prior"]
                                         - logsumexp(v["log_likelihood"] + v["log_prior"])),
        "entropy": lambda: stats.entropy(v["p"]),
        "cross_entropy": lambda: -np.sum(v["p"] * np.log(v["q"])),
        "kl_divergence": lambda: stats.entropy(v["p"], v["q"]),
        "polynomial_features": lambda: np.vander(v["x"], v["degree"] + 1, increasing=True),
        "ridge_weights": lambda: _ridge(X, y, v["alpha"]),
        "map_weights": lambda: _ridge(X, y, v["noise_sigma"] ** 2 / v["prior_sigma"] ** 2),
        # gradient descent on ½‖y − Xw‖² + ½ λ‖w‖² converges to the ridge solution at λ
        "gradient_descent": lambda: _ridge(X, y, v["weight_decay"]),
    }.get(name)


def _gaussian_posterior(v: dict):
    precision = 1 / v["prior_sigma"] ** 2 + len(v["y"]) / v["sigma"] ** 2
    mean = (v["prior_mean"] / v["prior_sigma"] ** 2 + v["y"].sum() / v["sigma"] ** 2) / precision
    return stats.norm(mean, np.sqrt(1 / precision))


def test_the_block_shows_every_name_and_only_public_ones():
    names = {name for name, _, _ in _calls()}
    assert names == NAMES
    assert names <= set(bl.__all__)


def test_the_block_runs_as_written():
    """Every line executes on the example inputs, in the README's own order."""
    namespace = dict(INPUTS)
    exec(compile(_block(), str(README), "exec"), namespace)  # noqa: S102 (the README's own code)


@pytest.mark.parametrize(("name", "source"), [(name, src) for name, _, src in _calls()])
def test_each_call_gives_the_right_answer(name: str, source: str):
    got = eval(source, {"bl": bl, **INPUTS})  # noqa: S307 (the README's own code)
    if name in ("coin_tosses", "coin_heads", "regression_data"):
        _check_generator(name, got)
        return
    reference = _reference(name, INPUTS)
    assert reference is not None, f"tests/test_readme.py has no reference for bl.{name}"
    want = reference()
    if hasattr(want, "dist"):  # a frozen scipy distribution: the same family and parameters
        assert got.dist.name == want.dist.name
        np.testing.assert_allclose(got.args, want.args, rtol=1e-12)
        return
    if name == "gradient_descent":  # the trajectory: its last row has converged
        np.testing.assert_allclose(got[-1], want, rtol=1e-8, atol=1e-8)
        return
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


def _xy(result) -> tuple[np.ndarray, np.ndarray]:
    """x and y of a data generator's result (a record with fields x, y, or a pair)."""
    return (result.x, result.y) if hasattr(result, "x") else result


def _check_generator(name: str, got) -> None:
    args = {"coin_tosses": ("tosses", "theta", "seed"), "coin_heads": ("tosses", "theta", "seed"),
            "regression_data": ("n", "noise_sigma", "seed")}[name]
    again = getattr(bl, name)(*(INPUTS[arg] for arg in args))
    if name == "coin_tosses":
        assert got.shape == (INPUTS["tosses"],) and set(np.unique(got).tolist()) <= {0, 1}
        np.testing.assert_array_equal(again, got)  # seeded: the same draw twice
    elif name == "coin_heads":
        assert 0 <= got <= INPUTS["tosses"] and float(got).is_integer() and again == got
    else:
        x, y = _xy(got)
        assert x.shape == y.shape == (INPUTS["n"],)
        assert np.std(y - np.sin(2 * np.pi * x)) < 3 * INPUTS["noise_sigma"]
        np.testing.assert_array_equal(np.r_[_xy(again)], np.r_[x, y])


@pytest.mark.parametrize(("name", "call"), [(name, call) for name, call, _ in _calls()])
def test_each_argument_is_named_as_the_function_names_it(name: str, call: ast.Call):
    """``bl.coin_tosses(n, ...)`` would run, but the parameter is ``tosses``: the README uses
    the library's own parameter names (docs/api.md), positionally and as keywords."""
    parameters = list(inspect.signature(getattr(bl, name)).parameters)
    for position, arg in enumerate(call.args):
        assert isinstance(arg, ast.Name), ast.dump(arg)
        assert arg.id == parameters[position], f"bl.{name}: argument {position} is {arg.id!r}"
    for keyword in call.keywords:
        assert keyword.arg in parameters, f"bl.{name} has no parameter {keyword.arg!r}"
