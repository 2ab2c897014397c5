# The two commands of the README:  `make audit` (main job)  and  `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup audit app test score clean

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/install-system-packages.sh
	bash scripts/install-system-packages.sh
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

audit: $(STAMP)
	$(VENV)/bin/reglint check corpora/regulations/*.txt --format text --fail-on never
	$(VENV)/bin/reglint batch corpora --db out/audit.sqlite --out out

app: $(STAMP)
	$(VENV)/bin/streamlit run app.py

test: $(STAMP)
	$(VENV)/bin/ruff check analyzer reference tests bench app.py app_pages
	$(PY) -m pytest -q

score: $(STAMP)
	$(PY) ../shared/eval/score.py --gold ../shared/gold --docs ../shared/corpora/regulations \
		--cmd "$(VENV)/bin/reglint check --format json" -v

clean:
	rm -rf $(VENV) build *.egg-info
