# Ventanilla: the two commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_HOME ?= $(CURDIR)/.demo
DEMO_ACCOUNTS ?= 2000

QT_LIBS_OFFSCREEN := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
QT_LIBS_WINDOW := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0

.PHONY: demo test bench venv syslibs syslibs-window translations screenshots postgres chaos clean

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m ui.i18n compile
	@touch $@

venv: $(VENV)/.installed

# Install the system libraries Qt needs, when missing.  As root on Debian we
# install them; otherwise we say exactly what to install.
define ensure_libs
	@command -v dpkg >/dev/null || exit 0; \
	missing=""; \
	for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Qt system libraries:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null || \
	    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; }; \
	  else \
	    echo "Qt needs these system libraries: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
endef

syslibs:
	$(call ensure_libs,$(QT_LIBS_OFFSCREEN))

syslibs-window: syslibs
	$(call ensure_libs,$(QT_LIBS_WINDOW))

translations: venv
	$(PY) -m ui.i18n compile

screenshots: venv
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots docs/screenshots

# The central service's PostgreSQL tests need a server.  As root on Debian we
# install the packaged one when missing and start its clusters (there is no
# init system); the tests create their password role and database and reach
# it over TCP on 127.0.0.1.  Elsewhere the tests skip with the reason, except
# under CI=true, where they must run.
postgres:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  if ! command -v pg_ctlcluster >/dev/null; then \
	    echo "Installing PostgreSQL (Debian package) for the central service's tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1; } || \
	    echo "PostgreSQL could not be installed: its tests will say so"; \
	  fi; \
	  pg_lsclusters -h 2>/dev/null | while read ver name rest; do pg_ctlcluster "$$ver" "$$name" start 2>/dev/null || true; done; \
	fi

test: syslibs venv postgres
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -rs

bench: venv
	$(PY) -m bench.run

demo: syslibs-window venv
	VENTANILLA_HOME=$(DEMO_HOME) $(PY) -m ventanilla demo --accounts $(DEMO_ACCOUNTS)

# The long reliability campaigns (crash, hostile network, bad input, intruders,
# load); they rewrite the table in docs/reliability.md.  make test runs the
# short version of each.
chaos: venv postgres
	$(PY) -m tools.chaos all

clean:
	rm -rf $(VENV) .demo build *.egg-info
