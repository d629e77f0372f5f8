# The README's commands. `make run` and `make test` install whatever is missing first.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
MODEL := models/whisper-base/model.bin

.PHONY: setup run test demo bench bench-gpu lint services clean web

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip wheel

# llama-cpp-python from a wheel built once per machine with portable CPU flags
# (scripts/llama-wheel.sh says why), compiled while the rest installs (scripts/install.sh).
$(STAMP): $(BIN)/python pyproject.toml scripts/install.sh scripts/llama-wheel.sh
	scripts/install.sh
	rm -f $(VENV)/.installed-* && touch $@

$(MODEL): $(STAMP)
	$(BIN)/st setup-models

# The web app (web/), built into web/dist for the API to serve under /app/ whenever its
# sources, its lock file or the API schema it is typed from changed.
WEB_STAMP := web/dist/.built
WEB_SOURCES := $(shell find web/src -type f ! -name '*.gen.ts' 2>/dev/null) web/index.html \
  web/package.json web/tsconfig.json web/vite.config.ts
$(WEB_STAMP): web/package-lock.json web/openapi.json $(WEB_SOURCES) scripts/web-build.sh
	scripts/web-build.sh
	touch $@

web: $(WEB_STAMP)

services:
	scripts/services.sh

setup: $(STAMP) $(MODEL) $(WEB_STAMP) services
	$(BIN)/st migrate
	$(BIN)/st dagster-home
	$(BIN)/dbt parse --quiet --project-dir dbt_metrics --profiles-dir dbt_metrics

run: setup
	scripts/run.sh

test: setup
	scripts/system-deps.sh
	$(BIN)/python -m pytest

demo:
	@test -n "$(FILE)" || { echo "usage: make demo FILE=path/to/recording.wav [LANGUAGE=fr] [CONTEXT=agenda.pdf] [SPEAKERS=4]"; exit 2; }
	$(BIN)/st transcribe "$(FILE)" --language "$(or $(LANGUAGE),auto)" --token "$$(cat var/demo_token)" \
	  $(foreach doc,$(CONTEXT),--context "$(doc)") $(if $(SPEAKERS),--speakers $(SPEAKERS))

bench: setup
	scripts/system-deps.sh
	$(BIN)/python -m bench.asr_rtf
	$(BIN)/python -m bench.diarize_rtf
	$(BIN)/python -m bench.pipeline_rtf
	$(BIN)/python -m bench.search_latency

# On a machine with an NVIDIA GPU and a vLLM server: LLM_URL=http://…/v1 LLM=model-name.
bench-gpu: setup
	scripts/system-deps.sh
	$(BIN)/python -m bench.gpu $(if $(LLM_URL),--llm-url $(LLM_URL)) $(if $(LLM),--llm-model $(LLM))

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf var

# Development set (espeak-ng + sox, fixed seed, cached in var/devset) and the evaluation
# harness over it: WER, DER/JER, speaker counts, speed -> eval/results/<run>.{json,md}.
.PHONY: devset eval
SEED ?= 0
devset: $(STAMP)
	scripts/system-deps.sh
	$(BIN)/python -m eval.devset var/devset --seed $(SEED)

eval: setup devset
	$(BIN)/st eval var/devset --out eval/results --start-gpu-service
