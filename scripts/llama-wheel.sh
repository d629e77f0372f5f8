#!/usr/bin/env bash
# Build llama-cpp-python once per machine and CPU feature set, keep the wheel, and print
# its path (scripts/install.sh installs it; the project then needs no build).
#
# Why not pip's own build: it compiles with -march=native, which enables whatever the CPU
# advertises — AMX on some Xeons, whose path segfaults there (SPEC §8) — and pip's cache
# then hides any change of flags. Here the CPU features are named, not guessed:
#
#   LLAMA_CPU=host (default)  the features this machine has among a list llama.cpp's CPU
#                             variants are built from: AVX2/FMA/F16C/BMI2, AVX-512
#                             (F/CD/VL/DQ/BW), AVX512-VBMI, AVX512-VNNI, AVX512-BF16,
#                             AVX-VNNI. Never AMX. The wheel is kept under a key made of
#                             those flags, so a machine with other features builds its own.
#   LLAMA_CPU=x86-64-v3       AVX2/FMA/F16C/BMI2 only: any x86-64 server CPU since 2013
#                             (Haswell, Zen). For an image or a venv that moves between
#                             machines (the Dockerfile uses it). ~30% slower here.
#   LLAMA_CMAKE_ARGS=...      these flags instead (e.g. -DGGML_CUDA=ON on a GPU host).
#
# Only the libraries we load are built (no multimodal `mtmd`). Measured in
# docs/MEASUREMENTS.md, "LLM engine" and "Set-up time".
set -euo pipefail
VERSION=0.3.36
PIP=${PIP:-.venv/bin/pip}

has() { grep -qw "$1" /proc/cpuinfo; }

cpu_flags() {
  local flags="-DGGML_NATIVE=OFF"
  if [ "$(uname -m)" != x86_64 ]; then
    echo "$flags"; return
  fi
  if ! { has avx2 && has fma && has f16c && has bmi2; }; then
    echo "$flags -DGGML_AVX2=OFF -DGGML_FMA=OFF -DGGML_F16C=OFF"; return
  fi
  flags="$flags -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
  if [ "${LLAMA_CPU:-host}" = x86-64-v3 ]; then
    echo "$flags"; return
  fi
  has avx_vnni && flags="$flags -DGGML_AVX_VNNI=ON"
  if has avx512f && has avx512cd && has avx512vl && has avx512dq && has avx512bw; then
    flags="$flags -DGGML_AVX512=ON"
    has avx512vbmi && flags="$flags -DGGML_AVX512_VBMI=ON"
    has avx512_vnni && flags="$flags -DGGML_AVX512_VNNI=ON"
    has avx512_bf16 && flags="$flags -DGGML_AVX512_BF16=ON"
  fi
  echo "$flags"
}

FLAGS="${LLAMA_CMAKE_ARGS:-$(cpu_flags)} -DLLAVA_BUILD=OFF"
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
  echo "$FLAGS" >"$house/FLAGS"
  mv "$tmp"/llama_cpp_python-*.whl "$house/"
  wheel=$(ls "$house"/llama_cpp_python-"$VERSION"-*.whl | head -n1)
fi
echo "$wheel"
