#!/usr/bin/env bash
# `make run`: start gpu_service, the API, and Dagster (code server, webserver, daemon) on embedded
# defaults, wait until each answers, print where they listen, and stop them all on Ctrl-C or
# when one fails to come up. Refuses to start on a port already taken.
set -euo pipefail
cd "$(dirname "$0")/.."

export DAGSTER_HOME="${DAGSTER_HOME:-$PWD/var/dagster_home}"
GPU_PORT="${GPU_SERVICE_PORT:-8000}"
API_PORT="${API_PORT:-8001}"
DAGSTER_PORT="${DAGSTER_PORT:-3000}"
export DAGSTER_CODE_SERVER_HOST="${DAGSTER_CODE_SERVER_HOST:-127.0.0.1}"
export DAGSTER_CODE_SERVER_PORT="${DAGSTER_CODE_SERVER_PORT:-4266}"
export DAGSTER_METRICS_SERVER_HOST="${DAGSTER_METRICS_SERVER_HOST:-127.0.0.1}"
export DAGSTER_METRICS_SERVER_PORT="${DAGSTER_METRICS_SERVER_PORT:-4267}"
export MEETNOO_API_URL="${MEETNOO_API_URL:-http://127.0.0.1:$GPU_PORT}"
LOGS="${ST_LOG_DIR:-var/logs}"
mkdir -p "$LOGS"
BIN=.venv/bin
pids=()

port_taken() {  # port: something already listens on it
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

for port in "$GPU_PORT" "$API_PORT" "$DAGSTER_PORT" "$DAGSTER_CODE_SERVER_PORT" \
  "$DAGSTER_METRICS_SERVER_PORT"; do
  # gRPC lets a second Dagster code server bind a port a stale one holds: check them all.
  if port_taken "$port"; then
    echo "port $port is already in use (a process of an earlier run, or another program);" \
      "stop it or choose other ports (GPU_SERVICE_PORT, API_PORT, DAGSTER_PORT," \
      "DAGSTER_CODE_SERVER_PORT, DAGSTER_METRICS_SERVER_PORT)" >&2
    exit 1
  fi
done

any_alive() {  # whether a process of a group started here is still there
  for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && return 0; done
  return 1
}

stop() {  # every process group started here: TERM, then KILL what is still there after 15 s
  trap - EXIT INT TERM
  echo; echo "stopping..."
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for _ in $(seq 30); do any_alive || return 0; sleep 0.5; done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  # A killed process lingers until the kernel has torn it down: exit only once it is gone.
  for _ in $(seq 20); do any_alive || return 0; sleep 0.25; done
}
trap stop EXIT INT TERM

start() {  # name, command...: its own process group, logs in var/logs/NAME.log
  local name=$1; shift
  # bash starts background commands with SIGINT ignored, and Dagster's processes map
  # SIGTERM onto SIGINT's handler: without the default back they ignore SIGTERM too.
  setsid env --default-signal=INT "$@" >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
}

wait_for() {  # name, url, seconds
  for _ in $(seq "$3"); do
    curl -fsS "$2" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "$1 did not come up; see $LOGS/$1.log" >&2
  tail -n 20 "$LOGS/$1.log" >&2
  exit 1
}

wait_for_gpu_service() {  # seconds: ready or degraded (200); an engine dead is a failure now
  local body
  for _ in $(seq "$1"); do
    body=$(curl -sS "http://127.0.0.1:$GPU_PORT/ready" 2>/dev/null || true)
    case "$body" in
      *'"status":"ready"'* | *'"status":"degraded"'*) return 0 ;;
      *'"status":"dead"'*)
        echo "gpu_service cannot serve: $body" >&2
        echo "see $LOGS/gpu_service.log" >&2
        exit 1 ;;
    esac
    sleep 1
  done
  echo "gpu_service did not come up; see $LOGS/gpu_service.log" >&2
  tail -n 20 "$LOGS/gpu_service.log" >&2
  exit 1
}

wait_for_code_server() {  # name host port seconds
  for _ in $(seq "$4"); do
    "$BIN/dagster" api grpc-health-check -h "$2" -p "$3" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "$1 did not come up; see $LOGS/$1.log" >&2
  exit 1
}

# Inference and the pipeline's runs (launched by the code server) are batch work: niced,
# so the API answers users promptly while they use every core.
start gpu_service nice -n 10 "$BIN/python" -m gpu_service --port "$GPU_PORT"
start api "$BIN/uvicorn" api.main:app --host 127.0.0.1 --port "$API_PORT"
start dagster-code-server nice -n 10 "$BIN/dagster" code-server start -m st_assets.definitions \
  --location-name smart_transcription -h "$DAGSTER_CODE_SERVER_HOST" -p "$DAGSTER_CODE_SERVER_PORT"
start dagster-metrics-server nice -n 10 "$BIN/dagster" code-server start \
  -m st_assets.metrics_definitions --location-name metrics -h "$DAGSTER_METRICS_SERVER_HOST" \
  -p "$DAGSTER_METRICS_SERVER_PORT"
# The daemon and the webserver load the locations from them.
wait_for_code_server dagster-code-server "$DAGSTER_CODE_SERVER_HOST" "$DAGSTER_CODE_SERVER_PORT" 120
wait_for_code_server dagster-metrics-server "$DAGSTER_METRICS_SERVER_HOST" \
  "$DAGSTER_METRICS_SERVER_PORT" 120
# Runs an earlier stack left in progress died with it: failed, they free the queue's slots.
"$BIN/st" recover-runs
start dagster-daemon "$BIN/dagster-daemon" run -w workspace.yaml
start dagster-webserver "$BIN/dagster-webserver" -w workspace.yaml -h 127.0.0.1 -p "$DAGSTER_PORT"

wait_for_gpu_service 240
wait_for api "http://127.0.0.1:$API_PORT/health" 60
wait_for dagster-webserver "http://127.0.0.1:$DAGSTER_PORT/server_info" 120

token=$("$BIN/st" create-tenant demo | "$BIN/python" -c "import json,sys; print(json.load(sys.stdin)['token'])")
umask 077; echo "$token" > var/demo_token

llm=$(curl -fsS "http://127.0.0.1:$GPU_PORT/ready" | "$BIN/python" -c \
  "import json,sys; e=json.load(sys.stdin)['engines']['llm']; print(e['state'], e['reason'] or '')")
if [ "${llm%% *}" != ready ]; then
  echo "WARNING: the LLM is ${llm} — recordings complete as completed_degraded (names from" \
    "voiceprints and rules, raw text) until it is back; see $LOGS/gpu_service.log" >&2
fi

cat <<TXT

Smart Transcription is running (logs in $LOGS/):
  gpu_service  http://127.0.0.1:$GPU_PORT   (OpenAI-compatible /v1/audio/transcriptions, /ready)
  API          http://127.0.0.1:$API_PORT   (docs: /docs, health: /health)
  Dagster UI   http://127.0.0.1:$DAGSTER_PORT   (asset graph, runs, partitions; daemon running)

Token of tenant "demo" (also in var/demo_token):
  $token

Transcribe a recording, following its progress live:
  make demo FILE=path/to/meeting.wav          (or: .venv/bin/st transcribe FILE --token \$(cat var/demo_token))
Or with curl:
  curl -H "Authorization: Bearer $token" -F audio_file=@meeting.wav -F language=fr \\
       http://127.0.0.1:$API_PORT/api/transcripts/create-with-rag

Ctrl-C stops everything.
TXT
wait -n "${pids[@]}"
echo "a process exited; see $LOGS/" >&2
