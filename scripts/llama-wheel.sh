#!/usr/bin/env bash
# Build llama-cpp-python once per machine for a portable CPU target, keep the wheel, and
# print its path (the Makefile installs it before the project, which then needs no build).
#
# Why not pip's own build: it compiles with -march=native, so the library uses whatever
# the build machine has, and pip's cache then hides any change of flags. On some Xeons the
# AMX code that a native build enables segfaults (SPEC §8). Here, on x86-64: no native
# flags, AVX2/FMA/F16C/BMI2 (every x86-64 server CPU since 2013: Haswell, Zen), no AMX or
# AVX-512 code at all; and only the libraries we load (no multimodal `mtmd`). Measured in
# README "LLM engine". LLAMA_CMAKE_ARGS replaces the flags (e.g. a CUDA build on a GPU host).
set -euo pipefail
VERSION=0.3.36
PIP=${PIP:-.venv/bin/pip}
if [ "$(uname -m)" = x86_64 ]; then
  DEFAULT="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
else
  DEFAULT="-DGGML_NATIVE=OFF"
fi
FLAGS="${LLAMA_CMAKE_ARGS:-$DEFAULT} -DLLAVA_BUILD=OFF"
key=$(echo "$VERSION $FLAGS" | sha1sum | cut -c1-12)
house="${ST_WHEELHOUSE:-${XDG_CACHE_HOME:-$HOME/.cache}/smart-transcription/wheels}/llama-$key"
wheel=$(ls "$house"/llama_cpp_python-"$VERSION"-*.whl 2>/dev/null | head -n1 || true)
if [ -z "$wheel" ]; then
  echo "building llama-cpp-python $VERSION ($FLAGS), once per machine: a few minutes" >&2
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  CMAKE_ARGS="$FLAGS" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" "$PIP" wheel -q --no-cache-dir \
    --no-deps --no-binary llama-cpp-python "llama-cpp-python==$VERSION" -w "$tmp" >&2
  mkdir -p "$house"
  mv "$tmp"/llama_cpp_python-*.whl "$house/"
  wheel=$(ls "$house"/llama_cpp_python-"$VERSION"-*.whl | head -n1)
fi
echo "$wheel"
