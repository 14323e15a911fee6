# Two commands do all the set-up on a fresh machine: `make report` and `make test`.
# Each creates the virtual environment at .venv/ on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: all venv report test lint lab evaluate benchmark fuzz lock clean

all: test report

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,notebooks,evaluation]'
	touch $(STAMP)

venv: $(STAMP)

## report: execute every notebook in a fresh kernel and write reports/*.html
report: $(STAMP)
	$(BIN)/python scripts/reports.py notebooks reports

## test: lint, unit tests, evaluations' smoke checks and every notebook executed
test: $(STAMP)
	$(BIN)/ruff check src tests evaluation benchmarks scripts notebooks
	$(BIN)/ruff format --check src tests evaluation benchmarks scripts notebooks
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check --fix src tests evaluation benchmarks scripts notebooks
	$(BIN)/ruff format src tests evaluation benchmarks scripts notebooks

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

## evaluate: rerun the validations against ../shared/data (skipped where absent)
evaluate: $(STAMP)
	for f in evaluation/eval_*.py; do $(BIN)/python $$f || exit 1; done

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_analyze.py

## fuzz: the property tests with a large budget (CI runs a small one)
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/test_properties.py

## lock: refresh constraints.txt from the current environment
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^rhetoric' > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
