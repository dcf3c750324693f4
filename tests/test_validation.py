"""Bad inputs at the public boundary: the right exception type, with the argument named."""

import numpy as np
import pytest
from _time_limit import within

import bayeslearn as bl

NAN = float("nan")
INF = float("inf")
X_OK = np.ones((3, 2))
Y_OK = np.ones(3)

# (id, call, exception type, argument the message must name)
CASES = [
    # counts
    ("heads negative", lambda: bl.bernoulli_log_likelihood(0.5, -1, 3), ValueError, "heads"),
    ("heads above tosses", lambda: bl.bernoulli_log_likelihood(0.5, 4, 3), ValueError, "heads"),
    ("heads above tosses, posterior", lambda: bl.beta_bernoulli_posterior(5, 2, 1, 1), ValueError, "heads"),
    ("tosses negative", lambda: bl.bernoulli_mle(0, -2), ValueError, "tosses"),
    ("heads fractional", lambda: bl.bernoulli_log_likelihood(0.5, 2.5, 5), ValueError, "heads"),
    ("tosses fractional", lambda: bl.beta_bernoulli_map(1, 2.5, 2, 2), ValueError, "tosses"),
    ("tosses fractional, coin_heads", lambda: bl.coin_heads(2.5, 0.5), ValueError, "tosses"),
    ("tosses fractional, coin_tosses", lambda: bl.coin_tosses(2.5, 0.5), ValueError, "tosses"),
    ("heads string", lambda: bl.bernoulli_log_likelihood(0.5, "3", 5), TypeError, "heads"),
    ("tosses string", lambda: bl.beta_bernoulli_predictive(1, "3", 1, 1), TypeError, "tosses"),
    ("heads bool", lambda: bl.bernoulli_log_likelihood(0.5, True, 5), TypeError, "heads"),
    ("tosses bool", lambda: bl.bernoulli_mle(1, True), TypeError, "tosses"),
    ("heads None", lambda: bl.bernoulli_mle(None, 3), TypeError, "heads"),
    ("heads NaN", lambda: bl.bernoulli_log_likelihood(0.5, NAN, 3), ValueError, "heads"),
    ("tosses inf", lambda: bl.bernoulli_log_likelihood(0.5, 1, INF), ValueError, "tosses"),
    ("counts shapes", lambda: bl.bernoulli_mle([1, 2], [3, 4, 5]), ValueError, "heads"),
    ("mle with no tosses", lambda: bl.bernoulli_mle(0, 0), ValueError, "tosses"),
    # probabilities theta
    ("theta below 0", lambda: bl.bernoulli_log_likelihood(-0.1, 1, 3), ValueError, "theta"),
    ("theta above 1", lambda: bl.bernoulli_log_likelihood([0.5, 1.1], 1, 3), ValueError, "theta"),
    ("theta NaN", lambda: bl.bernoulli_log_likelihood([0.5, NAN], 1, 3), ValueError, "theta"),
    ("theta string", lambda: bl.bernoulli_log_likelihood("0.5", 1, 3), TypeError, "theta"),
    ("prior theta above 1", lambda: bl.beta_log_prior(1.5, 2, 2), ValueError, "theta"),
    ("coin_tosses theta", lambda: bl.coin_tosses(10, 1.2), ValueError, "theta"),
    ("coin_heads theta", lambda: bl.coin_heads(10, -0.2), ValueError, "theta"),
    # distributions
    ("p negative", lambda: bl.entropy([-0.1, 1.1]), ValueError, "p"),
    ("p sum below 1", lambda: bl.entropy([0.3, 0.6]), ValueError, "p"),
    ("p sum above 1 by 1e-8", lambda: bl.entropy([0.5, 0.5 + 1e-8]), ValueError, "p"),
    ("p one row bad in batch", lambda: bl.entropy([[0.5, 0.5], [0.5, 0.6]]), ValueError, "p"),
    ("q negative", lambda: bl.kl_divergence([0.5, 0.5], [1.5, -0.5]), ValueError, "q"),
    ("q sum", lambda: bl.cross_entropy([0.5, 0.5], [0.5, 0.4]), ValueError, "q"),
    ("p NaN", lambda: bl.entropy([NAN, 1.0]), ValueError, "p"),
    ("q NaN", lambda: bl.kl_divergence([0.5, 0.5], [NAN, 0.5]), ValueError, "q"),
    ("p empty", lambda: bl.entropy([]), ValueError, "p"),
    ("p empty in kl", lambda: bl.kl_divergence([], [1.0]), ValueError, "p"),
    ("q empty", lambda: bl.cross_entropy([1.0], []), ValueError, "q"),
    ("p scalar", lambda: bl.entropy(1.0), ValueError, "p"),
    ("p string", lambda: bl.entropy("abc"), TypeError, "p"),
    ("p q outcomes differ", lambda: bl.kl_divergence([0.5, 0.5], [0.2, 0.3, 0.5]), ValueError, "p"),
    ("p q batches differ", lambda: bl.cross_entropy(np.full((2, 2), 0.5), np.full((3, 2), 0.5)), ValueError, "q"),
    # logarithm base
    ("base 1", lambda: bl.entropy([0.5, 0.5], base=1), ValueError, "base"),
    ("base 0", lambda: bl.kl_divergence([0.5, 0.5], [0.5, 0.5], base=0), ValueError, "base"),
    ("base negative", lambda: bl.cross_entropy([0.5, 0.5], [0.5, 0.5], base=-2), ValueError, "base"),
    ("base inf", lambda: bl.entropy([0.5, 0.5], base=INF), ValueError, "base"),
    ("base NaN", lambda: bl.entropy([0.5, 0.5], base=NAN), ValueError, "base"),
    ("base string", lambda: bl.entropy([0.5, 0.5], base="2"), TypeError, "base"),
    ("base bool", lambda: bl.entropy([0.5, 0.5], base=True), TypeError, "base"),
    # scales and shape parameters
    ("sigma zero", lambda: bl.gaussian_log_likelihood([1.0], 0.0, 0.0), ValueError, "sigma"),
    ("sigma negative", lambda: bl.gaussian_log_prior(0.0, -1.0), ValueError, "sigma"),
    ("sigma NaN", lambda: bl.gaussian_log_likelihood([1.0], 0.0, NAN), ValueError, "sigma"),
    ("posterior sigma zero", lambda: bl.gaussian_mean_posterior([1.0], 0.0, 0.0, 1.0), ValueError, "sigma"),
    ("prior_sigma zero", lambda: bl.gaussian_mean_map([1.0], 1.0, 0.0, 0.0), ValueError, "prior_sigma"),
    ("prior_mean inf", lambda: bl.gaussian_mean_map([1.0], 1.0, INF, 1.0), ValueError, "prior_mean"),
    ("prior_mean array", lambda: bl.gaussian_mean_posterior([1.0], 1.0, [0.0, 1.0], 1.0), ValueError, "prior_mean"),
    ("map sigma array", lambda: bl.gaussian_mean_map([1.0], [1.0, 2.0], 0.0, 1.0), ValueError, "sigma"),
    ("noise_sigma zero", lambda: bl.map_weights(X_OK, Y_OK, 0.0, 1.0), ValueError, "noise_sigma"),
    ("prior_sigma negative", lambda: bl.map_weights(X_OK, Y_OK, 1.0, -1.0), ValueError, "prior_sigma"),
    ("data noise_sigma zero", lambda: bl.regression_data(5, noise_sigma=0.0), ValueError, "noise_sigma"),
    ("a zero", lambda: bl.beta_log_prior(0.5, 0.0, 1.0), ValueError, "a"),
    ("b negative", lambda: bl.beta_log_prior(0.5, 1.0, -1.0), ValueError, "b"),
    ("a NaN", lambda: bl.beta_bernoulli_posterior(1, 2, NAN, 1.0), ValueError, "a"),
    ("b zero, map", lambda: bl.beta_bernoulli_map(1, 2, 1.0, 0.0), ValueError, "b"),
    ("a negative, predictive", lambda: bl.beta_bernoulli_predictive(1, 2, -1.0, 1.0), ValueError, "a"),
    ("u-shaped posterior", lambda: bl.beta_bernoulli_map(0, 0, 0.5, 0.5), ValueError, "a"),
    # other NaN and shape errors
    ("y NaN", lambda: bl.gaussian_log_likelihood([1.0, NAN], 0.0, 1.0), ValueError, "y"),
    ("mean NaN", lambda: bl.gaussian_log_likelihood([1.0], NAN, 1.0), ValueError, "mean"),
    ("mean sigma shapes", lambda: bl.gaussian_log_likelihood([1.0], np.zeros(2), np.ones(3)), ValueError, "mean"),
    ("w NaN", lambda: bl.gaussian_log_prior([0.0, NAN], 1.0), ValueError, "w"),
    ("w inf", lambda: bl.gaussian_log_prior(INF, 1.0), ValueError, "w"),
    ("log_likelihood NaN", lambda: bl.grid_posterior([0.0, NAN], [0.0, 0.0]), ValueError, "log_likelihood"),
    ("log_prior NaN", lambda: bl.grid_posterior([0.0, 0.0], [NAN, 0.0]), ValueError, "log_prior"),
    ("log_prior +inf", lambda: bl.grid_posterior([0.0, 0.0], [INF, 0.0]), ValueError, "log_prior"),
    ("grid shapes", lambda: bl.grid_posterior(np.zeros(3), np.zeros(4)), ValueError, "log_likelihood"),
    ("grid empty", lambda: bl.grid_posterior([], []), ValueError, "log_likelihood"),
    ("grid all impossible", lambda: bl.grid_posterior([-INF, 0.0], [0.0, -INF]), ValueError, "log_likelihood"),
    ("X NaN", lambda: bl.ridge_weights([[1.0], [NAN]], [1.0, 2.0], 1.0), ValueError, "X"),
    ("y NaN, ridge", lambda: bl.ridge_weights([[1.0], [1.0]], [1.0, NAN], 1.0), ValueError, "y"),
    ("X 1-D", lambda: bl.ridge_weights([1.0, 2.0], [1.0, 2.0], 1.0), ValueError, "X"),
    ("y 2-D", lambda: bl.ridge_weights(X_OK, np.ones((3, 1)), 1.0), ValueError, "y"),
    ("X y rows", lambda: bl.map_weights(np.ones((5, 2)), np.ones(4), 1.0, 1.0), ValueError, "X"),
    ("w0 shape", lambda: bl.gradient_descent(X_OK, Y_OK, 0.0, 0.01, 5, w0=np.zeros(3)), ValueError, "w0"),
    ("x 2-D", lambda: bl.polynomial_features(np.ones((2, 2)), 2), ValueError, "x"),
    # regression hyper-parameters
    ("alpha negative", lambda: bl.ridge_weights(X_OK, Y_OK, -1.0), ValueError, "alpha"),
    ("alpha array", lambda: bl.ridge_weights(X_OK, Y_OK, [1.0, 2.0]), ValueError, "alpha"),
    ("alpha string", lambda: bl.ridge_weights(X_OK, Y_OK, "1"), TypeError, "alpha"),
    ("weight_decay negative", lambda: bl.gradient_descent(X_OK, Y_OK, -0.1, 0.01, 5), ValueError, "weight_decay"),
    ("learning_rate zero", lambda: bl.gradient_descent(X_OK, Y_OK, 0.0, 0.0, 5), ValueError, "learning_rate"),
    ("learning_rate negative", lambda: bl.gradient_descent(X_OK, Y_OK, 0.0, -0.1, 5), ValueError, "learning_rate"),
    ("learning_rate unstable", lambda: bl.gradient_descent(X_OK, Y_OK, 0.0, 10.0, 5), ValueError, "learning_rate"),
    ("steps negative", lambda: bl.gradient_descent(X_OK, Y_OK, 0.0, 0.01, -1), ValueError, "steps"),
    ("steps fractional", lambda: bl.gradient_descent(X_OK, Y_OK, 0.0, 0.01, 2.5), ValueError, "steps"),
    ("degree negative", lambda: bl.polynomial_features([1.0], -1), ValueError, "degree"),
    ("degree fractional", lambda: bl.polynomial_features([1.0], 2.5), ValueError, "degree"),
    ("degree string", lambda: bl.polynomial_features([1.0], "2"), TypeError, "degree"),
    ("degree bool", lambda: bl.polynomial_features([1.0], True), TypeError, "degree"),
    # data generators
    ("coin_tosses negative", lambda: bl.coin_tosses(-1, 0.5), ValueError, "tosses"),
    ("seed negative", lambda: bl.coin_tosses(5, 0.5, seed=-1), ValueError, "seed"),
    ("seed string", lambda: bl.coin_heads(5, 0.5, seed="0"), TypeError, "seed"),
    ("seed bool", lambda: bl.regression_data(5, seed=False), TypeError, "seed"),
    ("steps bool", lambda: bl.gradient_descent(X_OK, Y_OK, 0.0, 0.01, True), TypeError, "steps"),
    ("n negative", lambda: bl.regression_data(-1), ValueError, "n"),
]


@pytest.mark.parametrize(("call", "exc", "name"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_raises_and_names_the_argument(call, exc, name):
    """Each bad input raises the documented exception type, with the argument named in the message."""
    with pytest.raises(exc, match=rf"\b{name}\b") as info:
        within(call)  # a hang fails after a few seconds instead of freezing the run
    assert type(info.value) is exc  # not a subclass standing in for it
