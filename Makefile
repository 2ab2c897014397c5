# The two commands of the README:  `make audit` (main job)  and  `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup lock docs audit app test score clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock scripts/install-system-packages.sh
	bash scripts/install-system-packages.sh
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

# Re-resolve requirements.lock after editing the dependencies in pyproject.toml (pins kept where they
# still fit); `make lock UPGRADE=1` moves every pin to the newest allowed release.
lock: $(STAMP)
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 \
		$(if $(UPGRADE),--upgrade) -q -o requirements.lock

audit: $(STAMP)
	$(VENV)/bin/reglint check corpora/regulations/*.txt --format text --fail-on never
	$(VENV)/bin/reglint batch corpora --db out/audit.sqlite --out out

app: $(STAMP)
	$(VENV)/bin/streamlit run app.py

test: $(STAMP)
	$(VENV)/bin/ruff check analyzer reference tests bench app.py app_pages
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(PY) -m pytest -q

# After adding or changing a check: docs/findings.md and analyzer/codes.json (what `reglint explain` reads).
docs: $(STAMP)
	$(PY) -m analyzer.checks.catalogue

score: $(STAMP)
	$(PY) ../shared/eval/score.py --gold ../shared/gold --docs ../shared/corpora/regulations \
		--cmd "$(VENV)/bin/reglint check --format json" -v

clean:
	rm -rf $(VENV) build *.egg-info
