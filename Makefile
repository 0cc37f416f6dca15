# cjm: `make demo` and `make test` are the whole set-up on a fresh machine (Python 3.11 and make).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NODE_DIR := tests/node
OUT ?= out

.PHONY: help install install-test system node demo test lint typecheck pytest fuzz golden schema docs catalogues templates bench screenshots dist clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/cjm: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

install: $(BIN)/cjm ## Create .venv with cjm installed in it

$(VENV)/.test-installed: $(BIN)/cjm pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install-test: $(VENV)/.test-installed ## Install cjm with its test tools into .venv

system: ## Install Graphviz, rsvg-convert, Chromium, pdftotext, LaTeX and fonts (Latin, Arabic, CJK) from Debian's packages when missing (needs root)
	@missing=""; \
	command -v dot >/dev/null || missing="$$missing graphviz"; \
	command -v rsvg-convert >/dev/null || missing="$$missing librsvg2-bin"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || missing="$$missing fonts-wqy-zenhei"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "please install:$$missing (sudo apt-get install$$missing)"; exit 1; fi; \
	  echo "installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing fonts-liberation >/dev/null; \
	fi
	@# LaTeX for the Sphinx PDF test: Sphinx's list without recommends (about 100 MB, 1.5 minutes on Debian 12)
	@command -v latexmk >/dev/null || { \
	  if [ "$$(id -u)" != 0 ]; then echo "please install latexmk and TeX Live (see the Makefile's system target)"; exit 1; fi; \
	  echo "installing latexmk and TeX Live"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  --no-install-recommends latexmk texlive-latex-recommended texlive-fonts-recommended texlive-latex-extra tex-gyre >/dev/null; }

graphviz: ## Install what the pictures need when missing: Graphviz, rsvg-convert, DejaVu fonts (needs root)
	@missing=""; \
	command -v dot >/dev/null || missing="$$missing graphviz"; \
	command -v rsvg-convert >/dev/null || missing="$$missing librsvg2-bin"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "please install:$$missing (sudo apt-get install$$missing)"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

$(NODE_DIR)/node_modules/.installed: $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	@# A node_modules linked to another checkout's install is used as it is: `npm ci` would empty that install.
	@if [ -L $(NODE_DIR)/node_modules ]; then echo "$(NODE_DIR)/node_modules is a link: used as it is"; exit 0; fi; \
	command -v npm >/dev/null && node -e 'process.exit(process.versions.node.split(".")[0] < 20 ? 1 : 0)' || { \
	  echo "please install Node.js 20 or later with npm (mermaid-cli 11 and yaml-language-server 1 need it)"; exit 1; }; \
	echo "cd $(NODE_DIR) && npm ci"; (cd $(NODE_DIR) && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund) && touch $@

node: $(NODE_DIR)/node_modules/.installed ## Install mermaid-cli, yaml-language-server and axe-core into tests/node (npm ci)

demo: install graphviz ## Validate and build every example into out/
	$(BIN)/cjm validate examples/
	$(BIN)/cjm build examples/ -o $(OUT)

test: install-test system node ## Lint, type-check and run the whole test suite
	$(MAKE) --no-print-directory lint typecheck pytest

lint: install-test ## Ruff lint and format check
	$(BIN)/ruff check cjm tests
	$(BIN)/ruff format --check cjm tests

typecheck: install-test ## mypy --strict on the package
	$(BIN)/mypy

pytest: install-test ## Run pytest only
	$(BIN)/pytest

fuzz: install-test ## Mutate the examples with Hypothesis for much longer than CI, with a random seed (FUZZ_EXAMPLES=20000)
	CJM_FUZZ_RANDOM=1 CJM_FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-20000} $(BIN)/pytest tests/test_fuzz.py -q -x -k never_crash

golden: install-test ## Rewrite the golden files after a deliberate change
	$(BIN)/pytest --update-golden -q

schema: install ## Regenerate schemas/journey.schema.json
	$(BIN)/cjm schema > schemas/journey.schema.json

docs: schema ## Regenerate the generated docs pages (format reference, diagnostic codes)
	$(BIN)/cjm schema --output-format md > docs/format.md
	$(BIN)/cjm rules --lang en --output-format md > docs/rules.md

catalogues: install-test ## Extract messages into cjm/locales/*/LC_MESSAGES/cjm.po and compile the complete ones (NEW_LANGUAGE=xx starts one)
	$(BIN)/python tests/catalogue.py $(NEW_LANGUAGE)
	$(BIN)/python -m cjm.cldr

templates: install ## Compile the HTML page's templates ahead of time into cjm/templates/compiled/ (after editing a template)
	$(BIN)/python -m cjm.renderers.html_templates

bench: install system node ## Measure every speed target against its anchor and print PASS or FAIL
	$(BIN)/python tests/bench.py

screenshots: install system node ## Rewrite the README screenshots in docs/images/ (headless Chromium, mermaid-cli)
	$(BIN)/python tests/screenshots.py

dist: install ## Build the wheel into dist/ (pip install "dist/cjm_journeys-0.1.0-py3-none-any.whl[mkdocs]")
	rm -f dist/cjm_journeys-*.whl
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .

clean: ## Remove the virtual environment, caches and built files
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache $(NODE_DIR)/node_modules
