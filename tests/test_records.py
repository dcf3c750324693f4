"""Result records: every multi-value return is a frozen bayeslearn.Record, exported, printed short."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import bayeslearn as bl

RECORDS = sorted(name for name in bl.__all__
                 if isinstance(getattr(bl, name), type) and issubclass(getattr(bl, name), bl.Record)
                 and name != "Record")

def _evidence_data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    X = rng.standard_normal((30, 3))
    return X, X @ np.array([1.0, -2.0, 0.5]) + 0.3 * rng.standard_normal(30)


RETURNS = {  # a call of each function that returns more than one thing -> its record
    "TrainHeldoutSplit": lambda: bl.train_heldout_split(10, 0.3, seed=1),
    "MeanAndSD": lambda: bl.mixture_moments([0.5, 0.5], [-1.0, 1.0], [1.0, 1.0]),
    "HeteroscedasticData": lambda: bl.heteroscedastic_data(5, seed=0),
    "SparseRegressionData": lambda: bl.sparse_regression_data(5, [1.0, 0.0], seed=0),
    "BetaNLLGradient": lambda: bl.beta_nll_gradient([1.0], [0.0], [0.0]),
    "GaussianFit": lambda: bl.fit_gaussian_kl(np.linspace(-5, 5, 201), -0.5 * np.linspace(-5, 5, 201) ** 2),
    "SemiSupervisedData": lambda: bl.semi_supervised_moons(20, 2, seed=0),
    "PseudoLabels": lambda: bl.pseudo_labels([[0.9, 0.1], [0.4, 0.6]], 0.5),
    "ReliabilityDiagram": lambda: bl.reliability_diagram([[0.9, 0.1], [0.4, 0.6]], [0, 1]),
    "CalibrationReport": lambda: bl.calibration_report([[2.0, 0.0], [0.0, 1.0]], [0, 1]),
    "EvidenceFit": lambda: bl.maximise_evidence(*_evidence_data()),
    "RidgeRisks": lambda: bl.ridge_risks([0.1, 0.5, 0.9], [0.0, 1.0, 0.0], [0.2], [0.5], [1], [0.1]),
}


def test_every_record_is_exported_and_more_than_the_old_namedtuples():
    assert {"EvidenceFit", "HeteroscedasticFit", "GaussianFit", "RidgeRisks", "MeanAndSD", "LossAndGradient",
            "TrainHeldoutSplit"} <= set(RECORDS)
    assert "Record" in bl.__all__


@pytest.mark.parametrize("name", RECORDS)
def test_a_record_is_a_frozen_dataclass_with_a_short_repr(name: str):
    cls = getattr(bl, name)
    assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen
    assert not issubclass(cls, tuple)  # fields by name, not by position
    fields = [field.name for field in dataclasses.fields(cls)]
    assert fields and all(f"{field} :" in cls.__doc__ or f"{field}," in cls.__doc__ for field in fields)


@pytest.mark.parametrize("name", sorted(RETURNS))
def test_a_function_returns_its_record(name: str):
    record = RETURNS[name]()
    assert type(record) is getattr(bl, name)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, dataclasses.fields(record)[0].name, None)
    text = repr(record)
    assert text.startswith(f"{name}(") and len(text) < 2000
    fields = [getattr(record, field.name) for field in dataclasses.fields(record)]
    assert all(a is b for a, b in zip(record, fields, strict=True))  # unpacks in field order
    with pytest.raises(TypeError):
        record[0]  # type: ignore[index]  # read by name, not by index
