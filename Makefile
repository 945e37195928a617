# Svodka: `make demo` and `make test` do all set-up on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
PORT   ?= 8000

.PHONY: setup demo serve-demo test test-fast lint format bench bench-ingest bench-nlp bench-stories bench-compare bench-web browser-deps clean

setup: $(STAMP)

# natasha 1.6 and yargy declare pymorphy2, which breaks on Python 3.11: they are installed without their
# declared dependencies, and svodka.nlp.morph registers pymorphy3 under the name pymorphy2.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip "setuptools<81" wheel
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip install --quiet --no-deps natasha==1.6.0 yargy==0.16.0 ipymarkup==0.9.0
	touch $(STAMP)

demo: setup
	$(BIN)/svodka demo --db svodka-demo.db
	@echo
	@echo "Serving the sample corpus at http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/svodka serve --db svodka-demo.db --port $(PORT)

# Browser tests drive Debian's Chromium; install it when we can (root), else they are skipped with a reason.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "could not install chromium: browser tests will be skipped"; \
	fi

test: setup browser-deps
	$(BIN)/pytest -q

test-fast: setup
	$(BIN)/pytest -q -m "not slow and not browser"

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

bench: bench-ingest bench-nlp bench-stories bench-compare bench-web

bench-ingest: setup
	$(BIN)/python -m benchmarks.bench_ingest $(SHARED)/corpora/tg-ru-2024/posts.jsonl
	$(BIN)/python -m benchmarks.bench_killtest $(SHARED)/corpora/tg-ru-2024/posts.jsonl

bench-nlp: setup
	$(BIN)/python -m benchmarks.bench_ner $(SHARED)/data/factru
	$(BIN)/python -m benchmarks.bench_names $(SHARED)/data/factru
	$(BIN)/python -m benchmarks.bench_quotes $(SHARED)/data/quotes
	$(BIN)/python -m benchmarks.check_seeds $(SHARED)/seeds
	$(BIN)/python -m benchmarks.bench_nlp_speed $(SHARED)/corpora/tg-ru-2024/posts.jsonl

bench-stories: setup
	$(BIN)/python -m benchmarks.bench_clustering $(SHARED)/data/clustering/toloka_pairs.jsonl
	$(BIN)/python -m benchmarks.bench_stories_speed $(SHARED)/corpora/tg-ru-2024/posts.jsonl
	$(BIN)/python -m benchmarks.top_stories $(SHARED)/corpora/tg-ru-2024/posts.jsonl

bench-compare: setup
	$(BIN)/python -m benchmarks.check_compare_seeds $(SHARED)/seeds
	$(BIN)/python -m benchmarks.bench_compare_speed $(SHARED)/corpora/tg-ru-2024/posts.jsonl

bench-web: setup
	$(BIN)/python -m benchmarks.bench_web $(SHARED)/corpora/tg-ru-2024/posts.jsonl

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache test-artifacts svodka-demo.db*
