# Two commands for a fresh machine: `make site` builds the site, `make test` runs every test.
# Both create (or reuse) .venv and install what they need; `make test` also installs Debian's chromium.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve validate test chromium schema print bench clean

site: $(STAMP)
	$(PY) -m generator build

serve: $(STAMP)
	$(PY) -m generator serve

validate: $(STAMP)
	$(PY) -m generator validate

# Two workers (this machine has two cores). Tests are handed out one by one, except the files listed in
# tests/conftest.py's WHOLE_FILES (a site built once per file, or a summary test that reads what the file's other
# tests counted), which run whole on one worker. Summaries for the record are printed at the end.
test: $(STAMP) chromium
	$(PY) -m pytest -n 2 --dist loadgroup

# The ambassadors' handbook and the partner flyers as PDF, in build/print/. The flyers' QR codes need the
# site's public address: `make print SITE_URL=https://…` (or site_url in mkdocs.yml).
print: $(STAMP) chromium
	$(PY) -m generator build
	$(PY) -m generator print $(if $(SITE_URL),--site-url $(SITE_URL))

# Benchmarks (not part of `make test`): writes bench/RESULTS.md. `make bench QUICK=1` skips the 100x scale step;
# `make bench ONLY=build,preview` runs only those sections (build, scale, preview, weight, interaction,
# lighthouse) and replaces only their rows or section.
bench: $(STAMP) chromium bench/node/node_modules
	$(PY) bench/run.py $(if $(QUICK),--quick) $(if $(ONLY),--only $(ONLY))

# Lighthouse for the bench, pinned in bench/node/package-lock.json (12.2.3: 13.x needs Node 22).
bench/node/node_modules: bench/node/package.json bench/node/package-lock.json
	npm ci --prefix bench/node --no-audit --no-fund
	touch $@

schema: $(STAMP)
	$(PY) -m generator schema --out schema/rules.schema.json

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Debian's chromium drives the browser tests; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium (needed by the browser tests)…"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

clean:
	rm -rf site .site-* build
