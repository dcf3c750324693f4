"""bayeslearn: the probabilistic foundations of deep learning, as small functions.

A flat API for the notebooks::

    import bayeslearn as bl
    bl.kl_divergence([0.5, 0.5], [0.9, 0.1])

The plotting and widget helpers live in :mod:`bayeslearn.plotting` and
:mod:`bayeslearn.widgets` and are imported explicitly, so that ``import bayeslearn``
needs neither matplotlib nor ipywidgets.
"""

from .data import coin_heads, coin_tosses, regression_data, true_function
from .divergence import cross_entropy, entropy, kl_divergence
from .likelihood import bernoulli_log_likelihood, bernoulli_mle, gaussian_log_likelihood
from .posterior import (
    beta_bernoulli_map,
    beta_bernoulli_posterior,
    beta_bernoulli_predictive,
    gaussian_mean_map,
    gaussian_mean_posterior,
    grid_posterior,
)
from .prior import beta_log_prior, gaussian_log_prior
from .regression import gradient_descent, map_weights, polynomial_features, ridge_weights

__version__ = "0.1.0"

__all__ = [
    "bernoulli_log_likelihood",
    "bernoulli_mle",
    "beta_bernoulli_map",
    "beta_bernoulli_posterior",
    "beta_bernoulli_predictive",
    "beta_log_prior",
    "coin_heads",
    "coin_tosses",
    "cross_entropy",
    "entropy",
    "gaussian_log_likelihood",
    "gaussian_log_prior",
    "gaussian_mean_map",
    "gaussian_mean_posterior",
    "gradient_descent",
    "grid_posterior",
    "kl_divergence",
    "map_weights",
    "polynomial_features",
    "regression_data",
    "ridge_weights",
    "true_function",
]
