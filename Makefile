# bayeslearn — every entry point builds .venv from nothing on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
# MathJax 2 for make site (and the site test): Debian's libjs-mathjax, or any MathJax 2 folder
# given as MATHJAX_DIR=... (e.g. on macOS).
MATHJAX_DIR ?= /usr/share/javascript/mathjax
MATHJAX := $(MATHJAX_DIR)/MathJax.js
export BAYESLEARN_MATHJAX := $(MATHJAX_DIR)
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# Debian's Chromium, where the browser tests look for it (tests/browser/conftest.py).
CHROMIUM := /usr/bin/chromium
# apt-get install, through sudo unless we are root.
APT_INSTALL = SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get update && $$SUDO apt-get install -y

.PHONY: lab notebook test notebooks test-browser app bench site clean

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

## make lab: JupyterLab on notebooks/, bound to 127.0.0.1; prints the URL with its token.
lab: $(STAMP)
	@$(BIN)/python tools/serve.py lab --port $(PORT) --root notebooks

## make notebook: Notebook 7 on notebooks/, bound to 127.0.0.1; prints the URL with its token.
notebook: $(STAMP)
	@$(BIN)/python tools/serve.py notebook --port $(PORT) --root notebooks

## make app: the notebooks as apps with Voila, bound to 127.0.0.1.
app: $(STAMP)
	@$(BIN)/python tools/serve.py voila --port $(PORT) --root notebooks

## make test: ruff, unit + property + doctest + widget sweeps + site, then nbval over the
## notebooks and their solutions.
test: $(STAMP) $(MATHJAX)
	$(BIN)/ruff check src tests notebooks solutions benchmarks tools
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest $(NBVAL) notebooks solutions

## make notebooks: re-execute every notebook and solution in place, strip metadata.widgets.
notebooks: $(STAMP)
	$(BIN)/python tools/execute_notebooks.py notebooks/*.ipynb solutions/*.ipynb

## make site: static HTML of every notebook and solution, from their stored outputs, in build/site/.
site: $(STAMP) $(MATHJAX)
	$(BIN)/python tools/build_site.py build/site

## make test-browser: JupyterLab, Notebook 7 and Voila in Debian's Chromium, driven by Playwright.
test-browser: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest -m browser tests/browser -p no:randomly

## make bench: ratio benchmarks, printed as a table.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache .hypothesis
