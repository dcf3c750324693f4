"""bayeslearn: the probabilistic foundations of deep learning, as small functions.

A flat API for the notebooks::

    import bayeslearn as bl
    bl.kl_divergence([0.5, 0.5], [0.9, 0.1])

Submodules load lazily (as in scientific Python's SPEC 1): ``import bayeslearn`` is quick
and imports neither scipy, matplotlib nor ipywidgets; a function's module, and scipy with
it, is imported the first time the function is used. The plotting and widget helpers are
imported explicitly from :mod:`bayeslearn.plotting` and :mod:`bayeslearn.widgets`.

``bl.set_language("ko")`` switches the text the library shows (slider labels, readouts, the
self-checks' messages) to Korean, ``bl.set_language("en")`` back to English; see
:mod:`bayeslearn.i18n`.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing itself costs ~9 ms at import: it is read by the type checker only
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

#: Public name -> the submodule that defines it.
_EXPORTS: dict[str, str] = {
    "LabelledPoints": "data",
    "MixupBatch": "mixup",
    "ProbabilityGrid": "plotting_2d",
    "RegressionData": "data",
    "SoftmaxRegression": "softmax_regression",
    "TinyMLP": "network",
    "HeteroscedasticFit": "heteroscedastic_fit",
    # result records (issue 14): every multi-value return is a frozen bayeslearn.records.Record
    "BetaNLLGradient": "heteroscedastic",
    "CalibrationReport": "calibration",
    "EvidenceFit": "evidence",
    "GaussianFit": "mixture",
    "HeteroscedasticData": "heteroscedastic",
    "LossAndGradient": "records",
    "MeanAndSD": "records",
    "PseudoLabels": "pseudo_labelling",
    "Record": "records",
    "ReliabilityDiagram": "calibration",
    "RidgeRisks": "ridge_risk",
    "SelfTraining": "semisupervised",
    "SemiSupervisedData": "semisupervised_loss",
    "SparseRegressionData": "sparsity",
    "TrainHeldoutSplit": "risk",
    "adam": "optim",
    "adamw": "optim",
    "bernoulli_log_likelihood": "likelihood",
    "bernoulli_mle": "likelihood",
    "beta_bernoulli_map": "posterior",
    "beta_bernoulli_posterior": "posterior",
    "beta_bernoulli_predictive": "posterior",
    "beta_log_prior": "prior",
    "beta_nll": "heteroscedastic",
    "beta_nll_gradient": "heteroscedastic",
    "calibration_report": "calibration",
    "coin_heads": "data",
    "coin_tosses": "data",
    "cosine_schedule": "schedules",
    "cross_entropy": "divergence",
    "cross_validation_mse": "cross_validation",
    "decision_boundary": "plotting_2d",
    "distribution_alignment": "pseudo_labelling",
    "empirical_risk": "risk",
    "entropy": "divergence",
    "entropy_minimisation_gradient": "unlabelled",
    "entropy_minimisation_loss": "unlabelled",
    "expected_calibration_error": "calibration",
    "expected_log_loss_bernoulli": "risk",
    "expected_squared_error": "ridge_risk",
    "fit_gaussian_kl": "mixture",
    "fit_heteroscedastic": "heteroscedastic_fit",
    "fit_temperature": "scales",
    "gaussian_blobs": "data",
    "gaussian_log_likelihood": "likelihood",
    "gaussian_log_prior": "prior",
    "gaussian_mean_map": "posterior",
    "gaussian_mean_posterior": "posterior",
    "gaussian_nll": "scales",
    "get_language": "i18n",
    "gradient_descent": "regression",
    "grid_kl": "mixture",
    "grid_posterior": "posterior",
    "heteroscedastic_data": "heteroscedastic",
    "heteroscedastic_mean": "heteroscedastic",
    "information_maximisation_gradient": "unlabelled",
    "information_maximisation_loss": "unlabelled",
    "interval_coverage": "heteroscedastic_fit",
    "kl_divergence": "divergence",
    "labelled_subset": "pseudo_labelling",
    "laplace_approximation": "logodds",
    "laplace_kl_divergence": "logodds_grid",
    "laplace_log_prior": "sparsity",
    "linear_predictive": "evidence",
    "laplace_map_weights": "sparsity",
    "lasso_weights": "sparsity",
    "least_squares_gradient": "least_squares",
    "log_evidence": "evidence",
    "log_softmax": "classification",
    "logodds_log_posterior": "logodds",
    "logodds_map": "logodds",
    "logodds_predictive": "logodds_grid",
    "map_weights": "regression",
    "maximise_evidence": "evidence",
    "mixture_log_pdf": "mixture",
    "mixture_moments": "mixture",
    "mixup_batch": "mixup",
    "mlp_loss_and_gradient": "network",
    "noise_scale": "heteroscedastic",
    "noise_variance_mle": "scales",
    "numerical_gradient": "gradient_check",
    "polynomial_features": "regression",
    "probability_grid": "plotting_2d",
    "pseudo_labels": "pseudo_labelling",
    "rbf_features": "heteroscedastic",
    "regression_data": "data",
    "reliability_diagram": "calibration",
    "ridge_risks": "ridge_risk",
    "ridge_weights": "regression",
    "self_training_mlps": "semisupervised",
    "semi_supervised_moons": "semisupervised_loss",
    "semi_supervised_loss_and_gradient": "semisupervised_loss",
    "set_language": "i18n",
    "sgd": "optim",
    "sharpen": "pseudo_labelling",
    "smooth_labels": "classification",
    "soft_threshold": "sparsity",
    "softmax": "classification",
    "sparse_regression_data": "sparsity",
    "mean_softmax_cross_entropy": "classification",
    "mean_softmax_cross_entropy_gradient": "classification",
    "mean_softmax_kl_divergence": "classification",
    "squared_error": "least_squares",
    "standard_error": "risk",
    "temperature_scale": "scales",
    "tent_adapt": "tent",
    "tent_loss_and_gradient": "tent",
    "TentModel": "tent",
    "train_heldout_split": "risk",
    "train_semi_supervised_mlps": "semisupervised",
    "train_softmax_regression": "softmax_regression",
    "train_tiny_mlp": "network_training",
    "train_tiny_mlps": "network_training",
    "true_function": "data",
    "two_moons": "data",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:  # a lazily imported function or record
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'bayeslearn' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])

