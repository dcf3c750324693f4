"""Hostile input at every public function: the exact exception, naming the argument, in time.

Each row of ``HOSTILE`` is one bad input to one public function of ``bayeslearn``'s flat API:
strings that look like numbers, booleans in arrays, complex numbers, masked entries, ragged
lists, counts beyond what a float holds exactly, shapes that do not broadcast, arrays where a
single number is required, values whose results overflow. Every call must raise exactly the
listed exception type (not a subclass, not numpy's own error from deep inside), with a message
that names the argument, within a time limit (a hang fails instead of freezing the run), and
with RuntimeWarnings turned into errors (so an overflow on the way is a failure too).

``EXTREME`` holds valid but extreme input, each with a value from an independent reference
(a closed form, mpmath, scipy or scikit-learn).
"""

from __future__ import annotations

import math
import re
import time
import warnings
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from _time_limit import Hang, within
from scipy import special, stats

import bayeslearn as bl

NAN, INF = float("nan"), float("inf")
X_OK, Y_OK = np.ones((3, 2)), np.ones(3)
GRAD = bl.least_squares_gradient(X_OK, Y_OK)
MOONS_X, MOONS_Y = bl.two_moons(20, seed=0)
ONE_HOT = np.eye(2)[MOONS_Y]
MODEL = bl.train_tiny_mlp(MOONS_X, ONE_HOT, steps=0)
GRID = bl.probability_grid(MODEL, (-1, 2), (-1, 1), resolution=(4, 3))
Q3 = np.full((4, 3), 1 / 3)
LOGITS = np.zeros((4, 3))
MASKED = np.ma.array([0.5, 0.5], mask=[False, True])
TINY_P = np.zeros(2 * 3 + 3 + 3 * 2 + 2)  # a TinyMLP with 2 inputs, 3 hidden units, 2 classes
BIG = 2**53  # a float holds every whole number up to here, not 2**53 + 1
X8 = np.random.default_rng(0).normal(size=(10, 2))  # notebook 08: a small regression and features
Y8 = X8 @ [1.0, -0.5] + 0.3 * np.random.default_rng(1).normal(size=10)
PHI8 = bl.rbf_features(np.linspace(0, 1, 5), [0.0, 1.0], 0.5)
LOGITS8 = np.array([[2.0, 0.0], [0.0, 1.0]])
FIT8 = bl.HeteroscedasticFit(np.ones(2), np.zeros(2))


class NoProba:
    pass


class StringModel:
    def predict_proba(self, X):
        return np.full((len(X), 2), "0.5")


#: (function, what is wrong, the call, exception type, the argument its message must name)
HOSTILE = [
    # adam, adamw, sgd: the optimisers
    ("adam", "gradient NaN", lambda: bl.adam(lambda w: w * NAN, [0.0], 0.1, 3), ValueError, "grad_fn"),
    ("adam", "beta1 = 1", lambda: bl.adam(GRAD, [0.0, 0.0], 0.1, 3, beta1=1.0), ValueError, "beta1"),
    ("adam", "eps 0", lambda: bl.adam(GRAD, [0.0, 0.0], 0.1, 3, eps=0.0), ValueError, "eps"),
    ("adam", "w0 complex", lambda: bl.adam(GRAD, [1j, 0.0], 0.1, 3), TypeError, "w0"),
    ("adam", "learning_rate strings", lambda: bl.adam(GRAD, [0.0, 0.0], ["0.1"], 1), TypeError, "learning_rate"),
    ("adam", "l2 array", lambda: bl.adam(GRAD, [0.0, 0.0], 0.1, 3, l2=[1.0, 2.0]), ValueError, "l2"),
    ("adamw", "weight_decay negative", lambda: bl.adamw(GRAD, [0.0, 0.0], 0.1, 3, weight_decay=-1.0), ValueError,
     "weight_decay"),
    ("adamw", "beta2 bool", lambda: bl.adamw(GRAD, [0.0, 0.0], 0.1, 3, beta2=True), TypeError, "beta2"),
    ("adamw", "grad_fn not callable", lambda: bl.adamw("grad", [0.0, 0.0], 0.1, 3), TypeError, "grad_fn"),
    ("adamw", "gradient a string", lambda: bl.adamw(lambda w: "1", [0.0], 0.1, 3), TypeError, "grad_fn"),
    ("adamw", "gradient infinite", lambda: bl.adamw(lambda w: w + INF, [0.0], 0.1, 3), ValueError, "grad_fn"),
    ("sgd", "unstable step size", lambda: bl.sgd(GRAD, [0.0, 0.0], 10.0, 1000), ValueError, "learning_rate"),
    ("sgd", "step size overflows at once", lambda: bl.sgd(lambda w: w + 1e300, [0.0], 1e10, 3), ValueError,
     "learning_rate"),
    ("sgd", "gradient NaN", lambda: bl.sgd(lambda w: w * NAN, [0.0], 0.1, 3), ValueError, "grad_fn"),
    ("sgd", "momentum 1", lambda: bl.sgd(GRAD, [0.0, 0.0], 0.1, 3, momentum=1.0), ValueError, "momentum"),
    ("sgd", "schedule of the wrong length", lambda: bl.sgd(GRAD, [0.0, 0.0], [0.1, 0.1], 3), ValueError,
     "learning_rate"),
    ("sgd", "gradient of the wrong shape", lambda: bl.sgd(lambda w: np.zeros(3), [0.0, 0.0], 0.1, 3), ValueError,
     "grad_fn"),
    ("sgd", "w0 masked", lambda: bl.sgd(GRAD, np.ma.array([0.0, 0.0], mask=[1, 0]), 0.1, 3), ValueError, "w0"),
    # cosine_schedule
    ("cosine_schedule", "final above the start", lambda: bl.cosine_schedule(0.1, 5, final=0.2), ValueError, "final"),
    ("cosine_schedule", "learning_rate array", lambda: bl.cosine_schedule([0.1, 0.2], 5), ValueError,
     "learning_rate"),
    ("cosine_schedule", "steps a string", lambda: bl.cosine_schedule(0.1, "5"), TypeError, "steps"),
    # coin likelihoods
    ("bernoulli_log_likelihood", "heads strings", lambda: bl.bernoulli_log_likelihood(0.5, ["3"], 5), TypeError,
     "heads"),
    ("bernoulli_log_likelihood", "heads booleans", lambda: bl.bernoulli_log_likelihood(0.5, [True, False], 5),
     TypeError, "heads"),
    ("bernoulli_log_likelihood", "theta complex", lambda: bl.bernoulli_log_likelihood(0.5 + 0.1j, 1, 5), TypeError,
     "theta"),
    ("bernoulli_log_likelihood", "theta masked", lambda: bl.bernoulli_log_likelihood(MASKED, 1, 5), ValueError,
     "theta"),
    ("bernoulli_log_likelihood", "heads 2**53 + 1 > tosses 2**53",
     lambda: bl.bernoulli_log_likelihood(0.5, BIG + 1, BIG), ValueError, "heads"),
    ("bernoulli_log_likelihood", "theta does not broadcast",
     lambda: bl.bernoulli_log_likelihood([0.1, 0.2], [1, 2, 3], 5), ValueError, "theta"),
    ("bernoulli_mle", "tosses masked", lambda: bl.bernoulli_mle(1, np.ma.array([3, 4], mask=[0, 1])), ValueError,
     "tosses"),
    ("bernoulli_mle", "heads holds None", lambda: bl.bernoulli_mle([1, None], 5), TypeError, "heads"),
    ("bernoulli_mle", "heads ragged", lambda: bl.bernoulli_mle([[1], [1, 2]], 5), ValueError, "heads"),
    ("bernoulli_mle", "heads a dict", lambda: bl.bernoulli_mle({"heads": 1}, 5), TypeError, "heads"),
    # Beta-Bernoulli
    ("beta_bernoulli_map", "a complex", lambda: bl.beta_bernoulli_map(1, 2, 1 + 1j, 1), TypeError, "a"),
    ("beta_bernoulli_map", "a does not broadcast", lambda: bl.beta_bernoulli_map([1, 2], 5, [1.0, 2.0, 3.0], 1.0),
     ValueError, "a"),
    ("beta_bernoulli_map", "a + heads overflows", lambda: bl.beta_bernoulli_map(1e308, 1e308, 1e308, 1.0), ValueError,
     "a"),
    ("beta_bernoulli_posterior", "b a string", lambda: bl.beta_bernoulli_posterior(1, 2, 1.0, "1"), TypeError, "b"),
    ("beta_bernoulli_posterior", "tosses booleans", lambda: bl.beta_bernoulli_posterior(0, [True], 1, 1), TypeError,
     "tosses"),
    ("beta_bernoulli_posterior", "heads 2**53 + 1 as a float-looking int",
     lambda: bl.beta_bernoulli_posterior(np.array([BIG + 1]), np.array([BIG]), 1, 1), ValueError, "heads"),
    ("beta_bernoulli_predictive", "heads infinite", lambda: bl.beta_bernoulli_predictive(INF, INF, 1, 1), ValueError,
     "heads"),
    ("beta_bernoulli_predictive", "b booleans", lambda: bl.beta_bernoulli_predictive(1, 2, 1, [True]), TypeError,
     "b"),
    ("beta_log_prior", "theta does not broadcast", lambda: bl.beta_log_prior([0.1, 0.2], [1.0, 2.0, 3.0], 1.0),
     ValueError, "theta"),
    ("beta_log_prior", "a infinite", lambda: bl.beta_log_prior(0.5, INF, 1.0), ValueError, "a"),
    ("beta_log_prior", "theta strings", lambda: bl.beta_log_prior(["0.5"], 2, 2), TypeError, "theta"),
    # calibration
    ("calibration_report", "logits 1-D", lambda: bl.calibration_report([0.0, 1.0], [0, 1]), ValueError, "logits"),
    ("calibration_report", "labels fractional", lambda: bl.calibration_report(LOGITS, [0, 1, 2, 0.5]), ValueError,
     "labels"),
    ("calibration_report", "labels booleans", lambda: bl.calibration_report(LOGITS, [True] * 4), TypeError, "labels"),
    ("calibration_report", "num_bins 0", lambda: bl.calibration_report(LOGITS, [0] * 4, num_bins=0), ValueError,
     "num_bins"),
    ("calibration_report", "labels beyond int64", lambda: bl.calibration_report(LOGITS, [0, 0, 0, 1e30]), ValueError,
     "labels"),
    ("calibration_report", "logits infinite", lambda: bl.calibration_report([[INF, 0.0]], [0]), ValueError, "logits"),
    ("expected_calibration_error", "probabilities 3-D",
     lambda: bl.expected_calibration_error(np.full((2, 2, 2), 0.5), [0, 1]), ValueError, "probabilities"),
    ("expected_calibration_error", "probabilities do not sum to 1",
     lambda: bl.expected_calibration_error([[0.5, 0.6]], [0]), ValueError, "probabilities"),
    ("expected_calibration_error", "num_bins fractional", lambda: bl.expected_calibration_error(Q3, [0] * 4, 2.5),
     ValueError, "num_bins"),
    ("reliability_diagram", "labels of the wrong length", lambda: bl.reliability_diagram(Q3, [0, 1]), ValueError,
     "labels"),
    ("reliability_diagram", "no predictions", lambda: bl.reliability_diagram(np.zeros((0, 3)), []), ValueError,
     "probabilities"),
    ("reliability_diagram", "num_bins a string", lambda: bl.reliability_diagram(Q3, [0] * 4, "10"), TypeError,
     "num_bins"),
    # data sets
    ("coin_heads", "tosses 2**63", lambda: bl.coin_heads(2**63, 0.5), ValueError, "tosses"),
    ("coin_heads", "size -1", lambda: bl.coin_heads(10, 0.5, size=-1), ValueError, "size"),
    ("coin_heads", "size a string", lambda: bl.coin_heads(10, 0.5, size="3"), TypeError, "size"),
    ("coin_heads", "size tosses cannot fill", lambda: bl.coin_heads([10, 20], 0.5, size=3), ValueError, "size"),
    ("coin_heads", "tosses strings", lambda: bl.coin_heads(["10"], 0.5), TypeError, "tosses"),
    ("coin_heads", "theta an array", lambda: bl.coin_heads(10, [0.5, 0.5]), ValueError, "theta"),
    ("coin_tosses", "theta an array", lambda: bl.coin_tosses(10, [0.5, 0.5]), ValueError, "theta"),
    ("coin_tosses", "tosses a bool", lambda: bl.coin_tosses(True, 0.5), TypeError, "tosses"),
    ("coin_tosses", "seed fractional", lambda: bl.coin_tosses(10, 0.5, seed=2.5), ValueError, "seed"),
    ("regression_data", "noise that overflows", lambda: bl.regression_data(50, noise_sigma=1e308), ValueError,
     "noise_sigma"),
    ("regression_data", "n fractional", lambda: bl.regression_data(2.5), ValueError, "n"),
    ("regression_data", "noise_sigma a string", lambda: bl.regression_data(5, noise_sigma="0.1"), TypeError,
     "noise_sigma"),
    ("true_function", "x a string", lambda: bl.true_function("0.25"), TypeError, "x"),
    ("true_function", "x NaN", lambda: bl.true_function([0.25, NAN]), ValueError, "x"),
    ("true_function", "x complex", lambda: bl.true_function(0.25 + 1j), TypeError, "x"),
    ("true_function", "x masked", lambda: bl.true_function(MASKED), ValueError, "x"),
    ("true_function", "x None", lambda: bl.true_function(None), TypeError, "x"),
    ("gaussian_blobs", "samples negative", lambda: bl.gaussian_blobs(-1), ValueError, "samples"),
    ("gaussian_blobs", "num_classes 0", lambda: bl.gaussian_blobs(5, num_classes=0), ValueError, "num_classes"),
    ("gaussian_blobs", "spread an array", lambda: bl.gaussian_blobs(5, spread=[1.0, 2.0]), ValueError, "spread"),
    ("gaussian_blobs", "spread that overflows", lambda: bl.gaussian_blobs(50, spread=1e308), ValueError, "spread"),
    ("two_moons", "noise negative", lambda: bl.two_moons(5, noise=-0.1), ValueError, "noise"),
    ("two_moons", "samples fractional", lambda: bl.two_moons(2.5), ValueError, "samples"),
    ("two_moons", "noise a string", lambda: bl.two_moons(5, noise="0.1"), TypeError, "noise"),
    ("two_moons", "noise that overflows", lambda: bl.two_moons(200, noise=1e308), ValueError, "noise"),
    ("train_heldout_split", "fraction above 1", lambda: bl.train_heldout_split(10, 1.5), ValueError, "fraction"),
    ("train_heldout_split", "n negative", lambda: bl.train_heldout_split(-1, 0.5), ValueError, "n"),
    ("train_heldout_split", "fraction a string", lambda: bl.train_heldout_split(10, "0.5"), TypeError, "fraction"),
    # divergences
    ("cross_entropy", "q float32 far from 1", lambda: bl.cross_entropy([0.5, 0.5], np.float32([0.5, 0.6])),
     ValueError, "q"),
    ("cross_entropy", "p complex", lambda: bl.cross_entropy([0.5 + 0j, 0.5], [0.5, 0.5]), TypeError, "p"),
    ("cross_entropy", "p masked", lambda: bl.cross_entropy(MASKED, [0.5, 0.5]), ValueError, "p"),
    ("entropy", "float64 off by 1e-10", lambda: bl.entropy([0.5, 0.5 + 1e-10]), ValueError, "p"),
    ("entropy", "p booleans", lambda: bl.entropy([True, False]), TypeError, "p"),
    ("entropy", "p infinite", lambda: bl.entropy([INF, 0.0]), ValueError, "p"),
    ("entropy", "base complex", lambda: bl.entropy([0.5, 0.5], base=2j), TypeError, "base"),
    ("entropy", "p strings", lambda: bl.entropy(["0.5", "0.5"]), TypeError, "p"),
    ("kl_divergence", "q booleans", lambda: bl.kl_divergence([1.0, 0.0], [True, False]), TypeError, "q"),
    ("kl_divergence", "base 1", lambda: bl.kl_divergence([0.5, 0.5], [0.5, 0.5], base=1.0), ValueError, "base"),
    ("kl_divergence", "outcomes differ", lambda: bl.kl_divergence([1.0], [0.5, 0.5]), ValueError, "p"),
    ("kl_divergence", "q holds None", lambda: bl.kl_divergence([0.5, 0.5], [0.5, None]), TypeError, "q"),
    # risk
    ("empirical_risk", "losses -inf", lambda: bl.empirical_risk([1.0, -INF]), ValueError, "losses"),
    ("empirical_risk", "axis fractional", lambda: bl.empirical_risk([1.0, 2.0], axis=1.5), TypeError, "axis"),
    ("empirical_risk", "losses strings", lambda: bl.empirical_risk(["1.0"]), TypeError, "losses"),
    ("empirical_risk", "losses booleans", lambda: bl.empirical_risk([True, False]), TypeError, "losses"),
    ("empirical_risk", "no examples", lambda: bl.empirical_risk([]), ValueError, "losses"),
    ("standard_error", "one loss", lambda: bl.standard_error([1.0]), ValueError, "losses"),
    ("standard_error", "an infinite loss", lambda: bl.standard_error([1.0, INF]), ValueError, "losses"),
    ("standard_error", "axis out of range", lambda: bl.standard_error([1.0, 2.0], axis=3), ValueError, "axis"),
    ("expected_log_loss_bernoulli", "theta_true above 1", lambda: bl.expected_log_loss_bernoulli(1.5, 0.5),
     ValueError, "theta_true"),
    ("expected_log_loss_bernoulli", "shapes do not broadcast",
     lambda: bl.expected_log_loss_bernoulli([0.1, 0.2], [0.1, 0.2, 0.3]), ValueError, "theta_true"),
    ("expected_log_loss_bernoulli", "theta a string", lambda: bl.expected_log_loss_bernoulli(0.5, "0.5"), TypeError,
     "theta"),
    ("expected_squared_error", "weights a scalar", lambda: bl.expected_squared_error(1.0), ValueError, "weights"),
    ("expected_squared_error", "noise_sigma an array", lambda: bl.expected_squared_error([0.0], [0.1, 0.2]),
     ValueError, "noise_sigma"),
    ("expected_squared_error", "weights complex", lambda: bl.expected_squared_error([1j]), TypeError, "weights"),
    ("expected_squared_error", "no weights", lambda: bl.expected_squared_error(np.zeros((2, 0))), ValueError,
     "weights"),
    ("ridge_risks", "no held-out points", lambda: bl.ridge_risks([0.1], [0.1], [], [], [1], [1.0]), ValueError,
     "x_held"),
    ("ridge_risks", "degree negative", lambda: bl.ridge_risks([0.1], [0.1], [0.2], [0.2], [-1], [1.0]), ValueError,
     "degrees"),
    ("ridge_risks", "alpha negative", lambda: bl.ridge_risks([0.1], [0.1], [0.2], [0.2], [1], [-1.0]), ValueError,
     "alphas"),
    ("ridge_risks", "degree 2**63", lambda: bl.ridge_risks([0.1], [0.1], [0.2], [0.2], [2**63], [1.0]), ValueError,
     "degrees"),
    ("ridge_risks", "x and y of different lengths", lambda: bl.ridge_risks([0.1, 0.2], [0.1], [0.2], [0.2], [1], [1.0]),
     ValueError, "x"),
    ("ridge_risks", "degrees booleans", lambda: bl.ridge_risks([0.1], [0.1], [0.2], [0.2], [True], [1.0]), TypeError,
     "degrees"),
    # mixtures
    ("fit_gaussian_kl", "direction unknown", lambda: bl.fit_gaussian_kl([0.0, 1.0], [0.0, 0.0], "sideways"),
     ValueError, "direction"),
    ("fit_gaussian_kl", "direction a list", lambda: bl.fit_gaussian_kl([0.0, 1.0], [0.0, 0.0], ["forward"]),
     TypeError, "direction"),
    ("fit_gaussian_kl", "x decreasing", lambda: bl.fit_gaussian_kl([1.0, 0.0], [0.0, 0.0]), ValueError, "x"),
    ("fit_gaussian_kl", "log_p -inf everywhere", lambda: bl.fit_gaussian_kl([0.0, 1.0], [-INF, -INF]), ValueError,
     "log_p"),
    ("fit_gaussian_kl", "log_p of another shape", lambda: bl.fit_gaussian_kl([0.0, 1.0], [0.0, 0.0, 0.0]),
     ValueError, "log_p"),
    ("grid_kl", "log_p beyond the largest density", lambda: bl.grid_kl([800.0, 800.0], [0.0, 0.0], [0.0, 1.0]),
     ValueError, "log_p"),
    ("grid_kl", "one grid point", lambda: bl.grid_kl([0.0], [0.0], [0.0]), ValueError, "x"),
    ("grid_kl", "log_q +inf", lambda: bl.grid_kl([0.0, 0.0], [INF, 0.0], [0.0, 1.0]), ValueError, "log_q"),
    ("grid_kl", "x spans more than the largest float", lambda: bl.grid_kl([0.0, 0.0], [0.0, 0.0], [-1e308, 1e308]),
     ValueError, "x"),
    ("mixture_log_pdf", "weights do not sum to 1", lambda: bl.mixture_log_pdf(0.0, [0.5, 0.6], [0, 1], [1, 1]),
     ValueError, "weights"),
    ("mixture_log_pdf", "a sigma 0", lambda: bl.mixture_log_pdf(0.0, [0.5, 0.5], [0, 1], [1, 0]), ValueError,
     "sigmas"),
    ("mixture_log_pdf", "x infinite", lambda: bl.mixture_log_pdf(INF, [1.0], [0.0], [1.0]), ValueError, "x"),
    ("mixture_log_pdf", "means of another shape", lambda: bl.mixture_log_pdf(0.0, [0.5, 0.5], [0, 1, 2], [1, 1]),
     ValueError, "means"),
    ("mixture_moments", "weights 2-D", lambda: bl.mixture_moments([[1.0]], [0.0], [1.0]), ValueError, "weights"),
    ("mixture_moments", "a sigma negative", lambda: bl.mixture_moments([1.0], [0.0], [-1.0]), ValueError, "sigmas"),
    ("mixture_moments", "means strings", lambda: bl.mixture_moments([1.0], ["0"], [1.0]), TypeError, "means"),
    # Gaussians
    ("gaussian_log_likelihood", "y strings", lambda: bl.gaussian_log_likelihood(["1.0"], 0.0, 1.0), TypeError, "y"),
    ("gaussian_log_likelihood", "sigma complex", lambda: bl.gaussian_log_likelihood([1.0], 0.0, 1 + 0j), TypeError,
     "sigma"),
    ("gaussian_log_likelihood", "y masked", lambda: bl.gaussian_log_likelihood(MASKED, 0.0, 1.0), ValueError, "y"),
    ("gaussian_log_likelihood", "y booleans", lambda: bl.gaussian_log_likelihood([True, False], 0.0, 1.0), TypeError,
     "y"),
    ("gaussian_log_prior", "w does not broadcast", lambda: bl.gaussian_log_prior([0.0, 1.0], [1.0, 2.0, 3.0]),
     ValueError, "w"),
    ("gaussian_log_prior", "mean a string", lambda: bl.gaussian_log_prior(0.0, 1.0, mean="0"), TypeError, "mean"),
    ("gaussian_log_prior", "sigma infinite", lambda: bl.gaussian_log_prior(0.0, INF), ValueError, "sigma"),
    ("gaussian_mean_map", "y complex", lambda: bl.gaussian_mean_map([1j], 1.0, 0.0, 1.0), TypeError, "y"),
    ("gaussian_mean_map", "prior_sigma infinite", lambda: bl.gaussian_mean_map([1.0], 1.0, 0.0, INF), ValueError,
     "prior_sigma"),
    ("gaussian_mean_posterior", "sigma an array", lambda: bl.gaussian_mean_posterior([1.0], [1.0, 2.0], 0.0, 1.0),
     ValueError, "sigma"),
    ("gaussian_mean_posterior", "y strings", lambda: bl.gaussian_mean_posterior(["1"], 1.0, 0.0, 1.0), TypeError,
     "y"),
    ("grid_posterior", "log_likelihood strings", lambda: bl.grid_posterior(["0", "0"], 0.0), TypeError,
     "log_likelihood"),
    ("grid_posterior", "log_prior complex", lambda: bl.grid_posterior([0.0, 0.0], [0j, 0j]), TypeError, "log_prior"),
    ("grid_posterior", "shapes do not broadcast", lambda: bl.grid_posterior(np.zeros(2), np.zeros(3)), ValueError,
     "log_likelihood"),
    # log-odds
    ("laplace_approximation", "prior_sigma 0", lambda: bl.laplace_approximation(1, 2, 0.0, 0.0), ValueError,
     "prior_sigma"),
    ("laplace_approximation", "heads above tosses", lambda: bl.laplace_approximation(3, 2, 0.0, 1.0), ValueError,
     "heads"),
    ("laplace_approximation", "prior_mean does not broadcast",
     lambda: bl.laplace_approximation([1, 2], 5, [0.0, 1.0, 2.0], 1.0), ValueError, "prior_mean"),
    ("laplace_kl_divergence", "points 100", lambda: bl.laplace_kl_divergence(1, 2, 0.0, 1.0, points=100), ValueError,
     "points"),
    ("laplace_kl_divergence", "heads an array", lambda: bl.laplace_kl_divergence([1, 2], 5, 0.0, 1.0), ValueError,
     "heads"),
    ("laplace_kl_divergence", "points a bool", lambda: bl.laplace_kl_divergence(1, 2, 0.0, 1.0, points=True),
     TypeError, "points"),
    ("logodds_log_posterior", "eta infinite", lambda: bl.logodds_log_posterior(INF, 1, 2, 0.0, 1.0), ValueError,
     "eta"),
    ("logodds_log_posterior", "eta does not broadcast",
     lambda: bl.logodds_log_posterior([0.0, 1.0], [1, 2, 3], 5, 0.0, 1.0), ValueError, "eta"),
    ("logodds_log_posterior", "prior_mean a string", lambda: bl.logodds_log_posterior(0.0, 1, 2, "0", 1.0),
     TypeError, "prior_mean"),
    ("logodds_map", "prior_sigma negative", lambda: bl.logodds_map(1, 2, 0.0, -1.0), ValueError, "prior_sigma"),
    ("logodds_map", "heads 2**53 + 1 > tosses 2**53", lambda: bl.logodds_map(BIG + 1, BIG, 0.0, 1.0), ValueError,
     "heads"),
    ("logodds_map", "prior_mean masked", lambda: bl.logodds_map(1, 2, MASKED, 1.0), ValueError, "prior_mean"),
    ("logodds_predictive", "tosses an array", lambda: bl.logodds_predictive(1, [2, 3], 0.0, 1.0), ValueError,
     "tosses"),
    ("logodds_predictive", "points fractional", lambda: bl.logodds_predictive(1, 2, 0.0, 1.0, points=200.5),
     ValueError, "points"),
    # regression
    ("gradient_descent", "w0 NaN", lambda: bl.gradient_descent(X_OK, Y_OK, 0.0, 0.01, 3, w0=[NAN, 0.0]), ValueError,
     "w0"),
    ("gradient_descent", "X complex", lambda: bl.gradient_descent(X_OK + 0j, Y_OK, 0.0, 0.01, 3), TypeError, "X"),
    ("gradient_descent", "no step size is stable", lambda: bl.gradient_descent([[1e200]] * 2, [1, 1], 0.0, 1e-300, 3),
     ValueError, "learning_rate"),
    ("least_squares_gradient", "X 3-D", lambda: bl.least_squares_gradient(np.ones((2, 2, 2)), [1, 1]), ValueError,
     "X"),
    ("least_squares_gradient", "rows differ", lambda: bl.least_squares_gradient(X_OK, [1.0, 2.0]), ValueError, "X"),
    ("least_squares_gradient", "X strings", lambda: bl.least_squares_gradient([["1"]], [1.0]), TypeError, "X"),
    ("map_weights", "noise_sigma an array", lambda: bl.map_weights(X_OK, Y_OK, [1.0, 2.0], 1.0), ValueError,
     "noise_sigma"),
    ("map_weights", "prior_sigma a string", lambda: bl.map_weights(X_OK, Y_OK, 1.0, "1"), TypeError, "prior_sigma"),
    ("polynomial_features", "x**degree overflows", lambda: bl.polynomial_features([1e200], 3), ValueError, "x"),
    ("polynomial_features", "x strings", lambda: bl.polynomial_features(["1"], 2), TypeError, "x"),
    ("polynomial_features", "degree irrational", lambda: bl.polynomial_features([1.0], 2**0.5), ValueError,
     "degree"),
    ("ridge_weights", "X ragged", lambda: bl.ridge_weights([[1.0], [1.0, 2.0]], [1.0, 2.0], 1.0), ValueError, "X"),
    ("ridge_weights", "y complex", lambda: bl.ridge_weights(X_OK, Y_OK + 1j, 1.0), TypeError, "y"),
    ("ridge_weights", "X masked", lambda: bl.ridge_weights(np.ma.array(X_OK, mask=X_OK == 0) * np.ma.masked, Y_OK, 1.0),
     ValueError, "X"),
    ("squared_error", "w of the wrong length", lambda: bl.squared_error([1.0, 2.0, 3.0], X_OK, Y_OK), ValueError,
     "w"),
    ("squared_error", "w a scalar", lambda: bl.squared_error(1.0, X_OK, Y_OK), ValueError, "w"),
    ("squared_error", "X complex", lambda: bl.squared_error([1.0, 2.0], X_OK * 1j, Y_OK), TypeError, "X"),
    # classification
    ("log_softmax", "logits a scalar", lambda: bl.log_softmax(1.0), ValueError, "logits"),
    ("log_softmax", "logits NaN", lambda: bl.log_softmax([0.0, NAN]), ValueError, "logits"),
    ("log_softmax", "logits complex", lambda: bl.log_softmax([0.0, 1j]), TypeError, "logits"),
    ("softmax", "no classes", lambda: bl.softmax(np.zeros((3, 0))), ValueError, "logits"),
    ("softmax", "logits strings", lambda: bl.softmax(["0", "1"]), TypeError, "logits"),
    ("softmax", "logits infinite", lambda: bl.softmax([0.0, INF]), ValueError, "logits"),
    ("softmax_cross_entropy", "zero rows", lambda: bl.softmax_cross_entropy(np.zeros((0, 3)), np.zeros((0, 3))),
     ValueError, "logits"),
    ("softmax_cross_entropy", "targets of another shape", lambda: bl.softmax_cross_entropy(LOGITS, Q3[:2]),
     ValueError, "targets"),
    ("softmax_cross_entropy_gradient", "zero rows",
     lambda: bl.softmax_cross_entropy_gradient(np.zeros((2, 0, 3)), np.zeros((2, 0, 3))), ValueError, "logits"),
    ("softmax_cross_entropy_gradient", "targets not distributions",
     lambda: bl.softmax_cross_entropy_gradient(LOGITS, Q3 * 2), ValueError, "targets"),
    ("softmax_kl_divergence", "zero rows", lambda: bl.softmax_kl_divergence(np.zeros((0, 2)), np.zeros((0, 2))),
     ValueError, "logits"),
    ("softmax_kl_divergence", "targets negative", lambda: bl.softmax_kl_divergence([[0.0, 0.0]], [[1.5, -0.5]]),
     ValueError, "targets"),
    ("smooth_labels", "labels booleans", lambda: bl.smooth_labels([True], 3, 0.1), TypeError, "labels"),
    ("smooth_labels", "a label = num_classes", lambda: bl.smooth_labels([3], 3, 0.1), ValueError, "labels"),
    ("smooth_labels", "epsilon above 1", lambda: bl.smooth_labels([0], 3, 1.5), ValueError, "epsilon"),
    ("smooth_labels", "num_classes 0", lambda: bl.smooth_labels([0], 0, 0.1), ValueError, "num_classes"),
    ("smooth_labels", "a label beyond int64", lambda: bl.smooth_labels([1e30], 3, 0.1), ValueError, "labels"),
    ("numerical_gradient", "func not callable", lambda: bl.numerical_gradient(3.0, [1.0]), TypeError, "func"),
    ("numerical_gradient", "step 0", lambda: bl.numerical_gradient(np.sum, [1.0], step=0.0), ValueError, "step"),
    ("numerical_gradient", "step an array", lambda: bl.numerical_gradient(np.sum, [1.0], step=[1e-6, 1e-6]),
     ValueError, "step"),
    ("numerical_gradient", "func returns a vector", lambda: bl.numerical_gradient(lambda x: x, [1.0, 2.0]),
     ValueError, "func"),
    ("numerical_gradient", "func returns a string", lambda: bl.numerical_gradient(lambda x: "1", [1.0]), TypeError,
     "func"),
    ("train_softmax_regression", "one class", lambda: bl.train_softmax_regression(X_OK, [0, 0, 0], 1), ValueError,
     "num_classes"),
    ("train_softmax_regression", "decay makes the step unstable",
     lambda: bl.train_softmax_regression(X_OK, [0, 1, 0], 2, learning_rate=1.0, weight_decay=5.0), ValueError,
     "learning_rate"),
    ("train_softmax_regression", "learning_rate an array",
     lambda: bl.train_softmax_regression(X_OK, [0, 1, 0], 2, learning_rate=[0.1, 0.2]), ValueError, "learning_rate"),
    ("train_softmax_regression", "eval_X without eval_labels",
     lambda: bl.train_softmax_regression(X_OK, [0, 1, 0], 2, eval_X=X_OK), ValueError, "eval_X"),
    ("train_softmax_regression", "a label out of range", lambda: bl.train_softmax_regression(X_OK, [0, 1, 2], 2),
     ValueError, "labels"),
    ("train_softmax_regression", "weight_decay an array",
     lambda: bl.train_softmax_regression(X_OK, [0, 1, 0], 2, weight_decay=[0.1]), ValueError, "weight_decay"),
    # mixup and the tiny network
    ("mixup_batch", "alpha negative", lambda: bl.mixup_batch(MOONS_X, ONE_HOT, -0.1), ValueError, "alpha"),
    ("mixup_batch", "targets of other rows", lambda: bl.mixup_batch(MOONS_X, ONE_HOT[:5], 0.2), ValueError,
     "targets"),
    ("mixup_batch", "X 1-D", lambda: bl.mixup_batch([0.0, 1.0], [[1.0, 0.0], [0.0, 1.0]], 0.2), ValueError, "X"),
    ("mixup_batch", "seed negative", lambda: bl.mixup_batch(MOONS_X, ONE_HOT, 0.2, seed=-1), ValueError, "seed"),
    ("mlp_loss_and_gradient", "parameters of the wrong shape",
     lambda: bl.mlp_loss_and_gradient(np.zeros(5), [[1.0, 2.0]], [[1.0, 0.0]], 3), ValueError, "parameters"),
    ("mlp_loss_and_gradient", "hidden 0", lambda: bl.mlp_loss_and_gradient(TINY_P, [[1.0, 2.0]], [[1.0, 0.0]], 0),
     ValueError, "hidden"),
    ("mlp_loss_and_gradient", "no rows",
     lambda: bl.mlp_loss_and_gradient(TINY_P, np.zeros((0, 2)), np.zeros((0, 2)), 3), ValueError, "X"),
    ("mlp_loss_and_gradient", "activations overflow",
     lambda: bl.mlp_loss_and_gradient(np.full(TINY_P.size, 1e200), [[1e200, 1.0]], [[1.0, 0.0]], 3), ValueError,
     "parameters"),
    ("train_tiny_mlp", "one class", lambda: bl.train_tiny_mlp(MOONS_X, np.ones((20, 1))), ValueError, "targets"),
    ("train_tiny_mlp", "hidden 0", lambda: bl.train_tiny_mlp(MOONS_X, ONE_HOT, hidden=0), ValueError, "hidden"),
    ("train_tiny_mlp", "learning_rate 0", lambda: bl.train_tiny_mlp(MOONS_X, ONE_HOT, learning_rate=0.0), ValueError,
     "learning_rate"),
    ("train_tiny_mlp", "alpha NaN", lambda: bl.train_tiny_mlp(MOONS_X, ONE_HOT, alpha=NAN), ValueError, "alpha"),
    ("train_tiny_mlps", "alphas of the wrong length", lambda: bl.train_tiny_mlps(MOONS_X, ONE_HOT[None], [0.1, 0.2]),
     ValueError, "alphas"),
    ("train_tiny_mlps", "targets 2-D", lambda: bl.train_tiny_mlps(MOONS_X, ONE_HOT, [0.1]), ValueError, "targets"),
    ("train_tiny_mlps", "alphas negative", lambda: bl.train_tiny_mlps(MOONS_X, ONE_HOT[None], [-0.1]), ValueError,
     "alphas"),
    ("probability_grid", "no predict_proba", lambda: bl.probability_grid(NoProba(), (0, 1), (0, 1)), TypeError,
     "model"),
    ("probability_grid", "xlim reversed", lambda: bl.probability_grid(MODEL, (1, 0), (0, 1)), ValueError, "xlim"),
    ("probability_grid", "resolution a number", lambda: bl.probability_grid(MODEL, (0, 1), (0, 1), resolution=5),
     TypeError, "resolution"),
    ("probability_grid", "resolution 0", lambda: bl.probability_grid(MODEL, (0, 1), (0, 1), resolution=(0, 3)),
     ValueError, "resolution"),
    ("probability_grid", "ylim spans more than the largest float",
     lambda: bl.probability_grid(MODEL, (0, 1), (-1e308, 1e308)), ValueError, "ylim"),
    ("probability_grid", "model returns strings", lambda: bl.probability_grid(StringModel(), (0, 1), (0, 1)),
     TypeError, "model"),
    ("decision_boundary", "not a grid", lambda: bl.decision_boundary(np.zeros((3, 3))), TypeError, "grid"),
    ("decision_boundary", "class_index out of range", lambda: bl.decision_boundary(GRID, class_index=5), ValueError,
     "class_index"),
    ("decision_boundary", "level 1", lambda: bl.decision_boundary(GRID, level=1.0), ValueError, "level"),
    ("decision_boundary", "level NaN", lambda: bl.decision_boundary(GRID, level=NAN), ValueError, "level"),
    # sizes beyond any array, and a w0 the gradient cannot take (found by fuzzing every argument)
    ("train_tiny_mlp", "steps 10**308 (hung)", lambda: bl.train_tiny_mlp(MOONS_X, ONE_HOT, steps=10**308), ValueError,
     "steps"),
    ("sgd", "w0 of a length grad_fn cannot take", lambda: bl.sgd(GRAD, [0.0], 0.1, 3), ValueError, "grad_fn"),
    ("coin_tosses", "tosses beyond 2**32", lambda: bl.coin_tosses(2**40, 0.5), ValueError, "tosses"),
    ("polynomial_features", "degree 2**64", lambda: bl.polynomial_features([1.0], 2**64), ValueError, "degree"),
    ("laplace_kl_divergence", "points 10**400", lambda: bl.laplace_kl_divergence(1, 2, 0.0, 1.0, points=10**400),
     ValueError, "points"),
    ("reliability_diagram", "num_bins 2**40", lambda: bl.reliability_diagram(Q3, [0] * 4, 2**40), ValueError,
     "num_bins"),
    ("probability_grid", "resolution a 0-d array",
     lambda: bl.probability_grid(MODEL, (0, 1), (0, 1), resolution=np.array(5)), TypeError, "resolution"),
    ("calibration_report", "labels for other rows", lambda: bl.calibration_report(LOGITS, [0, 1]), ValueError,
     "logits"),
    ("least_squares_gradient", "X^T X overflows", lambda: bl.least_squares_gradient([[1e200, 1.0]], [1.0]),
     ValueError, "X"),
    ("ridge_risks", "held-out features overflow", lambda: bl.ridge_risks([0.1], [0.1], [1e300], [0.2], [2], [1.0]),
     ValueError, "x_held"),
    ("decision_boundary", "class_index a bool", lambda: bl.decision_boundary(GRID, class_index=True), TypeError,
     "class_index"),
    # notebook 08: the scales (scales.py, evidence.py, heteroscedastic.py, sparsity.py)
    ("gaussian_nll", "y strings", lambda: bl.gaussian_nll(["1.0"], 0.0, 1.0), TypeError, "y"),
    ("gaussian_nll", "mean booleans", lambda: bl.gaussian_nll([1.0], [True], 1.0), TypeError, "mean"),
    ("gaussian_nll", "sigma complex", lambda: bl.gaussian_nll([1.0], 0.0, 1j), TypeError, "sigma"),
    ("gaussian_nll", "mean and sigma do not broadcast", lambda: bl.gaussian_nll([1.0], [0.0, 0.0], [1.0, 1.0, 1.0]),
     ValueError, "sigma"),
    ("gaussian_nll", "sigma 0", lambda: bl.gaussian_nll([1.0], 0.0, 0.0), ValueError, "sigma"),
    ("noise_variance_mle", "residuals whose mean square overflows", lambda: bl.noise_variance_mle([1e200, 1e200]),
     ValueError, "residuals"),
    ("noise_variance_mle", "ddof a bool", lambda: bl.noise_variance_mle([1.0, 2.0], ddof=True), TypeError, "ddof"),
    ("noise_variance_mle", "ddof 2**70", lambda: bl.noise_variance_mle([1.0, 2.0], ddof=2**70), ValueError,
     "residuals"),
    ("noise_variance_mle", "residuals a scalar", lambda: bl.noise_variance_mle(1.0), ValueError, "residuals"),
    ("noise_variance_mle", "residuals masked", lambda: bl.noise_variance_mle(MASKED), ValueError, "residuals"),
    ("temperature_scale", "z / T overflows", lambda: bl.temperature_scale([[1e10, 0.0]], 1e-300), ValueError,
     "temperature"),
    ("temperature_scale", "temperature an array", lambda: bl.temperature_scale(LOGITS8, [1.0, 2.0]), ValueError,
     "temperature"),
    ("temperature_scale", "temperature a bool", lambda: bl.temperature_scale(LOGITS8, True), TypeError,
     "temperature"),
    ("temperature_scale", "logits 1-D", lambda: bl.temperature_scale([1.0, 2.0], 1.0), ValueError, "logits"),
    ("fit_temperature", "a label beyond int64", lambda: bl.fit_temperature(LOGITS8, [0, 1e30]), ValueError, "labels"),
    ("fit_temperature", "bounds a number", lambda: bl.fit_temperature(LOGITS8, [0, 1], bounds=5.0), ValueError,
     "bounds"),
    ("fit_temperature", "bounds of three", lambda: bl.fit_temperature(LOGITS8, [0, 1], bounds=(0.1, 1.0, 2.0)),
     ValueError, "bounds"),
    ("fit_temperature", "bounds None", lambda: bl.fit_temperature(LOGITS8, [0, 1], bounds=None), TypeError, "bounds"),
    ("fit_temperature", "logits / low overflows", lambda: bl.fit_temperature([[1e308, -1e308], [0.0, 1.0]], [0, 1]),
     ValueError, "logits"),
    ("fit_temperature", "labels booleans", lambda: bl.fit_temperature(LOGITS8, [True, False]), TypeError, "labels"),
    ("log_evidence", "noise_sigma 1e200 (its square overflows)", lambda: bl.log_evidence(X8, Y8, 1e200, 1.0),
     ValueError, "noise_sigma"),
    ("log_evidence", "noise_sigma 1e-200 (its square underflows)", lambda: bl.log_evidence(X8, Y8, 1e-200, 1.0),
     ValueError, "noise_sigma"),
    ("log_evidence", "scales do not broadcast", lambda: bl.log_evidence(X8, Y8, [1.0, 2.0], [1.0, 2.0, 3.0]),
     ValueError, "prior_sigma"),
    ("log_evidence", "prior_sigma booleans", lambda: bl.log_evidence(X8, Y8, 1.0, [True]), TypeError, "prior_sigma"),
    ("log_evidence", "X whose squares overflow", lambda: bl.log_evidence(X8 * 1e200, Y8, 1.0, 1.0), ValueError, "X"),
    ("log_evidence", "tau**2 s**2 overflows", lambda: bl.log_evidence(X8 * 1e100, Y8, 1.0, 1e100), ValueError,
     "prior_sigma"),
    ("maximise_evidence", "y whose squares overflow", lambda: bl.maximise_evidence(X8, Y8 * 1e200), ValueError, "y"),
    ("maximise_evidence", "y whose squares underflow", lambda: bl.maximise_evidence(X8, Y8 * 1e-200), ValueError,
     "y"),
    ("maximise_evidence", "max_iter a bool", lambda: bl.maximise_evidence(X8, Y8, max_iter=True), TypeError,
     "max_iter"),
    ("maximise_evidence", "tol an array", lambda: bl.maximise_evidence(X8, Y8, tol=[1e-3, 1e-3]), ValueError, "tol"),
    ("maximise_evidence", "X strings", lambda: bl.maximise_evidence([["1", "2"]] * 3, [1.0, 2.0, 3.0]), TypeError,
     "X"),
    ("cross_validation_mse", "folds 1", lambda: bl.cross_validation_mse(X8, Y8, [1.0], folds=1), ValueError, "folds"),
    ("cross_validation_mse", "folds above n", lambda: bl.cross_validation_mse(X8, Y8, [1.0], folds=11), ValueError,
     "folds"),
    ("cross_validation_mse", "alphas 2-D", lambda: bl.cross_validation_mse(X8, Y8, [[1.0]]), ValueError, "alphas"),
    ("cross_validation_mse", "y whose squares overflow", lambda: bl.cross_validation_mse(X8, Y8 * 1e200, [1.0]),
     ValueError, "y"),
    ("cross_validation_mse", "folds a bool", lambda: bl.cross_validation_mse(X8, Y8, [1.0], folds=True), TypeError,
     "folds"),
    ("linear_predictive", "noise_sigma 1e200 (was OverflowError)", lambda: bl.linear_predictive(X8, Y8, X8, 1e200, 1.0),
     ValueError, "noise_sigma"),
    ("linear_predictive", "prior_sigma 1e-200 (divided by 0)", lambda: bl.linear_predictive(X8, Y8, X8, 1.0, 1e-200),
     ValueError, "prior_sigma"),
    ("linear_predictive", "X_new of other columns", lambda: bl.linear_predictive(X8, Y8, np.ones((2, 3)), 1.0, 1.0),
     ValueError, "X_new"),
    ("linear_predictive", "X_new masked",
     lambda: bl.linear_predictive(X8, Y8, np.ma.array(X8, mask=X8 > 0), 1.0, 1.0), ValueError, "X_new"),
    ("linear_predictive", "X_new whose predictions overflow",
     lambda: bl.linear_predictive(X8, Y8, X8 * 1e300, 1.0, 1.0), ValueError, "X_new"),
    ("noise_scale", "x**2 overflows", lambda: bl.noise_scale(1e200), ValueError, "x"),
    ("noise_scale", "x booleans", lambda: bl.noise_scale([True]), TypeError, "x"),
    ("noise_scale", "x a string", lambda: bl.noise_scale("1"), TypeError, "x"),
    ("heteroscedastic_data", "n 2**40", lambda: bl.heteroscedastic_data(2**40), ValueError, "n"),
    ("heteroscedastic_data", "n a bool", lambda: bl.heteroscedastic_data(True), TypeError, "n"),
    ("heteroscedastic_data", "seed a string", lambda: bl.heteroscedastic_data(5, "1"), TypeError, "seed"),
    ("heteroscedastic_mean", "x a string (was parsed)", lambda: bl.heteroscedastic_mean("0.25"), TypeError, "x"),
    ("heteroscedastic_mean", "x NaN (was returned)", lambda: bl.heteroscedastic_mean(NAN), ValueError, "x"),
    ("heteroscedastic_mean", "x booleans", lambda: bl.heteroscedastic_mean([True]), TypeError, "x"),
    ("heteroscedastic_mean", "x masked", lambda: bl.heteroscedastic_mean(MASKED), ValueError, "x"),
    ("heteroscedastic_mean", "x None", lambda: bl.heteroscedastic_mean(None), TypeError, "x"),
    ("heteroscedastic_mean", "x complex", lambda: bl.heteroscedastic_mean(1j), TypeError, "x"),
    ("rbf_features", "width an array", lambda: bl.rbf_features([0.0], [0.0], [1.0, 2.0]), ValueError, "width"),
    ("rbf_features", "centres 2-D", lambda: bl.rbf_features([0.0], [[0.0]], 1.0), ValueError, "centres"),
    ("rbf_features", "centres strings", lambda: bl.rbf_features([0.0], ["0"], 1.0), TypeError, "centres"),
    ("rbf_features", "width 0", lambda: bl.rbf_features([0.0], [0.0], 0.0), ValueError, "width"),
    ("beta_nll", "beta 2", lambda: bl.beta_nll([1.0], [0.0], [0.0], 2.0), ValueError, "beta"),
    ("beta_nll", "mean and log_variance do not broadcast", lambda: bl.beta_nll([1.0], [0.0, 0.0, 0.0], [0.0, 0.0]),
     ValueError, "log_variance"),
    ("beta_nll", "e^-s overflows", lambda: bl.beta_nll([1.0], [0.0], [-1000.0]), ValueError, "log_variance"),
    ("beta_nll", "no points", lambda: bl.beta_nll([], [], []), ValueError, "y"),
    ("beta_nll", "beta a bool", lambda: bl.beta_nll([1.0], [0.0], [0.0], True), TypeError, "beta"),
    ("beta_nll_gradient", "e^(beta s) overflows", lambda: bl.beta_nll_gradient([1.0], [0.0], [1000.0], 1.0),
     ValueError, "log_variance"),
    ("beta_nll_gradient", "residuals overflow", lambda: bl.beta_nll_gradient([1e308], [-1e308], [0.0]), ValueError,
     "y"),
    ("beta_nll_gradient", "beta a string", lambda: bl.beta_nll_gradient([1.0], [0.0], [0.0], "0"), TypeError, "beta"),
    ("beta_nll_gradient", "mean and log_variance do not broadcast",
     lambda: bl.beta_nll_gradient([1.0], [0.0, 0.0, 0.0], [0.0, 0.0]), ValueError, "mean"),
    ("fit_heteroscedastic", "steps 10**308 (hung)", lambda: bl.fit_heteroscedastic(PHI8, np.arange(5.0), steps=10**308),
     ValueError, "steps"),
    ("fit_heteroscedastic", "learning_rate that diverges",
     lambda: bl.fit_heteroscedastic(PHI8, np.arange(5.0), steps=50, learning_rate=1e300), ValueError,
     "learning_rate"),
    ("fit_heteroscedastic", "y constant (log 0)", lambda: bl.fit_heteroscedastic(PHI8, np.ones(5), steps=5),
     ValueError, "y"),
    ("fit_heteroscedastic", "features whose squares overflow",
     lambda: bl.fit_heteroscedastic(PHI8 * 1e300, np.arange(5.0), steps=5), ValueError, "features"),
    ("fit_heteroscedastic", "features of other rows", lambda: bl.fit_heteroscedastic(PHI8, np.arange(4.0)), ValueError,
     "features"),
    ("fit_heteroscedastic", "steps a bool", lambda: bl.fit_heteroscedastic(PHI8, np.arange(5.0), steps=True),
     TypeError, "steps"),
    ("HeteroscedasticFit", "predict at strings (were parsed)", lambda: FIT8.predict([["1", "2"]]), TypeError,
     "features"),
    ("HeteroscedasticFit", "predict at other columns", lambda: FIT8.predict(np.ones((3, 3))), ValueError, "features"),
    ("HeteroscedasticFit", "predict at NaN (was returned)", lambda: FIT8.predict([[NAN, 1.0]]), ValueError,
     "features"),
    ("HeteroscedasticFit", "predict where the sd overflows",
     lambda: bl.HeteroscedasticFit(np.ones(2), np.ones(2)).predict([[1e300, 1.0]]), ValueError, "features"),
    ("HeteroscedasticFit", "constructed from strings", lambda: bl.HeteroscedasticFit("a", "b").predict([[1.0, 1.0]]),
     TypeError, "mean_weights"),
    ("interval_coverage", "level 1", lambda: bl.interval_coverage([0.0], 0.0, 1.0, 1.0), ValueError, "level"),
    ("interval_coverage", "no points (was a NaN)", lambda: bl.interval_coverage([], 0.0, 1.0), ValueError, "y"),
    ("interval_coverage", "mean and sigma do not broadcast", lambda: bl.interval_coverage([0.0], [0.0] * 3, [1.0] * 2),
     ValueError, "sigma"),
    ("interval_coverage", "level an array", lambda: bl.interval_coverage([0.0], 0.0, 1.0, [0.5, 0.9]), ValueError,
     "level"),
    ("laplace_log_prior", "scale an array", lambda: bl.laplace_log_prior([0.0], [1.0, 2.0]), ValueError, "scale"),
    ("laplace_log_prior", "w strings", lambda: bl.laplace_log_prior(["0"], 1.0), TypeError, "w"),
    ("laplace_log_prior", "scale 0", lambda: bl.laplace_log_prior([0.0], 0.0), ValueError, "scale"),
    ("soft_threshold", "threshold negative", lambda: bl.soft_threshold([1.0], -1.0), ValueError, "threshold"),
    ("soft_threshold", "shapes do not broadcast", lambda: bl.soft_threshold([1.0, 2.0], [1.0, 2.0, 3.0]), ValueError,
     "threshold"),
    ("soft_threshold", "z booleans", lambda: bl.soft_threshold([True], 1.0), TypeError, "z"),
    ("soft_threshold", "threshold infinite", lambda: bl.soft_threshold([1.0], INF), ValueError, "threshold"),
    ("lasso_weights", "tol 1e-300 (hung)", lambda: bl.lasso_weights(X8, Y8, 1e-3, tol=1e-300, max_iter=10**12),
     ValueError, "tol"),
    ("lasso_weights", "X whose squares overflow", lambda: bl.lasso_weights(X8 * 1e200, Y8, 1.0), ValueError, "X"),
    ("lasso_weights", "w0 of the wrong length", lambda: bl.lasso_weights(X8, Y8, 1.0, w0=[0.0]), ValueError, "w0"),
    ("lasso_weights", "alpha negative", lambda: bl.lasso_weights(X8, Y8, -1.0), ValueError, "alpha"),
    ("lasso_weights", "y whose squares overflow", lambda: bl.lasso_weights(X8, Y8 * 1e300, 1.0), ValueError, "y"),
    ("laplace_map_weights", "noise_sigma 1e200 (was OverflowError)",
     lambda: bl.laplace_map_weights(X8, Y8, 1e200, 1.0), ValueError, "noise_sigma"),
    ("laplace_map_weights", "prior_scale subnormal (named alpha)", lambda: bl.laplace_map_weights(X8, Y8, 1.0, 1e-310),
     ValueError, "prior_scale"),
    ("laplace_map_weights", "prior_scale a string", lambda: bl.laplace_map_weights(X8, Y8, 1.0, "1"), TypeError,
     "prior_scale"),
    ("laplace_map_weights", "w0 booleans", lambda: bl.laplace_map_weights(X8, Y8, 1.0, 1.0, w0=[True, False]),
     TypeError, "w0"),
    ("sparse_regression_data", "n 2**40", lambda: bl.sparse_regression_data(2**40, [1.0]), ValueError, "n"),
    ("sparse_regression_data", "n * d beyond 2**32", lambda: bl.sparse_regression_data(2**20, np.zeros(2**20)),
     ValueError, "weights"),
    ("sparse_regression_data", "weights that overflow", lambda: bl.sparse_regression_data(50, [1e308, 1e308]),
     ValueError, "weights"),
    ("sparse_regression_data", "noise_sigma that overflows",
     lambda: bl.sparse_regression_data(50, [1.0], noise_sigma=1e308), ValueError, "noise_sigma"),
    ("sparse_regression_data", "weights a scalar", lambda: bl.sparse_regression_data(5, 1.0), ValueError, "weights"),
]


def _quiet(call):
    """``call()`` within the time limit, with RuntimeWarnings raised as errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        return within(call)


@pytest.mark.parametrize(("call", "exc", "name"), [row[2:] for row in HOSTILE],
                         ids=[f"{row[0]}: {row[1]}" for row in HOSTILE])
def test_hostile_input_raises_the_exact_type_and_names_the_argument(call, exc, name):
    with pytest.raises(Exception) as info:
        _quiet(call)
    assert type(info.value) is exc, f"{type(info.value).__name__}: {info.value}"
    assert type(info.value) is not Hang
    assert re.search(rf"\b{name}\b", str(info.value)), str(info.value)


def test_the_table_is_large_distinct_and_covers_every_public_function():
    """At least 150 distinct bad inputs, and at least two for every public function."""
    assert len(HOSTILE) >= 150
    assert len({(row[0], row[1]) for row in HOSTILE}) == len(HOSTILE)
    counts = {name: sum(row[0] == name for row in HOSTILE) for name in bl.__all__}
    assert {name for name, n in counts.items() if n < 2} == set()
    assert {row[0] for row in HOSTILE} <= set(bl.__all__)


def test_the_time_limit_stops_a_spinning_loop():
    """The guard itself: a loop that never ends fails with Hang after the limit."""
    def spin():
        while True:
            pass

    start = time.perf_counter()
    with pytest.raises(Hang):
        within(spin, seconds=0.2)
    assert time.perf_counter() - start < 5.0


# --- valid but extreme input: the right number, from a reference we did not write -------------
def _logodds_root(k, n, mu, tau, start):
    """The MAP of the log-odds posterior by mpmath, at 60 digits."""
    with mpmath.workdps(60):
        k, n, mu, tau = (mpmath.mpf(x) for x in (k, n, mu, tau))

        def gradient(eta):
            return k / (1 + mpmath.exp(eta)) - (n - k) / (1 + mpmath.exp(-eta)) - (eta - mu) / tau**2

        return float(mpmath.findroot(gradient, mpmath.mpf(start), tol=mpmath.mpf(10) ** -40))


def _beta_log_density(theta, a, b):
    with mpmath.workdps(400):
        a, b, t = mpmath.mpf(a), mpmath.mpf(b), mpmath.mpf(theta)
        return float((a - 1) * mpmath.log(t) + (b - 1) * mpmath.log(1 - t) - mpmath.log(mpmath.beta(a, b)))


def _norm_log_pdf(y, mean, sigma):
    with mpmath.workdps(50):
        y, mean, sigma = (mpmath.mpf(float(x)) for x in (y, mean, sigma))
        return float(-mpmath.log(sigma) - mpmath.log(2 * mpmath.pi) / 2 - ((y - mean) / sigma) ** 2 / 2)


def _sin_2_pi(x):
    with mpmath.workdps(40):
        return float(mpmath.sin(2 * mpmath.pi * mpmath.mpf(x)))


def _float32_softmax():
    return special.softmax(np.random.default_rng(0).standard_normal((8, 10)).astype(np.float32), axis=-1)


#: (what, the call, a function of the result that must be True, the reference's reading)
EXTREME = [
    ("gaussian_log_likelihood, sigma 1e-200", lambda: bl.gaussian_log_likelihood([0.0], 0.0, 1e-200),
     lambda got: got == pytest.approx(_norm_log_pdf(0.0, 0.0, 1e-200), rel=1e-15)),
    ("gaussian_log_likelihood, sigma 1e300 far from the data",
     lambda: bl.gaussian_log_likelihood([1e308, -1e308], 0.0, 1e300),
     lambda got: got == pytest.approx(_norm_log_pdf(1e308, 0, 1e300) + _norm_log_pdf(-1e308, 0, 1e300), rel=1e-14)),
    ("gaussian_log_likelihood, a density below the smallest float",
     lambda: bl.gaussian_log_likelihood([1.0, -1.0], 0.0, 1e-300), lambda got: got == -INF),
    ("beta_bernoulli_map, a = b = 1e308", lambda: bl.beta_bernoulli_map(0, 0, 1e308, 1e308), lambda got: got == 0.5),
    ("beta_bernoulli_map, 1e18 tosses", lambda: bl.beta_bernoulli_map(3 * 10**17, 10**18, 2.0, 2.0),
     lambda got: got == pytest.approx(float(Fraction(3 * 10**17 + 1, 10**18 + 2)), rel=1e-15)),
    ("beta_bernoulli_predictive, a = b = 1e308", lambda: bl.beta_bernoulli_predictive(0, 0, 1e308, 1e308),
     lambda got: got == 0.5),
    ("beta_log_prior, a = b = 1e300", lambda: bl.beta_log_prior(0.5, 1e300, 1e300),
     lambda got: got == pytest.approx(_beta_log_density(0.5, 1e300, 1e300), rel=1e-14)),
    ("beta_log_prior, a = 3e5, b = 1e5", lambda: bl.beta_log_prior(0.75, 3e5, 1e5),
     lambda got: got == pytest.approx(_beta_log_density(0.75, 3e5, 1e5), rel=1e-12)),
    ("gaussian_mean_posterior, prior scale 1e-200",
     lambda: bl.gaussian_mean_posterior([1.0], 1.0, 0.0, 1e-200).args, lambda got: got == (0.0, 1e-200)),
    ("gaussian_mean_posterior, noise scale 1e-200",
     lambda: bl.gaussian_mean_posterior([1.0, 3.0], 1e-200, 0.0, 1.0).args,
     lambda got: got[0] == 2.0 and got[1] == pytest.approx(1e-200 / math.sqrt(2), rel=1e-15)),
    ("gaussian_mean_posterior, a scale below the smallest float",
     lambda: bl.gaussian_mean_posterior([1.0] * 4, 5e-324, 0.0, 1.0).args, lambda got: got == (1.0, 5e-324)),
    ("gaussian_mean_map, data near 1e308", lambda: bl.gaussian_mean_map([1e308, 1e308], 1.0, 0.0, 1e300),
     lambda got: got == pytest.approx(1e308, rel=1e-15)),
    ("gaussian_log_prior, z-score 2e8 from huge w and mean", lambda: bl.gaussian_log_prior(1e308, 1e300, -1e308),
     lambda got: got == pytest.approx(_norm_log_pdf(1e308, -1e308, 1e300), rel=1e-15)),
    ("grid_posterior, log values near 1e308", lambda: bl.grid_posterior([1e308, 1e308], [1e308, 0.0]).tolist(),
     lambda got: got == [1.0, 0.0]),
    ("ridge_weights, X = 1e200", lambda: bl.ridge_weights([[1e200]] * 2, [1, 1], 1),
     lambda got: got[0] == pytest.approx(float(Fraction(2 * 10**200, 2 * 10**400 + 1)), rel=1e-14)),
    ("map_weights, prior infinitely strong", lambda: bl.map_weights([[1.0]] * 2, [1.0, 3.0], 1e200, 1e-200),
     lambda got: got.tolist() == [0.0]),
    ("logodds_map, 1e18 heads of 1e18", lambda: bl.logodds_map(1e18, 1e18, 0, 10),
     lambda got: got == pytest.approx(_logodds_root(10**18, 10**18, 0, 10, got), rel=1e-13)),
    ("logodds_map, all heads under a prior scale of 1e300", lambda: bl.logodds_map(10, 10, 0.0, 1e300),
     lambda got: got == pytest.approx(_logodds_root(10, 10, 0, 1e300, got), rel=1e-13)),
    ("logodds_map, all tails under a prior scale of 1e300", lambda: bl.logodds_map(0, 10, 0.0, 1e300),
     lambda got: got == pytest.approx(-_logodds_root(10, 10, 0, 1e300, -got), rel=1e-13)),
    ("laplace_kl_divergence, prior scale 1e-156 (hung)", lambda: bl.laplace_kl_divergence(5, 10, 0, 1e-156),
     lambda got: 0.0 <= got < 1e-12),
    ("logodds_predictive, prior scale 1e-158 (hung)", lambda: bl.logodds_predictive(5, 10, 0, 1e-158),
     lambda got: got == pytest.approx(0.5, abs=1e-15)),
    ("logodds_predictive, prior scale 1e-156 about 5", lambda: bl.logodds_predictive(5, 10, 5.0, 1e-156),
     lambda got: got == pytest.approx(special.expit(5.0), rel=1e-14)),
    ("expected_squared_error, 3,000 weights", lambda: bl.expected_squared_error(np.zeros(3000)),
     lambda got: got == pytest.approx(0.25**2 + 0.5, rel=1e-15)),
    ("entropy, float32 softmax output", lambda: bl.entropy(_float32_softmax()),
     lambda got: got.dtype == np.float32 and np.allclose(got, stats.entropy(_float32_softmax(), axis=-1), rtol=1e-5)),
    ("empirical_risk, losses near 1e308", lambda: bl.empirical_risk([1e308, 1e308, 1e308]),
     lambda got: got == 1e308),
    ("standard_error, losses near 1e308", lambda: bl.standard_error([1e308, -1e308, 1e308, -1e308]),
     lambda got: got == pytest.approx(float(mpmath.sqrt(mpmath.mpf(4) / 3 * mpmath.mpf(1e308) ** 2) / 2), rel=1e-15)),
    ("mixture_moments, means near 1e308", lambda: bl.mixture_moments([0.5, 0.5], [1e308, -1e308], [1e300, 1e300]),
     lambda got: got[0] == 0.0 and got[1] == pytest.approx(math.hypot(1e308, 1e300), rel=1e-15)),
    ("mixture_log_pdf, a z-score of 2e8", lambda: bl.mixture_log_pdf(1e308, [1.0], [-1e308], [1e300]),
     lambda got: got == pytest.approx(_norm_log_pdf(1e308, -1e308, 1e300), rel=1e-15)),
    ("bernoulli_log_likelihood, 1e18 tosses", lambda: bl.bernoulli_log_likelihood(0.25, 10**17, 10**18),
     lambda got: got == pytest.approx(float(10**17 * mpmath.log(0.25) + 9 * 10**17 * mpmath.log(0.75)), rel=1e-15)),
    ("true_function, x = 1e308", lambda: bl.true_function(1e308), lambda got: got == 0.0),
    ("true_function, x = 1e5 + 0.3", lambda: bl.true_function(1e5 + 0.3),
     lambda got: got == pytest.approx(_sin_2_pi(1e5 + 0.3), rel=1e-15)),
    ("entropy, base 10**400", lambda: bl.entropy([0.5, 0.5], base=10**400),
     lambda got: got == pytest.approx(math.log(2) / (400 * math.log(10)), rel=1e-15)),
    ("expected_squared_error, noise_sigma 1e200", lambda: bl.expected_squared_error([0.0], 1e200),
     lambda got: got == np.inf),
    ("expected_squared_error, weights near 1e300", lambda: bl.expected_squared_error([1e300, -1e300]),
     lambda got: got == np.inf),
    ("ridge_risks, targets near 1e300: infinite losses, never NaN",
     lambda: bl.ridge_risks([0.1, 0.5, 0.9], [0.0, 1e300, 0.0], [0.2, 0.7], [0.5, -0.5], [1, 2], [0.1, 1.0]),
     lambda got: all((np.asarray(part) == np.inf).all() for part in got[:3])),
    ("coin_heads, 2**62 tosses", lambda: bl.coin_heads(2**62, 0.5),
     lambda got: abs(got - 2**61) < 10 * 2**30),
    # notebook 08
    ("gaussian_nll, sigma 1e-200", lambda: bl.gaussian_nll([0.0, 1e-200], 0.0, 1e-200),
     lambda got: got == pytest.approx(-_norm_log_pdf(0.0, 0.0, 1e-200) - _norm_log_pdf(1e-200, 0.0, 1e-200),
                                      rel=1e-15)),
    ("gaussian_nll, sigma 1e200 between data near +-1e308", lambda: bl.gaussian_nll([1e308, -1e308], 0.0, 1e200),
     lambda got: got == pytest.approx(-_norm_log_pdf(1e308, 0, 1e200) - _norm_log_pdf(-1e308, 0, 1e200), rel=1e-14)),
    ("gaussian_nll, a z-score of 2e308: +inf, never NaN", lambda: bl.gaussian_nll([1e308], -1e308, 1.0),
     lambda got: got == INF),
    ("noise_variance_mle, residuals 1e154 (r @ r overflows, the mean square does not)",
     lambda: bl.noise_variance_mle([1e154] * 4),
     lambda got: got == pytest.approx(float(Fraction(1e154) ** 2), rel=1e-15)),
    ("soft_threshold, values and threshold near 1e308", lambda: bl.soft_threshold([1.5e308, -1e308, -1.7e308], 1e308),
     lambda got: got.tolist() == [float(Fraction(1.5e308) - Fraction(1e308)), 0.0,
                                  float(Fraction(-1.7e308) + Fraction(1e308))]),
    ("soft_threshold, threshold 0 keeps the largest float", lambda: bl.soft_threshold(-1.7976931348623157e308, 0.0),
     lambda got: got == -1.7976931348623157e308),
    ("log_evidence, scales 1e100 against scipy's multivariate normal",
     lambda: bl.log_evidence(X8, Y8, 1e100, [1e100, 3e100]),
     lambda got: np.allclose(got, [stats.multivariate_normal(np.zeros(10), 1e200 * np.eye(10) + t * t * X8 @ X8.T)
                                   .logpdf(Y8) for t in (1e100, 3e100)], rtol=1e-13, atol=0)),
    ("log_evidence, scales 1e-100 against scipy's multivariate normal",
     lambda: bl.log_evidence(X8 * 1e-100, Y8 * 1e-100, 1e-100, 2.0),
     lambda got: got == pytest.approx(stats.multivariate_normal(
         np.zeros(10), 1e-200 * np.eye(10) + 4.0 * (X8 * 1e-100) @ (X8 * 1e-100).T).logpdf(Y8 * 1e-100), rel=1e-13)),
    ("temperature_scale, logits +-1e308 at T = 2 keep a distribution",
     lambda: bl.softmax(bl.temperature_scale([[1e308, -1e308, 0.0]], 2.0)),
     lambda got: got.tolist() == [[1.0, 0.0, 0.0]]),
    ("temperature_scale, T = 1e-300", lambda: bl.temperature_scale([[1e-10, -3e-10]], 1e-300),
     lambda got: got.tolist() == [[1e-10 / 1e-300, -3e-10 / 1e-300]]),
    ("laplace_log_prior, scale 1e308 against scipy", lambda: bl.laplace_log_prior([1.0, -1e300], 1e308),
     lambda got: got == pytest.approx(stats.laplace.logpdf([1.0, -1e300], scale=1e308).sum(), rel=1e-15)),
    ("laplace_log_prior, |w| / b beyond the largest float: -inf", lambda: bl.laplace_log_prior([1.0], 1e-310),
     lambda got: got == -INF),
    ("heteroscedastic_mean, x = 2**31 + 1/4", lambda: bl.heteroscedastic_mean(2.0**31 + 0.25),
     lambda got: got == pytest.approx(float(mpmath.sin(mpmath.pi / 2) + mpmath.sin(3 * mpmath.pi / 2) / 2),
                                      abs=1e-15)),
    ("heteroscedastic_mean, x = 1e308 (a whole number)", lambda: bl.heteroscedastic_mean(1e308),
     lambda got: got == 0.0),
    ("rbf_features, a distance beyond the largest float", lambda: bl.rbf_features([1e308], [-1e308, 1e308], 1.0),
     lambda got: got.tolist() == [[1.0, 0.0, 1.0]]),
    ("interval_coverage, |y - mean| = 2e308 against 1.64e308", lambda: bl.interval_coverage([1e308], -1e308, 1e308),
     lambda got: got == 0.0),
    ("interval_coverage, z sigma beyond the largest float",
     lambda: bl.interval_coverage([1e308], -1e308, 1.7e308, 0.99), lambda got: got == 1.0),
]


@pytest.mark.parametrize(("call", "check"), [row[1:] for row in EXTREME], ids=[row[0] for row in EXTREME])
def test_extreme_but_valid_input_gives_the_right_number(call, check):
    assert check(_quiet(call))
