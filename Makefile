# bayeslearn — every entry point builds .venv from nothing on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# make test-oldest: a second environment with every runtime dependency at its declared lower bound.
OLDEST := .venv-oldest
OLDEST_STAMP := $(OLDEST)/.installed
PORT   ?=
# MathJax 2 for make site (and the site test): Debian's libjs-mathjax, or any MathJax 2 folder
# given as MATHJAX_DIR=... (e.g. on macOS).
MATHJAX_DIR ?= /usr/share/javascript/mathjax
MATHJAX := $(MATHJAX_DIR)/MathJax.js
export BAYESLEARN_MATHJAX := $(MATHJAX_DIR)
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# make test-portable and make test-oldest run nbval over the English notebooks only: a Korean
# notebook's code is its English twin's (tests/test_korean_edition.py), so the numerics under
# other configurations are covered; make test runs nbval over both editions.
ENGLISH_ONLY := --ignore=notebooks/ko --ignore=solutions/ko
# Debian's Chromium, where the browser tests look for it (tests/browser/conftest.py).
CHROMIUM := /usr/bin/chromium
# A Hangul font (Debian's fonts-nanum), so that Chromium draws the Korean glossary
# (tests/browser/test_korean.py) and matplotlib the Korean notebooks' figures (bayeslearn.plotting
# falls back to it from DejaVu Sans; tests/test_hangul_figures.py).
HANGUL_FONT := /usr/share/fonts/truetype/nanum/NanumGothic.ttf
# apt-get install, through sudo unless we are root.
APT_INSTALL = SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get update && $$SUDO apt-get install -y

.PHONY: lab notebook test test-portable test-oldest notebooks test-browser app bench site clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (bayeslearn)"
	$(BIN)/python tools/quiet_lab.py
	touch $(STAMP)

# Debian's MathJax 2 and Chromium, each installed if missing.
$(MATHJAX):
	$(APT_INSTALL) libjs-mathjax

$(CHROMIUM):
	$(APT_INSTALL) chromium

$(HANGUL_FONT):
	$(APT_INSTALL) fonts-nanum

## make lab: JupyterLab on notebooks/, bound to 127.0.0.1, on the first free port from 8888 (or
## PORT=N); prints the URL with its token once the server answers, and opens a browser where
## there is a display. It opens on 00_start_here.ipynb, whose first line links the Korean
## edition's start page (ko/00_start_here.ipynb), so both editions are one click away.
lab: $(STAMP)
	@$(BIN)/python tools/serve.py lab $(if $(PORT),--port $(PORT)) --root notebooks --open 00_start_here.ipynb

## make notebook: Notebook 7 on notebooks/, with the same rules as make lab.
notebook: $(STAMP)
	@$(BIN)/python tools/serve.py notebook $(if $(PORT),--port $(PORT)) --root notebooks --open 00_start_here.ipynb

## make app: the notebooks as apps with Voila, with the same rules as make lab.
app: $(STAMP)
	@$(BIN)/python tools/serve.py voila $(if $(PORT),--port $(PORT)) --root notebooks

## make test: ruff, mypy over src/, unit + property + doctest + widget sweeps + site, then nbval over the
## notebooks and their solutions, the Korean edition (notebooks/ko, solutions/ko) included.
test: $(STAMP) $(MATHJAX) $(HANGUL_FONT)
	$(BIN)/ruff check src tests notebooks solutions benchmarks tools
	$(BIN)/mypy
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest $(NBVAL) notebooks solutions

## make test-portable: nbval over the notebooks and solutions under numeric configurations
## other than this machine's default (numpy SIMD dispatch, OpenBLAS kernel, one BLAS thread),
## so that no stored output depends on the CPU (tools/portable.py says which ran).
test-portable: $(STAMP)
	$(BIN)/python tools/portable.py -- $(BIN)/python -m pytest $(NBVAL) -q -p no:randomly notebooks solutions \
		$(ENGLISH_ONLY)

$(OLDEST_STAMP): pyproject.toml tools/oldest.py
	rm -rf $(OLDEST)
	$(PYTHON) -m venv $(OLDEST)
	$(OLDEST)/bin/python -m pip install --upgrade pip
	$(OLDEST)/bin/python tools/oldest.py > $(OLDEST)/constraints.txt
	$(OLDEST)/bin/python -m pip install -c $(OLDEST)/constraints.txt -e ".[test]"
	$(OLDEST)/bin/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (bayeslearn, oldest)"
	touch $(OLDEST_STAMP)

## make test-oldest: the unit tests and nbval with every runtime dependency pinned to the lower
## bound pyproject.toml declares (tools/oldest.py writes the pins), in .venv-oldest.
test-oldest: $(OLDEST_STAMP) $(MATHJAX)
	$(OLDEST)/bin/python tools/oldest.py --check
	$(OLDEST)/bin/python -m pytest -q -p no:randomly
	$(OLDEST)/bin/python -m pytest $(NBVAL) -q -p no:randomly notebooks solutions $(ENGLISH_ONLY)

## make notebooks: re-execute every notebook and solution in place, strip metadata.widgets; then
## build the Korean edition from translations/ko (tools/translate.py build, which stops on a
## missing or stale translation) and execute notebooks/ko and solutions/ko the same way.
notebooks: $(STAMP) $(HANGUL_FONT)
	$(BIN)/python tools/execute_notebooks.py notebooks/*.ipynb solutions/*.ipynb
	$(BIN)/python tools/translate.py build
	$(BIN)/python tools/execute_notebooks.py notebooks/ko/*.ipynb solutions/ko/*.ipynb

## make site: static HTML of every notebook and solution, from their stored outputs, in build/site/,
## and of the Korean edition and glossary in build/site/ko/.
site: $(STAMP) $(MATHJAX)
	$(BIN)/python tools/build_site.py build/site

## make test-browser: JupyterLab, Notebook 7 and Voila in Debian's Chromium, driven by Playwright.
test-browser: $(STAMP) $(CHROMIUM) $(HANGUL_FONT)
	$(BIN)/python -m pytest -m browser tests/browser -p no:randomly

## make bench: ratio benchmarks, printed as a table.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(OLDEST) build .pytest_cache .ruff_cache .hypothesis
