# Two commands on a fresh machine: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test bench install lint typecheck contracts check-python clean demo screenshots

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ").")'

$(PY): | check-python
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: $(PY) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(PY) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@ $(VENV)/.installed-app

run: $(VENV)/.installed-app
	$(BIN)/wellbeing-app

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

contracts: $(VENV)/.installed-test
	$(BIN)/lint-imports

test: lint typecheck contracts
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n auto --dist worksteal

# The wellbeing-app command for this user, on PATH from any folder, in its own environment (pipx).
install: | check-python
	@command -v pipx >/dev/null 2>&1 || { \
		echo "make install needs pipx, which installs Python applications for your user. Install it"; \
		echo "(Debian/Ubuntu: sudo apt install pipx; macOS: brew install pipx; else: $(PYTHON) -m pip install --user pipx),"; \
		echo "run 'pipx ensurepath', open a new terminal and run 'make install' again."; \
		echo "Meanwhile the command works from this folder as .venv/bin/wellbeing-app (after 'make run' or 'make test')."; \
		exit 2; }
	pipx install --force --pip-args="-c $(CURDIR)/constraints.txt" "$(CURDIR)"
	@echo "Installed: run 'wellbeing-app --help' from any folder (open a new terminal if it is not found yet)."

demo: $(VENV)/.installed-app
	$(BIN)/wellbeing-app --demo

screenshots: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run

clean:
	rm -rf $(VENV) build *.egg-info
