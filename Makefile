# framing: `make report` and `make test` set themselves up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SIZES  ?= 100,1000,10000,100000
SOAK_RUNS ?= 20
# `make test` runs the suite on this many worker processes (pytest-xdist); 0 runs it in one process, as plain pytest
TEST_WORKERS ?= 2
# JupyterLab refuses to start as root (as in many containers) unless told it may.
LAB_FLAGS := $(if $(filter 0,$(shell id -u)),--allow-root)

.DEFAULT_GOAL := help
.PHONY: help setup report build test browser fonts lab bench soak clean

help:  ## list the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@echo "setting up $(VENV) (first run only; log in $(VENV)/install.log)"
	@$(PYTHON) -m venv $(VENV)
	@echo "  1/2 upgrading pip"
	@$(BIN)/pip install --quiet --upgrade pip > $(VENV)/install.log 2>&1
	@echo "  2/2 installing framing and its dependencies at the versions in constraints.txt (a few minutes; to follow: tail -f $(VENV)/install.log)"
	@$(BIN)/pip install -c constraints.txt -e ".[dev,dask]" >> $(VENV)/install.log 2>&1 || \
		(tail -n 30 $(VENV)/install.log; echo "install failed: see $(VENV)/install.log"; exit 1)
	@touch $(STAMP)

setup: $(STAMP)  ## create the environment (.venv) if needed

build: setup  ## build the tables of every corpus in data/raw
	$(BIN)/framing build

report: setup fonts  ## build every corpus and render its notebooks and report into reports/
	$(BIN)/framing report

test: setup browser fonts  ## run the test suite
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# The browser test drives Debian's chromium; install it when missing and we may (root, apt).
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get > /dev/null; then \
			echo "installing chromium and chromium-driver for the browser test (log in $(VENV)/apt.log)"; \
			(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
				chromium chromium-driver) > $(VENV)/apt.log 2>&1 || \
				(tail -n 20 $(VENV)/apt.log; echo "could not install chromium: see $(VENV)/apt.log"; exit 1); \
		else \
			echo "note: chromium and chromium-driver are missing; the browser test will be skipped" \
			     "(install them: sudo apt-get install chromium chromium-driver)"; \
		fi; \
	fi

# Charts draw CJK and emoji outlet names with fallback fonts; install them when missing and we may
# (root, apt). Without them such characters show as empty boxes; everything else works.
fonts:
	@if ! fc-list 2>/dev/null | grep -qi -e "droid sans fallback" -e "noto sans cjk" -e "wenquanyi"; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get > /dev/null; then \
			echo "installing fonts for CJK and emoji labels (log in $(VENV)/apt-fonts.log)"; \
			(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
				fonts-droid-fallback fonts-symbola) > $(VENV)/apt-fonts.log 2>&1 || \
				echo "note: could not install fonts-droid-fallback fonts-symbola (see $(VENV)/apt-fonts.log);" \
				     "CJK and emoji labels will show as boxes"; \
		else \
			echo "note: no CJK/emoji font; such labels show as boxes" \
			     "(install them: sudo apt-get install fonts-droid-fallback fonts-symbola)"; \
		fi; \
	fi

lab: setup fonts  ## open JupyterLab on the notebooks
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/

bench: setup  ## run the benchmarks (SIZES=1000,10000 to choose corpus sizes)
	@mkdir -p benchmarks/results
	@for script in benchmarks/bench_*.py; do echo "== $$script"; SIZES=$(SIZES) SOAK_RUNS=$(SOAK_RUNS) $(BIN)/python $$script || exit 1; done

soak: setup  ## run framing report on the seeds SOAK_RUNS times (default 20): stalls, slowest notebook
	@mkdir -p benchmarks/results
	SOAK_RUNS=$(SOAK_RUNS) $(BIN)/python benchmarks/bench_soak.py

clean: setup  ## remove the tables and reports framing wrote (raw data, coding sheets and your own files stay)
	$(BIN)/framing clean
