#!/usr/bin/env bash
# Install the project into .venv (the Makefile's setup step). llama-cpp-python compiles
# (scripts/llama-wheel.sh: CPU-bound, minutes on a fresh machine) while every other
# dependency downloads and unpacks; then its wheel goes in, then the project itself.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
wheel_path=$(mktemp)
trap 'rm -f "$wheel_path"' EXIT
PIP=$BIN/pip scripts/llama-wheel.sh >"$wheel_path" &
build=$!
$BIN/python scripts/requirements.py --extra test --without llama-cpp-python \
    >.venv/requirements-others.txt
$BIN/pip install -q -r .venv/requirements-others.txt
wait "$build"
$BIN/pip install -q --no-deps --force-reinstall "$(cat "$wheel_path")"
# Last, and always reinstalled (editable): the project's `st` script must be the one left
# in .venv/bin, since schemathesis (a test dependency) installs an `st` of its own.
$BIN/pip install -q -e ".[test]"
